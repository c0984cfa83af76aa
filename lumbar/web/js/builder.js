// The routine builder (docs/builder.md). The routine lives only in the address: #e=<code> while editing
// (a reload keeps it), #r=<code> in the link handed over (read-only). Nothing is stored or sent. Every
// value from the address or the data goes into the page as text (textContent), never as HTML.
import { decodeRoutine, encodeRoutine, emptyItem, emptyRoutine, cleanText, LIMITS } from "./lib/routine-link.js";
import { doseLine, freqLine, fromHandbook, resolveItems, warningsFor, swaps, matches } from "./lib/routine-logic.js";
import { qrcode } from "./vendor/qrcode-generator.min.js";
import { t, plural } from "./lib/i18n.js";

const SVG = "http://www.w3.org/2000/svg";
// Exercises per idle piece of the first list: short tasks at load.
const CHUNK = 8;

// `fn` when idle (0.5 s at most); setTimeout without requestIdleCallback.
function later(fn) {
  if (window.requestIdleCallback) window.requestIdleCallback(fn, { timeout: 500 });
  else setTimeout(fn, 1);
}

function make(tag, attrs, children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children || []) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

// The QR code of `text` as an <svg>: one path of dark modules, drawn with DOM calls.
export function qrSvg(text) {
  const code = qrcode(0, "M");
  code.addData(text, "Byte");
  code.make();
  const n = code.getModuleCount();
  const border = 4;
  let d = "";
  for (let y = 0; y < n; y += 1) for (let x = 0; x < n; x += 1) if (code.isDark(y, x)) d += "M" + (x + border) + " " + (y + border) + "h1v1h-1z";
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 " + (n + 2 * border) + " " + (n + 2 * border));
  svg.setAttribute("class", "lh-qr");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", t("QR code: scan it to open this routine"));
  const bg = document.createElementNS(SVG, "rect");
  bg.setAttribute("width", "100%");
  bg.setAttribute("height", "100%");
  bg.setAttribute("fill", "#fff");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", d);
  path.setAttribute("fill", "#000");
  svg.append(bg, path);
  return svg;
}

function numberField(label, value, max, key, index) {
  const id = "lh-b-" + key + "-" + index;
  const input = make("input", { id: id, type: "number", inputmode: "numeric", min: 0, max: max, step: 1,
    class: "md-input", "data-key": key, value: value === null ? "" : value });
  return make("p", { class: "lh-b-num" }, [make("label", { for: id, text: label }), input]);
}

