// The routine link (lumbar/web/js/lib/routine-link.js): round trip, size, and hostile input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeRoutine, encodeRoutine, codeFromHash, LIMITS } from "../../lumbar/web/js/lib/routine-link.js";

const eight = {
  v: 1, title: "Mrs Smith: week 1", freq: { times: 2, per: "day" }, note: "Slowly. Stop if it hurts ~ call me.",
  condition: "low-back-pain",
  items: ["cat", "crunch", "half-bridge", "prone-press-up", "child-pose", "knee-to-chest", "bird-dog", "supine-hip-turn"]
    .map((id, i) => ({ id, reps: 10 + i, sets: i % 2 ? 3 : null, hold: i === 4 ? 120 : null, rest: i === 1 ? 30 : null,
      perSide: i === 5, note: i === 0 ? "Keep it small. 50% range_only" : "" })),
};

test("a routine comes back exactly as it went in", () => {
  const { routine, problems } = decodeRoutine(encodeRoutine(eight));
  assert.deepEqual(problems, []);
  assert.deepEqual(routine, eight);
});

test("the code of 8 exercises is short and URL-safe", () => {
  const code = encodeRoutine(eight);
  assert.ok(code.length < 280, `${code.length} characters: ${code}`);
  assert.match(code, /^[A-Za-z0-9_\-.~%!*'()]+$/);
  assert.ok(code.startsWith("1~"));
});

test("the hash forms are read", () => {
  const code = encodeRoutine(eight);
  assert.equal(codeFromHash("#r=" + code), code);
  assert.equal(codeFromHash("#other"), null);
  assert.deepEqual(decodeRoutine("#r=" + code).routine, eight);
});

test("a newer format is read as far as it goes, with a message", () => {
  const { routine, problems } = decodeRoutine("7~T~~~~cat.10");
  assert.equal(routine.items[0].id, "cat");
  assert.equal(routine.items[0].reps, 10);
  assert.match(problems[0], /format 7, newer/);
});

test("no format number: nothing read, a message", () => {
  const { routine, problems } = decodeRoutine("hello~cat.10");
  assert.equal(routine.items.length, 0);
  assert.match(problems[0], /format number/);
});

test("huge and bad numbers are left out, the rest kept", () => {
  const { routine, problems } = decodeRoutine("1~~~~~cat.99999999999999999999.3.x.30~bird-dog.5");
  assert.equal(routine.items.length, 2);
  assert.deepEqual([routine.items[0].reps, routine.items[0].sets, routine.items[0].hold, routine.items[0].rest], [null, 3, null, 30]);
  assert.equal(problems.length, 2, problems.join("\n"));
  assert.match(problems.join(" "), /repetitions 999999999999… is more than 999/);
  assert.match(problems.join(" "), /hold seconds "x" is not a whole number/);
});

test("100 KB of text: read up to the limit, with a message, never throws", () => {
  const { routine, problems } = decodeRoutine("1~" + "A".repeat(100 * 1024));
  assert.equal(routine.title.length, LIMITS.title);
  assert.match(problems[0], /far too long/);
});

test("a bad id is left out; HTML in a note stays text", () => {
  const code = "1~%3Cimg_src%3Dx_onerror%3Dalert(1)%3E~~bad id~~<script>.1~cat.2.....%3Cscript%3Ealert(1)%3C%2Fscript%3E";
  const { routine, problems } = decodeRoutine(code);
  assert.equal(routine.title, "<img src=x onerror=alert(1)>");
  assert.deepEqual(routine.items.map((i) => i.id), ["cat"]);
  assert.equal(routine.items[0].note, "<script>alert(1)</script>");
  assert.equal(routine.condition, null);
  assert.equal(problems.length, 2, problems.join("\n"));
});

test("broken escapes and odd input never throw", () => {
  for (const input of ["1~%E0%A4%A~~~~cat", "1~~99w~~~", null, undefined, 42, {}, "", "~~~~", "1~~~~~.....", "1" + "~".repeat(5000)]) {
    const { routine, problems } = decodeRoutine(input);
    assert.ok(routine && Array.isArray(routine.items));
    assert.ok(Array.isArray(problems));
  }
  assert.doesNotThrow(() => encodeRoutine(null));
  assert.doesNotThrow(() => encodeRoutine({ items: [null, { id: "<x>" }, { id: "cat", reps: -1 }] }));
});

test("encoding drops what is not valid", () => {
  const code = encodeRoutine({ title: "T", items: [{ id: "Bad Id" }, { id: "cat", reps: 1e9, sets: 2.5, hold: 10 }] });
  assert.equal(code, "1~T~~~~cat...10");
});
