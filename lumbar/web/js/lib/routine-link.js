// The routine in the address: builder/#r=<code> (the patient's view), builder/#e=<code> (editing),
// session/#r=<code>. Pure: no DOM, never throws. Nothing in it is ever sent: it lives after the "#".
//
// Format 2 (written since December 2026; format 1 is still read, ./routine-link-v1.js):
//   2.<n>.<check>/<meta>/<item>/<item>...
// Only 0-9, A-Z and "." "-" "/": a QR code carries it in its alphanumeric mode (5.5 bits a character) and
// a reader can type it (case does not matter). <n>: the number of items (base 36); <check>: 4 base-36
// digits of an FNV-1a hash of everything after the first "/". A link cut at an item boundary has fewer
// items than <n> (the message names the missing ones); a changed one fails the check.
// <meta> and each <item> are fields joined by "."; a field is a letter and its value:
//   meta:  C<condition> O<source routine> (positions in data/published-ids.yaml, base 36), F<times><D|W>,
//          T<title> N<note> A<patient's name> K<clinician and contact> (text), G<given> V<review> (YYYYMMDD)
//   item:  <exercise> (its position in published-ids.yaml, 2 base-36 digits; "-" and a text: an id the list
//          lacks), then R<reps> S<sets> H<hold seconds> P<rest seconds> (a count: 12, 10-30, or U20 for
//          "up to 20"), W<hold in words> Q<rest in words> N<note> (text), E (each side), F<times><D|W>.
//          "W" or "Q" alone: the same words as the item before (a routine's "a short break" written once).
//          Y<k> Z<k> (added December 2026): the hold or rest is the handbook's own words, those of item k (base 36,
//          from 0) of the source routine <O>: no free text, and each reader shows them in its own language.
// Text is UTF-8 in base 32 (RFC 4648, no padding): a Latin letter costs 1.6 characters, a Cyrillic one 3.2
// (percent-escapes cost 3 and 6). A field the reader leaves empty is not written: 8 exercises with their
// doses and no text take about 100 characters.
import { t, plural } from "./i18n.js";
import { EXERCISES, ROUTINES, CONDITIONS } from "./published-ids.js";
import { FORMAT as SHAPE_FORMAT, LIMITS as SHAPE_LIMITS, emptyRoutine as shapeRoutine, emptyItem as shapeItem, cleanText as shapeText } from "./routine-shape.js";
import { parseCount, countValue, cleanFreq, cleanDate } from "./routine-shape.js";
import { readV1, readText } from "./routine-link-v1.js";

// The routine's shape (./routine-shape.js), from here as before.
export const FORMAT = SHAPE_FORMAT;
export const LIMITS = SHAPE_LIMITS;
export const emptyRoutine = shapeRoutine;
export const emptyItem = shapeItem;
export const cleanText = shapeText;

const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const ITEM_KEYS = { R: "reps", S: "sets", H: "hold", P: "rest" };

export function toBase32(text) {
  const bytes = new TextEncoder().encode(text);
  let out = "";
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) { out += B32[(value >>> (bits - 5)) & 31]; bits -= 5; }
    value &= (1 << bits) - 1;
  }
  if (bits) out += B32[(value << (5 - bits)) & 31];
  return out;
}

// The text of a base-32 field, or null when it is not one (a damaged link).
export function fromBase32(code) {
  const bytes = [];
  let bits = 0;
  let value = 0;
  for (const ch of code) {
    const v = B32.indexOf(ch);
    if (v < 0) return null;
    value = ((value << 5) | v) & 0xfff;
    bits += 5;
    if (bits >= 8) { bytes.push((value >>> (bits - 8)) & 255); bits -= 8; }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes));
  } catch (error) {
    return null;
  }
}

// The check of a code's body: 4 base-36 digits.
export function check(body) {
  let h = 0x811c9dc5;
  for (let i = 0; i < body.length; i += 1) h = Math.imul(h ^ body.charCodeAt(i), 0x01000193) >>> 0;
  return (h % 1679616).toString(36).toUpperCase().padStart(4, "0");
}