function build(root, data, sheet) {
  const exercises = new Map(data.exercises.map((e) => [e.id, e]));
  const conditions = new Map(data.conditions.map((c) => [c.id, c]));
  const positions = new Map(data.positions.map((p) => [p.id, p.title]));
  const equipment = new Map(data.equipment.map((e) => [e.id, e.title]));
  // Title order, once, when first needed: the first collator loads collation data (slow).
  let rank = null;
  const order = () => {
    if (!rank) {
      const collator = new Intl.Collator();
      rank = new Map(data.exercises.slice().sort((a, b) => collator.compare(a.title, b.title)).map((e, i) => [e.id, i]));
    }
    return rank;
  };
  const exLink = root.getAttribute("data-exercise-link") || "../exercises/{id}/";
  const thumbs = root.getAttribute("data-thumbs") || "../api/thumbs/";
  const session = root.getAttribute("data-session") || "";
  const online = root.getAttribute("data-online") || "";
  const state = { routine: emptyRoutine(), mode: "edit", problems: [], missing: [], query: "", position: "", kit: "", suited: "",
    fillRun: 0, qrFor: null, firstDraw: true };

  const messages = make("div", { class: "lh-b-messages", role: "alert" });
  const status = make("p", { class: "lh-b-status", role: "status", "aria-live": "polite" });
  const main = make("div", { class: "lh-b-main" });
  root.replaceChildren(messages, main, status);
  root.hidden = false;

  function shareUrl() {
    const base = /^https?:$/.test(location.protocol) ? location.href.split("#")[0].split("?")[0] : online;
    return (base || location.href.split("#")[0]) + "#r=" + encodeRoutine(state.routine);
  }

  function say(text) {
    status.textContent = "";
    status.textContent = text;
  }

  function showProblems() {
    const lines = state.problems.slice();
    for (const id of state.missing) lines.push(t("\"{id}\" is no longer in the handbook: it is shown below without steps; remove it or choose another exercise.", { id }));
    messages.replaceChildren();
    if (!lines.length) return;
    messages.append(make("div", { class: "admonition warning lh-b-problem" }, [
      make("p", { class: "admonition-title", text: t("Part of this link could not be read") }),
      make("ul", {}, lines.map((line) => make("li", { text: line }))),
      make("p", { text: t("Everything else in the link was kept. Check the routine before you use it.") }),
    ]));
  }

  function setAddress() {
    const code = encodeRoutine(state.routine);
    const hash = (state.mode === "view" ? "#r=" : "#e=") + code;
    if (history.replaceState) history.replaceState(null, "", location.pathname + hash);
    state.hash = location.hash;
  }

  // Another link pasted into this tab changes only the hash: start again from it.
  window.addEventListener("hashchange", () => {
    if (location.hash !== state.hash) location.reload();
  });

  function changed(focusKey) {
    state.missing = state.routine.items.map((i) => i.id).filter((id) => !exercises.has(id));
    setAddress();
    render(focusKey);
  }

  function exerciseTitle(id) {
    return exercises.has(id) ? exercises.get(id).title : id;
  }

  function warningList(ex, compact) {
    const cond = conditions.get(state.routine.condition) || null;
    const warnings = warningsFor(ex, cond, data.patterns);
    if (!warnings.length) return null;
    return make("ul", { class: "lh-b-warnings" }, warnings.map((w) => {
      const label = w.kind === "pattern" ? t("Harmful movement: {title}", { title: w.title })
        : w.kind === "caution" ? t("Take care with {title}", { title: w.title }) : t("Avoid with {title}", { title: w.title });
      return make("li", { class: "lh-b-warn-" + w.kind }, [make("strong", { text: label + (compact ? "" : ". ") }), compact ? null : w.why]);
    }));
  }

  // The routine's own fields: title, how often, condition and its lists, the note for the patient.
  function routineFields() {
    const r = state.routine;
    const title = make("input", { id: "lh-b-title", class: "md-input md-input--stretch", maxlength: LIMITS.title, value: r.title, autocomplete: "off" });
    title.addEventListener("input", () => { r.title = cleanText(title.value, LIMITS.title); setAddress(); renderSheet(); });
    const times = make("input", { id: "lh-b-times", type: "number", min: 1, max: LIMITS.times, step: 1, class: "md-input", value: r.freq ? r.freq.times : "" });
    const per = make("select", { id: "lh-b-per", class: "md-input", "aria-label": t("Per") }, [
      make("option", { value: "day", text: t("a day") }), make("option", { value: "week", text: t("a week") })]);
    per.value = r.freq ? r.freq.per : "day";
    const setFreq = () => {
      const n = Number(times.value);
      r.freq = Number.isInteger(n) && n >= 1 && n <= LIMITS.times ? { times: n, per: per.value } : null;
      setAddress(); renderSheet();
    };
    times.addEventListener("input", setFreq);
    per.addEventListener("change", setFreq);
    const cond = make("select", { id: "lh-b-condition", class: "md-input md-input--stretch" }, [make("option", { value: "", text: t("None chosen") })]);
    for (const kind of ["condition", "goal"]) {
      const group = make("optgroup", { label: kind === "goal" ? t("Goals") : t("Back problems") });
      for (const c of data.conditions.filter((x) => x.kind === kind)) group.append(make("option", { value: c.id, text: c.title }));
      cond.append(group);
    }
    cond.value = conditions.has(r.condition) ? r.condition : "";
    cond.addEventListener("change", () => { r.condition = cond.value || null; changed("lh-b-condition"); });
    const note = make("textarea", { id: "lh-b-note", class: "md-input md-input--stretch", maxlength: LIMITS.note, rows: 2 });
    note.value = r.note;
    note.addEventListener("input", () => { r.note = cleanText(note.value, LIMITS.note); setAddress(); renderSheet(); });
    return make("fieldset", { class: "lh-b-routine" }, [
      make("legend", { text: t("The routine") }),
      make("p", {}, [make("label", { for: "lh-b-title", text: t("Title") }), make("br"), title]),
      make("p", { class: "lh-b-freq" }, [make("label", { for: "lh-b-times", text: t("How often (times)") }), " ", times, " ", per]),
      make("p", {}, [make("label", { for: "lh-b-condition", text: t("Condition or goal (shows what to avoid)") }), make("br"), cond]),
      conditionLists(),
      make("p", {}, [make("label", { for: "lh-b-note", text: t("Note for the patient ({max} characters at most)", { max: LIMITS.note }) }), make("br"), note]),
    ]);
  }

  function conditionLists() {
    const c = conditions.get(state.routine.condition);
    if (!c) return null;
    const box = make("div", { class: "admonition warning lh-b-condition-lists" }, [make("p", { class: "admonition-title", text: t("{condition}: what the handbook says", { condition: c.title }) })]);
    const avoid = c.avoid.map((e) => make("li", {}, [make("strong", { text: t("{exercise}:", { exercise: exerciseTitle(e.exercise) }) + " " }), e.why]))
      .concat(c.avoid_patterns.map((p) => make("li", { text: t("{pattern} (harmful movement)", { pattern: (data.patterns.find((x) => x.id === p) || {}).title || p }) })));
    if (avoid.length) box.append(make("p", { text: t("Avoid:") }), make("ul", { class: "lh-b-avoid" }, avoid));
    if (c.caution.length) box.append(make("p", { text: t("Take care with:") }), make("ul", { class: "lh-b-caution" },
      c.caution.map((e) => make("li", {}, [make("strong", { text: t("{exercise}:", { exercise: exerciseTitle(e.exercise) }) + " " }), e.why]))));
    if (!avoid.length && !c.caution.length) box.append(make("p", { text: t("The handbook lists nothing to avoid for it.") }));
    return box;
  }

  function add(id) {
    if (state.routine.items.length >= LIMITS.items) { say(plural(LIMITS.items, "A routine holds at most {n} exercises.")); return; }
    const ex = exercises.get(id);
    const item = emptyItem(id);
    item.perSide = Boolean(ex && ex.sides);
    state.routine.items.push(item);
    const warned = ex && warningsFor(ex, conditions.get(state.routine.condition) || null, data.patterns).length;
    say(warned ? t("Added {exercise} as exercise {n}: read its warning.", { exercise: exerciseTitle(id), n: state.routine.items.length })
      : t("Added {exercise} as exercise {n}.", { exercise: exerciseTitle(id), n: state.routine.items.length }));
    changed("add-" + id);
  }

  // Find exercises: name or other name, suited to a condition, start position, equipment.
  function finder() {
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
    const suitedIds = (cid) => {
      const c = conditions.get(cid);
      const avoid = new Set(c.avoid.map((e) => e.exercise));
      const ids = new Set();
      for (const r of data.routines) if ((c.routines || []).includes(r.id)) for (const it of r.items) if (!avoid.has(it.exercise)) ids.add(it.exercise);
      return ids;
    };
    // The first list is drawn in idle pieces; a search or filter draws at once.
    const fill = (lazy) => {
      const run = (state.fillRun += 1);
      state.query = q.value; state.position = pos.value; state.kit = kit.value; state.suited = suited.value;
      const ids = state.suited ? suitedIds(state.suited) : null;
      const filtered = data.exercises.filter((e) => matches(e, state.query, data) && (!ids || ids.has(e.id)) &&
        (!state.position || e.position === state.position) &&
        (!state.kit || (state.kit === "none" ? !(e.equipment || []).length : (e.equipment || []).includes(state.kit))));
      const sorted = () => filtered.sort((a, b) => order().get(a.id) - order().get(b.id));
      const row = (e) => {
        const button = make("button", { type: "button", class: "md-button lh-b-add", "data-focus": "add-" + e.id, "aria-label": t("Add {exercise}", { exercise: e.title }), text: t("Add") });
        button.addEventListener("click", () => add(e.id));
        const meta = [positions.get(e.position) || e.position].concat((e.equipment || []).map((k) => equipment.get(k) || k)).join("; ");
        return make("li", { "data-exercise": e.id }, [button, " ", make("span", { class: "lh-b-name", text: e.title }),
          make("span", { class: "lh-find-meta", text: " (" + meta + ")" }), warningList(e, true)]);
      };
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
    return make("section", { class: "lh-b-finder", "aria-labelledby": "lh-b-find-h" }, [
      make("h2", { id: "lh-b-find-h", text: t("Find exercises") }),
      make("div", { class: "lh-b-filters" }, [field("lh-b-q", t("Name or other name"), q), field("lh-b-suited", t("Suited to"), suited),
        field("lh-b-pos", t("Start position"), pos), field("lh-b-kit", t("Equipment"), kit)]),
      count, list]);
  }

  function move(index, by) {
    const items = state.routine.items;
    const to = index + by;
    if (to < 0 || to >= items.length) return;
    [items[index], items[to]] = [items[to], items[index]];
    say(t("{exercise} is now exercise {n} of {count}.", { exercise: exerciseTitle(items[to].id), n: to + 1, count: items.length }));
    changed((by < 0 ? "up-" : "down-") + to);
  }

  function itemEditor(item, index) {
    const ex = exercises.get(item.id);
    const n = state.routine.items.length;
    const heading = make("h3", { id: "lh-b-item-" + index }, [(index + 1) + ". ",
      ex ? make("a", { href: exLink.replace("{id}", encodeURIComponent(item.id)), text: ex.title }) : make("span", { text: t("{id}: no longer in the handbook", { id: item.id }) })]);
    const li = make("li", { class: "lh-b-item", draggable: "true", "data-index": index, "aria-labelledby": "lh-b-item-" + index }, [heading]);
    if (ex) li.append(make("p", { class: "lh-position", text: positions.get(ex.position) || ex.position }));
    if (ex) { const w = warningList(ex, false); if (w) li.append(w); }
    const doses = make("div", { class: "lh-b-doses" }, [
      numberField(t("Repetitions"), item.reps, LIMITS.reps, "reps", index),
      numberField(t("Sets"), item.sets, LIMITS.sets, "sets", index),
      numberField(t("Hold (seconds)"), item.hold, LIMITS.hold, "hold", index),
      numberField(t("Rest (seconds)"), item.rest, LIMITS.rest, "rest", index),
    ]);
    doses.addEventListener("input", (event) => {
      const key = event.target.getAttribute("data-key");
      if (!key) return;
      const v = event.target.value === "" ? null : Number(event.target.value);
      item[key] = Number.isInteger(v) && v >= 0 && v <= LIMITS[key] ? v : null;
      line.textContent = doseLine(item);
      setAddress(); renderSheet();
    });
    const sideId = "lh-b-side-" + index;
    const side = make("input", { id: sideId, type: "checkbox", checked: item.perSide });
    side.addEventListener("change", () => { item.perSide = side.checked; line.textContent = doseLine(item); setAddress(); renderSheet(); });
    const noteId = "lh-b-itemnote-" + index;
    const note = make("input", { id: noteId, class: "md-input md-input--stretch", maxlength: LIMITS.itemNote, value: item.note, autocomplete: "off" });
    note.addEventListener("input", () => { item.note = cleanText(note.value, LIMITS.itemNote); setAddress(); renderSheet(); });
    const line = make("span", { class: "lh-b-dose", text: doseLine(item) });
    li.append(doses, make("p", {}, [side, " ", make("label", { for: sideId, text: t("Each side") })]),
      make("p", {}, [make("label", { for: noteId, text: t("Note ({max} characters at most)", { max: LIMITS.itemNote }) }), make("br"), note]),
      make("p", {}, [make("strong", { text: t("Dose:") + " " }), line]));
    const buttons = make("p", { class: "lh-b-buttons" });
    const button = (text, label, key, action, disabled) => {
      const b = make("button", { type: "button", class: "md-button", text: text, "aria-label": label, "data-focus": key, disabled: disabled });
      b.addEventListener("click", action);
      buttons.append(b, " ");
    };
    const title = exerciseTitle(item.id);
    button(t("Move up"), t("Move {exercise} up", { exercise: title }), "up-" + index, () => move(index, -1), index === 0);
    button(t("Move down"), t("Move {exercise} down", { exercise: title }), "down-" + index, () => move(index, 1), index === n - 1);
    button(t("Remove"), t("Remove {exercise}", { exercise: title }), "remove-" + index, () => {
      state.routine.items.splice(index, 1);
      say(t("Removed {exercise}.", { exercise: title }));
      changed(state.routine.items.length ? "remove-" + Math.min(index, state.routine.items.length - 1) : "lh-b-q");
    });
    if (ex) for (const dir of ["easier", "harder"]) for (const other of swaps(ex, dir, exercises)) {
      const easier = dir === "easier";
      button(easier ? t("Swap for easier: {exercise}", { exercise: other.title }) : t("Swap for harder: {exercise}", { exercise: other.title }),
        null, "swap-" + index + "-" + other.id, () => {
        state.routine.items[index] = { ...item, id: other.id };
        say(easier ? t("Swapped {exercise} for the easier {other}.", { exercise: title, other: other.title })
          : t("Swapped {exercise} for the harder {other}.", { exercise: title, other: other.title }));
        changed("item-" + index);
      });
    }
    li.append(buttons);
    li.addEventListener("dragstart", (event) => { event.dataTransfer.setData("text/plain", String(index)); });
    li.addEventListener("dragover", (event) => event.preventDefault());
    li.addEventListener("drop", (event) => {
      event.preventDefault();
      const from = Number(event.dataTransfer.getData("text/plain"));
      if (!Number.isInteger(from) || from === index || !state.routine.items[from]) return;
      const [moved] = state.routine.items.splice(from, 1);
      state.routine.items.splice(index, 0, moved);
      changed("item-" + index);
    });
    return li;
  }

  function actions() {
    const p = make("p", { class: "lh-b-actions" });
    const printButton = make("button", { type: "button", class: "md-button md-button--primary", text: t("Print the sheet"), disabled: !state.routine.items.length });
    printButton.addEventListener("click", () => printSheet());
    p.append(printButton, " ");
    if (state.mode === "view") {
      const edit = make("button", { type: "button", class: "md-button", text: t("Edit a copy") });
      edit.addEventListener("click", () => { state.mode = "edit"; state.problems = []; changed("lh-b-title"); say(t("Editing a copy: the link you opened stays as it was.")); });
      p.append(edit, " ");
    }
    // Hook for the guided session player (issue 17): shown only when the build has a session/ page.
    if (session && state.routine.items.length) {
      p.append(make("a", { class: "md-button lh-b-start", href: session + "#r=" + encodeRoutine(state.routine), text: t("Start this routine") }), " ");
    }
    const link = make("input", { id: "lh-b-link", class: "md-input md-input--stretch", readonly: true, value: shareUrl() });
    const copy = make("button", { type: "button", class: "md-button", text: t("Copy the link") });
    copy.addEventListener("click", () => {
      link.select();
      const done = () => say(t("The link is copied. It holds the whole routine; nothing was sent anywhere."));
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(link.value).then(done, () => { document.execCommand("copy"); done(); });
      else { document.execCommand("copy"); done(); }
    });
    return make("section", { class: "lh-b-handover", "aria-labelledby": "lh-b-hand-h" }, [
      make("h2", { id: "lh-b-hand-h", text: t("Hand it over") }), p,
      make("p", {}, [make("label", { for: "lh-b-link", text: t("The link (it never expires; nothing is stored or sent)") }), make("br"), link, " ", copy]),
    ]);
  }

  function viewList() {
    const r = state.routine;
    const head = [make("h2", { id: "lh-b-view-h", text: r.title || t("A routine from your physiotherapist") })];
    if (r.freq) head.push(make("p", { text: t("How often: {freq}.", { freq: freqLine(r.freq) }) }));
    if (conditions.has(r.condition)) head.push(make("p", { text: t("For: {condition}.", { condition: conditions.get(r.condition).title }) }));
    if (r.note) head.push(make("p", { class: "lh-b-view-note" }, [make("strong", { text: t("Note:") + " " }), r.note]));
    const list = make("ol", { class: "lh-b-view" }, r.items.map((item) => {
      const ex = exercises.get(item.id);
      return make("li", { "data-exercise": item.id }, [
        ex ? make("a", { href: exLink.replace("{id}", encodeURIComponent(item.id)), text: ex.title }) : make("span", { text: t("{id}: no longer in the handbook", { id: item.id }) }),
        ": ", make("span", { class: "lh-b-dose", text: doseLine(item) }),
        item.note ? make("span", { class: "lh-b-item-note", text: " (" + item.note + ")" }) : null,
        ex ? warningList(ex, false) : null]);
    }));
    if (!r.items.length) list.append(make("li", { text: t("No exercise in this link.") }));
    return make("section", { class: "lh-b-readonly", "aria-labelledby": "lh-b-view-h" }, head.concat([list]));
  }

  function render(focusKey) {
    showProblems();
    if (state.mode === "view") {
      main.replaceChildren(viewList(), actions());
    } else {
      const items = make("ol", { class: "lh-b-items" }, state.routine.items.map(itemEditor));
      const chosen = make("section", { class: "lh-b-chosen", "aria-labelledby": "lh-b-chosen-h" }, [
        make("h2", { id: "lh-b-chosen-h", text: t("The exercises ({n})", { n: state.routine.items.length }) }),
        state.routine.items.length ? items : make("p", { text: t("None yet: find exercises below and add them. The sheet fits 8 on one page.") })]);
      main.replaceChildren(routineFields(), chosen, actions(), finder());
    }
    state.firstDraw = false;
    renderSheet();
    if (focusKey) {
      const target = main.querySelector('[data-focus="' + focusKey + '"]') || document.getElementById(focusKey) ||
        (focusKey.startsWith("item-") ? main.querySelector('[data-focus^="up-' + focusKey.slice(5) + '"]') : null);
      if (target && !target.disabled) target.focus();
      else if (target && target.closest("li")) { const b = target.closest("li").querySelector("button:not([disabled])"); if (b) b.focus(); }
    }
  }

  function renderSheet() {
    const r = state.routine;
    sheet.querySelector(".lh-b-sheet-title").textContent = r.title || t("Your exercise routine");
    const who = [r.freq ? t("Do it {freq}.", { freq: freqLine(r.freq) }) : "",
      conditions.has(r.condition) ? t("For: {condition}.", { condition: conditions.get(r.condition).title }) : "", r.note].filter(Boolean);
    sheet.querySelector(".lh-b-sheet-for").textContent = who.join(" ");
    const count = r.items.length;
    const brief = count <= 4 ? 10000 : count === 5 ? 240 : count === 6 ? 200 : count === 7 ? 150 : 100;
    sheet.querySelector(".lh-b-rows").replaceChildren(...r.items.map((item, i) => {
      const ex = exercises.get(item.id);
      const how = make("td", { class: "lh-how" });
      if (ex) {
        const lead = make("div", { class: "lh-print-only" });
        if (ex.thumb) lead.append(make("span", { class: "lh-thumb" }, [make("img", { src: thumbs + encodeURIComponent(ex.id) + ".svg", alt: "" })]));
        lead.append(make("strong", { class: "lh-print-name", text: ex.title }), " – " + (positions.get(ex.position) || ex.position) + (ex.patterns.length ? " " + t("(caution: see online)") : ""), make("br"));
        let used = 0; let cut = false;
        const steps = make("ol", {}, ex.steps.map((step, k) => {
          const fits = k === 0 || (!cut && used + step.length <= brief);
          const last = fits && (k === ex.steps.length - 1 || used + step.length + ex.steps[k + 1].length > brief);
          if (!fits) cut = true;
          used += step.length;
          return make("li", { class: !fits ? "lh-more" : last && k < ex.steps.length - 1 ? "lh-cut" : null, text: step });
        }));
        how.append(lead, steps);
        if (ex.breathing) how.append(make("p", { class: "lh-breathing" }, [make("strong", { text: t("Breathing:") }), " " + (count > 6 ? ex.breathing.split(". ")[0].replace(/\.?$/, ".") : ex.breathing)]));
      } else {
        how.append(make("strong", { class: "lh-print-name", text: item.id }), " – " + t("no longer in the handbook: ask your physiotherapist."));
      }
      const dose = make("td", { class: "lh-dose" }, [make("strong", { text: doseLine(item) })]);
      if (item.note) dose.append(make("br"), make("span", { class: "lh-b-item-note", text: item.note }));
      return make("tr", {}, [make("td", { class: "lh-num", text: String(i + 1) }), make("td", { class: "lh-name", text: ex ? ex.title : item.id }), how, dose]);
    }));
    const url = shareUrl();
    sheet.querySelector(".lh-b-sheet-url").textContent = url;
    const field = document.getElementById("lh-b-link");
    if (field) field.value = url;
    const start = main.querySelector(".lh-b-start");
    if (start) start.setAttribute("href", session + "#r=" + encodeRoutine(r));
  }

  // The QR code (slow) is only printed: drawn on beforeprint (Chromium's PDFs fire it too).
  function drawQr() {
    const url = shareUrl();
    if (state.qrFor === url) return;
    state.qrFor = url;
    const qr = sheet.querySelector(".lh-sheet-qr");
    try {
      qr.replaceChildren(qrSvg(url));
    } catch (error) {
      qr.replaceChildren(); // too long for a QR code: the address is printed in full
    }
  }
  window.addEventListener("beforeprint", drawQr);

  async function printSheet() {
    renderSheet();
    drawQr();
    await Promise.all(Array.from(sheet.querySelectorAll("img")).map((img) => (img.decode ? img.decode().catch(() => {}) : null)));
    window.print();
  }

  // Start: a link (#r= read-only, #e= editing), a handbook routine (?routine=id), or an empty routine.
  const hash = location.hash.replace(/^#/, "");
  const routineId = new URLSearchParams(location.search).get("routine");
  let focus = null;
  if (/^[re]=/.test(hash)) {
    const { routine, problems } = decodeRoutine(hash.slice(2));
    const resolved = resolveItems(routine, data);
    state.routine = resolved.routine;
    state.problems = problems;
    state.mode = hash[0] === "r" ? "view" : "edit";
  } else if (routineId) {
    const hb = data.routines.find((r) => r.id === routineId);
    if (hb) {
      state.routine = fromHandbook(hb);
      say(t("Loaded {routine} with its doses: change anything, then print it or copy the link.", { routine: hb.title }));
    } else {
      state.problems = [t("There is no routine \"{id}\" in the handbook: start from an empty routine.", { id: cleanText(routineId, 60) })];
    }
  }
  state.missing = state.routine.items.map((i) => i.id).filter((id) => !exercises.has(id));
  setAddress();
  render(focus);
  // Ready once the first list is drawn.
  Promise.resolve(state.listDrawn).then(() => root.setAttribute("data-ready", "yes"));
}

function setup() {
  const root = document.getElementById("lh-builder");
  const sheet = document.querySelector(".lh-b-sheet");
  if (!root || !sheet || root.getAttribute("data-started")) return;
  root.setAttribute("data-started", "yes");
  try {
    const src = new URL(root.getAttribute("data-src") || "", location.href);
    if (location.protocol !== "file:" && src.origin !== location.origin) return;
    // The offline copy has the data as a script (lumbar/offline_modules.py): file:// cannot be fetched.
    const kept = window.__lhData && window.__lhData["builder.json"];
    const loaded = kept ? Promise.resolve(kept) : fetch(src.href).then((response) => {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    });
    loaded.then((data) => build(root, data, sheet)).catch(() => {
      root.replaceChildren(make("p", { class: "lh-b-error", text: t("The builder could not load the handbook's exercises. Reload the page, or use the handbook's routines.") }));
    });
  } catch (error) {
    root.replaceChildren(make("p", { class: "lh-b-error", text: t("The builder could not start: {error}", { error: String(error && error.message) }) }));
  }
}

setup();
