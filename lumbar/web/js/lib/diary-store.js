// The diary: sessions kept on this device only (localStorage), in a versioned format. Pure functions over
// a Storage-like object ({ getItem, setItem, removeItem }) so they run under node --test.
// Its messages are in the page's language (./i18n.js); the stored data and the CSV's columns and result words never are.
import { t } from "./i18n.js";

export const KEY = "lumbar-diary";
export const VERSION = 2;
const RESULTS = ["done", "partly", "skipped"];

// Version 1 (the first drafts) kept pain as { pain: [before, after] }; version 2 has painBefore and painAfter.
const MIGRATIONS = {
  1: (doc) => ({ ...doc, version: 2, entries: (doc.entries || []).map((e) => {
    if (!e || typeof e !== "object") return e;
    const { pain, ...rest } = e;
    return { ...rest, painBefore: Array.isArray(pain) ? pain[0] ?? null : null, painAfter: Array.isArray(pain) ? pain[1] ?? null : null };
  }) }),
};

function pain(v) {
  return v === null || (Number.isInteger(v) && v >= 0 && v <= 10);
}

// What is wrong with one entry ([] when nothing).
export function entryProblems(e) {
  const p = [];
  if (!e || typeof e !== "object" || Array.isArray(e)) return [t("not an entry")];
  if (typeof e.id !== "string" || !e.id) p.push(t("no id"));
  if (typeof e.date !== "string" || Number.isNaN(Date.parse(e.date))) p.push(t("no valid date"));
  if (typeof e.title !== "string" || !e.title) p.push(t("no routine title"));
  if (typeof e.routine !== "string") p.push(t("no routine"));
  if (!pain(e.painBefore)) p.push(t("pain before is not 0 to 10"));
  if (!pain(e.painAfter)) p.push(t("pain after is not 0 to 10"));
  if (typeof e.note !== "string") p.push(t("no note text"));
  if (!Array.isArray(e.exercises)) p.push(t("no exercise list"));
  else e.exercises.forEach((x, i) => {
    if (!x || typeof x.title !== "string" || !RESULTS.includes(x.result) || typeof x.hurt !== "boolean") p.push(t("exercise {n} is not readable", { n: i + 1 }));
  });
  return p;
}

// Read a stored or imported document: { entries, problems, newer }. Unreadable entries are left out and counted.
export function parse(text) {
  if (text === null || text === undefined) return { entries: [], problems: [], newer: false };
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    return { entries: [], problems: [t("The diary data is not readable (not JSON).")], newer: false, corrupt: true };
  }
  if (!doc || typeof doc !== "object" || doc.format !== "lumbar-diary" || !Number.isInteger(doc.version)) {
    return { entries: [], problems: [t("This is not a Lumbar Handbook diary.")], newer: false, corrupt: true };
  }
  if (doc.version > VERSION) {
    return { entries: [], problems: [t("This diary was written by a newer version of the handbook (format {version}).", { version: doc.version })], newer: true, corrupt: true };
  }
  while (doc.version < VERSION) {
    const step = MIGRATIONS[doc.version];
    if (!step) return { entries: [], problems: [t("Diary format {version} is unknown.", { version: doc.version })], newer: false, corrupt: true };
    doc = step(doc);
  }
  const entries = [];
  const problems = [];
  if (!Array.isArray(doc.entries)) return { entries, problems: [t("The diary has no list of sessions.")], newer: false, corrupt: true };
  doc.entries.forEach((e, i) => {
    const p = entryProblems(e);
    if (p.length) problems.push(t("Session {n}: {problems}.", { n: i + 1, problems: p.join(", ") }));
    else entries.push(e);
  });
  return { entries: sortEntries(entries), problems, newer: false, corrupt: false };
}

