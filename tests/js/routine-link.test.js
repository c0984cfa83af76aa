// The routine link (lumbar/web/js/lib/routine-link.js): format 2 round trip, size, cut and changed links,
// format 1 still read, and hostile input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeRoutine, encodeRoutine, codeFromHash, linkSize, toBase32, fromBase32, LIMITS } from "../../lumbar/web/js/lib/routine-link.js";
import { emptyRoutine, emptyItem } from "../../lumbar/web/js/lib/routine-shape.js";

const item = (id, extra) => ({ ...emptyItem(id), ...extra });
const eight = {
  ...emptyRoutine(), title: "Mrs Smith: week 1", freq: { times: 2, per: "day" }, note: "Slowly. Stop if it hurts ~ call me.",
  condition: "low-back-pain", source: "back-pain", patient: "Ana María Núñez", clinician: "J. Doe, +34 600 000 000",
  given: "2026-12-07", review: "2026-12-21",
  items: [
    item("cat", { reps: 15, note: "Keep it small. 50% range_only" }),
    item("crunch", { reps: "10-30", sets: 3, rest: 30 }),
    item("half-bridge", { reps: "up to 20", freq: { times: 3, per: "week" } }),
    item("prone-press-up", { reps: "15-20", holdWords: "a few seconds" }),
    item("child-pose", { hold: 120 }),
    item("knee-to-chest", { reps: 10, perSide: true, restWords: "a short break" }),
    item("bird-dog", { reps: 8, hold: "2-3", perSide: true }),
    item("supine-hip-turn", { reps: 10, sets: "up to 6", hold: "up to 15" }),
  ],
};
const bare = { ...emptyRoutine(), items: eight.items.map((it) => ({ ...emptyItem(it.id), reps: it.reps, sets: it.sets, hold: it.hold, perSide: it.perSide })) };

test("a routine comes back exactly as it went in: ranges, up to, words, who and when", () => {
  const { routine, problems } = decodeRoutine(encodeRoutine(eight));
  assert.deepEqual(problems, []);
  assert.deepEqual(routine, eight);
});

test("8 exercises with their doses and no text: a short code of QR-alphanumeric characters", () => {
  const code = encodeRoutine(bare);
  assert.ok(code.length < 120, `${code.length} characters: ${code}`);
  assert.match(code, /^[0-9A-Z.\-/]+$/);
  assert.ok(code.startsWith("2.8."));
  assert.deepEqual(decodeRoutine(code.toLowerCase()).routine, bare, "typed in small letters, it reads the same");
});

test("non-Latin text costs about twice Latin, not six times", () => {
  const note = (text) => encodeRoutine({ ...bare, note: text }).length - encodeRoutine(bare).length;
  const latin = note("Slowly, stop if it hurts");
  const cyrillic = note("Медленно, стоп если боль");
  assert.ok(cyrillic <= 2 * latin, `${cyrillic} for Cyrillic, ${latin} for Latin`);
  assert.equal(fromBase32(toBase32("Ñandú – медленно 🙂")), "Ñandú – медленно 🙂");
});

test("a link cut at any item boundary names what is missing", () => {
  const code = encodeRoutine(eight);
  const parts = code.split("/");
  for (let kept = 0; kept < 8; kept += 1) {
    const { routine, problems } = decodeRoutine(parts.slice(0, 2 + kept).join("/"));
    assert.equal(routine.items.length, kept);
    assert.equal(problems.length, 1, problems.join("\n"));
    assert.match(problems[0], kept === 7 ? /exercise 8 of 8 is missing/ : new RegExp(`exercises ${kept + 1} to 8 of 8 are missing`));
  }
});

test("a changed link fails its check", () => {
  const code = encodeRoutine(bare);
  const { problems } = decodeRoutine(code.replace("R15", "R16"));
  assert.match(problems.join(" "), /changed after it was made/);
  assert.match(decodeRoutine(code + "/0D").problems.join(" "), /changed after it was made/);
});

test("a format-1 link still opens, doses and text as they were", () => {
  const { routine, problems } = decodeRoutine("1~Week_one~2d~low-back-pain~Slowly%2E~cat.12~bird-dog..3.20..s.Small_lift");
  assert.deepEqual(problems, []);
  assert.equal(routine.title, "Week one");
  assert.deepEqual(routine.freq, { times: 2, per: "day" });
  assert.equal(routine.condition, "low-back-pain");
  assert.equal(routine.note, "Slowly.");
  assert.deepEqual(routine.items.map((i) => [i.id, i.reps, i.sets, i.hold, i.perSide, i.note]),
    [["cat", 12, null, null, false, ""], ["bird-dog", null, 3, 20, true, "Small lift"]]);
});

test("the hash forms are read", () => {
  const code = encodeRoutine(eight);
  assert.equal(codeFromHash("#r=" + code), code);
  assert.equal(codeFromHash("#other"), null);
  assert.deepEqual(decodeRoutine("#r=" + code).routine, eight);
});

test("a newer format is not guessed at: a message", () => {
  const { routine, problems } = decodeRoutine("7.1.AAAA//0D");
  assert.equal(routine.items.length, 0);
  assert.match(problems[0], /format 7, newer/);
});

test("no format number: nothing read, a message", () => {
  const { routine, problems } = decodeRoutine("hello~cat.10");
  assert.equal(routine.items.length, 0);
  assert.match(problems[0], /format number/);
});

