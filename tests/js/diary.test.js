import { test } from "node:test";
import assert from "node:assert/strict";
import * as D from "../../lumbar/web/js/lib/diary-store.js";

function memory(init = {}) {
  const m = new Map(Object.entries(init));
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k), m };
}
const entry = (id, date, before = 6, after = 3) => ({ id, date, routine: "back-pain", title: "Routine for lower back pain",
  painBefore: before, painAfter: after, note: 'stiff, "better"', exercises: [{ title: "Cat", result: "done", hurt: false },
    { title: "Crunch", result: "skipped", hurt: true }] });

test("add, load, and a second entry", () => {
  const st = memory();
  assert.ok(D.add(st, entry("a", "2026-11-30T10:00:00Z")));
  assert.ok(D.add(st, entry("b", "2026-11-29T10:00:00Z")));
  assert.deepEqual(D.load(st).entries.map((e) => e.id), ["b", "a"]);
  assert.equal(D.add(st, { ...entry("c", "2026-11-29T10:00:00Z"), painAfter: 11 }), false);
});

test("version 1 migrates; a newer or corrupt diary is kept aside and not overwritten", () => {
  const v1 = JSON.stringify({ format: "lumbar-diary", version: 1, entries: [{ ...entry("a", "2026-11-30T10:00:00Z"), painBefore: undefined, painAfter: undefined, pain: [5, 2] }] });
  const got = D.parse(v1);
  assert.deepEqual([got.entries[0].painBefore, got.entries[0].painAfter], [5, 2]);
  const st = memory({ [D.KEY]: "{broken" });
  const out = D.load(st);
  assert.ok(out.corrupt && out.problems[0].includes("not readable"));
  assert.equal(st.getItem(D.KEY + "-unreadable"), "{broken");
  assert.equal(D.add(st, entry("a", "2026-11-30T10:00:00Z")), false);
  assert.equal(st.getItem(D.KEY), "{broken");
  assert.ok(D.parse(JSON.stringify({ format: "lumbar-diary", version: 99, entries: [] })).newer);
});

test("one bad entry: the others still read, with a message", () => {
  const doc = JSON.stringify({ format: "lumbar-diary", version: 2, entries: [entry("a", "2026-11-30T10:00:00Z"), { id: 3 }] });
  const out = D.parse(doc);
  assert.equal(out.entries.length, 1);
  assert.match(out.problems[0], /Session 2/);
});

test("CSV and JSON round trip; a malformed import changes nothing", () => {
  const es = [entry("a", "2026-11-30T10:00:00Z"), entry("b", "2026-11-23T10:00:00Z", null, 0)];
  assert.deepEqual(D.fromCSV(D.toCSV(es)).entries, D.sortEntries(es));
  const st = memory();
  assert.deepEqual(D.importText(st, D.serialise(es), "d.json"), { ok: true, added: 2 });
  const before = st.getItem(D.KEY);
  for (const [text, name] of [["{", "x.json"], ["id,date\n1,2", "x.csv"], [D.toCSV(es).replace("done", "finished"), "x.csv"],
    [JSON.stringify({ format: "lumbar-diary", version: 2, entries: [{ id: "z" }] }), "x.json"]]) {
    const r = D.importText(st, text, name);
    assert.equal(r.ok, false, text);
    assert.ok(r.problems.length);
    assert.equal(st.getItem(D.KEY), before);
  }
  assert.deepEqual(D.importText(st, D.serialise(es), "d.json"), { ok: true, added: 0 });
});

test("sessions per week start on Monday", () => {
  const es = [entry("a", "2026-11-30T10:00:00"), entry("b", "2026-12-01T10:00:00"), entry("c", "2026-11-28T10:00:00")];
  assert.deepEqual(D.perWeek(es), [{ week: "2026-11-23", count: 1 }, { week: "2026-11-30", count: 2 }]);
});
