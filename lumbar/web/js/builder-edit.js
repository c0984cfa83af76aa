// The builder's editor: the routine's own fields (title, how often, condition, note, who and when) and one
// chosen exercise's doses as the handbook gives them (10, 10-30, up to 20; a hold or rest in seconds or words).
import { make } from "./builder-kit.js";
import { LIMITS, cleanText } from "./lib/routine-link.js";
import { doseLine, countText, readCountField, warningsFor, swaps } from "./lib/routine-logic.js";
import { t } from "./lib/i18n.js";

const field = (id, label, control, hint) => make("p", {}, [make("label", { for: id, text: label }), hint ? make("span", { class: "lh-b-hint", text: " " + hint }) : null, make("br"), control]);

// A text field that writes `key` of `obj`; `ctx.edit` refuses a change that makes the link too long.
function textInput(ctx, obj, key, id, max, tag) {
  const input = make(tag || "input", { id, class: "md-input md-input--stretch", maxlength: max, autocomplete: "off", rows: tag ? 2 : null });
  input.value = obj[key] || "";
  input.addEventListener("input", () => ctx.edit(input, () => { obj[key] = cleanText(input.value, max); }, () => { input.value = obj[key] || ""; }));
  return input;
}

function freqInputs(ctx, obj, prefix, label) {
  const times = make("input", { id: prefix + "-times", type: "number", min: 1, max: LIMITS.times, step: 1, class: "md-input lh-b-times", value: obj.freq ? obj.freq.times : "" });
  const per = make("select", { id: prefix + "-per", class: "md-input", "aria-label": label }, [
    make("option", { value: "day", text: t("a day") }), make("option", { value: "week", text: t("a week") })]);
  per.value = obj.freq ? obj.freq.per : "day";
  const set = () => {
    const n = Number(times.value);
    obj.freq = Number.isInteger(n) && n >= 1 && n <= LIMITS.times ? { times: n, per: per.value } : null;
    ctx.edit(null, () => {}, () => {});
  };
  times.addEventListener("input", set);
  per.addEventListener("change", set);
  return [times, " ", per];
}

export function routineFields(ctx) {
  const { state, data, conditions } = ctx;
  const r = state.routine;
  const cond = make("select", { id: "lh-b-condition", class: "md-input md-input--stretch" }, [make("option", { value: "", text: t("None chosen") })]);
  for (const kind of ["condition", "goal"]) {
    const group = make("optgroup", { label: kind === "goal" ? t("Goals") : t("Back problems") });
    for (const c of data.conditions.filter((x) => x.kind === kind)) group.append(make("option", { value: c.id, text: c.title }));
    cond.append(group);
  }
  cond.value = conditions.has(r.condition) ? r.condition : "";
  cond.addEventListener("change", () => { r.condition = cond.value || null; ctx.changed("lh-b-condition"); });
  const titleInput = textInput(ctx, r, "title", "lh-b-title", LIMITS.title);
  const source = data.routines.find((x) => x.id === r.source);
  if (source) titleInput.setAttribute("placeholder", source.title); // the handbook's, until one is written
  const date = (key, id) => {
    const input = make("input", { id, type: "date", class: "md-input", value: r[key] || "" });
    input.addEventListener("change", () => ctx.edit(input, () => { r[key] = input.value; }, () => { input.value = r[key] || ""; }));
    return input;
  };
  const who = make("details", { class: "lh-b-who", open: r.patient || r.clinician || r.given || r.review ? true : null }, [
    make("summary", { text: t("Who and when (optional; only in the link and on the sheet)") }),
    field("lh-b-patient", t("Patient's name"), textInput(ctx, r, "patient", "lh-b-patient", LIMITS.patient)),
    field("lh-b-clinician", t("Your name and how to reach you"), textInput(ctx, r, "clinician", "lh-b-clinician", LIMITS.clinician)),
    make("p", { class: "lh-b-dates" }, [make("label", { for: "lh-b-given", text: t("Given on") }), " ", date("given", "lh-b-given"), " ",
      make("label", { for: "lh-b-review", text: t("Review on") }), " ", date("review", "lh-b-review")]),
  ]);
  return make("fieldset", { class: "lh-b-routine" }, [
    make("legend", { text: t("The routine") }),
    field("lh-b-title", t("Title"), titleInput),
    make("p", { class: "lh-b-freq" }, [make("label", { for: "lh-b-times", text: t("How often (times)") }), " ", ...freqInputs(ctx, r, "lh-b", t("Per"))]),
    field("lh-b-condition", t("Condition or goal (shows what to avoid)"), cond),
    conditionLists(ctx),
    field("lh-b-note", t("Note for the patient ({max} characters at most)", { max: LIMITS.note }), textInput(ctx, r, "note", "lh-b-note", LIMITS.note, "textarea")),
    who,
  ]);
}