const count = (value, max) => {
  const c = parseCount(value, max);
  return c ? (c.upTo ? "U" + c.high : c.low === c.high ? String(c.low) : c.low + "-" + c.high) : "";
};
const freqCode = (freq) => { const f = cleanFreq(freq); return f ? f.times + (f.per === "day" ? "D" : "W") : ""; };
const text = (letter, value, max) => { const v = cleanText(value, max).trim(); return v ? letter + toBase32(v) : ""; };
const index = (list, id) => { const i = list.indexOf(id); return i < 0 ? "" : i.toString(36).toUpperCase(); };

// A hold or rest in words the same as the item before's is written as its letter alone ("W", "Q").
function wordsField(letter, value, before) {
  const v = cleanText(value, LIMITS.words).trim();
  return !v ? "" : v === before ? letter : letter + toBase32(v);
}

// The position of the source routine's item an item's handbook words come from, when there is one.
const refOf = (value) => (Number.isInteger(value) && value >= 0 && value < 1296 ? value : null);

function encodeItem(it, before, sourced) {
  const i = EXERCISES.indexOf(it.id);
  const fields = [i < 0 ? "-" + toBase32(it.id) : i.toString(36).toUpperCase().padStart(2, "0")];
  for (const [letter, key] of Object.entries(ITEM_KEYS)) { const c = count(it[key], LIMITS[key]); if (c) fields.push(letter + c); }
  for (const [key, ref, words] of [["hold", "Y", "W"], ["rest", "Z", "Q"]]) {
    if (count(it[key], LIMITS[key])) continue;
    const k = sourced ? refOf(it[key + "Ref"]) : null;
    fields.push(k !== null ? ref + k.toString(36).toUpperCase() : wordsField(words, it[key + "Words"], before[key + "Words"]));
  }
  if (it.perSide) fields.push("E");
  const f = freqCode(it.freq);
  if (f) fields.push("F" + f);
  fields.push(text("N", it.note, LIMITS.itemNote));
  return fields.filter(Boolean).join(".");
}

// The words an item's hold or rest travels as ("" when a count or a reference to the handbook's is given instead).
function wordText(it, key, sourced) {
  if (count(it[key], LIMITS[key]) || (sourced && refOf(it[key + "Ref"]) !== null)) return "";
  return cleanText(it[key + "Words"], LIMITS.words).trim();
}

export function encodeRoutine(routine) {
  const r = routine && typeof routine === "object" ? routine : {};
  const date = (letter, value) => { const d = cleanDate(value); return d ? letter + d.replace(/-/g, "") : ""; };
  const cond = typeof r.condition === "string" ? index(CONDITIONS, r.condition) : "";
  const source = typeof r.source === "string" ? index(ROUTINES, r.source) : "";
  const f = freqCode(r.freq);
  const meta = [cond && "C" + cond, source && "O" + source, f && "F" + f, text("T", r.title, LIMITS.title),
    text("N", r.note, LIMITS.note), text("A", r.patient, LIMITS.patient), text("K", r.clinician, LIMITS.clinician),
    date("G", r.given), date("V", r.review)].filter(Boolean).join(".");
  const items = (Array.isArray(r.items) ? r.items : []).slice(0, LIMITS.items)
    .filter((it) => it && typeof it.id === "string" && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(it.id))
    .map((it, i, all) => encodeItem(it, i ? { holdWords: wordText(all[i - 1], "hold", source), restWords: wordText(all[i - 1], "rest", source) } : {}, Boolean(source)));
  const body = [meta, ...items].join("/");
  return FORMAT + "." + items.length.toString(36).toUpperCase() + "." + check(body) + "/" + body;
}

// How long the routine's code is, and whether a reader can take it back whole.
export function linkSize(routine) {
  const length = encodeRoutine(routine).length;
  return { length, fits: length <= LIMITS.code };
}

