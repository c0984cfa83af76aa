// What a builder routine is in memory, its limits, and the dose counts it holds. Pure: no DOM, never throws.
//
// routine: { v, title, freq, note, condition, source, patient, clinician, given, review, items }
//   freq: { times, per: "day" | "week" } or null; condition, source: handbook ids or null (source: the
//   handbook routine it was customised from); given, review: "YYYY-MM-DD" or "".
// item: { id, reps, sets, hold, rest, perSide, note, holdWords, restWords, holdRef, restRef, freq }
//   reps, sets, hold, rest (hold and rest in seconds): a count, as the handbook writes it: a whole number
//   (12), a range ("10-30") or "up to 20"; null for none. holdWords, restWords: a hold or rest in words
//   ("a few seconds"), used when there is no count. holdRef, restRef: when the words are the handbook's own, the
//   position of the item in the source routine they come from (the link carries that number, not the words,
//   and each reader takes them from the data in its own language; routine-logic.js handbookWords); else null.
//   freq: how often this exercise, as the routine's.
export const FORMAT = 2;
export const LIMITS = Object.freeze({
  code: 4000, // characters read from an address (and the most the editor lets a link grow to)
  items: 30,
  title: 80,
  note: 500, // the note for the patient
  itemNote: 200,
  words: 40, // a hold or rest in words
  patient: 60,
  clinician: 120,
  reps: 999,
  sets: 99,
  hold: 3600,
  rest: 3600,
  times: 20,
});

export function emptyRoutine() {
  return { v: FORMAT, title: "", freq: null, note: "", condition: null, source: null, patient: "", clinician: "",
    given: "", review: "", items: [] };
}

export function emptyItem(id) {
  return { id: id, reps: null, sets: null, hold: null, rest: null, perSide: false, note: "", holdWords: "",
    restWords: "", holdRef: null, restRef: null, freq: null };
}

// Text as the reader typed it, without control characters, trimmed to `max` characters.
export function cleanText(value, max) {
  const text = String(value == null ? "" : value).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ");
  return Array.from(text).slice(0, max).join("");
}

// A count as { low, high, upTo } from 12, "12", "10-30", "up to 20" (or "U20", the link's form); null when it
// is none of these or over `max`.
export function parseCount(value, max) {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 && value <= max ? { low: value, high: value, upTo: false } : null;
  const text = String(value).trim();
  let m = /^(\d{1,6})$/.exec(text);
  if (m) return +m[1] <= max ? { low: +m[1], high: +m[1], upTo: false } : null;
  m = /^(\d{1,6})\s*[-\u2013]\s*(\d{1,6})$/.exec(text);
  if (m) return +m[1] < +m[2] && +m[2] <= max ? { low: +m[1], high: +m[2], upTo: false } : null;
  m = /^(?:up to|U)\s*(\d{1,6})$/i.exec(text);
  if (m) return +m[1] >= 1 && +m[1] <= max ? { low: +m[1], high: +m[1], upTo: true } : null;
  return null;
}

// A parsed count back in the data's own notation: 12, "10-30", "up to 20".
export function countValue(c) {
  if (!c) return null;
  if (c.upTo) return "up to " + c.high;
  return c.low === c.high ? c.low : c.low + "-" + c.high;
}

// A freq object when it is one (1 to LIMITS.times a day or week), else null.
export function cleanFreq(freq) {
  return freq && Number.isInteger(freq.times) && freq.times >= 1 && freq.times <= LIMITS.times &&
    (freq.per === "day" || freq.per === "week") ? { times: freq.times, per: freq.per } : null;
}

// A date as "YYYY-MM-DD" when it is a real one, else "".
export function cleanDate(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value || ""));
  if (!m) return "";
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] && +m[1] >= 2000 && +m[1] <= 2199 ? m[0] : "";
}
