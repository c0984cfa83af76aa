// Format 1 of the routine link (2024-2026), still read so that every link and printed QR code handed over
// keeps opening; nothing writes it any more (./routine-link.js writes format 2).
//   1~title~freq~condition~note~item~item...
//   freq: "<times>d" or "<times>w" (per day, per week), or empty
//   item: id.reps.sets.hold.rest.flags.note  (numbers in base 10, empty = none; flags: "s" = each side)
// Text: "_" for a space, then percent-escapes for anything but letters, digits and "-" "'" "(" ")" "!" "*".
import { t, plural } from "./i18n.js";
import { emptyItem, cleanText, LIMITS } from "./routine-shape.js";

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DOSES = ["reps", "sets", "hold", "rest"];
// What a problem with one dose of an item reads, by its field.
const NOT_WHOLE = {
  reps: (v) => t("Exercise {number} ({id}): repetitions \"{value}\" is not a whole number: left out.", v),
  sets: (v) => t("Exercise {number} ({id}): sets \"{value}\" is not a whole number: left out.", v),
  hold: (v) => t("Exercise {number} ({id}): hold seconds \"{value}\" is not a whole number: left out.", v),
  rest: (v) => t("Exercise {number} ({id}): rest seconds \"{value}\" is not a whole number: left out.", v),
};
export const TOO_MANY = {
  reps: (v) => t("Exercise {number} ({id}): repetitions {value} is more than {max}: left out.", v),
  sets: (v) => t("Exercise {number} ({id}): sets {value} is more than {max}: left out.", v),
  hold: (v) => t("Exercise {number} ({id}): hold seconds {value} is more than {max}: left out.", v),
  rest: (v) => t("Exercise {number} ({id}): rest seconds {value} is more than {max}: left out.", v),
};

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

// tooLong: the message when the text is longer than max, as a function of { max, ...values }.
export function readText(text, max, tooLong, problems, values) {
  const clean = cleanText(text, Infinity);
  if (Array.from(clean).length > max) problems.push(tooLong({ ...values, max }));
  return cleanText(clean, max);
}

// The fields of a format-1 code (split at "~", the format number first) into `routine`.
export function readV1(fields, routine, problems) {
  const text = (raw) => unescapeText(raw || "");
  routine.title = readText(text(fields[1]), LIMITS.title, (v) => t("The title is longer than {max} characters: only the first {max} were kept.", v), problems);
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
  routine.note = readText(text(fields[4]), LIMITS.note, (v) => t("The note for the patient is longer than {max} characters: only the first {max} were kept.", v), problems);
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
    item.note = readText(text(parts.slice(6).join("%2E")), LIMITS.itemNote, (v) => t("The note of exercise {number} is longer than {max} characters: only the first {max} were kept.", v), problems, { number });
    routine.items.push(item);
  });
}
