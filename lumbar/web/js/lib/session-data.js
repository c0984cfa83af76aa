// The data a guided session needs, as { routines, exercises } keyed by id (lumbar/session.py writes it).
// Pure: the page passes its own fetcher, getJSON(url) -> the parsed file, or null when there is no such file
// (a 404); anything else it throws (offline, and the file not kept) is passed on.
//
// The page's block holds either all of it (the offline copy, opened from a folder where fetch() fails), or
// { api: "../api/session/" }: then only what the address names is fetched, so the page weighs the same
// whatever the size of the handbook:
//   #id=<routine>   one file, <api><routine>.json: { routine, exercises }
//   #r=<code>       one file per exercise the builder's routine names, <api>exercises/<id>.json, and the file of
//                   the handbook routine it was customised from when it has one (its title and holds in words
//                   travel by reference: the link names them, this page's data says them in its language)
import { codeFromHash, decodeRoutine } from "./routine-link.js";
import { handbookWords } from "./routine-logic.js";
import { ROUTINES } from "./published-ids.js";
import { fromArticle, fromBuilder } from "./session-steps.js";
import { t } from "./i18n.js";

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// A value kept under `key` by `obj` itself: never one its prototype lends ("constructor", "__proto__",
// "toString" name no routine or exercise).
export function own(obj, key) {
  return obj && typeof obj === "object" && typeof key === "string" && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

// The routine an address names (#id=<routine>), or null.
const routineId = (hash) => new URLSearchParams(String(hash || "").slice(1)).get("id");

// The files `hash` needs, relative to the page: [] when the block holds everything or the address names nothing.
export function neededFiles(block, hash) {
  if (!block || typeof block.api !== "string") return [];
  const id = routineId(hash);
  // Only a routine the handbook published is fetched ("constructor" or a guessed name asks the server nothing).
  if (id !== null) return ID.test(id) && ROUTINES.includes(id) ? [`${block.api}${id}.json`] : [];
  const code = codeFromHash(hash);
  if (!code) return [];
  const { routine } = decodeRoutine(code);
  const ids = [...new Set((routine ? routine.items : []).map((it) => it.id).filter((x) => ID.test(x)))];
  const source = routine && routine.source && ROUTINES.includes(routine.source) ? [`${block.api}${routine.source}.json`] : [];
  return ids.map((x) => `${block.api}exercises/${x}.json`).concat(source);
}

// { routines, exercises } with what `hash` needs (everything, from a full block).
export async function sessionData(block, hash, getJSON) {
  if (block && block.routines && block.exercises) return block;
  const data = { routines: Object.create(null), exercises: Object.create(null) };
  const files = neededFiles(block, hash);
  const found = await Promise.all(files.map((url) => getJSON(url)));
  const id = routineId(hash);
  files.forEach((url, i) => {
    const doc = found[i];
    if (!doc || typeof doc !== "object") return;
    if (id !== null) {
      if (doc.routine && typeof doc.routine === "object") data.routines[id] = doc.routine;
      const exs = doc.exercises && typeof doc.exercises === "object" ? doc.exercises : {};
      for (const k of Object.keys(exs)) data.exercises[k] = exs[k];
    } else if (url.startsWith(`${block.api}exercises/`)) {
      data.exercises[url.slice(url.lastIndexOf("/") + 1, -".json".length)] = doc;
    } else if (doc.routine && typeof doc.routine === "object") {
      data.routines[url.slice(block.api.length, -".json".length)] = doc.routine; // a builder routine's source
    }
  });
  return data;
}

const usable = (ex) => ex && typeof ex === "object" && typeof ex.title === "string" && Array.isArray(ex.steps);

// The routine named by the address: #id=<routine-id> (the handbook's) or #r=<code> (the builder's), with the
// problems the link had (what the reader of the link dropped or changed, in the page's language: always shown).
export function routineFromHash(data, hash) {
  const id = routineId(hash);
  if (id !== null) {
    const r = own(data.routines, id);
    if (!r || typeof r !== "object" || !Array.isArray(r.items)) return { problems: [t("There is no routine \"{id}\" in this handbook.", { id })] };
    const items = r.items.map(fromArticle).filter((n) => usable(own(data.exercises, n.id)));
    if (!items.length) return { problems: [t("This routine has no exercise this handbook knows.")] };
    return { key: `id:${id}`, title: r.title, url: r.url, stopRules: strings(r.stop_rules), cautions: strings(r.cautions),
      stopSigns: strings(r.stop_signs), items, problems: [] };
  }
  const code = codeFromHash(hash); // as the builder wrote it, not URL-decoded
  if (code) {
    const { routine, problems } = decodeRoutine(code);
    if (!routine) return { problems: problems.length ? problems : [t("This routine has no exercise this handbook knows.")] };
    const source = routine.source ? own(data.routines, routine.source) : undefined;
    problems.push(...handbookWords(routine, source));
    const all = routine.items.map(fromBuilder);
    const items = all.filter((n) => usable(own(data.exercises, n.id)));
    const dropped = all.filter((n) => !usable(own(data.exercises, n.id))).map((n) => t("\"{id}\" is not an exercise of this handbook: it was left out.", { id: String(n.id) }));
    if (!items.length) return { problems: [t("This routine has no exercise this handbook knows."), ...problems, ...dropped] };
    const named = source && typeof source.title === "string" ? source.title : "";
    return { key: `r:${code}`, code, title: routine.title || named || t("Your routine"), url: null, stopRules: [], cautions: [], stopSigns: [],
      items, problems: [...problems, ...dropped] };
  }
  return { problems: [t("Choose a routine first: each routine's page has a \"Start this routine\" link.")] };
}

// A list of texts from the data: strings kept, and a stop sign's { title, text } read as its text.
function strings(list) {
  if (!Array.isArray(list)) return [];
  return list.map((x) => (typeof x === "string" ? x : x && typeof x === "object" ? x.text || x.title : null)).filter((x) => typeof x === "string" && x.trim());
}
