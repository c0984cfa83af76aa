// The scripts' words (lumbar/web/js/lib/i18n.js), and the catalogues they read (lumbar/i18n/ui/<lang>.yaml, scripts:).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { t, plural, lang, useCatalogue, formatDate, formatNumber, lastNumber } from "../../lumbar/web/js/lib/i18n.js";
import { doseLine, freqLine, fromHandbook } from "../../lumbar/web/js/lib/routine-logic.js";
import * as Steps from "../../lumbar/web/js/lib/session-steps.js";
import { decodeRoutine } from "../../lumbar/web/js/lib/routine-link.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const JS = join(ROOT, "lumbar", "web", "js");
const SETS = { one: "{n} подход", few: "{n} подхода", many: "{n} подходов", other: "{n} подхода" };

after(() => useCatalogue(null));

test("without a page it is English: the key itself, placeholders filled", () => {
  useCatalogue(null);
  assert.equal(lang(), "en");
  assert.equal(t("Start"), "Start");
  assert.equal(t("Exercise {n} of {count}", { n: 2, count: 5 }), "Exercise 2 of 5");
  assert.equal(t("Keep {unknown} as it is", {}), "Keep {unknown} as it is");
  assert.equal(plural(1, { one: "{n} set", other: "{n} sets" }), "1 set");
  assert.equal(plural(3, { one: "{n} set", other: "{n} sets" }), "3 sets");
  assert.equal(plural(1, "{n} exercises, one at a time."), "1 exercises, one at a time.", "one English text for every count");
  assert.equal(formatNumber(1234.5), "1,234.5");
});

test("Russian plural forms: 1 подход, 2 подхода, 5 подходов, 21 подход", () => {
  useCatalogue("ru", { "{n} sets": SETS });
  const sets = (n) => plural(n, { one: "{n} set", other: "{n} sets" });
  assert.deepEqual([1, 2, 5, 21, 11, 22, 0].map(sets), ["1 подход", "2 подхода", "5 подходов", "21 подход", "11 подходов", "22 подхода", "0 подходов"]);
  assert.equal(plural(30, { one: "{n} set", other: "{n} sets" }, { n: "10-30" }), "10-30 подходов", "values.n writes a range");
  useCatalogue(null);
});

test("a placeholder, a value with braces, a missing key, a missing form", () => {
  useCatalogue("es", {
    "Added {exercise} as exercise {n}.": "Se añadió {exercise} como ejercicio {n}.",
    "{n} sets": { one: "{n} serie", other: "{n} series" },
    "Hold {time}": { other: "Mantener {time}" },
  });
  assert.equal(t("Added {exercise} as exercise {n}.", { exercise: "Gato {n}", n: 3 }), "Se añadió Gato {n} como ejercicio 3.");
  assert.equal(t("Not in the catalogue"), "Not in the catalogue");
  assert.equal(t("Hold {time}", { time: "5 s" }), "Mantener 5 s");
  assert.equal(plural(1000000, { one: "{n} set", other: "{n} sets" }), "1000000 series", "es 'many' falls back to 'other'");
  assert.equal(lang(), "es");
  assert.match(formatDate(new Date(2026, 11, 2), { year: "numeric", month: "long", day: "numeric" }), /diciembre/);
  useCatalogue(null);
});

test("the page's block and <html lang> are read when there is a page", () => {
  const old = globalThis.document;
  globalThis.document = {
    documentElement: { lang: "ru" },
    getElementById: (id) => (id === "lh-ui" ? { textContent: JSON.stringify({ Start: "Начать", "{n} sets": SETS }) } : null),
  };
  try {
    assert.equal(lang(), "ru");
    assert.equal(t("Start"), "Начать");
    assert.equal(doseLine({ sets: 21 }), "21 подход");
  } finally {
    if (old === undefined) delete globalThis.document;
    else globalThis.document = old;
  }
  assert.equal(t("Start"), "Start");
});

test("a count in words: its last number", () => {
  assert.equal(lastNumber("10-30"), 30);
  assert.equal(lastNumber("up to 8"), 8);
  assert.equal(lastNumber("a few"), null);
});

// --- The catalogues against the scripts ------------------------------------------------------------------------

