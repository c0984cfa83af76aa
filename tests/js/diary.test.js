import { test } from "node:test";
import assert from "node:assert/strict";
import * as S from "../../lumbar/web/js/lib/diary-store.js";
import * as F from "../../lumbar/web/js/lib/diary-format.js";
import * as C from "../../lumbar/web/js/lib/diary-csv.js";

const D = { ...S, ...F, ...C };

function memory(init = {}, limit = Infinity) {
  const m = new Map(Object.entries(init));
  const size = () => [...m].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    getItem: (k) => (m.has(k) ? m.get(k) : null),
    setItem: (k, v) => {
      const old = m.get(k);
      m.set(k, String(v));
      if (size() > limit) {
        if (old === undefined) m.delete(k); else m.set(k, old);
        throw Object.assign(new Error("full"), { name: "QuotaExceededError" });
      }
    },
    removeItem: (k) => m.delete(k), m,
  };
}
const entry = (id, date, before = 6, after = 3) => ({ id, date, routine: "back-pain", title: "Routine for lower back pain",
  painBefore: before, painAfter: after, note: 'stiff, "better"', exercises: [{ title: "Cat", result: "done", hurt: false },
    { title: "Crunch", result: "skipped", hurt: true }] });
const quick = (id, date, extra = {}) => ({ kind: "quick", id, date, routine: "", title: "", pain: 4, paper: true, note: "", ...extra });

test("add, load, and a second entry; add never throws and says why", () => {
  const st = memory();
  assert.deepEqual(D.add(st, entry("a", "2026-11-30T10:00:00Z")), { ok: true });
  assert.ok(D.add(st, entry("b", "2026-11-29T10:00:00Z")).ok);
  assert.deepEqual(D.load(st).entries.map((e) => e.id), ["b", "a"]);
  const bad = D.add(st, { ...entry("c", "2026-11-29T10:00:00Z"), painAfter: 11 });
  assert.equal(bad.ok, false);
  assert.match(bad.reason, /pain after/);
  assert.match(D.add(null, entry("d", "2026-11-29T10:00:00Z")).reason, /does not let/);
  const throwing = { getItem() { throw new Error("SecurityError"); }, setItem() { throw new Error("x"); }, removeItem() {} };
  assert.equal(D.add(throwing, entry("d", "2026-11-29T10:00:00Z")).ok, false);
});

test("storage full: add and import say so and change nothing", () => {
  const st = memory({}, 500);
  assert.ok(D.add(st, entry("a", "2026-11-30T10:00:00Z")).ok);
  const before = st.getItem(D.KEY);
  const r = D.add(st, entry("b", "2026-12-01T10:00:00Z"));
  assert.deepEqual(r, { ok: false, reason: "This browser's storage for the handbook is full." });
  assert.equal(st.getItem(D.KEY), before);
  const imp = D.importText(st, D.serialise([entry("x", "2026-10-01T10:00:00Z"), entry("y", "2026-10-02T10:00:00Z")]), "d.json");
  assert.equal(imp.ok, false);
  assert.match(imp.problems.join(" "), /full.*does not fit/);
  assert.equal(st.getItem(D.KEY), before);
});

test("one unreadable entry and full storage: the rest reads, nothing is dropped on the next save", () => {
  const doc = JSON.stringify({ format: "lumbar-diary", version: 2, entries: [entry("a", "2026-11-30T10:00:00Z"), { id: 3 }] });
  const st = memory({ [D.KEY]: doc }, doc.length + D.KEY.length + 5);
  const out = D.load(st);
  assert.deepEqual([out.entries.length, out.bad.length, out.corrupt], [1, 1, false]);
  assert.match(out.problems[0], /Session 2/);
  const roomy = memory({ [D.KEY]: doc });
  assert.ok(D.add(roomy, entry("b", "2026-12-01T10:00:00Z")).ok);
  assert.deepEqual(JSON.parse(roomy.getItem(D.KEY)).entries.at(-1), { id: 3 });
});

test("version 1 migrates; a newer or corrupt diary is kept aside and not overwritten", () => {
  const v1 = JSON.stringify({ format: "lumbar-diary", version: 1, entries: [{ ...entry("a", "2026-11-30T10:00:00Z"), painBefore: undefined, painAfter: undefined, pain: [5, 2] }] });
  const got = D.parse(v1);
  assert.deepEqual([got.entries[0].painBefore, got.entries[0].painAfter], [5, 2]);
  for (const entries of [{}, "x", 3, null]) {
    const r = D.parse(JSON.stringify({ format: "lumbar-diary", version: 1, entries }));
    assert.ok(r.corrupt && /no list/.test(r.problems[0]), JSON.stringify(entries));
  }
  const st = memory({ [D.KEY]: "{broken" });
  const out = D.load(st);
  assert.ok(out.corrupt && out.problems[0].includes("not readable"));
  assert.equal(st.getItem(D.ASIDE), "{broken");
  assert.equal(D.add(st, entry("a", "2026-11-30T10:00:00Z")).ok, false);
  assert.equal(st.getItem(D.KEY), "{broken");
  assert.ok(D.parse(JSON.stringify({ format: "lumbar-diary", version: 99, entries: [] })).newer);
});

