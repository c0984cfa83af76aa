// The session's state machine. Time comes from timestamps (Date.now(), passed in as `now`), never from
// counted ticks: a throttled background tab, a reload or a closed tab picks up the right place. Pure.
//
// A repetition step with a hold runs by itself: get ready, hold, relax, hold, ... counted from its one timer.

export const FORMAT = 2; // 2: auto-advance on by default, relax and "a few seconds" settings, stopped for pain
const EXTEND_MS = 15000;
export const RELAX_MS = 5000; // between two holds: the handbook's default, adjustable

const timedStep = (step) => step && (step.kind === "hold" || (step.kind === "rest" && step.ms) || (step.kind === "reps" && step.holdMs));

function freshStep(steps, index, now, started) {
  return { index, reps: 0, untimed: false, extra: 0, timer: timedStep(steps[index]) && started ? { at: now, banked: 0 } : null };
}

export function create(key, steps, now, opts = {}) {
  return { v: FORMAT, key, count: steps.length, started: false, finished: false, auto: opts.auto !== false,
    relaxMs: opts.relaxMs || RELAX_MS, fewMs: opts.fewMs || null, stopped: null,
    at: now, cur: freshStep(steps, 0, now, false), results: {} };
}

// Start: the first tap. Starts the first step's timer.
export function start(s, steps, now) {
  return { ...s, started: true, at: now, cur: freshStep(steps, s.cur.index, now, true) };
}

// One hold of a repetition step (a "few seconds" hold is the person's setting).
export function holdOf(s, step) {
  return step.few && s.fewMs ? s.fewMs : step.holdMs;
}

const repsTarget = (step) => (step.reps ? step.reps.low : 1);

function duration(s, step, cur) {
  if (cur.untimed) return null;
  if (step.kind === "reps") {
    if (!step.holdMs) return null;
    const n = repsTarget(step);
    return n * holdOf(s, step) + (n - 1) * s.relaxMs + cur.extra;
  }
  return step.ms ? step.ms + cur.extra : null;
}

// Where the current step's clock stands: phase "lead" (get ready), "run", "over", "paused", "idle" (no timer
// running). For a repetition with holds, `sub` is "hold" or "relax", `left` the seconds of that hold or relax,
// `rep` the repetition under way (1-based) and `done` those finished.
export function timing(s, steps, now) {
  const step = steps[s.cur.index];
  const d = duration(s, step, s.cur);
  const t = s.cur.timer;
  const holds = step.kind === "reps" && d !== null;
  const hold = holds ? holdOf(s, step) : 0;
  if (d === null || !t) return { phase: "idle", left: d === null ? null : Math.ceil((holds ? hold : d) / 1000), lead: 0, done: s.cur.reps, rep: s.cur.reps + 1, sub: holds ? "hold" : null };
  const elapsed = t.banked + (t.at === null ? 0 : now - t.at);
  const lead = step.lead || 0;
  const leadLeft = Math.max(0, lead - elapsed);
  const leftMs = Math.max(0, lead + d - elapsed);
  const paused = t.at === null;
  let phase = leadLeft > 0 ? "lead" : leftMs > 0 ? "run" : "over";
  if (paused && phase !== "over") phase = "paused";
  const out = { phase, left: leadLeft > 0 ? Math.ceil((holds ? hold : d) / 1000) : Math.ceil(leftMs / 1000), lead: Math.ceil(leadLeft / 1000),
    leftMs, endsAt: paused ? null : now + leftMs, elapsed, done: s.cur.reps, rep: s.cur.reps + 1, sub: null };
  if (holds) {
    const n = repsTarget(step);
    const e = Math.max(0, elapsed - lead);
    const cycle = hold + s.relaxMs;
    const k = Math.min(n - 1, Math.floor(e / cycle));
    const w = e - k * cycle;
    if (leftMs <= 0) Object.assign(out, { sub: "hold", done: n, rep: n, left: 0 });
    else if (w < hold) Object.assign(out, { sub: "hold", done: k, rep: k + 1, left: leadLeft > 0 ? Math.ceil(hold / 1000) : Math.ceil((hold - w) / 1000) });
    else Object.assign(out, { sub: "relax", done: k + 1, rep: k + 2, left: Math.ceil((cycle - w) / 1000) });
  }
  return out;
}