// Every text the scripts give t() or plural() as a literal: [key, file].
function scriptKeys() {
  const skip = /^(i18n\.js|sw\.js|iframe-worker.*\.js|lazy-search\.js)$/;
  const files = [...readdirSync(JS).map((f) => join(JS, f)), ...readdirSync(join(JS, "lib")).map((f) => join(JS, "lib", f))]
    .filter((f) => f.endsWith(".js") && !skip.test(f.split(/[\\/]/).pop()));
  const literal = (src, i) => { // src[i] is the opening double quote
    let j = i + 1;
    while (src[j] !== '"') j += src[j] === "\\" ? 2 : 1;
    return JSON.parse(src.slice(i, j + 1));
  };
  const argEnd = (src, i) => { // the comma or ")" that ends a call's argument
    for (let depth = 0; i < src.length; i++) {
      const c = src[i];
      if (c === '"' || c === "'" || c === "`") { for (i++; src[i] !== c; i++) if (src[i] === "\\") i++; continue; }
      if ("([{".includes(c)) depth++;
      else if (")]}".includes(c)) { if (!depth) return i; depth--; } else if (c === "," && !depth) return i;
    }
    return i;
  };
  const keys = new Map();
  for (const file of files) {
    const src = readFileSync(file, "utf8");
    const name = file.slice(JS.length + 1);
    for (const m of src.matchAll(/(?<![\w.$])t\(\s*"/g)) keys.set(literal(src, m.index + m[0].length - 1), name);
    for (const m of src.matchAll(/(?<![\w.$])plural\(/g)) {
      let i = argEnd(src, m.index + m[0].length);
      if (src[i] !== ",") continue;
      for (i++; /\s/.test(src[i]); i++);
      if (src[i] === '"') keys.set(literal(src, i), name);
      else if (src[i] === "{") {
        const other = /other:\s*"/.exec(src.slice(i));
        keys.set(literal(src, i + other.index + other[0].length - 1), name);
      }
    }
  }
  return keys;
}

// The `scripts:` section of each language's catalogue, read by Python's YAML (the build's own reader).
function catalogues() {
  const code = "import json, sys, yaml; from pathlib import Path\n" +
    "print(json.dumps({p.stem: (yaml.safe_load(p.read_text(encoding='utf-8')) or {}).get('scripts') or {}" +
    " for p in sorted(Path(sys.argv[1]).glob('*.yaml'))}))";
  for (const python of [join(ROOT, ".venv", "bin", "python"), "python3", "python"]) {
    if (python.includes(".venv") && !existsSync(python)) continue;
    try {
      return JSON.parse(execFileSync(python, ["-c", code, join(ROOT, "lumbar", "i18n", "ui")], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
    } catch { /* the next one */ }
  }
  return null;
}

const placeholders = (text) => [...new Set(String(text).match(/\{[A-Za-z_]\w*\}/g) || [])].sort();

test("each language's catalogue has every key of the scripts, and no other, with the same placeholders", (ctx) => {
  const cats = catalogues();
  if (!cats) return ctx.skip("no Python with PyYAML to read the catalogues");
  const keys = scriptKeys();
  assert.ok(keys.size > 200, `only ${keys.size} keys found in the scripts`);
  for (const [code, cat] of Object.entries(cats)) {
    if (code === "en") continue;
    const missing = [...keys].filter(([k]) => !(k in cat)).map(([k, f]) => `${f}: ${k}`);
    assert.deepEqual(missing, [], `${code}.yaml scripts: lacks these keys`);
    assert.deepEqual(Object.keys(cat).filter((k) => !keys.has(k)), [], `${code}.yaml scripts: has keys no script uses`);
    const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
    for (const [key, value] of Object.entries(cat)) {
      const forms = typeof value === "string" ? [value] : Object.values(value);
      if (typeof value === "object") {
        assert.ok(value && !Array.isArray(value) && "other" in value, `${code}: ${key}: plural forms need at least "other"`);
        for (const c of Object.keys(value)) assert.ok(categories.includes(c), `${code}: ${key}: "${c}" is not a plural category of ${code}`);
        if (code === "ru") for (const c of ["one", "few", "many"]) assert.ok(c in value, `ru: ${key}: no "${c}" form`);
      }
      const counted = typeof value === "object" && placeholders(key).includes("{n}");
      for (const form of forms) {
        assert.equal(typeof form, "string", `${code}: ${key}`);
        // A plural form may leave {n} out ("Наибольшее число ...: {n}" keeps it; "once" forms need not).
        const want = placeholders(key).filter((p) => !(counted && p === "{n}"));
        assert.deepEqual(placeholders(form).filter((p) => !(counted && p === "{n}")), want, `${code}: ${key} -> ${form}`);
      }
    }
  }
});

test("Russian and Spanish dose lines and steps with the real catalogues", (ctx) => {
  const cats = catalogues();
  if (!cats) return ctx.skip("no Python with PyYAML to read the catalogues");
  useCatalogue("ru", cats.ru);
  try {
    assert.deepEqual([1, 2, 5, 21].map((n) => doseLine({ sets: n })), ["1 подход", "2 подхода", "5 подходов", "21 подход"]);
    assert.equal(doseLine({ reps: 10, sets: 3, hold: 15, rest: 180, perSide: true }),
      "10 повторений × 3 подхода, удерживать 15\u00a0с, отдых 3\u00a0мин, на каждую сторону");
    assert.equal(freqLine({ times: 2, per: "day" }), "два раза в день");
    assert.equal(freqLine({ times: 5, per: "week" }), "5 раз в неделю");
    assert.equal(freqLine({ times: 3, per: "week" }), "3 раза в неделю");
    const n = Steps.fromArticle({ exercise: "x", reps: "10-30", sets: 2, per_side: true });
    assert.equal(Steps.doseLine(n), "10-30 повторений × 2 подхода, на каждую сторону");
    const steps = Steps.routineSteps([n]);
    assert.equal(Steps.stepLabel(steps[1], "Кошка"), "Кошка, подход 1 из 2, теперь правая сторона");
    assert.equal(Steps.stepLabel(steps[2], "Кошка"), "Отдых перед подходом 2 из 2");
    assert.equal(doseLine(fromHandbook({ title: "R", items: [{ exercise: "c", reps: "up to 8", hold: "несколько секунд" }] }).items[0]),
      "до 8 повторений, удерживать несколько секунд");
    assert.deepEqual(decodeRoutine("").problems, ["В ссылке нет комплекса."]);
    useCatalogue("es", cats.es);
    assert.equal(doseLine({ reps: 1, sets: 3, hold: 15, perSide: true }), "1 repetición × 3 series, mantener 15\u00a0s, cada lado");
    assert.equal(freqLine({ times: 3, per: "day" }), "3 veces al día");
  } finally {
    useCatalogue(null);
  }
});
