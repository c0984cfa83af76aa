// Holds and rests in the handbook's words travel by reference (routine-link.js Y, Z): no free text in the link
// or its QR code unless the physiotherapist writes some; each reader says them in its own language.
import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeRoutine, encodeRoutine, toBase32 } from "../../lumbar/web/js/lib/routine-link.js";
import { fromHandbook, handbookWords, doseLine } from "../../lumbar/web/js/lib/routine-logic.js";
import { routineFromHash, neededFiles, sessionData } from "../../lumbar/web/js/lib/session-data.js";

const en = { id: "back-pain", title: "Back pain routine", items: [
  { exercise: "prone-press-up", reps: "15-20", hold: "a few seconds" },
  { exercise: "cat", reps: "10-30", rest: "a short break" },
  { exercise: "bird-dog", reps: 10, rest: "a short break", per_side: true },
  { exercise: "child-pose", hold_seconds: 30 }] };
const es = { ...en, title: "Rutina para el dolor de espalda", items: en.items.map((it) => ({ ...it,
  ...(it.hold ? { hold: "unos segundos" } : {}), ...(it.rest ? { rest: "un breve descanso" } : {}) })) };

test("a customised handbook routine's link carries no text: its holds and rests in words are references", () => {
  const code = encodeRoutine(fromHandbook(en, []));
  assert.match(code, /^[0-9A-Z.\-/]+$/);
  for (const words of ["a few seconds", "a short break"]) assert.ok(!code.includes(toBase32(words)), code);
  assert.deepEqual(code.split("/").slice(2), ["15.R15-20.Y0", "0D.R10-30.Z1", "0B.R10.Z2.E", "0E.H30"]);
});

test("the references come back in the reader's language, with the same dose line", () => {
  const { routine, problems } = decodeRoutine(encodeRoutine(fromHandbook(en, [])));
  assert.deepEqual(problems, []);
  assert.deepEqual(routine.items.map((i) => [i.holdRef, i.restRef, i.holdWords, i.restWords]),
    [[0, null, "", ""], [null, 1, "", ""], [null, 2, "", ""], [null, null, "", ""]]);
  const english = structuredClone(routine);
  assert.deepEqual(handbookWords(english, en), []);
  assert.equal(doseLine(english.items[0]), "15-20 repetitions, hold a few seconds");
  assert.deepEqual(english.items.slice(0, 3).map((i) => i.holdWords || i.restWords), ["a few seconds", "a short break", "a short break"]);
  assert.deepEqual(handbookWords(routine, es), []);
  assert.deepEqual(routine.items.slice(0, 3).map((i) => i.holdWords || i.restWords), ["unos segundos", "un breve descanso", "un breve descanso"]);
});

test("words the physiotherapist types travel as text, and a reference with no words to find says so", () => {
  const r = fromHandbook(en, []);
  r.items[0].holdWords = "as long as is comfortable";
  r.items[0].holdRef = null;
  const code = encodeRoutine(r);
  assert.ok(code.includes(toBase32("as long as is comfortable")));
  const { routine } = decodeRoutine(code);
  assert.equal(routine.items[0].holdWords, "as long as is comfortable");
  const shorter = { ...en, items: en.items.slice(0, 1) };
  const problems = handbookWords(routine, shorter);
  assert.equal(problems.length, 2, problems.join("\n"));
  assert.match(problems[0], /^Exercise 2: the link gives the handbook's rest/);
  assert.equal(routine.items[1].restWords, "");
  assert.equal(handbookWords(decodeRoutine(encodeRoutine(fromHandbook(en, []))).routine, undefined).length, 3, "no source routine at hand");
});

test("a reference needs the source routine: without one the words travel as text", () => {
  const r = fromHandbook(en, []);
  r.source = null;
  const code = encodeRoutine(r);
  assert.ok(code.includes(toBase32("a few seconds")) && !/\.Y0/.test(code), code);
  assert.equal(decodeRoutine(code).routine.items[0].holdWords, "a few seconds");
});

test("a format-2 link made before references (words as text, \"Q\" alone) still opens as it was", () => {
  // Written by the encoder of commit 58e7aff (December 2026) for this routine.
  const old = "2.3.FVC2/C2.O0/15.R15-20.WMEQGMZLXEBZWKY3PNZSHG/0D.R10-30.QMEQHG2DPOJ2CAYTSMVQWW/0B.R10.Q.E";
  const { routine, problems } = decodeRoutine(old);
  assert.deepEqual(problems, []);
  assert.equal(routine.source, "back-pain");
  assert.deepEqual(routine.items.map((i) => [i.id, i.reps, i.holdWords, i.restWords, i.holdRef, i.restRef, i.perSide]), [
    ["prone-press-up", "15-20", "a few seconds", "", null, null, false],
    ["cat", "10-30", "", "a short break", null, null, false],
    ["bird-dog", 10, "", "a short break", null, null, true]]);
  assert.deepEqual(handbookWords(routine, es), [], "words already in the link are left as they came");
  assert.equal(routine.items[0].holdWords, "a few seconds");
});

test("the session fetches the source routine and says its title and words in its language", async () => {
  const hash = "#r=" + encodeRoutine(fromHandbook(en, []));
  const block = { api: "../api/session/" };
  const needed = neededFiles(block, hash);
  assert.ok(needed.includes("../api/session/back-pain.json"), needed.join(" "));
  const exercise = { title: "X", steps: ["a"] };
  const map = Object.fromEntries(needed.map((url) => [url, url.endsWith("back-pain.json") ? { routine: es, exercises: {} } : exercise]));
  const data = await sessionData(block, hash, async (url) => structuredClone(map[url] ?? null));
  const r = routineFromHash(data, hash);
  assert.deepEqual(r.problems, []);
  assert.equal(r.title, "Rutina para el dolor de espalda");
  assert.deepEqual(r.items.slice(0, 2).map((n) => n.holdWords || n.restWords), ["unos segundos", "un breve descanso"]);
  const renamed = fromHandbook(en, []);
  renamed.title = "Mrs Smith, week 1";
  assert.equal(routineFromHash(data, "#r=" + encodeRoutine(renamed)).title, "Mrs Smith, week 1");
});