export function sortEntries(entries) {
  return [...entries].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

export function serialise(entries) {
  return JSON.stringify({ format: "lumbar-diary", version: VERSION, entries: sortEntries(entries) });
}

// Load from storage. Data that cannot be read is copied aside (KEY + "-unreadable") before anything is written.
export function load(storage) {
  const raw = storage.getItem(KEY);
  const out = parse(raw);
  if (raw !== null && (out.corrupt || out.problems.length) && storage.getItem(KEY + "-unreadable") === null) {
    storage.setItem(KEY + "-unreadable", raw);
  }
  return out;
}

// Add an entry; refuses (returns false) when the stored diary cannot be read, so nothing is lost.
export function add(storage, entry) {
  if (entryProblems(entry).length) return false;
  const cur = load(storage);
  if (cur.corrupt) return false;
  storage.setItem(KEY, serialise([...cur.entries.filter((e) => e.id !== entry.id), entry]));
  return true;
}

export function clear(storage) {
  storage.removeItem(KEY);
  storage.removeItem(KEY + "-unreadable");
}

// Import: every entry of the file must be readable, or nothing changes. Entries already kept (same id) are not doubled.
export function importText(storage, text, name) {
  const parsed = /\.csv$/i.test(name || "") ? fromCSV(text) : parse(text);
  if (parsed.corrupt || parsed.problems.length) return { ok: false, problems: parsed.problems.length ? parsed.problems : [t("The file is not readable.")] };
  if (!parsed.entries.length) return { ok: false, problems: [t("The file holds no sessions.")] };
  const cur = load(storage);
  if (cur.corrupt) return { ok: false, problems: [t("The diary kept here cannot be read, so nothing was imported.")] };
  const ids = new Set(cur.entries.map((e) => e.id));
  const added = parsed.entries.filter((e) => !ids.has(e.id));
  storage.setItem(KEY, serialise([...cur.entries, ...added]));
  return { ok: true, added: added.length };
}

const COLUMNS = ["id", "date", "routine", "title", "pain_before", "pain_after", "note", "exercises"];

function cell(v) {
  const s = String(v ?? "");
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// CSV: one row per session; exercises as "title: result" joined by "; " (a "(hurt)" mark when skipped for pain).
export function toCSV(entries) {
  const rows = [COLUMNS.join(",")];
  for (const e of sortEntries(entries)) {
    const ex = e.exercises.map((x) => `${x.title.replace(/[;:]/g, " ")}: ${x.result}${x.hurt ? " (hurt)" : ""}`).join("; ");
    rows.push([e.id, e.date, e.routine, e.title, e.painBefore ?? "", e.painAfter ?? "", e.note, ex].map(cell).join(","));
  }
  return rows.join("\r\n") + "\r\n";
}

export function parseCSV(text) {
  const rows = [];
  let row = [], field = "", quoted = false, i = 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += c;
  }
  if (quoted) return null;
  if (field !== "" || row.length) { row.push(field); rows.push(row); }
  return rows;
}

export function fromCSV(text) {
  const rows = parseCSV(String(text || "").replace(/^\uFEFF/, ""));
  if (!rows || !rows.length || rows[0].join(",") !== COLUMNS.join(",")) {
    return { entries: [], problems: [t("This is not a Lumbar Handbook diary CSV (its first line differs).")], corrupt: true };
  }
  const entries = [];
  const problems = [];
  rows.slice(1).forEach((r, i) => {
    if (r.length === 1 && r[0] === "") return;
    if (r.length !== COLUMNS.length) { problems.push(t("Line {line}: {count} columns, not {expected}.", { line: i + 2, count: r.length, expected: COLUMNS.length })); return; }
    const num = (v) => (v === "" ? null : /^\d+$/.test(v) ? Number(v) : NaN);
    const exercises = r[7] === "" ? [] : r[7].split("; ").map((part) => {
      const m = /^(.*): (done|partly|skipped)( \(hurt\))?$/.exec(part);
      return m ? { title: m[1], result: m[2], hurt: !!m[3] } : { title: part, result: "?" };
    });
    const e = { id: r[0], date: r[1], routine: r[2], title: r[3], painBefore: num(r[4]), painAfter: num(r[5]), note: r[6], exercises };
    const p = entryProblems(e);
    if (p.length) problems.push(t("Line {line}: {problems}.", { line: i + 2, problems: p.join(", ") }));
    else entries.push(e);
  });
  return { entries, problems, corrupt: false };
}

// Monday of the entry's week, as YYYY-MM-DD (local time).
export function weekOf(date) {
  const d = new Date(date);
  const day = (d.getDay() + 6) % 7;
  const m = new Date(d.getFullYear(), d.getMonth(), d.getDate() - day);
  return `${m.getFullYear()}-${String(m.getMonth() + 1).padStart(2, "0")}-${String(m.getDate()).padStart(2, "0")}`;
}

export function perWeek(entries) {
  const weeks = new Map();
  for (const e of sortEntries(entries)) weeks.set(weekOf(e.date), (weeks.get(weekOf(e.date)) || 0) + 1);
  return [...weeks].map(([week, count]) => ({ week, count }));
}
