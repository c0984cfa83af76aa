// The diary as CSV, for a clinician's spreadsheet, and back. Pure: runs under node --test.
// One row per entry; the column names and result words are the same in every language.
import { t } from "./i18n.js";
import { entryProblems, sortEntries } from "./diary-format.js";

// The first eight columns are those of the first CSV files (still read); quick entries and "stopped" came after.
const OLD = ["id", "date", "routine", "title", "pain_before", "pain_after", "note", "exercises"];
const COLUMNS = [...OLD, "kind", "pain", "on_paper", "stopped"];

// Formula injection: a spreadsheet runs a cell that starts with =, +, -, @, tab, carriage return or NUL, quoted
// or not. As OWASP's ASVS 5.0 requirement 1.2.10 says (read at https://asvs.emil.hemdal.se/1.2.10; OWASP's
// "CSV Injection" page says the same), such a cell gets a leading single quote, and is quoted as RFC 4180 says.
// A cell that starts with a quote gets one more, so the import (which takes one off) gives back the text.
// Their full-width and small forms too (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫): some spreadsheets read them as the ASCII ones.
const FORMULA = /^[=+\-@\t\r\0'\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b]/;

function cell(v) {
  const s = String(v ?? "");
  const formula = FORMULA.test(s);
  const out = formula ? "'" + s : s;
  return formula || /[",\n\r]/.test(out) ? `"${out.replace(/"/g, '""')}"` : out;
}

function uncell(s) {
  return s.startsWith("'") ? s.slice(1) : s;
}

const yesNo = (v) => (v === true ? "yes" : v === false ? "no" : "");

// exercises as "title: result" joined by "; " (a "(hurt)" mark when skipped for pain).
export function toCSV(entries) {
  const rows = [COLUMNS.join(",")];
  for (const e of sortEntries(entries)) {
    const quick = e.kind === "quick";
    const ex = quick ? "" : e.exercises.map((x) => `${x.title.replace(/[;:]/g, " ")}: ${x.result}${x.hurt ? " (hurt)" : ""}`).join("; ");
    rows.push([e.id, e.date, e.routine, e.title, quick ? "" : e.painBefore ?? "", quick ? "" : e.painAfter ?? "", e.note, ex,
      quick ? "quick" : "session", quick ? e.pain ?? "" : "", quick ? yesNo(e.paper) : "", e.stopped || ""].map(cell).join(","));
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

function row2entry(r, cols) {
  // The first files had no quote put in front: their cells are read as written.
  const get = (name) => (cols === OLD ? (x) => x : uncell)(r[cols.indexOf(name)] ?? "");
  const num = (v) => (v === "" ? null : /^\d+$/.test(v) ? Number(v) : NaN);
  const base = { id: get("id"), date: get("date"), routine: get("routine"), title: get("title"), note: get("note") };
  if (cols.includes("kind") && get("kind") === "quick") {
    const paper = get("on_paper");
    return { kind: "quick", ...base, pain: num(get("pain")), paper: paper === "yes" ? true : paper === "no" ? false : paper === "" ? null : paper };
  }
  if (cols.includes("kind") && get("kind") !== "session") return { ...base, kind: get("kind") };
  const exercises = get("exercises") === "" ? [] : get("exercises").split("; ").map((part) => {
    const m = /^(.*): (done|partly|skipped)( \(hurt\))?$/.exec(part);
    return m ? { title: m[1], result: m[2], hurt: !!m[3] } : { title: part, result: "?" };
  });
  const e = { ...base, painBefore: num(get("pain_before")), painAfter: num(get("pain_after")), exercises };
  const stopped = cols.includes("stopped") ? get("stopped") : "";
  return stopped ? { ...e, stopped } : e;
}

export function fromCSV(text) {
  const rows = parseCSV(String(text || "").replace(/^\uFEFF/, ""));
  const head = rows && rows.length ? rows[0].join(",") : "";
  const cols = head === COLUMNS.join(",") ? COLUMNS : head === OLD.join(",") ? OLD : null;
  if (!cols) return { entries: [], problems: [t("This is not a Lumbar Handbook diary CSV (its first line differs).")], corrupt: true };
  const entries = [], problems = [], seen = new Set();
  rows.slice(1).forEach((r, i) => {
    if (r.length === 1 && r[0] === "") return;
    if (r.length !== cols.length) { problems.push(t("Line {line}: {count} columns, not {expected}.", { line: i + 2, count: r.length, expected: cols.length })); return; }
    const e = row2entry(r, cols);
    const p = entryProblems(e);
    if (p.length) problems.push(t("Line {line}: {problems}.", { line: i + 2, problems: p.join(", ") }));
    else if (!seen.has(e.id)) { seen.add(e.id); entries.push(e); }
  });
  return { entries: sortEntries(entries), problems, corrupt: false };
}
