// The routine in the address: builder/#r=<code>, session/#r=<code>. Pure: no DOM, never throws.
//
// Format 1 (a later format must still read it): fields joined by "~", the first is the format number.
//   1~title~freq~condition~note~item~item...
//   freq: "<times>d" or "<times>w" (per day, per week), or empty
//   item: id.reps.sets.hold.rest.flags.note  (numbers in base 10, empty = none; flags: "s" = each side)
// Text: "_" for a space, then percent-escapes for anything but letters, digits and "-" "'" "(" ")" "!" "*",
// so "~" and "." only ever separate fields. Short enough that 8 exercises fit a small QR code.

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
const DOSE_NAMES = { reps: "repetitions", sets: "sets", hold: "hold seconds", rest: "rest seconds" };

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

function readText(raw, max, label, problems) {
  const text = cleanText(unescapeText(raw), Infinity);
  if (Array.from(text).length > max) {
    problems.push(`The ${label} is longer than ${max} characters: only the first ${max} were kept.`);
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
      problems.push("The link holds no routine.");
      return { routine, problems };
    }
    if (text.length > LIMITS.code) {
      problems.push(`The link is far too long (${text.length} characters; a routine takes at most ${LIMITS.code}): only its beginning was read.`);
      text = text.slice(0, LIMITS.code);
    }
    const fields = text.split("~");
    const version = fields[0];
    if (!NUMBER.test(version)) {
      problems.push(`The link does not start with a format number ("${cleanText(version, 20)}"): it is not a routine link, or it was cut.`);
      return { routine, problems };
    }
    if (Number(version) !== FORMAT) {
      if (Number(version) > FORMAT) {
        problems.push(`The link was made in format ${Number(version)}, newer than this page knows (${FORMAT}): it was read as format ${FORMAT}; check every exercise and dose.`);
      } else {
        problems.push(`The link's format ${Number(version)} is unknown: it was read as format ${FORMAT}; check every exercise and dose.`);
      }
    }
    routine.title = readText(fields[1] || "", LIMITS.title, "title", problems);
    const freq = fields[2] || "";
    const match = /^(\d{1,3})([dw])$/.exec(freq);
    if (match && number(Number(match[1]), LIMITS.times) && Number(match[1]) > 0) {
      routine.freq = { times: Number(match[1]), per: match[2] === "d" ? "day" : "week" };
    } else if (freq) {
      problems.push(`How often ("${cleanText(unescapeText(freq), 20)}") is not a number of times per day or week (1 to ${LIMITS.times}): left out.`);
    }
    const condition = fields[3] || "";
    if (ID.test(condition)) routine.condition = condition;
    else if (condition) problems.push(`The condition "${cleanText(unescapeText(condition), 40)}" is not a handbook id: left out.`);
    routine.note = readText(fields[4] || "", LIMITS.note, "note for the patient", problems);
    const items = fields.slice(5);
    if (items.length > LIMITS.items) {
      problems.push(`The link has ${items.length} exercises; a routine holds at most ${LIMITS.items}: the first ${LIMITS.items} were kept.`);
    }
    items.slice(0, LIMITS.items).forEach((raw, index) => {
      const parts = raw.split(".");
      const where = `Exercise ${index + 1}`;
      const id = parts[0] || "";
      if (!ID.test(id)) {
        problems.push(`${where} ("${cleanText(unescapeText(id), 40)}") is not a handbook id: left out.`);
        return;
      }
      const item = emptyItem(id);
      DOSES.forEach((key, i) => {
        const value = parts[i + 1] || "";
        if (!value) return;
        if (!/^\d+$/.test(value)) {
          problems.push(`${where} (${id}): ${DOSE_NAMES[key]} "${cleanText(unescapeText(value), 20)}" is not a whole number: left out.`);
        } else if (value.length > 9 || Number(value) > LIMITS[key]) {
          problems.push(`${where} (${id}): ${DOSE_NAMES[key]} ${value.length > 12 ? value.slice(0, 12) + "…" : value} is more than ${LIMITS[key]}: left out.`);
        } else {
          item[key] = Number(value);
        }
      });
      const flags = parts[5] || "";
      item.perSide = flags.includes("s");
      if (/[^s]/.test(flags)) problems.push(`${where} (${id}): unknown marks "${cleanText(unescapeText(flags), 20)}" ignored.`);
      item.note = readText(parts.slice(6).join("%2E"), LIMITS.itemNote, `note of exercise ${index + 1}`, problems);
      routine.items.push(item);
    });
  } catch (error) {
    problems.push("The link could not be read to the end: what came before the problem was kept.");
  }
  return { routine, problems };
}

// The link's code in an address hash ("#r=..."), or null when the hash holds none.
export function codeFromHash(hash) {
  const text = typeof hash === "string" ? hash.replace(/^#/, "") : "";
  return text.startsWith("r=") ? text.slice(2) : null;
}
