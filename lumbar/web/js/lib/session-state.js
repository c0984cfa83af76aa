// The session's state machine. Time comes from timestamps (Date.now(), passed in as `now`), never from
// counted ticks: a throttled background tab, a reload or a closed tab picks up the right place. Pure.

export const FORMAT = 1;
const EXTEND_MS = 15000;

function freshStep(steps, index, now, started) {
  const step = steps[index];
  const timed = step && (step.kind === "hold" || (step.kind === "rest" && step.ms) || (step.kind === "reps" && step.holdMs));
  return { index, reps: 0, untimed: false, extra: 0, timer: timed && started ? { at: now, banked: 0 } : null };
}

export function create(key, steps, now) {
  return { v: FORMAT, key, count: steps.length, started: false, finished: false, auto: false,
    at: now, cur: freshStep(steps, 0, now, false), results: {} };
}

// Start: the first tap. Starts the first step's timer.
export function start(s, steps, now) {
  return { ...s, started: true, at: now, cur: freshStep(steps, s.cur.index, now, true) };
}

function duration(step, cur) {
  if (cur.untimed) return null;
  const base = step.kind === "reps" ? step.holdMs : step.ms;
  return base ? base + cur.extra : null;
}

// Where the current step's clock stands: phase "lead" (3-2-1), "run", "over", "paused", "idle" (no timer running).
export function timing(s, steps, now) {
  const step = steps[s.cur.index];
  const d = duration(step, s.cur);
  const t = s.cur.timer;
  if (d === null || !t) return { phase: "idle", left: d === null ? null : Math.ceil(d / 1000), lead: 0 };
  const elapsed = t.banked + (t.at === null ? 0 : now - t.at);
  const lead = step.lead || 0;
  const leadLeft = Math.max(0, lead - elapsed);
  const leftMs = Math.max(0, lead + d - elapsed);
  const paused = t.at === null;
  let phase = leadLeft > 0 ? "lead" : leftMs > 0 ? "run" : "over";
  if (paused && phase !== "over") phase = "paused";
  return { phase, left: leadLeft > 0 ? Math.ceil(d / 1000) : Math.ceil(leftMs / 1000), lead: Math.ceil(leadLeft / 1000),
    leftMs, endsAt: paused ? null : now + leftMs, elapsed };
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

// A timer for a step that has one but is not running (a repetition's hold, or after "back").
export function startTimer(s, steps, now) {
  if (duration(steps[s.cur.index], s.cur) === null) return s;
  if (s.cur.timer && timing(s, steps, now).phase !== "over") return resume(s, steps, now);
  return { ...s, cur: { ...s.cur, timer: { at: now, banked: 0 } } };
}

export function togglePause(s, steps, now) {
  const t = s.cur.timer;
  if (!t) return startTimer(s, steps, now);
  return t.at === null ? resume(s, steps, now) : pause(s, steps, now);
}

// Lengthen the countdown by 15 s (WCAG 2.2.1: adjust); if it was over, it runs again.
export function extend(s, steps, now) {
  const step = steps[s.cur.index];
  if (duration(step, s.cur) === null) return s;
  const tm = timing(s, steps, now);
  let cur = { ...s.cur, extra: s.cur.extra + EXTEND_MS };
  if (tm.phase === "over" && s.cur.timer) {
    const base = (step.kind === "reps" ? step.holdMs : step.ms) + (step.lead || 0);
    cur = { ...cur, extra: tm.elapsed - base + EXTEND_MS, timer: { at: now, banked: tm.elapsed } };
  }
  return { ...s, cur };
}

// Switch the step to untimed (WCAG 2.2.1: turn off): it waits for the tap.
export function untime(s) {
  return { ...s, cur: { ...s.cur, untimed: true, timer: null } };
}

export function countRep(s) {
  return { ...s, cur: { ...s.cur, reps: s.cur.reps + 1 } };
}

export function setAuto(s, on) {
  return { ...s, auto: !!on };
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

// Next: the current step counts as done (a repetition step with fewer taps than asked counts as partly).
export function next(s, steps, now) {
  const step = steps[s.cur.index];
  const target = step.reps ? step.reps.low : 0;
  const partly = step.kind === "reps" && s.cur.reps > 0 && s.cur.reps < target;
  const results = step.kind === "rest" ? s.results : mark(s, step.ex, partly ? "partly" : "done");
  return goTo(s, steps, s.cur.index + 1, now, results);
}

export function back(s, steps, now) {
  return goTo(s, steps, s.cur.index - 1, now, s.results);
}

// "Skip: it hurts": the exercise is recorded as skipped because it hurt, and the player moves to the next one.
export function skipHurt(s, steps, now) {
  const ex = steps[s.cur.index].ex;
  let i = s.cur.index;
  while (i < steps.length && steps[i].ex === ex) i++;
  const results = { ...s.results, [ex]: "skipped" };
  const hurt = { ...(s.hurt || {}), [ex]: true };
  return { ...goTo(s, steps, i, now, results), hurt };
}

// Time-driven changes: a repetition's hold that is over counts one repetition; with auto-advance on,
// the next hold or the next step begins at the moment the last one ended (not when the tab woke up).
export function tick(s, steps, now) {
  let out = s;
  for (let guard = 0; guard < 10000 && out.started && !out.finished; guard++) {
    const step = steps[out.cur.index];
    const tm = timing(out, steps, now);
    if (tm.phase !== "over") break;
    const endedAt = now - (tm.elapsed - (step.lead || 0) - duration(step, out.cur));
    if (step.kind === "reps") {
      const reps = out.cur.reps + 1;
      const more = reps < step.reps.high;
      out = { ...out, cur: { ...out.cur, reps, timer: out.auto && more ? { at: endedAt, banked: 0 } : null } };
      if (!more && out.auto) out = next(out, steps, endedAt);
      if (!out.auto || !more) break;
    } else if (out.auto) {
      out = next(out, steps, endedAt);
      out = { ...out, cur: out.cur.timer ? { ...out.cur, timer: { at: endedAt, banked: 0 } } : out.cur };
    } else break;
  }
  return out;
}

// Saved in localStorage between reloads; a saved state that does not fit these steps is dropped.
export function serialise(s) {
  return JSON.stringify(s);
}

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
  return s;
}

// The exercise results for the diary: done, partly or skipped (untouched exercises count as skipped).
export function results(s, count) {
  const out = [];
  for (let i = 0; i < count; i++) out.push({ result: s.results[i] || "skipped", hurt: !!(s.hurt && s.hurt[i]) });
  return out;
}