test("huge and bad doses are left out, the rest kept", () => {
  const body = "//0D.R99999999.S3.HX/0A.R5";
  const { routine, problems } = decodeRoutine("2.2.0000" + body);
  assert.equal(routine.items.length, 2);
  assert.deepEqual([routine.items[0].reps, routine.items[0].sets, routine.items[0].hold], [null, 3, null]);
  assert.equal(problems.filter((p) => /is not a count/.test(p)).length, 2, problems.join("\n"));
  // format 1 too
  const v1 = decodeRoutine("1~~~~~cat.99999999999999999999.3.x.30~bird-dog.5");
  assert.equal(v1.routine.items.length, 2);
  assert.match(v1.problems.join(" "), /repetitions 999999999999… is more than 999/);
});

test("100 KB of text: read up to the limit, with a message, never throws", () => {
  const { routine, problems } = decodeRoutine("1~" + "A".repeat(100 * 1024));
  assert.equal(routine.title.length, LIMITS.title);
  assert.match(problems[0], /far too long/);
  assert.match(decodeRoutine("2.1.AAAA/T" + "A".repeat(100 * 1024)).problems[0], /far too long/);
});

test("HTML in a note stays text; an unknown exercise number is left out with a message", () => {
  const r = { ...emptyRoutine(), title: "<img src=x onerror=alert(1)>", items: [item("cat", { note: "<script>alert(1)</script>" })] };
  const { routine } = decodeRoutine(encodeRoutine(r));
  assert.equal(routine.title, "<img src=x onerror=alert(1)>");
  assert.equal(routine.items[0].note, "<script>alert(1)</script>");
  const bad = decodeRoutine("2.2.0000//ZZ.R5/0D");
  assert.deepEqual(bad.routine.items.map((i) => i.id), ["cat"]);
  assert.match(bad.problems.join(" "), /Exercise 1: the link names an exercise this page does not know \("ZZ"\)/);
});

test("broken input never throws", () => {
  for (const input of ["1~%E0%A4%A~~~~cat", "1~~99w~~~", null, undefined, 42, {}, "", "~~~~", "1~~~~~.....", "1" + "~".repeat(5000),
    "2", "2.", "2.Z.ZZZZ", "2.1.AAAA/T\u0000/", "2.1.AAAA/TZZZZZZZ9/", "2.1.AAAA//-ZZZZ", "2.1.AAAA/" + "/".repeat(5000), "2.1.AAAA//0D.N%%"]) {
    const { routine, problems } = decodeRoutine(input);
    assert.ok(routine && Array.isArray(routine.items));
    assert.ok(Array.isArray(problems));
  }
  assert.doesNotThrow(() => encodeRoutine(null));
  assert.doesNotThrow(() => encodeRoutine({ items: [null, { id: "<x>" }, { id: "cat", reps: -1 }] }));
});

test("encoding drops what is not valid; an id the list lacks travels as text", () => {
  const code = encodeRoutine({ title: "", items: [{ id: "Bad Id" }, { id: "cat", reps: 1e9, sets: 2.5, hold: 10 }, { id: "gone-now" }] });
  const { routine, problems } = decodeRoutine(code);
  assert.deepEqual(problems, []);
  assert.deepEqual(routine.items.map((i) => [i.id, i.reps, i.sets, i.hold]), [["cat", null, null, 10], ["gone-now", null, null, null]]);
});

test("the editor can tell when a link grows past what a reader takes back", () => {
  const many = { ...emptyRoutine(), items: Array.from({ length: 30 }, () => item("cat", { note: "Медленно ".repeat(22).slice(0, 200) })) };
  assert.equal(linkSize(bare).fits, true);
  assert.equal(linkSize(many).fits, false);
  assert.ok(linkSize(many).length > LIMITS.code);
});

test("the session reads a format-2 item: a range, \"up to\" and a hold in words (lib/session-steps.js fromBuilder)", async () => {
  const { fromBuilder, doseLine: line, itemSteps } = await import("../../lumbar/web/js/lib/session-steps.js");
  const { routine } = decodeRoutine(encodeRoutine({ ...emptyRoutine(), items: [item("cat", { reps: "10-30", sets: "up to 3", holdWords: "a few seconds", restWords: "a short break", perSide: true })] }));
  const n = fromBuilder(routine.items[0]);
  assert.equal(line(n), "10-30 repetitions × up to 3 sets, hold a few seconds, rest: a short break, each side");
  // Counted repetitions, each hold "a few seconds" timed by the handbook's default (session-steps.js FEW_MS).
  const steps = itemSteps(n, 0).filter((s) => s.kind === "reps");
  assert.equal(steps.length, 6);
  assert.ok(steps.every((s) => s.few && s.holdMs === 5000));
});

test("a hold or rest in words repeated from the item before is written once", () => {
  const r = { ...emptyRoutine(), items: ["cat", "crunch", "bird-dog"].map((id) => item(id, { reps: "20-25", restWords: "a short break" })) };
  r.items[2].holdWords = "a few seconds";
  const code = encodeRoutine(r);
  assert.equal(code.split("/").filter((p) => p.includes(".Q")).length, 3);
  assert.equal(code.split(toBase32("a short break")).length - 1, 1, code);
  assert.deepEqual(decodeRoutine(code).routine, r);
});
