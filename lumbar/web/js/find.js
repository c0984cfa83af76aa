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

  function count(n, one, many) {
    return n + " " + (n === 1 ? one : many);
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

    const condition = choice("lh-find-condition", "Condition or goal", [
      { options: [["", "Any condition or goal"]] },
      { label: "Back problems", options: condList.filter((c) => c.kind !== "goal").map((c) => [c.id, c.title]) },
      { label: "Goals", options: condList.filter((c) => c.kind === "goal").map((c) => [c.id, c.title]) },
    ]);
    const position = choice("lh-find-position", "Start position", [
      { options: [["", "Any position"]].concat(
        data.positions.filter((p) => usedPositions.has(p.id)).map((p) => [p.id, p.title])) },
    ]);
    const kit = choice("lh-find-equipment", "Equipment", [
      { options: [["", "Any equipment"], ["none", "Nothing at all"]].concat(
        data.equipment.filter((e) => usedEquipment.has(e.id)).map((e) => [e.id, e.title])) },
    ]);
    const clear = make("button", { type: "button", class: "md-button lh-find-clear", text: "Clear the filter" });
    const form = make("form", { class: "lh-find-form", role: "search", "aria-label": "Filter by condition, position and equipment" },
      [condition.field, position.field, kit.field, make("p", {}, [clear])]);
    const status = make("p", { class: "lh-find-status", role: "status", "aria-live": "polite" });
    const jump = make("p", {}, [make("a", { href: "#lh-find-exercises", text: "Go to the exercises" })]);
    root.replaceChildren(form, status, jump);
    root.hidden = false;

    const heading = make("h2", { id: "lh-find-exercises", text: "Exercises" });
    const list = make("ul", { class: "lh-find-exercises" });
    const results = make("section", { class: "lh-find-results", "aria-labelledby": "lh-find-exercises" }, [heading, list]);
    const cards = document.querySelector(".lh-find-cards");
    (cards || root).after(results);

    const groups = Array.from(document.querySelectorAll(".lh-find-group")).map((group) => {
      const grid = group.querySelector(".grid");
      return { group: group, grid: grid, cards: Array.from(grid.querySelectorAll(".lh-find-card")) };
    });

    function exercisesFor(c) {
      const avoid = new Set((c.avoid || []).map((e) => e.exercise));
      const ids = new Set();
      for (const rid of c.routines || []) {
        const r = routines.get(rid);
        for (const item of (r && r.items) || []) if (!avoid.has(item.exercise)) ids.add(item.exercise);
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
        if (care.has(e.id)) item.append(make("br"), make("strong", { text: "Take care: " }), plain(care.get(e.id)));
        if ((e.patterns || []).length) item.append(" ", make("span", { class: "lh-flag", text: "harmful movement: read its page first" }));
        return item;
      }));
      if (!shown.length) list.append(make("li", { text: "No exercise matches all of these choices: clear one of them." }));

      // On the first run with no condition every card is already in place: touching them would only
      // make the browser lay the whole page out again.
      if (!(first && !c)) for (const g of groups) {
        const visible = g.cards.filter((card) => !c || card.getAttribute("data-condition") === c.id);
        g.grid.replaceChildren(...visible);
        g.group.hidden = !visible.length;
      }

      const filters = [p && positions.has(p) ? positions.get(p).title.toLowerCase() : "",
        k === "none" ? "needing nothing" : k && equipment.has(k) ? "with: " + equipment.get(k).title.toLowerCase() : ""].filter(Boolean);
      let text = count(shown.length, "exercise", "exercises") + (filters.length ? ", " + filters.join(", ") : "") + ".";
      if (c) text = c.title + ": " + count((c.routines || []).length, "routine", "routines") + " and " + text;
      else if (!p && !k) text = "Every condition and goal, and all " + text;
      status.textContent = text;
      heading.textContent = c ? "Exercises for " + c.title.charAt(0).toLowerCase() + c.title.slice(1) : "Exercises";

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
        root.replaceChildren(make("p", { class: "lh-find-error", text: "The filter could not load the handbook's data. Every condition is listed below." }));
        root.hidden = false;
      }));
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
