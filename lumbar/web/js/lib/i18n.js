// The scripts' words in the page's language. Pure: no DOM needed (under node --test it is English).
//
// Where the words come from: every page in another language than English carries the `scripts:` section of
// lumbar/i18n/ui/<lang>.yaml as <script type="application/json" id="lh-ui">{...}</script> (overrides/main.html),
// and <html lang="es"> names the language. English pages have no block: the English text is the key, and a
// key the catalogue lacks reads as itself.
//
//   t("Start")                                          "Empezar"
//   t("Exercise {n} of {count}", { n: 2, count: 5 })    "Ejercicio 2 de 5": {name} is replaced from values
//
// A text that changes with a count: plural(n, forms, values). `forms` are the English forms, written in the
// script: { one: "{n} set", other: "{n} sets" } (a string when English uses one text for every count). The
// catalogue's key is the English `other` form, and its value is an object of the language's plural
// categories (Intl.PluralRules: es one, many, other; ru one, few, many, other):
//
//   "{n} sets":                     # lumbar/i18n/ui/ru.yaml, scripts:
//     one: "{n} подход"             # 1, 21, 101
//     few: "{n} подхода"            # 2-4, 22-24
//     many: "{n} подходов"          # 0, 5-20, 25-30
//     other: "{n} подхода"          # fractions
//
// A category the catalogue leaves out reads as its `other` form (a plain string serves every count). {n} is
// the count as written (String(n)); values.n overrides it, as for a range "10-30" counted as its upper end.
//
// lang() is the page's language; formatDate() and formatNumber() write in it with Intl. useCatalogue() sets
// a language and catalogue by hand (the node tests; null goes back to the page's own).

let manual = null; // { code, entries } from useCatalogue()
let cached = null; // { node, entries }: the page's block, read once

function pageCatalogue() {
  if (typeof document === "undefined" || !document.getElementById) return {};
  const node = document.getElementById("lh-ui");
  if (!node) return {};
  if (!cached || cached.node !== node) {
    let entries = {};
    try {
      const parsed = JSON.parse(node.textContent || "{}");
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) entries = parsed;
    } catch {
      entries = {}; // a broken block: English, rather than no page at all
    }
    cached = { node, entries };
  }
  return cached.entries;
}

function entries() {
  return manual ? manual.entries : pageCatalogue();
}

export function useCatalogue(code, catalogue) {
  manual = code ? { code: String(code), entries: catalogue && typeof catalogue === "object" ? catalogue : {} } : null;
}

// The page's language: "es", "ru", or "en" (also when there is no page, as under node).
export function lang() {
  if (manual) return manual.code;
  if (typeof document === "undefined" || !document.documentElement) return "en";
  return document.documentElement.lang || "en";
}

// The locale Intl writes in: the reader's own browser locale when it is of the page's language (en-GB on an
// English page keeps its day-month order), else the page's language.
export function locale() {
  const code = lang();
  const own = typeof navigator !== "undefined" && navigator.language ? String(navigator.language) : "";
  return own && own.split("-")[0].toLowerCase() === code.split("-")[0].toLowerCase() ? own : code;
}

function fill(text, values) {
  if (!values) return text;
  return String(text).replace(/\{([A-Za-z_][\w]*)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(values, name) && values[name] !== undefined && values[name] !== null ? String(values[name]) : whole);
}

function pick(value, category) {
  if (typeof value === "string") return value;
  if (!value || typeof value !== "object") return null;
  for (const key of [category, "other", "many", "one"]) if (typeof value[key] === "string") return value[key];
  return null;
}

// The catalogue's text for an English text (or the text itself), with {name} placeholders filled from values.
export function t(text, values) {
  const found = pick(entries()[text], "other");
  return fill(found === null ? text : found, values);
}

function category(n, code) {
  try {
    return new Intl.PluralRules(code).select(n);
  } catch {
    return n === 1 ? "one" : "other";
  }
}

// The form of a text for a count n (see the top of this file).
export function plural(n, forms, values) {
  const english = typeof forms === "string" ? { one: forms, other: forms } : forms || {};
  const key = english.other ?? english.one ?? "";
  const count = Number(n);
  const all = { n: String(n), ...(values || {}) };
  const found = entries()[key];
  const code = lang();
  if (found !== undefined && pick(found, "other") !== null) return fill(pick(found, category(count, code)), all);
  return fill(category(count, "en") === "one" && english.one !== undefined ? english.one : key, all);
}

// A count in a text from the data ("10-30", "up to 8", "до 8"): its last number, or null.
export function lastNumber(value) {
  const m = String(value ?? "").match(/\d+/g);
  return m ? Number(m[m.length - 1]) : null;
}

function asDate(d) {
  return d instanceof Date ? d : new Date(d);
}

export function formatDate(d, opts) {
  const date = asDate(d);
  try {
    return new Intl.DateTimeFormat(locale(), opts).format(date);
  } catch {
    return date.toLocaleDateString(undefined, opts);
  }
}

export function formatNumber(n, opts) {
  try {
    return new Intl.NumberFormat(locale(), opts).format(n);
  } catch {
    return String(n);
  }
}
