// The routine builder (docs/builder.md). The routine lives only in the address: #e=<code> while editing
// (a reload keeps it), #r=<code> in the link handed over (the patient's view, ./patient-view.js). Nothing
// is stored or sent. Every value from the address or the data goes into the page as text, never as HTML.
// Here: the state, the changes, the hand-over buttons; the editor, finder and sheet are modules beside it.
import { decodeRoutine, encodeRoutine, emptyItem, emptyRoutine, cleanText, linkSize, LIMITS } from "./lib/routine-link.js";
import { doseLine, fromHandbook, resolveItems, warningsFor, caveatsFor, routineTitle, handbookWords } from "./lib/routine-logic.js";
import { make } from "./builder-kit.js";
import { routineFields, itemEditor } from "./builder-edit.js";
import { finder } from "./builder-find.js";
import { renderSheet, drawQr, printSheet } from "./builder-sheet.js";
import { patientView, patientTop } from "./patient-view.js";
import { t, plural } from "./lib/i18n.js";
import { loadData, loadFailure, startFailure } from "./builder-load.js";

function build(root, data, sheet) {
  const ctx = { data, sheet, exercises: new Map(data.exercises.map((e) => [e.id, e])), conditions: new Map(data.conditions.map((c) => [c.id, c])),
    positions: new Map(data.positions.map((p) => [p.id, p.title])), equipment: new Map(data.equipment.map((e) => [e.id, e.title])),
    exLink: root.getAttribute("data-exercise-link") || "../exercises/{id}/", thumbs: root.getAttribute("data-thumbs") || "../api/thumbs/" };
  const session = root.getAttribute("data-session") || "";
  const online = root.getAttribute("data-online") || "";
  const state = ctx.state = { routine: emptyRoutine(), mode: "edit", problems: [], missing: [], query: "", position: "", kit: "", suited: "",
    fillRun: 0, qrFor: null, firstDraw: true, insertAt: null, removed: null };
  let rank = null; // title order, once, when first needed: the first collator loads collation data (slow)
  ctx.order = () => rank || (rank = new Map(data.exercises.slice().sort((a, b) => new Intl.Collator().compare(a.title, b.title)).map((e, i) => [e.id, i])));
  ctx.exerciseTitle = (id) => (ctx.exercises.has(id) ? ctx.exercises.get(id).title : id);
  ctx.caveats = (item) => caveatsFor(item, state.routine, data);
  // Which items' dose fields are open (builder-edit.js), kept across redraws: by the item itself, so a move keeps it.
  const open = new WeakSet();
  ctx.opened = (item, value) => { if (value === true) open.add(item); else if (value === false) open.delete(item); return open.has(item); };
  // A routine for pregnancy (its condition, or customised from the pregnancy routine): an exercise lying face down
  // or on the back carries the note its own page gives (builder.html, from exercise.md), in the editor, the
  // patient's view and on the sheet.
  ctx.pregnant = () => state.routine.condition === "pregnancy" || state.routine.source === "pregnancy";
  const pregNotes = new Map(Array.from(document.querySelectorAll(".lh-b-pregnancy-notes [data-position]"), (p) => [p.getAttribute("data-position"), p.textContent.trim()]));
  ctx.pregnancyNote = (ex) => (ex && ctx.pregnant() && pregNotes.get(ex.position)) || "";

  const messages = make("div", { class: "lh-b-messages", role: "alert" });
  const status = make("p", { class: "lh-b-status", role: "status", "aria-live": "polite" });
  const undo = make("p", { class: "lh-b-undo" });
  const main = make("div", { class: "lh-b-main" });
  root.replaceChildren(messages, main, undo, status);
  root.hidden = false;

  ctx.shareUrl = () => {
    const base = /^https?:$/.test(location.protocol) ? location.href.split("#")[0].split("?")[0] : online;
    return (base || location.href.split("#")[0]) + "#r=" + encodeRoutine(state.routine);
  };
  ctx.say = (text) => { status.textContent = ""; status.textContent = text; };

  function showProblems() {
    const lines = state.problems.slice();
    for (const id of state.missing) lines.push(t("\"{id}\" is no longer in the handbook: it is shown below without steps; remove it or choose another exercise.", { id }));
    messages.replaceChildren();
    if (!lines.length) return;
    messages.append(make("div", { class: "admonition warning lh-b-problem" }, [
      make("p", { class: "admonition-title", text: t("Part of this link could not be read") }),
      make("ul", {}, lines.map((line) => make("li", { text: line }))),
      make("p", { text: t("Everything else in the link was kept. Check the routine before you use it.") }),
    ]));
  }

  function setAddress() {
    const hash = (state.mode === "view" ? "#r=" : "#e=") + encodeRoutine(state.routine);
    if (history.replaceState) history.replaceState(null, "", location.pathname + hash);
    state.hash = location.hash;
  }
  // Another link pasted into this tab changes only the hash: start again from it.
  window.addEventListener("hashchange", () => { if (location.hash !== state.hash) location.reload(); });

  function updated() {
    setAddress();
    renderSheet(ctx);
    const field = document.getElementById("lh-b-link");
    if (field) field.value = ctx.shareUrl();
    const start = main.querySelector(".lh-b-start");
    if (start) start.setAttribute("href", session + "#r=" + encodeRoutine(state.routine));
    main.querySelectorAll(".lh-b-item").forEach((li, i) => {
      const item = state.routine.items[i];
      const line = li.querySelector(".lh-b-dose");
      if (line) line.textContent = doseLine(item);
      const note = li.querySelector(".lh-b-sum-note");
      if (note) note.textContent = item.note ? " " + t("Note:") + " " + item.note : "";
    });
    sizeNote();
  }
  ctx.changed = (focusKey) => {
    state.missing = state.routine.items.map((i) => i.id).filter((id) => !ctx.exercises.has(id));
    setAddress();
    render(focusKey);
  };
  // A change to a field, kept only while the link stays short enough to be read back whole.
  ctx.edit = (input, apply, revert) => {
    const before = JSON.stringify(state.routine);
    apply();
    if (!linkSize(state.routine).fits) {
      const old = JSON.parse(before);
      state.routine.items.forEach((item, i) => Object.assign(item, old.items[i]));
      Object.assign(state.routine, { ...old, items: state.routine.items });
      revert();
      ctx.say(t("That would make the link longer than {max} characters, more than a phone can open whole: it was not changed. Shorten a note, or hand over two routines.", { max: LIMITS.code }));
      return;
    }
    updated();
  };
  ctx.add = (id) => {
    const items = state.routine.items;
    if (items.length >= LIMITS.items) { ctx.say(plural(LIMITS.items, "A routine holds at most {n} exercises.")); return; }
    const ex = ctx.exercises.get(id);
    const item = emptyItem(id);
    item.perSide = Boolean(ex && ex.sides);
    ctx.opened(item, true); // its doses to write
    const at = state.insertAt !== null && state.insertAt <= items.length ? state.insertAt : items.length;
    items.splice(at, 0, item);
    if (!linkSize(state.routine).fits) { items.splice(at, 1); ctx.say(t("That would make the link longer than {max} characters, more than a phone can open whole: it was not changed. Shorten a note, or hand over two routines.", { max: LIMITS.code })); return; }
    if (state.insertAt !== null) state.insertAt = at + 1;
    const warned = ex && (warningsFor(ex, ctx.conditions.get(state.routine.condition) || null, data.patterns).length || ctx.pregnancyNote(ex));
    ctx.say(warned ? t("Added {exercise} as exercise {n}: read its warning.", { exercise: ctx.exerciseTitle(id), n: at + 1 })
      : t("Added {exercise} as exercise {n}.", { exercise: ctx.exerciseTitle(id), n: at + 1 }));
    ctx.changed("add-" + id);
  };
  ctx.move = (index, by) => {
    const items = state.routine.items;
    const to = index + by;
    if (to < 0 || to >= items.length) return;
    [items[index], items[to]] = [items[to], items[index]];
    ctx.say(t("{exercise} is now exercise {n} of {count}.", { exercise: ctx.exerciseTitle(items[to].id), n: to + 1, count: items.length }));
    ctx.changed((by < 0 ? "up-" : "down-") + to);
  };
  ctx.remove = (index) => {
    const [item] = state.routine.items.splice(index, 1);
    state.removed = { item, index };
    ctx.say(t("Removed {exercise}.", { exercise: ctx.exerciseTitle(item.id) }));
    ctx.changed(state.routine.items.length ? "remove-" + Math.min(index, state.routine.items.length - 1) : "lh-b-q");
  };
  function undoBar() {
    const gone = state.removed;
    undo.replaceChildren();
    if (!gone || state.mode === "view") return;
    const b = make("button", { type: "button", class: "md-button", text: t("Undo: put {exercise} back", { exercise: ctx.exerciseTitle(gone.item.id) }) });
    b.addEventListener("click", () => {
      state.routine.items.splice(Math.min(gone.index, state.routine.items.length), 0, gone.item);
      state.removed = null;
      ctx.say(t("{exercise} is back as exercise {n}.", { exercise: ctx.exerciseTitle(gone.item.id), n: gone.index + 1 }));
      ctx.changed("up-" + gone.index);
    });
    undo.append(b);
  }

  function sizeNote() {
    const note = main.querySelector(".lh-b-size");
    if (!note) return;
    const { length } = linkSize(state.routine);
    note.textContent = t("The link holds {length} of at most {max} characters.", { length, max: LIMITS.code }) +
      (ctx.shareUrl().length > 300 ? " " + t("Its QR code is dense: a phone may not read it from paper. Shorter notes make it easier to scan.") : "");
  }

  // The hand-over buttons: in the patient's view (top: Start and Print; bottom: Print and Edit a copy) or the editor's.
  function actions(top) {
    const p = make("p", { class: "lh-b-actions" });
    const has = state.routine.items.length > 0;
    if (session && has && (top || state.mode === "edit")) {
      p.append(make("a", { class: "md-button md-button--primary lh-b-start", href: session + "#r=" + encodeRoutine(state.routine), text: t("Start this routine") }), " ");
    }
    const printButton = make("button", { type: "button", class: "md-button" + (state.mode === "edit" ? " md-button--primary" : ""), text: state.mode === "view" ? t("Print") : t("Print the sheet"), disabled: !has });
    printButton.addEventListener("click", () => printSheet(ctx));
    p.append(printButton, " ");
    if (state.mode === "view") {
      if (top) return p;
      const edit = make("button", { type: "button", class: "md-button", text: t("Edit a copy") });
      edit.addEventListener("click", () => { state.mode = "edit"; state.problems = []; patientPage(false); ctx.changed("lh-b-title"); ctx.say(t("Editing a copy: the link you opened stays as it was.")); });
      return make("div", { class: "lh-b-view-end" }, [p, make("p", { class: "lh-b-hint", text: t("For physiotherapists: change this routine and hand over a new link.") }), make("p", {}, [edit])]);
    }
    const link = make("input", { id: "lh-b-link", class: "md-input md-input--stretch", readonly: true, value: ctx.shareUrl() });
    const copy = make("button", { type: "button", class: "md-button", text: t("Copy the link") });
    copy.addEventListener("click", () => {
      link.select();
      const done = () => ctx.say(t("The link is copied. It holds the whole routine; nothing was sent anywhere."));
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(link.value).then(done, () => { document.execCommand("copy"); done(); });
      else { document.execCommand("copy"); done(); }
    });
    return make("section", { class: "lh-b-handover", "aria-labelledby": "lh-b-hand-h" }, [
      make("h2", { id: "lh-b-hand-h", text: t("Hand it over") }), p,
      make("p", {}, [make("label", { for: "lh-b-link", text: t("The link for the patient (it never expires; nothing is stored or sent)") }), make("br"), link, " ", copy]),
      make("p", { class: "lh-b-size lh-b-hint" }),
    ]);
  }

  // The patient's view takes over the page's heading, and the place of its paragraph for physiotherapists
  // (with that paragraph's height at least, so nothing below moves as the view appears: no layout shift).
  const inner = root.closest(".md-content__inner") || root.parentElement;
  const pageHead = inner ? inner.querySelector("h1") : null;
  const intro = pageHead && pageHead.nextElementSibling && pageHead.nextElementSibling.tagName === "P" ? pageHead.nextElementSibling : null;
  const original = { head: pageHead ? pageHead.textContent : "", title: document.title };
  let top = null;
  function patientPage(on) {
    if (inner) inner.classList.toggle("lh-b-patient", on);
    if (on && !top && pageHead) {
      pageHead.textContent = routineTitle(state.routine, data) || t("Your routine");
      document.title = pageHead.textContent;
      top = patientTop(ctx, actions);
      if (intro) {
        const style = getComputedStyle(intro);
        Object.assign(top.style, { minHeight: intro.getBoundingClientRect().height + "px", marginTop: style.marginTop, marginBottom: style.marginBottom });
        intro.replaceWith(top);
      }
      else pageHead.after(top);
    } else if (!on && top) {
      pageHead.textContent = original.head;
      document.title = original.title;
      if (intro) top.replaceWith(intro);
      else top.remove();
      top = null;
    }
  }

  function render(focusKey) {
    showProblems();
    undoBar();
    if (state.mode === "view") {
      patientPage(true);
      main.replaceChildren(patientView(ctx, actions));
    } else {
      const items = make("ol", { class: "lh-b-items" }, state.routine.items.map((item, i) => itemEditor(ctx, item, i)));
      const chosen = make("section", { class: "lh-b-chosen", "aria-labelledby": "lh-b-chosen-h" }, [
        make("h2", { id: "lh-b-chosen-h", text: t("The exercises ({n})", { n: state.routine.items.length }) }),
        state.routine.items.length ? items : make("p", { text: t("None yet: find exercises below and add them. The printed sheet holds up to 12 on two pages.") })]);
      main.replaceChildren(routineFields(ctx), chosen, actions(false), finder(ctx));
      sizeNote();
    }
    state.firstDraw = false;
    renderSheet(ctx);
    if (focusKey) {
      const target = main.querySelector('[data-focus="' + focusKey + '"]') || document.getElementById(focusKey) ||
        (focusKey.startsWith("item-") ? main.querySelector('[data-focus^="up-' + focusKey.slice(5) + '"]') : null);
      if (target && !target.disabled) target.focus();
      else if (target && target.closest("li")) { const b = target.closest("li").querySelector("button:not([disabled])"); if (b) b.focus(); }
    }
  }
  window.addEventListener("beforeprint", () => drawQr(ctx));

  // Start: a link (#r= the patient's view, #e= editing), a handbook routine (?routine=id), or an empty routine.
  const hash = location.hash.replace(/^#/, "");
  const routineId = new URLSearchParams(location.search).get("routine");
  if (/^[reR]=/.test(hash)) {
    const { routine, problems } = decodeRoutine(hash.slice(2));
    state.routine = resolveItems(routine, data).routine;
    state.problems = problems.concat(handbookWords(state.routine, data.routines.find((r) => r.id === state.routine.source)));
    state.mode = hash[0] === "e" ? "edit" : "view";
  } else if (hash) {
    state.problems = [t("The address after \"#\" (\"{hash}\") is not a routine link: an empty routine was opened. Ask for the link again.", { hash: cleanText(readable(hash), 40) })];
  } else if (routineId) {
    const hb = data.routines.find((r) => r.id === routineId);
    if (hb) {
      state.routine = fromHandbook(hb, data.conditions);
      ctx.say(t("Loaded {routine} with its doses: change anything, then print it or copy the link.", { routine: hb.title }));
    } else {
      state.problems = [t("There is no routine \"{id}\" in the handbook: start from an empty routine.", { id: cleanText(routineId, 60) })];
    }
  }
  state.missing = state.routine.items.map((i) => i.id).filter((id) => !ctx.exercises.has(id));
  if (!state.problems.length || state.mode !== "view") setAddress();
  else state.hash = location.hash; // a damaged link stays in the address as it came
  render(null);
  // Ready once the first list is drawn.
  Promise.resolve(state.listDrawn).then(() => root.setAttribute("data-ready", "yes"));
}

// An address as a person reads it (percent-escapes undone where they can be).
function readable(text) {
  try {
    return decodeURIComponent(text);
  } catch (error) {
    return text;
  }
}

function setup() {
  const root = document.getElementById("lh-builder");
  const sheet = document.querySelector(".lh-b-sheet");
  if (!root || !sheet || root.getAttribute("data-started")) return;
  root.setAttribute("data-started", "yes");
  const fail = (text) => root.replaceChildren(make("p", { class: "lh-b-error", role: "alert", text }));
  try {
    const load = loadData(root);
    if (!load) return;
    load.data.then((data) => {
      try {
        build(root, data, sheet);
      } catch (error) {
        fail(startFailure(error));
      }
    }, (error) => fail(loadFailure(error, load.file)));
  } catch (error) {
    fail(startFailure(error));
  }
}

setup();
