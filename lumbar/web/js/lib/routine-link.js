// The routine in the address: builder/#r=<code>, session/#r=<code>. Pure: no DOM, never throws.
//
// Format 1 (a later format must still read it): fields joined by "~", the first is the format number.
//   1~title~freq~condition~note~item~item...
//   freq: "<times>d" or "<times>w" (per day, per week), or empty
//   item: id.reps.sets.hold.rest.flags.note  (numbers in base 10, empty = none; flags: "s" = each side)
// Text: "_" for a space, then percent-escapes for anything but letters, digits and "-" "'" "(" ")" "!" "*",
// so "~" and "." only ever separate fields. Short enough that 8 exercises fit a small QR code.
// The problems are told to the reader in the page's language (./i18n.js).
import { t, plural } from "./i18n.js";

export const FORMAT = 1;
export const LIMITS = Object.freeze({
  code: 4000, // characters read from an address; the rest is ignored, with a message
  items: 30,
  title: 80,
  note: 500, // the note for the patient
  itemNote: 200,
  reps: 999,
  sets: 99,
  hold: 3600,
  rest: 3600,
  times: 20,
});
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const NUMBER = /^\d{1,9}$/;
const DOSES = ["reps", "sets", "hold", "rest"];
// What a problem with one dose of an item reads, by its field.
const NOT_WHOLE = {
  reps: (v) => t("Exercise {number} ({id}): repetitions \"{value}\" is not a whole number: left out.", v),
  sets: (v) => t("Exercise {number} ({id}): sets \"{value}\" is not a whole number: left out.", v),
  hold: (v) => t("Exercise {number} ({id}): hold seconds \"{value}\" is not a whole number: left out.", v),
  rest: (v) => t("Exercise {number} ({id}): rest seconds \"{value}\" is not a whole number: left out.", v),
};
const TOO_MANY = {
  reps: (v) => t("Exercise {number} ({id}): repetitions {value} is more than {max}: left out.", v),
  sets: (v) => t("Exercise {number} ({id}): sets {value} is more than {max}: left out.", v),
  hold: (v) => t("Exercise {number} ({id}): hold seconds {value} is more than {max}: left out.", v),
  rest: (v) => t("Exercise {number} ({id}): rest seconds {value} is more than {max}: left out.", v),
};

export function emptyRoutine() {
  return { v: FORMAT, title: "", freq: null, note: "", condition: null, items: [] };
}

export function emptyItem(id) {
  return { id: id, reps: null, sets: null, hold: null, rest: null, perSide: false, note: "" };
}

// Text as the reader typed it, without control characters, trimmed to `max` characters.
export function cleanText(value, max) {
  const text = String(value == null ? "" : value).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ");
  return Array.from(text).slice(0, max).join("");
}

function escapeText(text) {
  return encodeURIComponent(text)
    .replace(/_/g, "%5F")
    .replace(/\./g, "%2E")
    .replace(/~/g, "%7E")
    .replace(/%20/g, "_");
}

function unescapeText(text) {
  try {
    return decodeURIComponent(text.replace(/_/g, "%20"));
  } catch (error) {
    // A cut or broken escape: keep what reads, drop the broken "%" sequences.
    return text.replace(/_/g, " ").replace(/%[0-9A-Fa-f]{0,2}/g, "");
  }
}

function number(value, max) {
  return Number.isInteger(value) && value >= 0 && value <= max ? value : null;
}

export function encodeRoutine(routine) {
  const r = routine && typeof routine === "object" ? routine : {};
  const freq = r.freq && number(r.freq.times, LIMITS.times) && (r.freq.per === "day" || r.freq.per === "week")
    ? r.freq.times + (r.freq.per === "day" ? "d" : "w") : "";
  const condition = typeof r.condition === "string" && ID.test(r.condition) ? r.condition : "";
  const items = (Array.isArray(r.items) ? r.items : []).slice(0, LIMITS.items)
    .filter((it) => it && typeof it.id === "string" && ID.test(it.id))
    .map((it) => {
      const doses = DOSES.map((key) => {
        const n = number(it[key], LIMITS[key]);
        return n === null ? "" : String(n);
      });
      const note = escapeText(cleanText(it.note, LIMITS.itemNote));
      const fields = [it.id, ...doses, it.perSide ? "s" : "", note];
      while (fields.length > 1 && fields[fields.length - 1] === "") fields.pop();
      return fields.join(".");
    });
  return [String(FORMAT), escapeText(cleanText(r.title, LIMITS.title)), freq, condition,
    escapeText(cleanText(r.note, LIMITS.note)), ...items].join("~");
}