function readCount(value, max, problems, where) {
  const c = parseCount(value, max);
  if (!c) problems.push(t("Exercise {number} ({id}): the dose \"{value}\" is not a count this page can read (10, 10-30, up to 20; at most {max}): left out.", { ...where, value: cleanText(value, 12), max }));
  return countValue(c);
}

function readWords(value, max, problems, tooLong, where) {
  const decoded = fromBase32(value);
  if (decoded === null) {
    problems.push(t("A text in the link is damaged and was left out: check the routine against the printed sheet."));
    return "";
  }
  return readText(decoded, max, tooLong, problems, where);
}

function readMeta(meta, routine, problems) {
  for (const field of meta ? meta.split(".") : []) {
    const [letter, value] = [field[0], field.slice(1)];
    const long = (what) => (v) => t("{what} is longer than {max} characters: only the first {max} were kept.", { ...v, what });
    if (letter === "C" || letter === "O") {
      const list = letter === "C" ? CONDITIONS : ROUTINES;
      const id = /^[0-9A-Z]{1,3}$/.test(value) ? list[parseInt(value, 36)] : undefined;
      if (id) routine[letter === "C" ? "condition" : "source"] = id;
      else problems.push(t("The link names a condition or routine this page does not know (\"{code}\"): left out.", { code: cleanText(value, 8) }));
    } else if (letter === "F") {
      const m = /^(\d{1,2})([DW])$/.exec(value);
      routine.freq = m ? cleanFreq({ times: +m[1], per: m[2] === "D" ? "day" : "week" }) : null;
      if (!routine.freq) problems.push(t("How often (\"{freq}\") is not a number of times per day or week (1 to {max}): left out.", { freq: cleanText(value, 20), max: LIMITS.times }));
    } else if (letter === "G" || letter === "V") {
      const d = cleanDate(value.replace(/^(\d{4})(\d{2})(\d{2})$/, "$1-$2-$3"));
      if (d) routine[letter === "G" ? "given" : "review"] = d;
      else problems.push(t("A date in the link (\"{date}\") is not a date: left out.", { date: cleanText(value, 12) }));
    } else if ("TNAK".includes(letter) && letter) {
      const key = { T: "title", N: "note", A: "patient", K: "clinician" }[letter];
      const what = { T: t("The title"), N: t("The note for the patient"), A: t("The patient's name"), K: t("The clinician's name and contact") }[letter];
      routine[key] = readWords(value, LIMITS[key], problems, long(what));
    } else if (field) {
      problems.push(t("The link has a part this page does not know (\"{part}\"): ignored.", { part: cleanText(field, 12) }));
    }
  }
}

function readItem(raw, number, problems, before) {
  const fields = raw.split(".");
  const head = fields[0] || "";
  let id = null;
  if (head.startsWith("-")) id = fromBase32(head.slice(1));
  else if (/^[0-9A-Z]{2}$/.test(head)) id = EXERCISES[parseInt(head, 36)] || null;
  if (!id || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
    problems.push(t("Exercise {number}: the link names an exercise this page does not know (\"{code}\"): left out.", { number, code: cleanText(head, 12) }));
    return null;
  }
  const item = emptyItem(id);
  const where = { number, id };
  const long = (v) => t("The note of exercise {number} is longer than {max} characters: only the first {max} were kept.", v);
  for (const field of fields.slice(1)) {
    const [letter, value] = [field[0], field.slice(1)];
    if (ITEM_KEYS[letter]) item[ITEM_KEYS[letter]] = readCount(value, LIMITS[ITEM_KEYS[letter]], problems, where);
    else if (letter === "W" || letter === "Q") {
      const key = letter === "W" ? "holdWords" : "restWords";
      item[key] = value ? readWords(value, LIMITS.words, problems, long, where) : (before && before[key]) || "";
    }
    else if ((letter === "Y" || letter === "Z") && /^[0-9A-Z]{1,2}$/.test(value)) {
      // The handbook's words, filled in from the data by the page that reads the link (routine-logic.js handbookWords).
      item[letter === "Y" ? "holdRef" : "restRef"] = parseInt(value, 36);
    }
    else if (letter === "N") item.note = readWords(value, LIMITS.itemNote, problems, long, where);
    else if (field === "E") item.perSide = true;
    else if (letter === "F" && /^(\d{1,2})([DW])$/.test(value)) item.freq = cleanFreq({ times: parseInt(value, 10), per: value.endsWith("D") ? "day" : "week" });
    else if (field) problems.push(t("Exercise {number} ({id}): unknown marks \"{marks}\" ignored.", { ...where, marks: cleanText(field, 12) }));
  }
  return item;
}

