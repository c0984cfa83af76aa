// Dose to steps: a routine item (the article's, or the builder's) becomes the steps the player walks through.
// Pure: no DOM, no clock.
import { t, plural } from "./i18n.js";

const LEAD_MS = 3000; // "3-2-1" before a timed hold, the next set or side
const LEAD_NEXT_MS = 5000; // a new exercise in the same position
const LEAD_MOVE_MS = 10000; // a new position (lying face down to kneeling): time to get down or up
export const FEW_MS = 5000; // "a few seconds": the handbook's own reading, not the article's (adjustable)
// The article's "a few seconds" as each language's data writes it (data/i18n/<lang>/routines/).
const FEW = /^(a few seconds|unos segundos|несколько секунд)$/i;

// A count from the data: 15, "10-30", or null. Timers use the lower figure; the text keeps the range.
export function parseCount(value) {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number" && Number.isInteger(value) && value > 0) return { low: value, high: value, text: String(value) };
  const m = /^(\d+)\s*-\s*(\d+)$/.exec(String(value).trim());
  if (m && +m[1] > 0 && +m[2] >= +m[1]) return { low: +m[1], high: +m[2], text: `${+m[1]}-${+m[2]}` };
  const one = /^(\d+)$/.exec(String(value).trim());
  if (one && +one[1] > 0) return { low: +one[1], high: +one[1], text: one[1] };
  return null;
}

function words(value) {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

// An article routine item (api data: exercise, reps, sets, hold_seconds, hold, rest_seconds, rest, per_side, notes, editorial).
export function fromArticle(it) {
  return {
    id: it.exercise,
    reps: parseCount(it.reps),
    sets: parseCount(it.sets),
    hold: parseCount(it.hold_seconds),
    holdWords: words(it.hold),
    rest: parseCount(it.rest_seconds),
    restWords: words(it.rest),
    perSide: it.per_side === true,
    notes: Array.isArray(it.notes) ? it.notes.filter(words) : [],
    editorial: Array.isArray(it.editorial) ? it.editorial.map((n) => n && n.text).filter(words) : [],
  };
}

// A builder item (lib/routine-shape.js): counts as the handbook writes them (12, "10-30", "up to 20"; hold and
// rest in seconds), or a hold or rest in words (holdWords, restWords).
export function fromBuilder(it) {
  return {
    id: it.id,
    reps: builderCount(it.reps),
    sets: builderCount(it.sets),
    hold: builderCount(it.hold),
    holdWords: words(it.holdWords),
    rest: builderCount(it.rest),
    restWords: words(it.restWords),
    perSide: it.perSide === true,
    notes: words(it.note) ? [it.note.trim()] : [],
    editorial: [],
  };
}

// "up to 20" (a builder count): timed and counted as 20, written "up to 20" in the page's language.
function builderCount(value) {
  const m = /^up to (\d+)$/.exec(String(value ?? ""));
  return m && +m[1] > 0 ? { low: +m[1], high: +m[1], text: `${t("up to")} ${m[1]}` } : parseCount(value);
}

function secs(c) {
  if (c.low === c.high && c.low >= 60 && c.low % 60 === 0) return `${c.low / 60} ${t("min")}`;
  return `${c.text} ${t("s")}`;
}

// The count a plural form follows: "1" is one; any other count, a range too, is counted as its upper end.
function counted(c) {
  return c.text === "1" ? 1 : Math.max(c.high, 2);
}

// The dosage line, as the routine page writes it (lumbar/render.py dosage).
export function doseLine(n) {
  let parts = [];
  if (n.reps) parts.push(plural(counted(n.reps), { one: "{n} repetition", other: "{n} repetitions" }, { n: n.reps.text }));
  if (n.sets) {
    const sets = plural(counted(n.sets), { one: "{n} set", other: "{n} sets" }, { n: n.sets.text });
    parts = parts.length ? [`${parts[0]} × ${sets}`] : [sets];
  }
  if (n.hold) parts.push(t("hold {time}", { time: secs(n.hold) }));
  else if (n.holdWords) parts.push(t("hold {time}", { time: n.holdWords }));
  if (n.rest) parts.push(t("rest {time}", { time: secs(n.rest) }));
  else if (n.restWords) parts.push(t("rest: {what}", { what: n.restWords }));
  let line = parts.join(", ") || t("as comfortable");
  if (n.perSide) line = t("{dose}, each side", { dose: line });
  return line;
}

// The steps of one item. kind: "hold" (timed), "reps" (counted by taps; with holdMs each repetition is a
// timed hold), "untimed" (words only: the person taps when done), "rest" (timed, or untimed with words).
// A repetition step with holdMs runs by itself: hold, relax, next hold, counted. `few`: the hold is the
// handbook's default for "a few seconds". `firstLead`: the get-ready before the item's first step.
export function itemSteps(n, ex, firstLead = LEAD_MS) {
  const sets = n.sets ? n.sets.low : 1;
  const sides = n.perSide ? ["left", "right"] : [null];
  const few = !n.hold && n.holdWords !== null && FEW.test(n.holdWords);
  const holdMs = n.hold ? n.hold.low * 1000 : few ? FEW_MS : null;
  const steps = [];
  for (let set = 1; set <= sets; set++) {
    for (const side of sides) {
      const lead = steps.length ? LEAD_MS : firstLead;
      const base = { ex, set, sets, side, lead: 0, ms: null, holdMs: null, reps: n.reps, words: null, few };
      if (n.reps && holdMs) steps.push({ ...base, kind: "reps", holdMs, lead });
      else if (holdMs) steps.push({ ...base, kind: "hold", ms: holdMs, lead });
      else if (n.holdWords) steps.push({ ...base, kind: "untimed", words: t("Hold {time}", { time: n.holdWords }) });
      else if (n.reps) steps.push({ ...base, kind: "reps" });
      else steps.push({ ...base, kind: "untimed", words: t("As comfortable") });
    }
    if (set < sets) {
      const rest = { ex, set, sets, side: null, lead: 0, ms: null, holdMs: null, reps: null, kind: "rest" };
      if (n.rest) steps.push({ ...rest, ms: n.rest.low * 1000, words: null });
      else steps.push({ ...rest, words: n.restWords ? t("Rest: {what}", { what: n.restWords }) : t("Rest as long as you need") });
    }
  }
  return steps;
}

// `positions[i]`: item i's start position, when known; a change of position gets a longer get-ready.
export function routineSteps(items, positions = []) {
  return items.flatMap((n, i) => {
    const moved = i === 0 || !positions[i] || positions[i] !== positions[i - 1];
    return itemSteps(n, i, moved ? LEAD_MOVE_MS : LEAD_NEXT_MS);
  });
}

// What the step says, in words (also what the live region and the spoken cue say).
// Without a title: the set and side only (the exercise's name is on the screen once, as its heading).
export function stepLabel(step, title) {
  const bits = [step.kind === "rest" ? t("Rest before set {set} of {sets}", { set: step.set + 1, sets: step.sets }) : title];
  if (step.kind !== "rest" && step.sets > 1) bits.push(t("set {set} of {sets}", { set: step.set, sets: step.sets }));
  if (step.side) bits.push(step.side === "left" ? t("now the left side") : step.side === "right" ? t("now the right side") : `now the ${step.side} side`);
  return bits.filter(Boolean).join(", ");
}

// Seconds as the clock shows them: 45, and m:ss from a minute up (1:58).
export function clock(sec) {
  const s = Math.max(0, Math.round(sec));
  return s < 60 ? String(s) : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