export function pause(s, steps, now) {
  const t = s.cur.timer;
  if (!t || t.at === null || timing(s, steps, now).phase === "over") return s;
  return { ...s, cur: { ...s.cur, timer: { at: null, banked: t.banked + now - t.at } } };
}

export function resume(s, steps, now) {
  const t = s.cur.timer;
  if (!t || t.at !== null) return s;
  return { ...s, cur: { ...s.cur, timer: { at: now, banked: t.banked } } };
}

// A timer for a step that has one but is not running (after "back", or after it ended with auto-advance off).
export function startTimer(s, steps, now) {
  if (duration(s, steps[s.cur.index], s.cur) === null) return s;
  if (s.cur.timer && timing(s, steps, now).phase !== "over") return resume(s, steps, now);
  return { ...s, cur: { ...s.cur, reps: 0, extra: 0, timer: { at: now, banked: 0 } } };
}

export function togglePause(s, steps, now) {
  const t = s.cur.timer;
  if (!t || timing(s, steps, now).phase === "over") return startTimer(s, steps, now);
  return t.at === null ? resume(s, steps, now) : pause(s, steps, now);
}

// Lengthen the countdown by 15 s (WCAG 2.2.1: adjust); if it was over, it runs again. Holds of repetitions are
// adjusted by their own settings (hold and relax), not here.
export function extend(s, steps, now) {
  const step = steps[s.cur.index];
  if (step.kind === "reps" || duration(s, step, s.cur) === null) return s;
  const tm = timing(s, steps, now);
  let cur = { ...s.cur, extra: s.cur.extra + EXTEND_MS };
  if (tm.phase === "over" && s.cur.timer) {
    const base = step.ms + (step.lead || 0);
    cur = { ...cur, extra: tm.elapsed - base + EXTEND_MS, timer: { at: now, banked: tm.elapsed } };
  }
  return { ...s, cur };
}

// Switch the step to untimed (WCAG 2.2.1: turn off): it waits for the tap; repetitions are counted by taps.
export function untime(s, steps, now) {
  const done = steps && steps[s.cur.index].kind === "reps" ? timing(s, steps, now).done : s.cur.reps;
  return { ...s, cur: { ...s.cur, reps: done, untimed: true, timer: null } };
}

export function countRep(s) {
  return { ...s, cur: { ...s.cur, reps: s.cur.reps + 1 } };
}

export function setAuto(s, on) {
  return { ...s, auto: !!on };
}

// New relax or "few seconds" hold lengths, in ms: a running repetition step goes on from the start of its next
// hold, the repetitions done kept.
export function setLengths(s, steps, now, { relaxMs, fewMs }) {
  const step = steps[s.cur.index];
  const before = s.started && !s.finished && step.kind === "reps" && s.cur.timer ? timing(s, steps, now) : null;
  let out = { ...s, relaxMs: relaxMs || s.relaxMs, fewMs: fewMs || s.fewMs };
  if (before && before.phase !== "over" && before.phase !== "lead") {
    const banked = (step.lead || 0) + before.done * (holdOf(out, step) + out.relaxMs);
    out = { ...out, cur: { ...out.cur, timer: { at: s.cur.timer.at === null ? null : now, banked } } };
  }
  return out;
}

function mark(s, ex, result) {
  const results = { ...s.results };
  if (result === "skipped" || !results[ex] || results[ex] === "done") results[ex] = result;
  return results;
}

function goTo(s, steps, index, now, results) {
  if (index >= steps.length) return { ...s, results, finished: true, at: now, cur: { ...s.cur, timer: null } };
  return { ...s, results, finished: false, at: now, cur: freshStep(steps, Math.max(0, index), now, true) };
}