// tooLong: the message when the text is longer than max, as a function of { max, ...values }.
function readText(raw, max, tooLong, problems, values) {
  const text = cleanText(unescapeText(raw), Infinity);
  if (Array.from(text).length > max) {
    problems.push(tooLong({ ...values, max }));
  }
  return cleanText(text, max);
}

export function decodeRoutine(code) {
  const routine = emptyRoutine();
  const problems = [];
  try {
    let text = typeof code === "string" ? code : "";
    if (text.startsWith("#")) text = text.slice(1);
    if (text.startsWith("r=")) text = text.slice(2);
    if (!text.trim()) {
      problems.push(t("The link holds no routine."));
      return { routine, problems };
    }
    if (text.length > LIMITS.code) {
      problems.push(t("The link is far too long ({length} characters; a routine takes at most {max}): only its beginning was read.", { length: text.length, max: LIMITS.code }));
      text = text.slice(0, LIMITS.code);
    }
    const fields = text.split("~");
    const version = fields[0];
    if (!NUMBER.test(version)) {
      problems.push(t("The link does not start with a format number (\"{start}\"): it is not a routine link, or it was cut.", { start: cleanText(version, 20) }));
      return { routine, problems };
    }
    if (Number(version) !== FORMAT) {
      if (Number(version) > FORMAT) {
        problems.push(t("The link was made in format {version}, newer than this page knows ({format}): it was read as format {format}; check every exercise and dose.", { version: Number(version), format: FORMAT }));
      } else {
        problems.push(t("The link's format {version} is unknown: it was read as format {format}; check every exercise and dose.", { version: Number(version), format: FORMAT }));
      }
    }
    routine.title = readText(fields[1] || "", LIMITS.title, (v) => t("The title is longer than {max} characters: only the first {max} were kept.", v), problems);
    const freq = fields[2] || "";
    const match = /^(\d{1,3})([dw])$/.exec(freq);
    if (match && number(Number(match[1]), LIMITS.times) && Number(match[1]) > 0) {
      routine.freq = { times: Number(match[1]), per: match[2] === "d" ? "day" : "week" };
    } else if (freq) {
      problems.push(t("How often (\"{freq}\") is not a number of times per day or week (1 to {max}): left out.", { freq: cleanText(unescapeText(freq), 20), max: LIMITS.times }));
    }
    const condition = fields[3] || "";
    if (ID.test(condition)) routine.condition = condition;
    else if (condition) problems.push(t("The condition \"{id}\" is not a handbook id: left out.", { id: cleanText(unescapeText(condition), 40) }));
    routine.note = readText(fields[4] || "", LIMITS.note, (v) => t("The note for the patient is longer than {max} characters: only the first {max} were kept.", v), problems);
    const items = fields.slice(5);
    if (items.length > LIMITS.items) {
      problems.push(plural(items.length, "The link has {n} exercises; a routine holds at most {max}: the first {max} were kept.", { max: LIMITS.items }));
    }
    items.slice(0, LIMITS.items).forEach((raw, index) => {
      const parts = raw.split(".");
      const number = index + 1;
      const id = parts[0] || "";
      if (!ID.test(id)) {
        problems.push(t("Exercise {number} (\"{id}\") is not a handbook id: left out.", { number, id: cleanText(unescapeText(id), 40) }));
        return;
      }
      const item = emptyItem(id);
      DOSES.forEach((key, i) => {
        const value = parts[i + 1] || "";
        if (!value) return;
        if (!/^\d+$/.test(value)) {
          problems.push(NOT_WHOLE[key]({ number, id, value: cleanText(unescapeText(value), 20) }));
        } else if (value.length > 9 || Number(value) > LIMITS[key]) {
          problems.push(TOO_MANY[key]({ number, id, value: value.length > 12 ? value.slice(0, 12) + "…" : value, max: LIMITS[key] }));
        } else {
          item[key] = Number(value);
        }
      });
      const flags = parts[5] || "";
      item.perSide = flags.includes("s");
      if (/[^s]/.test(flags)) problems.push(t("Exercise {number} ({id}): unknown marks \"{marks}\" ignored.", { number, id, marks: cleanText(unescapeText(flags), 20) }));
      item.note = readText(parts.slice(6).join("%2E"), LIMITS.itemNote, (v) => t("The note of exercise {number} is longer than {max} characters: only the first {max} were kept.", v), problems, { number });
      routine.items.push(item);
    });
  } catch (error) {
    problems.push(t("The link could not be read to the end: what came before the problem was kept."));
  }
  return { routine, problems };
}

// The link's code in an address hash ("#r=..."), or null when the hash holds none.
export function codeFromHash(hash) {
  const text = typeof hash === "string" ? hash.replace(/^#/, "") : "";
  return text.startsWith("r=") ? text.slice(2) : null;
}
