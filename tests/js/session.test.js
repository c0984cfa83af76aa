import { test } from "node:test";
import assert from "node:assert/strict";
import { fromArticle, fromBuilder, doseLine, routineSteps, parseCount } from "../../lumbar/web/js/lib/session-steps.js";
import * as S from "../../lumbar/web/js/lib/session-state.js";

test("counts: integers and ranges, nothing else", () => {
  assert.deepEqual(parseCount("10-30"), { low: 10, high: 30, text: "10-30" });
  assert.deepEqual(parseCount(15), { low: 15, high: 15, text: "15" });
  assert.equal(parseCount("a few"), null);
  assert.equal(parseCount(0), null);
});

test("dose line matches the routine page", () => {
  const n = fromArticle({ exercise: "x", reps: 8, sets: 3, hold_seconds: "2-3", rest_seconds: 180, per_side: true });
  assert.equal(doseLine(n), "8 repetitions × 3 sets, hold 2-3 s, rest 3 min, each side");
  assert.equal(doseLine(fromArticle({ exercise: "x", hold: "a couple of minutes" })), "hold a couple of minutes");
  assert.equal(doseLine(fromArticle({ exercise: "x" })), "as comfortable");
});

test("each side, sets and rests become steps; words-only holds are untimed", () => {
  const steps = routineSteps([fromArticle({ exercise: "a", reps: 8, sets: 2, per_side: true, rest_seconds: 60 }),
    fromArticle({ exercise: "b", hold: "a few seconds" }), fromArticle({ exercise: "c", hold_seconds: 120 })]);
  assert.deepEqual(steps.map((s) => [s.ex, s.kind, s.side, s.set]), [
    [0, "reps", "left", 1], [0, "reps", "right", 1], [0, "rest", null, 1], [0, "reps", "left", 2], [0, "reps", "right", 2],
    [1, "untimed", null, 1], [2, "hold", null, 1]]);
  assert.equal(steps[2].ms, 60000);
  assert.equal(steps[5].words, "Hold a few seconds");
  assert.equal(steps[6].ms, 120000);
  assert.equal(steps[6].lead, 3000);
});

test("a builder item maps to the same shape", () => {
  const b = fromBuilder({ id: "cat", reps: 10, sets: 2, hold: 5, rest: 30, perSide: false, note: "slowly" });
  const a = fromArticle({ exercise: "cat", reps: 10, sets: 2, hold_seconds: 5, rest_seconds: 30, notes: ["slowly"] });
  assert.deepEqual(b, a);
});

const hold = routineSteps([fromArticle({ exercise: "c", hold_seconds: 20 }), fromArticle({ exercise: "d", reps: 3, hold_seconds: 2 })]);

test("a hold counts down from timestamps, 3-2-1 first, and pause stops it", () => {
  let s = S.start(S.create("k", hold, 0), hold, 1000);
  assert.deepEqual([S.timing(s, hold, 1000).phase, S.timing(s, hold, 1000).lead, S.timing(s, hold, 1000).left], ["lead", 3, 20]);
  assert.equal(S.timing(s, hold, 9000).left, 15);
  s = S.pause(s, hold, 9000);
  assert.equal(S.timing(s, hold, 60000).phase, "paused");
  assert.equal(S.timing(s, hold, 60000).left, 15);
  s = S.resume(s, hold, 60000);
  assert.equal(S.timing(s, hold, 70000).left, 5);
  assert.equal(S.timing(s, hold, 75000).phase, "over");
  assert.equal(S.tick(s, hold, 75000).cur.index, 0, "waits for the person without auto-advance");
  s = S.extend(s, hold, 80000);
  assert.equal(S.timing(s, hold, 80000).left, 15);
});

test("untimed switch, auto-advance, repetition holds and skip for pain", () => {
  let s = S.start(S.create("k", hold, 0), hold, 0);
  s = S.untime(s);
  assert.equal(S.timing(s, hold, 999999).phase, "idle");
  s = S.next(s, hold, 1000);
  assert.equal(s.cur.index, 1);
  s = S.tick(s, hold, 1000 + 5000);
  assert.equal(s.cur.reps, 1);
  assert.equal(s.cur.timer, null);
  s = S.setAuto(S.startTimer(s, hold, 10000), true);
  s = S.tick(s, hold, 10000 + 10000);
  assert.equal(s.finished, true, "auto-advance runs the two remaining holds and ends");
  assert.deepEqual(S.results(s, 2), [{ result: "done", hurt: false }, { result: "done", hurt: false }]);
  let t = S.skipHurt(S.start(S.create("k", hold, 0), hold, 0), hold, 5);
  assert.equal(t.cur.index, 1);
  assert.deepEqual(S.results(t, 2)[0], { result: "skipped", hurt: true });
});

test("resume: a saved state comes back, a foreign one is refused", () => {
  const s = S.start(S.create("k", hold, 0), hold, 0);
  const back = S.restore(S.serialise(s), "k", hold);
  assert.equal(S.timing(back, hold, 8000).left, 15);
  assert.equal(S.restore(S.serialise(s), "other", hold), null);
  assert.equal(S.restore("{not json", "k", hold), null);
  assert.equal(S.restore(JSON.stringify({ ...s, cur: { ...s.cur, index: 9 } }), "k", hold), null);
});
