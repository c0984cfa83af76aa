// The builder's pure logic: dose lines, a handbook routine as a builder routine, caveats, aliases, warnings,
// easier and harder swaps. No DOM; the data is api/builder.json (lumbar/builder.py).

import { emptyItem, emptyRoutine, LIMITS, parseCount, countValue } from "./routine-shape.js";
import { t, plural, lastNumber } from "./i18n.js";

export function seconds(n) {
  return n >= 60 && n % 60 === 0 ? n / 60 + "\u00a0" + t("min") : n + "\u00a0" + t("s");
}

// "10-30 repetitions × 3 sets, hold a few seconds, rest 3 min, each side", as the routine pages write it.
// Counts as the handbook gives them (12, "10-30", "up to 20"); a hold or rest in seconds or in words.
export function doseLine(item) {
  const parts = [];
  const time = (value) => (Number.isInteger(value) ? seconds(value) : countText(value) + "\u00a0" + t("s"));
  if (item.reps != null) parts.push(plural(lastNumber(item.reps) ?? 2, { one: "{n} repetition", other: "{n} repetitions" }, { n: countText(item.reps) }));
  if (item.sets != null) {
    const sets = plural(lastNumber(item.sets) ?? 2, { one: "{n} set", other: "{n} sets" }, { n: countText(item.sets) });
    if (parts.length) parts[0] = parts[0] + " × " + sets;
    else parts.push(sets);
  }
  if (item.hold != null) parts.push(t("hold {time}", { time: time(item.hold) }));
  else if (item.holdWords) parts.push(t("hold {time}", { time: item.holdWords }));
  if (item.rest != null) parts.push(t("rest {time}", { time: time(item.rest) }));
  else if (item.restWords) parts.push(t("rest: {what}", { what: item.restWords }));
  let line = parts.join(", ") || t("as comfortable");
  if (item.perSide) line = t("{dose}, each side", { dose: line });
  if (item.freq) line = t("{dose}; {freq}", { dose: line, freq: freqLine(item.freq) });
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

// A count as the data writes it (12, "10-30", "up to 20"; the same in every language's data), its "up to" in
// the page's language, as the routine pages write it (lumbar/render.py, count).
export function countText(value) {
  const text = String(value);
  return text.startsWith("up to ") ? t("up to") + " " + text.slice("up to ".length) : text;
}

// A count as the reader types it in the page's language ("hasta 20") in the data's notation, or undefined
// when it is not one; "" is none (null).
export function readCountField(text, max) {
  const raw = String(text || "").trim();
  if (!raw) return null;
  const upTo = t("up to").toLowerCase();
  const plain = raw.toLowerCase().startsWith(upTo + " ") ? "up to " + raw.slice(upTo.length + 1).trim() : raw.replace(/^(≤|<=)\s*/, "up to ");
  const c = parseCount(plain, max);
  return c ? countValue(c) : undefined;
}

// The conditions a handbook routine is for (api/builder.json conditions), back problems before goals.
export function conditionOf(routineId, conditions) {
  const found = (conditions || []).filter((c) => (c.routines || []).includes(routineId));
  found.sort((a, b) => (a.kind === "goal") - (b.kind === "goal"));
  return found.length ? found[0].id : null;
}

// A routine from the handbook (api/builder.json) as a builder routine: its items, in order, with their doses
// as the handbook gives them (ranges, "up to", holds and rests in words), and the condition it is for.
export function fromHandbook(hbRoutine, conditions) {
  const routine = emptyRoutine();
  // The title stays the handbook's (routineTitle), in the reader's language, until the physiotherapist writes one.
  routine.title = hbRoutine.id ? "" : String(hbRoutine.title || "").slice(0, LIMITS.title);
  routine.source = hbRoutine.id || null;
  routine.condition = hbRoutine.id ? conditionOf(hbRoutine.id, conditions) : null;
  (hbRoutine.items || []).forEach((it, k) => {
    const item = emptyItem(it.exercise);
    item.reps = countValue(parseCount(it.reps, LIMITS.reps));
    item.sets = countValue(parseCount(it.sets, LIMITS.sets));
    item.hold = countValue(parseCount(it.hold_seconds, LIMITS.hold));
    item.rest = countValue(parseCount(it.rest_seconds, LIMITS.rest));
    item.holdWords = item.hold == null && it.hold ? String(it.hold).slice(0, LIMITS.words) : "";
    item.restWords = item.rest == null && it.rest ? String(it.rest).slice(0, LIMITS.words) : "";
    // Words from the handbook travel as a reference to this item (routine-link.js Y, Z), not as text.
    if (item.holdWords && hbRoutine.id) item.holdRef = k;
    if (item.restWords && hbRoutine.id) item.restRef = k;
    item.perSide = Boolean(it.per_side);
    routine.items.push(item);
  });
  return routine;
}

// A link's references to the handbook's words (holdRef, restRef) filled in from the source routine as this page's
// data has it, in its language (`source`: { items: [{ hold, rest }] }, the builder's or the session's); the
// problems, when a reference finds no words.
export function handbookWords(routine, source) {
  const problems = [];
  routine.items.forEach((item, i) => {
    for (const key of ["hold", "rest"]) {
      const k = item[key + "Ref"];
      if (!Number.isInteger(k)) continue;
      const it = source && Array.isArray(source.items) ? source.items[k] : null;
      const words = it && typeof it[key] === "string" ? it[key].trim().slice(0, LIMITS.words) : "";
      if (words) item[key + "Words"] = words;
      else {
        item[key + "Ref"] = null;
        problems.push(key === "hold"
          ? t("Exercise {number}: the link gives the handbook's hold, which this page could not find: ask your physiotherapist how long to hold.", { number: i + 1 })
          : t("Exercise {number}: the link gives the handbook's rest, which this page could not find: ask your physiotherapist how long to rest.", { number: i + 1 }));
      }
    }
  });
  return problems;
}

// The routine's title: the physiotherapist's, else the handbook routine's it was customised from, else "".
export function routineTitle(routine, data) {
  const source = routine.source ? (data.routines || []).find((r) => r.id === routine.source) : null;
  return routine.title || (source ? source.title : "");
}

const SAME = ["reps", "sets", "hold", "rest", "holdWords", "restWords"];

// The handbook's caveats about an item's dose ("A couple of minutes may be a slip for seconds..."): those of
// the routine it was customised from, for the same exercise, while its dose is still the handbook's.
export function caveatsFor(item, routine, data) {
  const source = (data.routines || []).find((r) => r.id === routine.source);
  if (!source) return [];
  const hb = fromHandbook(source, []);
  const out = [];
  source.items.forEach((it, i) => {
    if (it.exercise === item.id && SAME.every((k) => String(hb.items[i][k] ?? "") === String(item[k] ?? ""))) out.push(...(it.caveats || []));
  });
  return [...new Set(out)];
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
