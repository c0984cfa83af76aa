import { test } from "node:test";
import assert from "node:assert/strict";
import { neededFiles, sessionData, routineFromHash, own } from "../../lumbar/web/js/lib/session-data.js";
import { encodeRoutine, emptyRoutine, emptyItem } from "../../lumbar/web/js/lib/routine-link.js";

const block = { api: "../api/session/" };
// The data's maps have no prototype (so "constructor" or "__proto__" names nothing): compared as such.
const bare = (o) => Object.assign(Object.create(null), o);

function files(map) {
  const asked = [];
  const get = async (url) => {
    asked.push(url);
    if (map[url] instanceof Error) throw map[url];
    return url in map ? structuredClone(map[url]) : null;
  };
  return { get, asked };
}

test("a handbook routine: one file, the routine and its exercises", async () => {
  const doc = { routine: { title: "R", items: [{ exercise: "cat" }] }, exercises: { cat: { title: "Cat" } } };
  const { get, asked } = files({ "../api/session/back-pain.json": doc });
  const data = await sessionData(block, "#id=back-pain", get);
  assert.deepEqual(asked, ["../api/session/back-pain.json"]);
  assert.deepEqual(data, { routines: bare({ "back-pain": doc.routine }), exercises: bare(doc.exercises) });
});

test("an unknown or malformed routine id: nothing, and nothing fetched outside the data", async () => {
  const { get, asked } = files({});
  assert.deepEqual(await sessionData(block, "#id=nope", get), { routines: bare({}), exercises: bare({}) });
  assert.deepEqual(asked, [], "an id the handbook never published is not asked for");
  for (const id of ["constructor", "__proto__", "toString", "nope"]) assert.deepEqual(neededFiles(block, "#id=" + id), [], id);
  assert.deepEqual(neededFiles(block, "#id=../../secret"), []);
  assert.deepEqual(neededFiles(block, ""), []);
});

test("a builder's routine: one file per exercise it names, each once; an unknown one left out", async () => {
  const r = emptyRoutine();
  r.items = [emptyItem("cat"), emptyItem("bird-dog"), emptyItem("cat"), emptyItem("gone")];
  const hash = "#r=" + encodeRoutine(r);
  const { get, asked } = files({
    "../api/session/exercises/cat.json": { title: "Cat" },
    "../api/session/exercises/bird-dog.json": { title: "Bird dog" },
  });
  const data = await sessionData(block, hash, get);
  assert.deepEqual(asked.sort(), ["../api/session/exercises/bird-dog.json", "../api/session/exercises/cat.json", "../api/session/exercises/gone.json"]);
  assert.deepEqual(data, { routines: bare({}), exercises: bare({ cat: { title: "Cat" }, "bird-dog": { title: "Bird dog" } }) });
});

test("a page that carries everything (the offline copy) fetches nothing", async () => {
  const all = { routines: { a: { title: "A", items: [] } }, exercises: {} };
  const { get, asked } = files({});
  assert.equal(await sessionData(all, "#id=a", get), all);
  assert.deepEqual(asked, []);
  assert.deepEqual(neededFiles(all, "#id=a"), []);
});

test("a file that cannot be fetched (offline, not kept) is passed on to the page", async () => {
  const { get } = files({ "../api/session/back-pain.json": new TypeError("Failed to fetch") });
  await assert.rejects(sessionData(block, "#id=back-pain", get), /Failed to fetch/);
});

test("ids an object lends (__proto__, constructor, toString, hasOwnProperty) name no routine and no exercise", async () => {
  const full = JSON.parse('{"routines": {"a": {"title": "A", "items": [{"exercise": "constructor"}, {"exercise": "cat"}]}}, "exercises": {"cat": {"title": "Cat", "steps": []}}}');
  for (const id of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]) {
    for (const data of [full, await sessionData(block, `#id=${id}`, files({}).get)]) {
      const r = routineFromHash(data, `#id=${id}`);
      assert.equal(r.items, undefined, id);
      assert.deepEqual(r.problems, [`There is no routine "${id}" in this handbook.`]);
    }
    assert.equal(own({}, id), undefined);
  }
  const a = routineFromHash(full, "#id=a");
  assert.deepEqual(a.items.map((n) => n.id), ["cat"], "an item id \"constructor\" is left out");
});

test("a builder link: what its reader changed or dropped is always kept to show, the routine too", async () => {
  const r = emptyRoutine();
  r.items = [emptyItem("cat"), emptyItem("constructor"), emptyItem("gone")];
  const hash = "#r=" + encodeRoutine(r);
  const data = await sessionData(block, hash, files({ "../api/session/exercises/cat.json": { title: "Cat", steps: [] } }).get);
  const out = routineFromHash(data, hash);
  assert.deepEqual(out.items.map((n) => n.id), ["cat"]);
  assert.deepEqual(out.problems, ['"constructor" is not an exercise of this handbook: it was left out.', '"gone" is not an exercise of this handbook: it was left out.']);
});
