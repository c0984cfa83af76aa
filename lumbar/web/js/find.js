// The filter on the Find by condition page: condition, start position and equipment, from the
// open data (api/handbook.json). It does nothing on pages without #lh-find. Data goes into the
// page as text only.
(function () {
  "use strict";

  function make(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    }
    for (const child of children || []) if (child) node.append(child);
    return node;
  }

  // Light Markdown from the data, as plain text: **bold**, _em_, `code`, [text](url).
  function plain(text) {
    return String(text || "")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/[*_`]/g, "");
  }

  // The page's words: a classic script cannot import lib/i18n.js, so this is its t() and plural() in short,
  // read from the same block (<script type="application/json" id="lh-ui">) with the same rules: the English
  // text is the key; a plural key is the English "other" form, its value an object of Intl.PluralRules categories.
  let words = null;
  function catalogue() {
    if (words) return words;
    words = {};
    const node = document.getElementById("lh-ui");
    try {
      const parsed = node ? JSON.parse(node.textContent || "{}") : {};
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) words = parsed;
    } catch (error) {
      words = {}; // English, rather than no filter
    }
    return words;
  }

  function fill(text, values) {
    return String(text).replace(/\{([A-Za-z_]\w*)\}/g, (whole, name) =>
      values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole);
  }

  function form(value, category) {
    if (typeof value === "string") return value;
    if (!value || typeof value !== "object") return null;
    for (const key of [category, "other", "many", "one"]) if (typeof value[key] === "string") return value[key];
    return null;
  }

  function t(text, values) {
    const found = form(catalogue()[text], "other");
    return fill(found === null ? text : found, values);
  }

  function plural(n, forms, values) {
    const all = Object.assign({ n: String(n) }, values || {});
    const found = catalogue()[forms.other];
    if (found !== undefined && form(found, "other") !== null) {
      let category = "other";
      try {
        category = new Intl.PluralRules(document.documentElement.lang || "en").select(n);
      } catch (error) {
        category = n === 1 ? "one" : "other";
      }
      return fill(form(found, category), all);
    }
    return fill(n === 1 ? forms.one : forms.other, all);
  }

  function choice(id, label, groups) {
    const select = make("select", { id: id, name: id.replace("lh-find-", ""), class: "md-input md-input--stretch" });
    for (const group of groups) {
      const parent = group.label ? make("optgroup", { label: group.label }) : select;
      for (const [value, text] of group.options) parent.append(make("option", { value: value, text: text }));
      if (parent !== select) select.append(parent);
    }
    const field = make("p", { class: "lh-find-field" }, [make("label", { for: id, text: label }), make("br"), select]);
    return { field: field, select: select };
  }

  function build(root, data) {
    const byId = (list) => new Map((list || []).map((x) => [x.id, x]));
    const exercises = byId(data.exercises);
    const routines = byId(data.routines);
    const conditions = byId(data.conditions);
    const positions = byId(data.positions);
    const equipment = byId(data.equipment);
    const link = root.getAttribute("data-exercise-link") || "../exercises/{id}/";
    const titled = (a, b) => a.title.localeCompare(b.title);

    const used = (key) => new Set(data.exercises.flatMap((e) => [].concat(e[key] || [])));
    const usedPositions = used("position");
    const usedEquipment = used("equipment");
    const condList = data.conditions.slice().sort(titled);

    const condition = choice("lh-find-condition", t("Condition or goal"), [
      { options: [["", t("Any condition or goal")]] },
      { label: t("Back problems"), options: condList.filter((c) => c.kind !== "goal").map((c) => [c.id, c.title]) },
      { label: t("Goals"), options: condList.filter((c) => c.kind === "goal").map((c) => [c.id, c.title]) },
    ]);
    const position = choice("lh-find-position", t("Start position"), [
      { options: [["", t("Any position")]].concat(
        data.positions.filter((p) => usedPositions.has(p.id)).map((p) => [p.id, p.title])) },
    ]);
    const kit = choice("lh-find-equipment", t("Equipment"), [
      { options: [["", t("Any equipment")], ["none", t("Nothing at all")]].concat(
        data.equipment.filter((e) => usedEquipment.has(e.id)).map((e) => [e.id, e.title])) },
    ]);
    const clear = make("button", { type: "button", class: "md-button lh-find-clear", text: t("Clear the filter") });
    const form = make("form", { class: "lh-find-form", role: "search", "aria-label": t("Filter by condition, position and equipment") },
      [condition.field, position.field, kit.field, make("p", {}, [clear])]);
    const status = make("p", { class: "lh-find-status", role: "status", "aria-live": "polite" });
    const jump = make("p", {}, [make("a", { href: "#lh-find-exercises", text: t("Go to the exercises") })]);
    root.replaceChildren(form, status, jump);
    root.hidden = false;

    const heading = make("h2", { id: "lh-find-exercises", text: t("Exercises") });
    const list = make("ul", { class: "lh-find-exercises" });
    const results = make("section", { class: "lh-find-results", "aria-labelledby": "lh-find-exercises" }, [heading, list]);
    const cards = document.querySelector(".lh-find-cards");
    (cards || root).after(results);

    const groups = Array.from(document.querySelectorAll(".lh-find-group")).map((group) => {
      const grid = group.querySelector(".grid");
      return { group: group, grid: grid, cards: Array.from(grid.querySelectorAll(".lh-find-card")) };
    });

    // What the card lists under Avoid (by name, or by a movement the condition avoids) is not offered here.
    function exercisesFor(c) {
      const avoid = new Set((c.avoid || []).map((e) => e.exercise));
      const moves = new Set(c.avoid_patterns || []);
      const avoided = (id) => avoid.has(id) || ((exercises.get(id) || {}).patterns || []).some((p) => moves.has(p));
      const ids = new Set();
      for (const rid of c.routines || []) {
        const r = routines.get(rid);
        for (const item of (r && r.items) || []) if (!avoided(item.exercise)) ids.add(item.exercise);
      }
      return ids;
    }

    function update(save, first) {
      const c = conditions.get(condition.select.value);
      const p = position.select.value;
      const k = kit.select.value;
      const care = new Map(((c && c.caution) || []).map((e) => [e.exercise, e.why]));
      const allowed = c ? exercisesFor(c) : null;
      const shown = data.exercises.filter((e) =>
        (!allowed || allowed.has(e.id)) &&
        (!p || e.position === p) &&
        (!k || (k === "none" ? !(e.equipment || []).length : (e.equipment || []).includes(k)))
      ).sort(titled);

      list.replaceChildren(...shown.map((e) => {
        const where = [positions.has(e.position) ? positions.get(e.position).title : e.position]
          .concat((e.equipment || []).map((id) => (equipment.get(id) || { title: id }).title));
        const item = make("li", { "data-exercise": e.id }, [
          make("a", { href: link.replace("{id}", encodeURIComponent(e.id)), text: e.title }),
          " (" + where.join("; ") + ")", // a text node, not a span: the page stays under Lighthouse's DOM-size mark
        ]);
        if (care.has(e.id)) item.append(make("br"), make("strong", { text: t("Take care:") + " " }), plain(care.get(e.id)));
        if ((e.patterns || []).length) item.append(" ", make("span", { class: "lh-flag", text: t("harmful movement: read its page first") }));
        return item;
      }));
      if (!shown.length) list.append(make("li", { text: t("No exercise matches all of these choices: clear one of them.") }));

      // On the first run with no condition every card is already in place: touching them would only
      // make the browser lay the whole page out again.
      if (!(first && !c)) for (const g of groups) {
        const visible = g.cards.filter((card) => !c || card.getAttribute("data-condition") === c.id);
        g.grid.replaceChildren(...visible);
        g.group.hidden = !visible.length;
      }

      const filters = [p && positions.has(p) ? positions.get(p).title.toLowerCase() : "",
        k === "none" ? t("needing nothing") : k && equipment.has(k) ? t("with: {equipment}", { equipment: equipment.get(k).title.toLowerCase() }) : ""].filter(Boolean);
      let text = plural(shown.length, { one: "{n} exercise", other: "{n} exercises" }) + (filters.length ? ", " + filters.join(", ") : "") + ".";
      if (c) text = t("{condition}: {routines} and {exercises}", { condition: c.title, exercises: text,
        routines: plural((c.routines || []).length, { one: "{n} routine", other: "{n} routines" }) });
      else if (!p && !k) text = t("Every condition and goal, and all {exercises}", { exercises: text });
      status.textContent = text;
      heading.textContent = c ? t("Exercises for {condition}", { condition: c.title.charAt(0).toLowerCase() + c.title.slice(1) }) : t("Exercises");

      if (save && window.history && history.replaceState) {
        const params = new URLSearchParams();
        if (c) params.set("condition", c.id);
        if (p) params.set("position", p);
        if (k) params.set("equipment", k);
        const query = params.toString();
        history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
      }
    }

    const start = new URLSearchParams(location.search);
    for (const [name, field] of [["condition", condition], ["position", position], ["equipment", kit]]) {
      const value = start.get(name);
      if (value && Array.from(field.select.options).some((o) => o.value === value)) field.select.value = value;
    }
    form.addEventListener("change", () => update(true));
    form.addEventListener("submit", (event) => event.preventDefault());
    clear.addEventListener("click", () => {
      for (const field of [condition, position, kit]) field.select.value = "";
      update(true);
      condition.select.focus();
    });
    update(false, true);
  }

  function setup() {
    const root = document.getElementById("lh-find");
    if (!root || root.getAttribute("data-ready")) return;
    root.setAttribute("data-ready", "yes");
    const src = new URL(root.getAttribute("data-src") || "", location.href);
    if (src.origin !== location.origin) return;
    // The filter is built once the page has loaded and the main thread is idle, so its data and
    // DOM work stay off the critical path (the cards are readable without it).
    const idle = (fn) => (window.requestIdleCallback ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 1));
    const start = (fn) => (document.readyState === "complete" ? idle(fn) : addEventListener("load", () => idle(fn), { once: true }));
    start(() => fetch(src.href, { credentials: "same-origin" })
      .then((response) => {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then((data) => build(root, data))
      .catch(() => {
        root.replaceChildren(make("p", { class: "lh-find-error", text: t("The filter could not load the handbook's data. Every condition is listed below.") }));
        root.hidden = false;
      }));
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