// Next: the current step counts as done (a repetition step with fewer than asked counts as partly).
export function next(s, steps, now) {
  const step = steps[s.cur.index];
  const target = step.reps ? step.reps.low : 0;
  const done = step.kind === "reps" && s.cur.timer ? timing(s, steps, now).done : s.cur.reps;
  const partly = step.kind === "reps" && done > 0 && done < target;
  const results = step.kind === "rest" ? s.results : mark(s, step.ex, partly ? "partly" : "done");
  return goTo(s, steps, s.cur.index + 1, now, results);
}

export function back(s, steps, now) {
  return goTo(s, steps, s.cur.index - 1, now, s.results);
}

// "It hurts", then "Skip this one": the exercise is recorded as skipped because it hurt; the next one begins.
export function skipHurt(s, steps, now) {
  const ex = steps[s.cur.index].ex;
  let i = s.cur.index;
  while (i < steps.length && steps[i].ex === ex) i++;
  const results = { ...s.results, [ex]: "skipped" };
  const hurt = { ...(s.hurt || {}), [ex]: true };
  return { ...goTo(s, steps, i, now, results), hurt };
}

// "It hurts", then "Stop the session": this exercise skipped because it hurt, the session over, stopped for pain.
export function stopForPain(s, steps, now) {
  const ex = steps[s.cur.index].ex;
  const results = { ...s.results, [ex]: "skipped" };
  return { ...goTo(s, steps, steps.length, now, results), hurt: { ...(s.hurt || {}), [ex]: true }, stopped: "pain" };
}

// Time-driven changes: with auto-advance on, the next step begins at the moment the last one ended (not when the
// tab woke up); a repetition step that ran out records its repetitions.
export function tick(s, steps, now) {
  let out = s;
  for (let guard = 0; guard < 10000 && out.started && !out.finished; guard++) {
    const step = steps[out.cur.index];
    const tm = timing(out, steps, now);
    if (tm.phase !== "over") break;
    const endedAt = now - (tm.elapsed - (step.lead || 0) - duration(out, step, out.cur));
    if (step.kind === "reps" && out.cur.reps !== tm.done) out = { ...out, cur: { ...out.cur, reps: tm.done } };
    if (!out.auto) break;
    out = next(out, steps, endedAt);
    out = { ...out, cur: out.cur.timer ? { ...out.cur, timer: { at: endedAt, banked: 0 } } : out.cur };
  }
  return out;
}

// Saved in localStorage between reloads; a saved state that does not fit these steps is dropped.
export function serialise(s) {
  return JSON.stringify(s);
}

const positive = (x) => typeof x === "number" && Number.isFinite(x) && x > 0 && x <= 600000;

export function restore(text, key, steps) {
  let s;
  try {
    s = JSON.parse(text);
  } catch {
    return null;
  }
  if (!s || typeof s !== "object" || s.v !== FORMAT || s.key !== key || s.count !== steps.length) return null;
  const c = s.cur;
  if (!c || !Number.isInteger(c.index) || c.index < 0 || c.index >= steps.length || !Number.isInteger(c.reps)) return null;
  if (c.timer !== null && (typeof c.timer !== "object" || typeof c.timer.banked !== "number" ||
      !(c.timer.at === null || typeof c.timer.at === "number"))) return null;
  if (typeof c.extra !== "number" || typeof s.results !== "object" || s.results === null) return null;
  if (!positive(s.relaxMs) || !(s.fewMs === null || positive(s.fewMs))) return null;
  return s;
}

// The exercise results for the diary: done, partly or skipped (untouched exercises count as skipped).
export function results(s, count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const r = Object.hasOwn(s.results, i) ? s.results[i] : "skipped";
    out.push({ result: r, hurt: !!(s.hurt && Object.hasOwn(s.hurt, i) && s.hurt[i]) });
  }
  return out;
}
