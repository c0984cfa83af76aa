// The diary: entries kept on this device only (localStorage), in a versioned format (./diary-format.js).
// Functions over a Storage-like object ({ getItem, setItem, removeItem }), so they run under node --test.
// None of them throws: storage that is off, full or unreadable comes back as a message in the page's language.
//
// Two tabs: every write reads storage again just before, and merges by id. Two tabs writing in the same
// moment can still overwrite each other; the entries this page saved in the last seconds are put back when
// another tab's write (a `storage` event) left them out. A delete removes only the ids the reader was shown.
import { t } from "./i18n.js";
import { entryProblems, parse, serialise } from "./diary-format.js";
import { fromCSV } from "./diary-csv.js";

export const KEY = "lumbar-diary";
export const ASIDE = KEY + "-unreadable";

function full(err) {
  return !!err && (err.name === "QuotaExceededError" || err.name === "NS_ERROR_DOM_QUOTA_REACHED" || err.code === 22);
}

// Why a write failed, in words.
export function reason(err) {
  return full(err) ? t("This browser's storage for the handbook is full.")
    : t("This browser did not let the page keep it ({error}).", { error: (err && (err.name || err.message)) || "?" });
}

function read(storage) {
  try {
    return { raw: storage.getItem(KEY) };
  } catch (err) {
    return { error: reason(err) };
  }
}

// Load from storage: { entries, bad, problems, corrupt, raw }. A diary that cannot be read at all is copied aside
// (ASIDE) when there is room; nothing here writes over it.
export function load(storage) {
  const got = read(storage);
  if (got.error) return { entries: [], bad: [], problems: [got.error], corrupt: true, raw: null };
  const out = parse(got.raw);
  if (got.raw !== null && out.corrupt) {
    try {
      if (storage.getItem(ASIDE) === null) storage.setItem(ASIDE, got.raw);
    } catch {
      // full: the diary itself is left as it is, which is what matters
    }
  }
  return { ...out, raw: got.raw };
}

function write(storage, entries, bad) {
  try {
    if (entries.length || bad.length) storage.setItem(KEY, serialise(entries, bad));
    else storage.removeItem(KEY);
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: reason(err) };
  }
}

// Entries this page saved, put back if another tab's write in the next seconds left them out.
const RECENT_MS = 5000;
const recent = [];

function repair(storage) {
  const now = Date.now();
  while (recent.length && now - recent[0].at > RECENT_MS) recent.shift();
  const mine = recent.filter((r) => r.storage === storage);
  if (!mine.length) return;
  const cur = load(storage);
  if (cur.corrupt) return;
  const ids = new Set(cur.entries.map((e) => e.id));
  const missing = mine.filter((r) => !ids.has(r.entry.id)).map((r) => r.entry);
  if (missing.length) write(storage, [...cur.entries, ...missing], cur.bad);
}

if (typeof window !== "undefined" && window.addEventListener) {
  window.addEventListener("storage", (ev) => {
    if (ev.key !== KEY && ev.key !== null) return;
    for (const storage of new Set(recent.map((r) => r.storage))) if (ev.storageArea === storage) repair(storage);
  });
}

// Add an entry (a session or a quick entry): { ok: true } or { ok: false, reason }. Never throws.
export function add(storage, entry) {
  try {
    const p = entryProblems(entry);
    if (p.length) return { ok: false, reason: t("The entry is not complete: {problems}.", { problems: p.join(", ") }) };
    if (!storage) return { ok: false, reason: t("This browser does not let the page keep anything.") };
    const cur = load(storage);
    if (cur.corrupt) return { ok: false, reason: cur.raw === null && cur.problems.length ? cur.problems[0] : t("The diary kept here cannot be read, so nothing was written over it: open the diary to see why.") };
    const res = write(storage, [...cur.entries.filter((e) => e.id !== entry.id), entry], cur.bad);
    if (res.ok) recent.push({ storage, entry, at: Date.now() });
    return res;
  } catch (err) {
    return { ok: false, reason: reason(err) };
  }
}

// Delete the entries the reader was shown (their ids), and the unreadable ones if the reader was told of them
// (`bad`: how many). What another tab saved since stays: { ok, removed, kept } or { ok: false, reason }.
export function remove(storage, ids, bad = 0) {
  const cur = load(storage);
  if (cur.corrupt) {
    if (cur.raw === null) return { ok: true, removed: 0, kept: 0 };
    try {
      storage.removeItem(KEY);
      storage.removeItem(ASIDE);
      return { ok: true, removed: 0, kept: 0 };
    } catch (err) {
      return { ok: false, reason: reason(err) };
    }
  }
  const shown = new Set(ids);
  const kept = cur.entries.filter((e) => !shown.has(e.id));
  const keptBad = cur.bad.length > bad ? cur.bad : [];
  const res = write(storage, kept, keptBad);
  if (res.ok) try { storage.removeItem(ASIDE); } catch { /* nothing to free */ }
  return res.ok ? { ok: true, removed: cur.entries.length - kept.length, kept: kept.length } : res;
}

// Import: every entry of the file must be readable and the whole must fit, or nothing changes. An id already
// kept is not doubled. { ok: true, added } or { ok: false, problems }.
export function importText(storage, text, name) {
  let parsed;
  try {
    parsed = /\.csv$/i.test(name || "") ? fromCSV(text) : parse(text);
  } catch {
    parsed = { corrupt: true, problems: [] };
  }
  if (parsed.corrupt || parsed.problems.length) return { ok: false, problems: parsed.problems.length ? parsed.problems : [t("The file is not readable.")] };
  if (!parsed.entries.length) return { ok: false, problems: [t("The file holds no sessions.")] };
  const cur = load(storage);
  if (cur.corrupt) return { ok: false, problems: [t("The diary kept here cannot be read, so nothing was imported.")] };
  const ids = new Set(cur.entries.map((e) => e.id));
  const added = parsed.entries.filter((e) => !ids.has(e.id));
  const res = write(storage, [...cur.entries, ...added], cur.bad);
  return res.ok ? { ok: true, added: added.length } : { ok: false, problems: [res.reason, t("The file does not fit: nothing was imported.")] };
}
