// The builder's exercise finder: name or other name, suited to a condition, start position, equipment; each
// row with its start drawing and an Add button that puts the exercise where the physiotherapist is working.
import { make, later } from "./builder-kit.js";
import { matches, warningsFor } from "./lib/routine-logic.js";
import { t, plural } from "./lib/i18n.js";

const CHUNK = 8; // exercises per idle piece of the first list: short tasks at load
const FIRST = 12; // rows shown before "Show all" while no search or filter is set: a phone's page stays short

export function finder(ctx) {
  const { data, state, positions, equipment } = ctx;
  const q = make("input", { id: "lh-b-q", type: "search", class: "md-input md-input--stretch", value: state.query, autocomplete: "off" });
  const pos = make("select", { id: "lh-b-pos", class: "md-input" }, [make("option", { value: "", text: t("Any position") })]
    .concat(data.positions.filter((p) => data.exercises.some((e) => e.position === p.id)).map((p) => make("option", { value: p.id, text: p.title }))));
  pos.value = state.position;
  const kit = make("select", { id: "lh-b-kit", class: "md-input" }, [make("option", { value: "", text: t("Any equipment") }), make("option", { value: "none", text: t("Nothing at all") })]
    .concat(data.equipment.filter((k) => data.exercises.some((e) => (e.equipment || []).includes(k.id))).map((k) => make("option", { value: k.id, text: k.title }))));
  kit.value = state.kit;
  const suited = make("select", { id: "lh-b-suited", class: "md-input" }, [make("option", { value: "", text: t("Any condition") })]
    .concat(data.conditions.map((c) => make("option", { value: c.id, text: c.title }))));
  suited.value = state.suited;
  const list = make("ul", { class: "lh-b-results", "aria-label": t("Exercises found") });
  const count = make("p", { class: "lh-b-count" });
  const more = make("button", { type: "button", class: "md-button lh-b-all", "data-focus": "show-all" });
  more.addEventListener("click", () => { state.showAll = true; fill(); const first = list.querySelectorAll(".lh-b-add")[FIRST]; if (first) first.focus(); });
  const suitedIds = (cid) => {
    const c = ctx.conditions.get(cid);
    const avoid = new Set(c.avoid.map((e) => e.exercise));
    const ids = new Set();
    for (const r of data.routines) if ((c.routines || []).includes(r.id)) for (const it of r.items) if (!avoid.has(it.exercise)) ids.add(it.exercise);
    return ids;
  };
  const row = (e) => {
    const button = make("button", { type: "button", class: "md-button lh-b-add", "data-focus": "add-" + e.id, "aria-label": t("Add {exercise}", { exercise: e.title }), text: t("Add") });
    button.addEventListener("click", () => ctx.add(e.id));
    const meta = [positions.get(e.position) || e.position].concat((e.equipment || []).map((k) => equipment.get(k) || k)).join("; ");
    const warnings = warningsFor(e, ctx.conditions.get(state.routine.condition) || null, data.patterns);
    return make("li", { "data-exercise": e.id }, [
      e.thumb ? make("img", { class: "lh-b-thumb", src: ctx.thumbs + encodeURIComponent(e.id) + ".svg", alt: "", loading: "lazy", width: 64, height: 40 }) : make("span", { class: "lh-b-thumb" }),
      make("span", { class: "lh-b-row-text" }, [make("span", { class: "lh-b-name", text: e.title }), make("span", { class: "lh-find-meta", text: " (" + meta + ")" }),
        warnings.length ? make("span", { class: "lh-b-row-warn", text: " " + t("(see its warning once added)") }) : null]),
      button]);
  };
  // The first list is drawn in idle pieces; a search or filter draws at once.
  const fill = (lazy) => {
    const run = (state.fillRun += 1);
    state.query = q.value; state.position = pos.value; state.kit = kit.value; state.suited = suited.value;
    const ids = state.suited ? suitedIds(state.suited) : null;
    const filtered = data.exercises.filter((e) => matches(e, state.query, data) && (!ids || ids.has(e.id)) &&
      (!state.position || e.position === state.position) &&
      (!state.kit || (state.kit === "none" ? !(e.equipment || []).length : (e.equipment || []).includes(state.kit))));
    const whole = state.showAll || state.query || state.position || state.kit || state.suited || filtered.length <= FIRST + 2;
    const sorted = () => filtered.sort((a, b) => ctx.order().get(a.id) - ctx.order().get(b.id)).slice(0, whole ? undefined : FIRST);
    more.hidden = Boolean(whole);
    more.textContent = plural(filtered.length, "Show all {n} exercises");
    count.textContent = filtered.length ? plural(filtered.length, { one: "{n} exercise found.", other: "{n} exercises found." }) : t("No exercise matches: clear a filter.");
    if (lazy !== true) { list.replaceChildren(...sorted().map(row)); return Promise.resolve(); }
    list.replaceChildren();
    return new Promise((resolve) => {
      let next = 0;
      let shown = null;
      const step = () => {
        if (run !== state.fillRun) { resolve(); return; } // superseded
        if (!shown) { shown = sorted(); later(step); return; }
        list.append(...shown.slice(next, next + CHUNK).map(row));
        next += CHUNK;
        if (next < shown.length) later(step);
        else resolve();
      };
      later(step);
    });
  };
  for (const field of [q, pos, kit, suited]) field.addEventListener(field === q ? "input" : "change", fill);
  state.listDrawn = fill(state.firstDraw);
  const field = (id, label, control) => make("p", { class: "lh-find-field" }, [make("label", { for: id, text: label }), make("br"), control]);
  const items = state.routine.items;
  const where = state.insertAt !== null && state.insertAt < items.length
    ? make("p", { class: "lh-b-where" }, [t("New exercises go after {exercise} (exercise {n}).", { exercise: ctx.exerciseTitle(items[state.insertAt - 1].id), n: state.insertAt }), " ",
      (() => { const b = make("button", { type: "button", class: "md-button", "data-focus": "where-end", text: t("Add at the end instead") });
        b.addEventListener("click", () => { state.insertAt = null; ctx.changed("lh-b-q"); }); return b; })()])
    : null;
  return make("section", { class: "lh-b-finder", "aria-labelledby": "lh-b-find-h" }, [
    make("h2", { id: "lh-b-find-h", text: t("Find exercises") }), where,
    make("div", { class: "lh-b-filters" }, [field("lh-b-q", t("Name or other name"), q), field("lh-b-suited", t("Suited to"), suited),
      field("lh-b-pos", t("Start position"), pos), field("lh-b-kit", t("Equipment"), kit)]),
    count, list, more]);
}