// The clinician's view of the chosen condition: what the handbook says to avoid or take care with.
function conditionLists(ctx) {
  const { state, data } = ctx;
  const c = ctx.conditions.get(state.routine.condition);
  if (!c) return null;
  const box = make("details", { class: "warning lh-b-condition-lists" }, [make("summary", { text: t("{condition}: what the handbook says", { condition: c.title }) })]);
  const avoid = c.avoid.map((e) => make("li", {}, [make("strong", { text: t("{exercise}:", { exercise: ctx.exerciseTitle(e.exercise) }) + " " }), e.why]))
    .concat(c.avoid_patterns.map((p) => make("li", { text: t("{pattern} (harmful movement)", { pattern: (data.patterns.find((x) => x.id === p) || {}).title || p }) })));
  if (avoid.length) box.append(make("p", { text: t("Avoid:") }), make("ul", { class: "lh-b-avoid" }, avoid));
  if (c.caution.length) box.append(make("p", { text: t("Take care with:") }), make("ul", { class: "lh-b-caution" },
    c.caution.map((e) => make("li", {}, [make("strong", { text: t("{exercise}:", { exercise: ctx.exerciseTitle(e.exercise) }) + " " }), e.why]))));
  if (!avoid.length && !c.caution.length) box.append(make("p", { text: t("The handbook lists nothing to avoid for it.") }));
  return box;
}

// What the handbook says against an exercise (the clinician's view).
export function warningList(ctx, ex, compact) {
  const warnings = warningsFor(ex, ctx.conditions.get(ctx.state.routine.condition) || null, ctx.data.patterns);
  if (!warnings.length) return null;
  return make("ul", { class: "lh-b-warnings" }, warnings.map((w) => {
    const label = w.kind === "pattern" ? t("Harmful movement: {title}", { title: w.title })
      : w.kind === "caution" ? t("Take care with {title}", { title: w.title }) : t("Avoid with {title}", { title: w.title });
    return make("li", { class: "lh-b-warn-" + w.kind }, [make("strong", { text: label + (compact ? "" : ". ") }), compact ? null : w.why]);
  }));
}

// One dose field: its visible label, and the exercise's name for a screen reader.
function doseField(ctx, item, key, index, label, title, max, words) {
  const id = "lh-b-" + key + "-" + index;
  const shown = item[key] != null ? countText(item[key]) : words ? item[words] || "" : "";
  const input = make("input", { id, class: "md-input", "data-key": key, value: shown, autocomplete: "off", inputmode: words ? "text" : "decimal" });
  const shownNow = () => (item[key] != null ? countText(item[key]) : words ? item[words] || "" : "");
  // As it is typed, a value that reads is kept; one that does not ("10-") waits, and is put back on leaving.
  const take = (final) => {
    const value = readCountField(input.value, max);
    if (value === undefined && !words) {
      if (final) { ctx.say(t("{field} of {exercise}: write a number, a range such as 10-30, or \"up to 20\".", { field: label, exercise: title })); input.value = shownNow(); }
      return;
    }
    ctx.edit(input, () => {
      item[key] = value === undefined ? null : value;
      if (words) item[words] = value === undefined ? cleanText(input.value, LIMITS.words).trim() : "";
      item[key + "Ref"] = null; // typed by the physiotherapist: no longer the handbook's words, travels as text
    }, () => { input.value = shownNow(); });
  };
  input.addEventListener("input", () => take(false));
  input.addEventListener("change", () => take(true));
  return make("p", { class: "lh-b-num" }, [make("label", { for: id }, [label, make("span", { class: "lh-sr", text: " (" + title + ")" })]), input]);
}