test("strict dates", () => {
  for (const good of ["2026-11-30T10:00:00Z", "2026-11-30T10:00", "2026-11-30T10:00:00.123+05:30", "2024-02-29T00:00:00Z"]) assert.ok(D.validDate(good), good);
  for (const bad of ["+275760-09-13T00:00:00.000Z", "1", "2026-02-30T10:00:00Z", "2023-02-29T10:00:00Z", "1970-01-01T00:00:00Z",
    "2026-11-30", "2026-11-30T25:00:00Z", "Mon, 30 Nov 2026 10:00:00 GMT", 1796032800000]) assert.ok(!D.validDate(bad), String(bad));
  assert.equal(D.parse(JSON.stringify({ format: "lumbar-diary", version: 2, entries: [entry("a", "1")] })).entries.length, 0);
});

test("duplicate ids in one import are kept once", () => {
  const doc = D.serialise([entry("a", "2026-11-30T10:00:00Z"), entry("a", "2026-11-30T10:00:00Z"), entry("b", "2026-11-30T11:00:00Z")]);
  assert.deepEqual(D.parse(doc).entries.map((e) => e.id), ["a", "b"]);
  const st = memory();
  assert.deepEqual(D.importText(st, doc, "d.json"), { ok: true, added: 2 });
  assert.deepEqual(D.importText(memory(), D.toCSV([entry("a", "2026-11-30T10:00:00Z")]) + D.toCSV([entry("a", "2026-11-30T10:00:00Z")]).split("\r\n")[1] + "\r\n", "d.csv"), { ok: true, added: 1 });
});

test("CSV and JSON round trip, quick and stopped entries too; a malformed import changes nothing", () => {
  const es = [entry("a", "2026-11-30T10:00:00Z"), { ...entry("b", "2026-11-23T10:00:00Z", null, 0), stopped: "pain" },
    quick("q", "2026-11-24T09:00:00Z", { routine: "back-pain", title: "Routine", note: "stiff" }), quick("r", "2026-11-25T09:00:00Z", { pain: null, paper: null })];
  assert.deepEqual(D.fromCSV(D.toCSV(es)).entries, D.sortEntries(es));
  assert.deepEqual(D.parse(D.serialise(es)).entries, D.sortEntries(es));
  const st = memory();
  assert.deepEqual(D.importText(st, D.serialise(es), "d.json"), { ok: true, added: 4 });
  const before = st.getItem(D.KEY);
  for (const [text, name] of [["{", "x.json"], ["id,date\n1,2", "x.csv"], [D.toCSV(es).replace("done", "finished"), "x.csv"],
    [JSON.stringify({ format: "lumbar-diary", version: 2, entries: [{ id: "z" }] }), "x.json"],
    [JSON.stringify({ format: "lumbar-diary", version: 2, entries: [{ ...entry("s", "2026-11-30T10:00:00Z"), stopped: "bored" }] }), "x.json"],
    [JSON.stringify({ format: "lumbar-diary", version: 2, entries: [quick("k", "2026-11-30T10:00:00Z", { paper: "yes" })] }), "x.json"]]) {
    const r = D.importText(st, text, name);
    assert.equal(r.ok, false, text);
    assert.ok(r.problems.length);
    assert.equal(st.getItem(D.KEY), before);
  }
  assert.deepEqual(D.importText(st, D.serialise(es), "d.json"), { ok: true, added: 0 });
  // The first CSV files (eight columns) still import.
  const old = "id,date,routine,title,pain_before,pain_after,note,exercises\r\nz,2026-11-30T10:00:00Z,r,T,5,3,'hi,Cat: done\r\n";
  assert.deepEqual(D.fromCSV(old).entries[0].note, "'hi");
});

test("CSV cells that a spreadsheet would run get a leading quote (OWASP), and come back as written", () => {
  const notes = ["=HYPERLINK(\"http://x.invalid\",\"a\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)", "\t=1+1", "\r=1", "'quoted", "plain = fine",
    "\uff1dHYPERLINK(\"http://x.invalid\")", "\uff0b1", "\uff0d1", "\uff20SUM(1)", "\ufe661+1"];
  const es = notes.map((note, i) => ({ ...entry(`n${i}`, `2026-11-${10 + i}T10:00:00Z`), note, title: note }));
  const csv = D.toCSV(es);
  const rows = D.parseCSV(csv).slice(1);
  rows.forEach((r, i) => {
    for (const c of r) assert.ok(!/^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b]/.test(c), `row ${i}: ${JSON.stringify(c)}`);
  });
  assert.equal(rows[0][6], "'=HYPERLINK(\"http://x.invalid\",\"a\")");
  assert.equal(rows[7][6], "plain = fine");
  assert.deepEqual(D.fromCSV(csv).entries.map((e) => e.note), notes);
});

test("delete removes only what was shown", () => {
  const st = memory();
  for (const id of ["a", "b", "c"]) D.add(st, entry(id, "2026-11-30T10:00:00Z"));
  const shown = D.load(st).entries.map((e) => e.id);
  D.add(st, entry("late", "2026-12-01T10:00:00Z"));
  assert.deepEqual(D.remove(st, shown), { ok: true, removed: 3, kept: 1 });
  assert.deepEqual(D.load(st).entries.map((e) => e.id), ["late"]);
  assert.deepEqual(D.remove(st, ["late"]), { ok: true, removed: 1, kept: 0 });
  assert.equal(st.getItem(D.KEY), null);
});

test("sessions per week start on Monday; quick entries count when done on paper", () => {
  const es = [entry("a", "2026-11-30T10:00:00"), entry("b", "2026-12-01T10:00:00"), entry("c", "2026-11-28T10:00:00"),
    quick("q", "2026-12-02T10:00:00"), quick("r", "2026-12-03T10:00:00", { paper: false })];
  assert.deepEqual(D.perWeek(es), [{ week: "2026-11-23", count: 1 }, { week: "2026-11-30", count: 3 }]);
});
