// The builder's logic (lumbar/web/js/lib/routine-logic.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useCatalogue } from "../../lumbar/web/js/lib/i18n.js";
import { doseLine, fromHandbook, resolveItems, variantProblems, warningsFor, matches, freqLine, caveatsFor, readCountField } from "../../lumbar/web/js/lib/routine-logic.js";

test("dose lines read like the routine pages", () => {
  assert.equal(doseLine({ reps: 10, sets: 3, hold: 15, rest: 180, perSide: true }), "10 repetitions × 3 sets, hold 15\u00a0s, rest 3\u00a0min, each side");
  assert.equal(doseLine({ reps: 1, sets: null, hold: null, rest: null }), "1 repetition");
  assert.equal(doseLine({ reps: null, sets: 1, hold: 120, rest: null }), "1 set, hold 2\u00a0min");
  assert.equal(doseLine({ reps: null, sets: null, hold: null, rest: null }), "as comfortable");
  assert.equal(freqLine({ times: 2, per: "day" }), "twice a day");
  assert.equal(freqLine({ times: 3, per: "week" }), "3 times a week");
});

test("a handbook routine loads every item with its doses as the handbook gives them, and its condition", () => {
  const conditions = [{ id: "fit", kind: "goal", routines: ["r"] }, { id: "low-back-pain", kind: "condition", routines: ["r"] }];
  const r = fromHandbook({ id: "r", title: "R", items: [
    { exercise: "cat", reps: 15 },
    { exercise: "crunch", reps: "10-30", sets: 3 },
    { exercise: "child-pose", hold: "a few seconds", reps: "up to 8", per_side: true },
    { exercise: "bird-dog", hold_seconds: "2-3", rest: "a short break" },
  ] }, conditions);
  assert.deepEqual(r.items.map((i) => [i.id, i.reps, i.sets, i.hold, i.holdWords, i.restWords, i.perSide, i.note]), [
    ["cat", 15, null, null, "", "", false, ""], ["crunch", "10-30", 3, null, "", "", false, ""],
    ["child-pose", "up to 8", null, null, "a few seconds", "", true, ""], ["bird-dog", null, null, "2-3", "", "a short break", false, ""]]);
  assert.equal(r.condition, "low-back-pain");
  assert.equal(r.source, "r");
  assert.deepEqual(r.items.map(doseLine), ["15 repetitions", "10-30 repetitions × 3 sets", "up to 8 repetitions, hold a few seconds, each side",
    "hold 2-3\u00a0s, rest: a short break"]);
});

test("the handbook's caveat stays with its dose while the dose is the handbook's", () => {
  const data = { routines: [{ id: "d", items: [{ exercise: "x", hold: "a couple of minutes", caveats: ["May be a slip for seconds."] }] }] };
  const routine = fromHandbook(data.routines[0], []);
  assert.deepEqual(caveatsFor(routine.items[0], routine, data), ["May be a slip for seconds."]);
  routine.items[0].holdWords = "";
  routine.items[0].hold = 20;
  assert.deepEqual(caveatsFor(routine.items[0], routine, data), []);
});

test("a count typed in the page's language", () => {
  assert.equal(readCountField("10 - 30", 999), "10-30");
  assert.equal(readCountField("up to 20", 999), "up to 20");
  assert.equal(readCountField("12", 999), 12);
  assert.equal(readCountField("", 999), null);
  assert.equal(readCountField("a few", 999), undefined);
  assert.equal(readCountField("30-10", 999), undefined);
  useCatalogue("es", { "up to": "hasta" });
  try {
    assert.equal(readCountField("Hasta 20", 999), "up to 20");
  } finally {
    useCatalogue(null);
  }
});

test("aliases are followed, unknown ids kept and listed", () => {
  const data = { exercises: [{ id: "cat", aliases: ["cat-stretch"] }, { id: "bird-dog" }] };
  const { routine, missing } = resolveItems({ items: [{ id: "cat-stretch" }, { id: "gone" }, { id: "bird-dog" }] }, data);
  assert.deepEqual(routine.items.map((i) => i.id), ["cat", "gone", "bird-dog"]);
  assert.deepEqual(missing, ["gone"]);
});

test("the variant graph: one-sided pairs, unknown ids and cycles are found", () => {
  assert.deepEqual(variantProblems([{ id: "a", harder: ["b"] }, { id: "b", easier: ["a"] }]), []);
  const one = variantProblems([{ id: "a", harder: ["b"] }, { id: "b" }]);
  assert.match(one.join(), /does not name it easier/);
  assert.match(variantProblems([{ id: "a", harder: ["x"] }]).join(), /not an exercise/);
  const cyc = variantProblems([{ id: "a", harder: ["b"], easier: ["b"] }, { id: "b", easier: ["a"], harder: ["a"] }]);
  assert.match(cyc.join(), /cycle/);
});

test("warnings: harmful patterns and the condition's avoid and take-care lists", () => {
  const patterns = [{ id: "twist", title: "Twisting", text: "Why." }];
  const cond = { id: "c", title: "Cond", avoid: [{ exercise: "x", why: "Bad." }], caution: [{ exercise: "y", why: "Care." }], avoid_patterns: ["twist"] };
  assert.deepEqual(warningsFor({ id: "x", patterns: [] }, cond, patterns).map((w) => w.kind), ["avoid"]);
  assert.deepEqual(warningsFor({ id: "y", patterns: ["twist"] }, cond, patterns).map((w) => w.kind), ["pattern", "avoid-pattern", "caution"]);
  assert.deepEqual(warningsFor({ id: "z", patterns: [] }, null, patterns), []);
});

test("search matches title, other names and position, words in any order", () => {
  const data = { positions: [{ id: "prone", title: "Lying on the belly" }] };
  const ex = { id: "cobra", title: "Cobra", other_names: ["Sphinx stretch"], position: "prone" };
  assert.ok(matches(ex, "sphinx", data));
  assert.ok(matches(ex, "belly cobra", data));
  assert.ok(!matches(ex, "bridge", data));
});
