// The patient's view of a routine link (builder/#r=<code>, what the QR code opens): the title, who and when,
// the physiotherapist's note, then each exercise with its start and end drawings, steps, dose and safety
// notes; "Start this routine" (the guided session), "Print" and, last, "Edit a copy" (the builder).
// The handbook's general list of harmful movements is said once, as what it is: the physiotherapist chose
// these exercises; the clinician's view ("Avoid with ...") stays in the editor.
import { make } from "./builder-kit.js";
import { doseLine, freqLine, warningsFor, routineTitle } from "./lib/routine-logic.js";
import { whoLines } from "./builder-sheet.js";
import { t } from "./lib/i18n.js";

function drawings(ctx, ex) {
  if (!ex.thumb) return null;
  const src = ctx.thumbs + encodeURIComponent(ex.id);
  const fig = (suffix, label) => make("figure", { class: "lh-pv-fig" }, [
    make("img", { src: src + suffix + ".svg", alt: t("{exercise}: {phase}", { exercise: ex.title, phase: label }), loading: "lazy", width: 240, height: 150 }),
    make("figcaption", { text: label })]);
  return make("div", { class: "lh-pv-figs" }, [fig("", t("At the start")), fig("-end", t("At the end"))]);
}

// What the handbook says about this exercise, for the patient: its cautions, the dose's caveats, the
// movements of the article's general list it involves, and the chosen condition's notes on it.
function safetyNotes(ctx, item, ex) {
  const notes = [...(ex.cautions || []), ctx.pregnancyNote(ex), ...ctx.caveats(item)].filter(Boolean);
  const cond = ctx.conditions.get(ctx.state.routine.condition) || null;
  for (const w of warningsFor(ex, cond, ctx.data.patterns)) {
    if (w.kind === "pattern") notes.push(t("It involves {pattern}, on the article's general list of harmful movements (above): do it as your physiotherapist showed you.", { pattern: w.title.toLowerCase() }));
    else if (w.kind !== "avoid-pattern" && w.why) notes.push(t("The handbook's note for {condition}: {why}", { condition: w.title, why: w.why }));
  }
  return notes.length ? make("ul", { class: "lh-pv-safety" }, notes.map((n) => make("li", { text: n }))) : null;
}

function exerciseBlock(ctx, item, index) {
  const ex = ctx.exercises.get(item.id);
  const number = index + 1;
  const id = "lh-pv-ex-" + index;
  if (!ex) {
    return make("li", { "data-exercise": item.id, "aria-labelledby": id }, [
      make("h2", { id, text: number + ". " + t("{id}: no longer in the handbook", { id: item.id }) }),
      make("p", { text: t("no longer in the handbook: ask your physiotherapist.") }),
      make("p", {}, [make("strong", { text: t("Dose:") + " " }), make("span", { class: "lh-b-dose", text: doseLine(item) })])]);
  }
  const li = make("li", { "data-exercise": item.id, "aria-labelledby": id }, [
    make("h2", { id, text: number + ". " + ex.title }),
    make("p", { class: "lh-pv-dose" }, [make("strong", { text: t("How much:") + " " }), make("span", { class: "lh-b-dose", text: doseLine(item) })]),
    item.note ? make("p", { class: "lh-pv-note lh-b-item-note" }, [make("strong", { text: t("From your physiotherapist:") + " " }), item.note]) : null,
    drawings(ctx, ex),
    make("p", { class: "lh-position", text: ctx.positions.get(ex.position) || ex.position }),
    make("ol", { class: "lh-pv-steps" }, ex.steps.map((s) => make("li", { text: s }))),
    ex.breathing ? make("p", {}, [make("strong", { text: t("Breathing:") + " " }), ex.breathing]) : null,
    safetyNotes(ctx, item, ex),
    make("p", {}, [make("a", { href: ctx.exLink.replace("{id}", encodeURIComponent(item.id)), text: t("More about {exercise}", { exercise: ex.title }) })]),
  ]);
  return li;
}

// The top of the view, put where the page's paragraph for physiotherapists was (builder.js), in its room: one
// paragraph, Start and Print (no taller than that paragraph, so nothing below moves as it appears).
export function patientTop(ctx, actions) {
  return make("div", { class: "lh-pv-top" }, [
    make("p", { text: t("Your physiotherapist chose these exercises for you: how much of each, and how to do them. Nothing you do here is sent anywhere.") }),
    actions(true)]);
}

// Who and when, how often, the condition, the physiotherapist's note.
function patientHead(ctx) {
  const r = ctx.state.routine;
  const facts = whoLines(r);
  if (r.freq) facts.push(t("How often: {freq}.", { freq: freqLine(r.freq) }));
  if (ctx.conditions.has(r.condition)) facts.push(t("For: {condition}.", { condition: ctx.conditions.get(r.condition).title }));
  return [facts.length ? make("p", { class: "lh-pv-facts", text: facts.join(" ") }) : null,
    r.note ? make("div", { class: "admonition note lh-b-view-note" }, [make("p", { class: "admonition-title", text: t("From your physiotherapist") }), make("p", { text: r.note })]) : null].filter(Boolean);
}

// The rest: the general safety lines once, then each exercise, then Print and Edit a copy.
export function patientView(ctx, actions) {
  const r = ctx.state.routine;
  // The page's own heading carries the routine's title (builder.js, patientPage).
  const head = [make("h2", { id: "lh-b-view-h", class: "lh-sr", text: routineTitle(r, ctx.data) || t("Your routine") }), ...patientHead(ctx)];
  const safety = ctx.sheet.querySelector(".lh-sheet-safety");
  if (safety) {
    const box = make("div", { class: "admonition warning lh-pv-general" }, [make("p", { class: "admonition-title", text: t("Safety") })]);
    // The sheet's pregnancy lines or its general stop line (builder.html; builder-sheet.js shows one), not both.
    const pregnant = ctx.pregnant();
    for (const p of safety.querySelectorAll("p")) {
      if (p.closest(".lh-b-sheet-pregnancy") ? !pregnant : p.matches(".lh-b-sheet-general") && pregnant) continue;
      box.append(p.cloneNode(true));
    }
    head.push(box);
  }
  const list = make("ol", { class: "lh-b-view" }, r.items.map((item, i) => exerciseBlock(ctx, item, i)));
  if (!r.items.length) list.append(make("li", { text: t("No exercise in this link.") }));
  return make("section", { class: "lh-b-readonly", "aria-labelledby": "lh-b-view-h" }, head.concat([list, actions(false)]));
}