export function itemEditor(ctx, item, index) {
  const { state, exercises, positions } = ctx;
  const ex = exercises.get(item.id);
  const n = state.routine.items.length;
  const title = ctx.exerciseTitle(item.id);
  // The list numbers the items: the heading carries the name alone.
  const heading = make("h3", { id: "lh-b-item-" + index }, [
    ex ? make("a", { href: ctx.exLink.replace("{id}", encodeURIComponent(item.id)), text: ex.title }) : make("span", { text: t("{id}: no longer in the handbook", { id: item.id }) })]);
  const li = make("li", { class: "lh-b-item", draggable: "true", "data-index": index, "aria-labelledby": "lh-b-item-" + index });
  const pic = ex && ex.thumb ? make("img", { class: "lh-b-thumb", src: ctx.thumbs + encodeURIComponent(ex.id) + ".svg", alt: "", width: 64, height: 40 }) : null;
  li.append(make("div", { class: "lh-b-item-head" }, [pic, make("div", {}, [heading, ex ? make("p", { class: "lh-position", text: positions.get(ex.position) || ex.position }) : null])]));
  if (ex) { const w = warningList(ctx, ex, true); if (w) li.append(w); }
  if (ctx.pregnancyNote(ex)) li.append(make("p", { class: "lh-b-caveat lh-b-pregnancy" }, [ctx.pregnancyNote(ex)]));
  for (const caveat of ctx.caveats(item)) li.append(make("p", { class: "lh-b-caveat" }, [make("strong", { text: t("Note:") + " " }), caveat]));
  // The dose fields fold behind one line that names the dose and the note (issue 25: a phone's builder was 7,700 px
  // tall): open for an exercise just added, and as the physiotherapist leaves them (ctx.opened).
  const doses = make("div", { class: "lh-b-doses" }, [
    doseField(ctx, item, "reps", index, t("Repetitions"), title, LIMITS.reps),
    doseField(ctx, item, "sets", index, t("Sets"), title, LIMITS.sets),
    doseField(ctx, item, "hold", index, t("Hold (seconds or words)"), title, LIMITS.hold, "holdWords"),
    doseField(ctx, item, "rest", index, t("Rest (seconds or words)"), title, LIMITS.rest, "restWords"),
  ]);
  const line = make("span", { class: "lh-b-dose", text: doseLine(item) });
  let side = null;
  if ((ex && ex.sides) || item.perSide) {
    const sideId = "lh-b-side-" + index;
    const box = make("input", { id: sideId, type: "checkbox", checked: item.perSide });
    box.addEventListener("change", () => ctx.edit(box, () => { item.perSide = box.checked; }, () => { box.checked = item.perSide; }));
    side = make("p", {}, [box, " ", make("label", { for: sideId }, [t("Each side"), make("span", { class: "lh-sr", text: " (" + title + ")" })])]);
  }
  const often = make("p", { class: "lh-b-freq" }, [make("label", { for: "lh-b-f" + index + "-times" }, [t("How often, if not as the routine"), make("span", { class: "lh-sr", text: " (" + title + ")" })]), " ",
    ...freqInputs(ctx, item, "lh-b-f" + index, t("Per"))]);
  const noteId = "lh-b-itemnote-" + index;
  const noteLine = make("span", { class: "lh-b-sum-note", text: item.note ? " " + t("Note:") + " " + item.note : "" });
  const edit = make("details", { class: "lh-b-edit", open: ctx.opened(item) ? true : null }, [
    make("summary", {}, [make("strong", { text: t("Dose:") + " " }), line, make("span", { class: "lh-sr", text: " (" + title + ")" }), noteLine]),
    doses, side,
    // Less used: the item's own note and how often, folded (open when they hold something).
    make("details", { class: "lh-b-more", open: item.note || item.freq ? true : null }, [
      make("summary", {}, [t("Note and how often"), make("span", { class: "lh-sr", text: " (" + title + ")" })]),
      make("p", {}, [make("label", { for: noteId }, [t("Note ({max} characters at most)", { max: LIMITS.itemNote }), make("span", { class: "lh-sr", text: " (" + title + ")" })]),
        make("br"), textInput(ctx, item, "note", noteId, LIMITS.itemNote)]), often])]);
  edit.addEventListener("toggle", () => ctx.opened(item, edit.open));
  li.append(edit);
  const buttons = make("p", { class: "lh-b-buttons" });
  const button = (text, label, key, action, disabled) => {
    const b = make("button", { type: "button", class: "md-button", text: text, "aria-label": label, "data-focus": key, disabled: disabled });
    b.addEventListener("click", action);
    buttons.append(b, " ");
  };
  button(t("Move up"), t("Move {exercise} up", { exercise: title }), "up-" + index, () => ctx.move(index, -1), index === 0);
  button(t("Move down"), t("Move {exercise} down", { exercise: title }), "down-" + index, () => ctx.move(index, 1), index === n - 1);
  button(t("Remove"), t("Remove {exercise}", { exercise: title }), "remove-" + index, () => ctx.remove(index));
  button(t("Add after this"), t("Add exercises after {exercise}", { exercise: title }), "after-" + index, () => { state.insertAt = index + 1; ctx.changed("lh-b-q"); });
  if (ex) for (const dir of ["easier", "harder"]) for (const other of swaps(ex, dir, exercises)) {
    const easier = dir === "easier";
    button(easier ? t("Swap for easier: {exercise}", { exercise: other.title }) : t("Swap for harder: {exercise}", { exercise: other.title }),
      null, "swap-" + index + "-" + other.id, () => {
        state.routine.items[index] = { ...item, id: other.id };
        ctx.opened(state.routine.items[index], ctx.opened(item));
        ctx.say(easier ? t("Swapped {exercise} for the easier {other}.", { exercise: title, other: other.title })
          : t("Swapped {exercise} for the harder {other}.", { exercise: title, other: other.title }));
        ctx.changed("item-" + index);
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
    ctx.changed("item-" + index);
  });
  return li;
}
