// The builder's pure logic: dose lines, a handbook routine as a builder routine, aliases, warnings,
// easier and harder swaps. No DOM; the data is api/builder.json (lumbar/builder.py).

import { emptyItem, emptyRoutine, LIMITS } from "./routine-link.js";
import { t, plural, lastNumber } from "./i18n.js";

export function seconds(n) {
  return n >= 60 && n % 60 === 0 ? n / 60 + "\u00a0" + t("min") : n + "\u00a0" + t("s");
}

// "10 repetitions × 3 sets, hold 15 s, rest 3 min, each side", as the routine pages write it.
export function doseLine(item) {
  const parts = [];
  if (item.reps != null) parts.push(plural(item.reps, { one: "{n} repetition", other: "{n} repetitions" }));
  if (item.sets != null) {
    const sets = plural(item.sets, { one: "{n} set", other: "{n} sets" });
    if (parts.length) parts[0] = parts[0] + " × " + sets;
    else parts.push(sets);
  }
  if (item.hold != null) parts.push(t("hold {time}", { time: seconds(item.hold) }));
  if (item.rest != null) parts.push(t("rest {time}", { time: seconds(item.rest) }));
  let line = parts.join(", ") || t("as comfortable");
  if (item.perSide) line = t("{dose}, each side", { dose: line });
  return line;
}

// "twice a day", "3 times a week" (per: "day" | "week", a data value).
export function freqLine(freq) {
  if (!freq) return "";
  if (freq.times === 1) return freq.per === "week" ? t("once a week") : t("once a day");
  if (freq.times === 2) return freq.per === "week" ? t("twice a week") : t("twice a day");
  return freq.per === "week" ? plural(freq.times, "{n} times a week") : freq.per === "day" ? plural(freq.times, "{n} times a day")
    : freq.times + " times a " + freq.per;
}

// A count from the data ("10", "10-30", "up to 20") as one whole number: a range starts low, "up to" is the most.
function firstCount(value, max) {
  if (value == null) return null;
  const m = /^(?:up to )?(\d+)/.exec(String(value));
  const n = m ? Number(m[1]) : null;
  return n != null && n <= max ? n : null;
}

// A count as the data writes it (12, "10-30", "up to 20"; the same in every language's data), its "up to" in
// the page's language, as the routine pages write it (lumbar/render.py, count).
export function countText(value) {
  const text = String(value);
  return text.startsWith("up to ") ? t("up to") + " " + text.slice("up to ".length) : text;
}

// The handbook's own dosage line of a routine item, in words, when whole numbers cannot hold it.
function handbookDose(it) {
  const parts = [];
  // The count of a text such as "10-30" or "up to 8" is its last number; English reads "repetitions" whatever it is.
  const counted = (value, key) => plural(lastNumber(value) ?? value, key, { n: countText(value) });
  const time = (value) => (Number.isInteger(value) ? seconds(value) : countText(value) + "\u00a0" + t("s"));
  if (it.reps != null) parts.push(counted(it.reps, "{n} repetitions"));
  if (it.sets != null) parts.push(counted(it.sets, "{n} sets"));
  if (it.hold_seconds != null) parts.push(t("hold {time}", { time: time(it.hold_seconds) }));
  else if (it.hold) parts.push(t("hold {time}", { time: it.hold }));
  if (it.rest_seconds != null) parts.push(t("rest {time}", { time: time(it.rest_seconds) }));
  else if (it.rest) parts.push(t("rest: {what}", { what: it.rest }));
  return parts.join(", ");
}

function whole(value) {
  return value == null || /^\d+$/.test(String(value));
}

// A routine from the handbook (api/builder.json) as a builder routine: its items, in order, with their doses.
// A range or a dose in words keeps the handbook's wording in the item's note.
export function fromHandbook(hbRoutine) {
  const routine = emptyRoutine();
  routine.title = String(hbRoutine.title || "").slice(0, LIMITS.title);
  for (const it of hbRoutine.items || []) {
    const item = emptyItem(it.exercise);
    item.reps = firstCount(it.reps, LIMITS.reps);
    item.sets = firstCount(it.sets, LIMITS.sets);
    item.hold = firstCount(it.hold_seconds, LIMITS.hold);
    item.rest = firstCount(it.rest_seconds, LIMITS.rest);
    item.perSide = Boolean(it.per_side);
    const exact = ["reps", "sets", "hold_seconds", "rest_seconds"].every((k) => whole(it[k])) && !it.hold && !it.rest;
    if (!exact) item.note = t("Handbook: {dose}.", { dose: handbookDose(it) }).slice(0, LIMITS.itemNote);
    routine.items.push(item);
  }
  return routine;
}

