// The diary's format: what an entry is, how a stored or imported document is read, and the weeks. Pure: runs
// under node --test. Messages are in the page's language (./i18n.js); the stored data never is.
//
// Two kinds of entry, both { id, date (ISO date and time), routine, title, note }:
//   a session (no `kind`): painBefore, painAfter (0-10 or null), exercises [{ title, result, hurt }], and
//     `stopped: "pain"` when the session was stopped because it hurt;
//   a quick entry (`kind: "quick"`), written on the diary page without a session: pain (0-10 or null, the
//     day's pain) and paper (true, false or null: whether the routine was done from its printed sheet).
import { t } from "./i18n.js";

export const VERSION = 2;
export const RESULTS = ["done", "partly", "skipped"];

// Version 1 (the first drafts) kept pain as { pain: [before, after] }; version 2 has painBefore and painAfter.
// A version-1 document whose `entries` is not a list stays as it is: parse() then says there is no list.
const MIGRATIONS = {
  1: (doc) => ({ ...doc, version: 2, entries: !Array.isArray(doc.entries) ? doc.entries : doc.entries.map((e) => {
    if (!e || typeof e !== "object" || Array.isArray(e)) return e;
    const { pain, ...rest } = e;
    return { ...rest, painBefore: Array.isArray(pain) ? pain[0] ?? null : null, painAfter: Array.isArray(pain) ? pain[1] ?? null : null };
  }) }),
};

function pain(v) {
  return v === null || (Number.isInteger(v) && v >= 0 && v <= 10);
}

// Strict dates: an ISO date and time (seconds, fraction and zone optional), a real day, between 2000 and 2199.
// Date.parse alone takes "1" (2001), "+275760-09-13" (shown as "Invalid Date") and 30 February.
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?$/;
export function validDate(s) {
  const m = typeof s === "string" ? ISO.exec(s) : null;
  if (!m) return false;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map((x) => Number(x || 0));
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return y >= 2000 && y <= 2199 && mo >= 1 && mo <= 12 && d >= 1 && d <= days && h <= 23 && mi <= 59 && sec <= 59
    && Number.isFinite(Date.parse(s));
}

export function isQuick(e) {
  return !!e && e.kind === "quick";
}

// What is wrong with one entry ([] when nothing).
export function entryProblems(e) {
  const p = [];
  if (!e || typeof e !== "object" || Array.isArray(e)) return [t("not an entry")];
  if (typeof e.id !== "string" || !e.id || e.id.length > 100) p.push(t("no id"));
  if (!validDate(e.date)) p.push(t("no valid date"));
  if (typeof e.routine !== "string") p.push(t("no routine"));
  if (typeof e.note !== "string") p.push(t("no note text"));
  if (e.kind === "quick") {
    if (typeof e.title !== "string") p.push(t("no routine title"));
    if (!pain(e.pain)) p.push(t("pain is not 0 to 10"));
    if (e.paper !== null && typeof e.paper !== "boolean") p.push(t("on paper is not yes or no"));
    return p;
  }
  if (e.kind !== undefined) return [t("unknown kind of entry")];
  if (typeof e.title !== "string" || !e.title) p.push(t("no routine title"));
  if (!pain(e.painBefore)) p.push(t("pain before is not 0 to 10"));
  if (!pain(e.painAfter)) p.push(t("pain after is not 0 to 10"));
  if (e.stopped !== undefined && e.stopped !== "pain") p.push(t("stopped is not \"pain\""));
  if (!Array.isArray(e.exercises)) p.push(t("no exercise list"));
  else e.exercises.forEach((x, i) => {
    if (!x || typeof x.title !== "string" || !RESULTS.includes(x.result) || typeof x.hurt !== "boolean") p.push(t("exercise {n} is not readable", { n: i + 1 }));
  });
  return p;
}

// Read a stored or imported document: { entries, bad, problems, newer, corrupt }. Unreadable entries are left
// out of `entries` and kept as they were in `bad` (written back with the others, so nothing is lost).
// An id that comes twice is kept once (its first readable entry).
export function parse(text) {
  if (text === null || text === undefined) return { entries: [], bad: [], problems: [], newer: false, corrupt: false };
  const broken = (message, newer = false) => ({ entries: [], bad: [], problems: [message], newer, corrupt: true });
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    return broken(t("The diary data is not readable (not JSON)."));
  }
  if (!doc || typeof doc !== "object" || doc.format !== "lumbar-diary" || !Number.isInteger(doc.version)) return broken(t("This is not a Lumbar Handbook diary."));
  if (doc.version > VERSION) return broken(t("This diary was written by a newer version of the handbook (format {version}).", { version: doc.version }), true);
  while (doc.version < VERSION) {
    const step = MIGRATIONS[doc.version];
    if (!step) return broken(t("Diary format {version} is unknown.", { version: doc.version }));
    doc = step(doc);
  }
  if (!Array.isArray(doc.entries)) return broken(t("The diary has no list of sessions."));
  const entries = [], bad = [], problems = [], seen = new Set();
  doc.entries.forEach((e, i) => {
    const p = entryProblems(e);
    if (p.length) {
      problems.push(t("Session {n}: {problems}.", { n: i + 1, problems: p.join(", ") }));
      bad.push(e);
    } else if (!seen.has(e.id)) {
      seen.add(e.id);
      entries.push(e);
    }
  });
  return { entries: sortEntries(entries), bad, problems, newer: false, corrupt: false };
}

// Oldest first; by id within one date. Plain comparison (localeCompare costs seconds on 15,000 entries).
export function sortEntries(entries) {
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  return [...entries].sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id));
}

export function serialise(entries, bad = []) {
  return JSON.stringify({ format: "lumbar-diary", version: VERSION, entries: [...sortEntries(entries), ...bad] });
}

// Monday of the entry's week, as YYYY-MM-DD (local time).
export function weekOf(date) {
  const d = new Date(date);
  const day = (d.getDay() + 6) % 7;
  const m = new Date(d.getFullYear(), d.getMonth(), d.getDate() - day);
  return `${m.getFullYear()}-${String(m.getMonth() + 1).padStart(2, "0")}-${String(m.getDate()).padStart(2, "0")}`;
}

// Sessions per week, oldest first: a session, or a quick entry that says the routine was done on paper, counts.
export function perWeek(entries) {
  const weeks = new Map();
  for (const e of sortEntries(entries)) {
    if (isQuick(e) && e.paper !== true) continue;
    const w = weekOf(e.date);
    weeks.set(w, (weeks.get(w) || 0) + 1);
  }
  return [...weeks].map(([week, count]) => ({ week, count }));
}
