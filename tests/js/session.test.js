import { test } from "node:test";
import assert from "node:assert/strict";
import { fromArticle, fromBuilder, doseLine, routineSteps, parseCount, clock } from "../../lumbar/web/js/lib/session-steps.js";
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

test("each side, sets and rests become steps; \"a few seconds\" gets the handbook's hold; other words are untimed", () => {
  const steps = routineSteps([fromArticle({ exercise: "a", reps: 8, sets: 2, per_side: true, rest_seconds: 60 }),
    fromArticle({ exercise: "b", hold: "a few seconds" }), fromArticle({ exercise: "c", hold_seconds: 120 }),
    fromArticle({ exercise: "d", reps: "15-20", hold: "a few seconds" }), fromArticle({ exercise: "e", hold: "for a while" })],
  ["back", "back", "back", "front", "front"]);
  assert.deepEqual(steps.map((s) => [s.ex, s.kind, s.side, s.set]), [
    [0, "reps", "left", 1], [0, "reps", "right", 1], [0, "rest", null, 1], [0, "reps", "left", 2], [0, "reps", "right", 2],
    [1, "hold", null, 1], [2, "hold", null, 1], [3, "reps", null, 1], [4, "untimed", null, 1]]);
  assert.equal(steps[2].ms, 60000);
  assert.deepEqual([steps[5].ms, steps[5].few], [5000, true]);
  assert.deepEqual([steps[7].holdMs, steps[7].few], [5000, true], "the prone press-up: 15-20 repetitions, hold a few seconds");
  assert.equal(steps[8].words, "Hold for a while");
  assert.equal(steps[6].ms, 120000);
  assert.deepEqual([steps[5].lead, steps[6].lead, steps[7].lead], [5000, 5000, 10000], "a new position: a longer get-ready");
});

test("the clock writes m:ss from a minute up", () => {
  assert.deepEqual([0, 59, 60, 118, 600].map(clock), ["0", "59", "1:00", "1:58", "10:00"]);
});

test("a builder item maps to the same shape", () => {
  const b = fromBuilder({ id: "cat", reps: 10, sets: 2, hold: 5, rest: 30, perSide: false, note: "slowly" });
  const a = fromArticle({ exercise: "cat", reps: 10, sets: 2, hold_seconds: 5, rest_seconds: 30, notes: ["slowly"] });
  assert.deepEqual(b, a);
});

const hold = routineSteps([fromArticle({ exercise: "c", hold_seconds: 20 }), fromArticle({ exercise: "d", reps: 3, hold_seconds: 2 })], ["back", "back"]);
const manual = { auto: false };

test("a hold counts down from timestamps, get ready first, and pause stops it", () => {
  let s = S.start(S.create("k", hold, 0, manual), hold, 1000);
  assert.deepEqual([S.timing(s, hold, 1000).phase, S.timing(s, hold, 1000).lead, S.timing(s, hold, 1000).left], ["lead", 10, 20]);
  assert.equal(S.timing(s, hold, 16000).left, 15);
  s = S.pause(s, hold, 16000);
  assert.equal(S.timing(s, hold, 60000).phase, "paused");
  assert.equal(S.timing(s, hold, 60000).left, 15);
  s = S.resume(s, hold, 60000);
  assert.equal(S.timing(s, hold, 70000).left, 5);
  assert.equal(S.timing(s, hold, 75000).phase, "over");
  assert.equal(S.tick(s, hold, 75000).cur.index, 0, "waits for the person with auto-advance off");
  s = S.extend(s, hold, 80000);
  assert.equal(S.timing(s, hold, 80000).left, 15);
});

test("auto-advance is on by default; repetition holds run by themselves: hold, relax, next, counted", () => {
  let s = S.start(S.create("k", hold, 0), hold, 0);
  assert.equal(s.auto, true);
  s = S.tick(s, hold, 30000); // 10 s get ready + 20 s hold: the next exercise began at 30 s
  assert.equal(s.cur.index, 1);
  const at = (ms) => S.timing(s, hold, 30000 + ms);
  // 5 s get ready (same position), then hold 2 s, relax 5 s, hold 2 s, relax 5 s, hold 2 s.
  assert.deepEqual([at(1000).phase, at(5500).sub, at(5500).rep, at(8000).sub, at(8000).done], ["lead", "hold", 1, "relax", 1]);
  assert.deepEqual([at(12500).sub, at(12500).rep, at(19500).rep, at(19500).left], ["hold", 2, 3, 2]);
  assert.equal(at(21000).phase, "over");
  s = S.tick(s, hold, 30000 + 21000);
  assert.equal(s.finished, true, "the last hold ended the session");
  assert.deepEqual(S.results(s, 2), [{ result: "done", hurt: false }, { result: "done", hurt: false }]);
});

test("relax and \"a few seconds\" are adjustable; a running step goes on from its next hold", () => {
  const few = routineSteps([fromArticle({ exercise: "p", reps: 4, hold: "a few seconds" })], ["front"]);
  let s = S.start(S.create("k", few, 0, manual), few, 0);
  assert.equal(S.timing(s, few, 10000 + 4000).sub, "hold");
  assert.equal(S.timing(s, few, 10000 + 6000).done, 1);
  s = S.setLengths(s, few, 16000, { fewMs: 8000, relaxMs: 2000 });
  assert.deepEqual([S.timing(s, few, 16000).sub, S.timing(s, few, 16000).left, S.timing(s, few, 16000).done], ["hold", 8, 1]);
  assert.equal(S.timing(s, few, 16000 + 8000 + 1000).sub, "relax");
  assert.equal(S.timing(s, few, 16000 + 3 * 10000 - 2000).phase, "over");
});

test("untimed switch, skip for pain, stop for pain", () => {
  let s = S.start(S.create("k", hold, 0, manual), hold, 0);
  s = S.untime(s, hold, 0);
  assert.equal(S.timing(s, hold, 999999).phase, "idle");
  s = S.next(s, hold, 1000);
  assert.equal(s.cur.index, 1);
  let t = S.skipHurt(S.start(S.create("k", hold, 0), hold, 0), hold, 5);
  assert.equal(t.cur.index, 1);
  assert.deepEqual(S.results(t, 2)[0], { result: "skipped", hurt: true });
  t = S.stopForPain(t, hold, 10);
  assert.deepEqual([t.finished, t.stopped, S.results(t, 2)[1].hurt], [true, "pain", true]);
});

test("resume: a saved state comes back, a foreign one is refused", () => {
  const s = S.start(S.create("k", hold, 0), hold, 0);
  const back = S.restore(S.serialise(s), "k", hold);
  assert.equal(S.timing(back, hold, 15000).left, 15);
  assert.equal(S.restore(S.serialise(s), "other", hold), null);
  assert.equal(S.restore("{not json", "k", hold), null);
  assert.equal(S.restore(JSON.stringify({ ...s, cur: { ...s.cur, index: 9 } }), "k", hold), null);
});