// Ids old links may hold: alias -> current id.
export function aliasMap(data) {
  const map = new Map();
  for (const ex of data.exercises || []) for (const old of ex.aliases || []) map.set(old, ex.id);
  return map;
}

// Each item's id made current (aliases followed); ids the handbook no longer knows are kept, and listed.
export function resolveItems(routine, data) {
  const known = new Set((data.exercises || []).map((e) => e.id));
  const aliases = aliasMap(data);
  const missing = [];
  const items = routine.items.map((item) => {
    if (known.has(item.id)) return item;
    if (aliases.has(item.id)) return { ...item, id: aliases.get(item.id) };
    missing.push(item.id);
    return item;
  });
  return { routine: { ...routine, items }, missing };
}

// What the handbook says against an exercise: its harmful patterns, and the chosen condition's lists.
export function warningsFor(exercise, condition, patterns) {
  const out = [];
  const byId = new Map((patterns || []).map((p) => [p.id, p]));
  for (const p of exercise.patterns || []) {
    const pattern = byId.get(p);
    out.push({ kind: "pattern", id: p, title: pattern ? pattern.title : p, why: pattern && pattern.text ? pattern.text : "" });
  }
  if (condition) {
    for (const e of condition.avoid || []) {
      if (e.exercise === exercise.id) out.push({ kind: "avoid", id: condition.id, title: condition.title, why: e.why });
    }
    for (const p of condition.avoid_patterns || []) {
      if ((exercise.patterns || []).includes(p)) {
        const pattern = byId.get(p);
        out.push({ kind: "avoid-pattern", id: p, title: condition.title, why: t("Avoid with this condition: {pattern}.", { pattern: pattern ? pattern.title : p }) });
      }
    }
    for (const e of condition.caution || []) {
      if (e.exercise === exercise.id) out.push({ kind: "caution", id: condition.id, title: condition.title, why: e.why });
    }
  }
  return out;
}

// The easier or harder exercises of one (direction: "easier" | "harder"), as exercise records.
export function swaps(exercise, direction, exercisesById) {
  return (exercise[direction] || []).map((id) => exercisesById.get(id)).filter(Boolean);
}

// The variant graph's problems (the build checks the same in Python): unknown ids, one-sided pairs, cycles.
export function variantProblems(exercises) {
  const byId = new Map(exercises.map((e) => [e.id, e]));
  const problems = [];
  for (const e of exercises) {
    for (const [dir, back] of [["easier", "harder"], ["harder", "easier"]]) {
      for (const id of e[dir] || []) {
        const other = byId.get(id);
        if (!other) problems.push(`${e.id}: ${dir} '${id}' is not an exercise`);
        else if (!(other[back] || []).includes(e.id)) problems.push(`${e.id}: ${dir} '${id}', but '${id}' does not name it ${back}`);
      }
    }
  }
  const state = new Map();
  function visit(id, path) {
    if (state.get(id) === "done") return;
    if (state.get(id) === "open") {
      problems.push("cycle: " + path.slice(path.indexOf(id)).concat(id).join(" < "));
      return;
    }
    state.set(id, "open");
    for (const next of (byId.get(id) || {}).harder || []) if (byId.has(next)) visit(next, path.concat(id));
    state.set(id, "done");
  }
  for (const e of exercises) visit(e.id, []);
  return problems;
}

// Exercises that match a search: title, other names, position, equipment; words in any order.
export function matches(exercise, query, data) {
  const words = String(query || "").toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const positions = new Map((data.positions || []).map((p) => [p.id, p.title]));
  const hay = [exercise.title, ...(exercise.other_names || []), exercise.id, positions.get(exercise.position) || ""]
    .join(" ").toLowerCase();
  return words.every((w) => hay.includes(w));
}
