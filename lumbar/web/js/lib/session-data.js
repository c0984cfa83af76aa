// The data a guided session needs, as { routines, exercises } keyed by id (lumbar/session.py writes it).
// Pure: the page passes its own fetcher, getJSON(url) -> the parsed file, or null when there is no such file
// (a 404); anything else it throws (offline, and the file not kept) is passed on.
//
// The page's block holds either all of it (the offline copy, opened from a folder where fetch() fails), or
// { api: "../api/session/" }: then only what the address names is fetched, so the page weighs the same
// whatever the size of the handbook:
//   #id=<routine>   one file, <api><routine>.json: { routine, exercises }
//   #r=<code>       one file per exercise the builder's routine names, <api>exercises/<id>.json
import { codeFromHash, decodeRoutine } from "./routine-link.js";

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// The routine an address names (#id=<routine>), or null.
const routineId = (hash) => new URLSearchParams(String(hash || "").slice(1)).get("id");

// The files `hash` needs, relative to the page: [] when the block holds everything or the address names nothing.
export function neededFiles(block, hash) {
  if (!block || typeof block.api !== "string") return [];
  const id = routineId(hash);
  if (id !== null) return ID.test(id) ? [`${block.api}${id}.json`] : [];
  const code = codeFromHash(hash);
  if (!code) return [];
  const { routine } = decodeRoutine(code);
  const ids = [...new Set((routine ? routine.items : []).map((it) => it.id).filter((x) => ID.test(x)))];
  return ids.map((x) => `${block.api}exercises/${x}.json`);
}

// { routines, exercises } with what `hash` needs (everything, from a full block).
export async function sessionData(block, hash, getJSON) {
  if (block && block.routines && block.exercises) return block;
  const data = { routines: {}, exercises: {} };
  const files = neededFiles(block, hash);
  const found = await Promise.all(files.map((url) => getJSON(url)));
  const id = routineId(hash);
  files.forEach((url, i) => {
    const doc = found[i];
    if (!doc || typeof doc !== "object") return;
    if (id !== null) {
      if (doc.routine && typeof doc.routine === "object") data.routines[id] = doc.routine;
      Object.assign(data.exercises, doc.exercises && typeof doc.exercises === "object" ? doc.exercises : {});
    } else {
      data.exercises[url.slice(url.lastIndexOf("/") + 1, -".json".length)] = doc;
    }
  });
  return data;
}