function readV2(code, routine, problems) {
  const parts = code.toUpperCase().replace(/\s+/g, "").split("/");
  const head = /^2\.([0-9A-Z]{1,2})\.([0-9A-Z]{4})$/.exec(parts[0]);
  const body = parts.slice(1).join("/");
  const items = parts.slice(2).filter((raw, i, all) => raw || i < all.length - 1);
  if (!head) problems.push(t("The beginning of the link is damaged: check the routine against the printed sheet."));
  const total = head ? parseInt(head[1], 36) : items.length;
  if (items.length < total) {
    const from = items.length + 1;
    problems.push(from === total
      ? t("The link was cut short: exercise {n} of {total} is missing. Ask for the whole link again, or use the printed sheet.", { n: total, total })
      : t("The link was cut short: exercises {from} to {total} of {total} are missing. Ask for the whole link again, or use the printed sheet.", { from, total }));
  } else if (head && (items.length > total || check(body) !== head[2])) {
    problems.push(t("The link was changed after it was made (its check does not match): check every exercise and dose against the printed sheet."));
  }
  readMeta(parts[1] || "", routine, problems);
  if (items.length > LIMITS.items) problems.push(plural(items.length, "The link has {n} exercises; a routine holds at most {max}: the first {max} were kept.", { max: LIMITS.items }));
  let before = null;
  items.slice(0, LIMITS.items).forEach((raw, i) => {
    const item = readItem(raw, i + 1, problems, before);
    if (item) routine.items.push(item);
    before = item;
  });
}

export function decodeRoutine(code) {
  const routine = emptyRoutine();
  const problems = [];
  try {
    let text = typeof code === "string" ? code : "";
    if (text.startsWith("#")) text = text.slice(1);
    if (/^[rRe]=/.test(text)) text = text.slice(2);
    if (!text.trim()) {
      problems.push(t("The link holds no routine."));
      return { routine, problems };
    }
    if (text.length > LIMITS.code) {
      problems.push(t("The link is far too long ({length} characters; a routine takes at most {max}): only its beginning was read.", { length: text.length, max: LIMITS.code }));
      text = text.slice(0, LIMITS.code);
    }
    const version = /^(\d{1,9})(?=[~.]|$)/.exec(text);
    if (!version) {
      problems.push(t("The link does not start with a format number (\"{start}\"): it is not a routine link, or it was cut.", { start: cleanText(text.split(/[~./]/)[0], 20) }));
    } else if (version[1] === "1") {
      readV1(text.split("~"), routine, problems);
    } else if (version[1] === "2") {
      readV2(text, routine, problems);
    } else {
      problems.push(t("The link was made in format {version}, newer than this page knows ({format}): reload the page to get the newest handbook, then open the link again.", { version: Number(version[1]), format: FORMAT }));
    }
  } catch (error) {
    problems.push(t("The link could not be read to the end: what came before the problem was kept."));
  }
  return { routine, problems };
}

// The link's code in an address hash ("#r=..."), or null when the hash holds none.
export function codeFromHash(hash) {
  const text = typeof hash === "string" ? hash.replace(/^#/, "") : "";
  return /^[rR]=/.test(text) ? text.slice(2) : null;
}
