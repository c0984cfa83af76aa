// The guided session player (docs/session.md): one exercise at a time, timed from timestamps, resumable.
import { fromArticle, fromBuilder, doseLine, routineSteps, stepLabel } from "./lib/session-steps.js";
import { create, start, timing, togglePause, startTimer, extend, untime, countRep, setAuto, next, back, skipHurt, tick, serialise, restore, results } from "./lib/session-state.js";
import { add } from "./lib/diary-store.js";
import { neededFiles, sessionData } from "./lib/session-data.js";
import { codeFromHash, decodeRoutine } from "./lib/routine-link.js";
import { el } from "./lib/dom.js";
import { t, plural, lang } from "./lib/i18n.js";

const SAVE = "lumbar-session";
const PREFS = "lumbar-session-prefs";


function storage() {
  try {
    const s = window.localStorage;
    s.getItem(SAVE);
    return s;
  } catch {
    return null;
  }
}

// The routine named by the address: #id=<routine-id> (the handbook's) or #r=<code> (the builder's).
function routineFromHash(data) {
  const params = new URLSearchParams(location.hash.slice(1));
  const id = params.get("id");
  if (id) {
    const r = data.routines[id];
    if (!r) return { problems: [t("There is no routine \"{id}\" in this handbook.", { id })] };
    return { key: `id:${id}`, title: r.title, url: r.url, stopRules: r.stop_rules, cautions: r.cautions, items: r.items.map(fromArticle) };
  }
  const code = codeFromHash(location.hash); // as the builder wrote it, not URL-decoded
  if (code) {
    const { routine, problems } = decodeRoutine(code);
    if (!routine) return { problems };
    const items = routine.items.map(fromBuilder).filter((n) => data.exercises[n.id]);
    if (!items.length) return { problems: [t("This routine has no exercise this handbook knows."), ...problems] };
    return { key: `r:${code}`, title: routine.title || t("Your routine"), url: null, stopRules: [], cautions: [], items, problems };
  }
  return { problems: [t("Choose a routine first: each routine's page has a \"Start this routine\" link.")] };
}

// A data file of the player (./lib/session-data.js): null when the site has no such file.
async function getJSON(url) {
  const response = await fetch(url);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

// On a first visit the service worker starts after the page fetched its data, so it did not see the files:
// it is asked to keep them, so the session opens offline next time (lumbar/web/js/sw.js).
function keepForOffline(files) {
  if (!files.length || !("serviceWorker" in navigator) || location.protocol === "file:") return;
  navigator.serviceWorker.ready
    .then((reg) => reg.active && reg.active.postMessage({ keep: files.map((f) => new URL(f, location.href).href) }))
    .catch(() => {});
}

async function main() {
  const root = document.getElementById("lh-session");
  const block = document.getElementById("lh-session-data");
  if (!root || !block) return;
  const source = JSON.parse(block.textContent);
  const seen = Boolean(navigator.serviceWorker && navigator.serviceWorker.controller);
  let data;
  try {
    data = await sessionData(source, location.hash, getJSON);
  } catch {
    root.replaceChildren(el("p", { class: "lh-session-problem", role: "alert", text: t("This routine could not be loaded: this device may be offline. Open it again once it is online; after that it also opens offline.") }));
    return;
  }
  if (!seen) keepForOffline(neededFiles(source, location.hash));
  const diaryLink = document.getElementById("lh-diary-link");
  const store = storage();
  const routine = routineFromHash(data);
  root.replaceChildren();
  if (!routine.items) {
    root.append(el("p", { class: "lh-session-problem", role: "alert", text: routine.problems.join(" ") }));
    return;
  }
  const steps = routineSteps(routine.items);
  const exercises = routine.items.map((n) => ({ n, ex: data.exercises[n.id] }));
  let prefs = { beep: true, speak: false, vibrate: true, motion: true };
  try { prefs = { ...prefs, ...JSON.parse(store?.getItem(PREFS) || "{}") }; } catch { /* defaults */ }
  let saved = null;
  try { saved = store ? JSON.parse(store.getItem(SAVE) || "null") : null; } catch { saved = null; }
  let state = saved && saved.key === routine.key ? restore(JSON.stringify(saved.state), routine.key, steps) : null;
  let painBefore = saved && state ? saved.painBefore ?? null : null;
  if (!state) state = create(routine.key, steps, Date.now());
  let audio = null;
  let wake = null;
  let last = null; // what the live region and the cues last announced
  const motions = new Map(); // an exercise page's address -> its moving drawing (a promise of an <svg> or null)

  const live = el("p", { class: "lh-live", "aria-live": "polite", "aria-atomic": "true" });
  const view = el("div", { class: "lh-session-view" });
  const notice = el("p", { class: "lh-session-notice", hidden: true });
  root.append(el("h2", { class: "lh-session-routine", text: routine.title }), view, notice, live);

  function persist() {
    if (!store) return;
    try {
      if (state.finished && !state.started) store.removeItem(SAVE);
      else store.setItem(SAVE, JSON.stringify({ key: routine.key, painBefore, state: JSON.parse(serialise(state)) }));
      store.setItem(PREFS, JSON.stringify(prefs));
    } catch { /* storage full or refused: the session still runs */ }
  }

  // A spoken cue, in the page's language.
  function speak(text) {
    const u = new SpeechSynthesisUtterance(text);
    u.lang = lang();
    speechSynthesis.speak(u);
  }

  function cue(text, kind) {
    if (prefs.beep && audio) {
      const o = audio.createOscillator();
      const g = audio.createGain();
      o.frequency.value = kind === "end" ? 660 : 880;
      g.gain.value = 0.15;
      o.connect(g).connect(audio.destination);
      o.start();
      o.stop(audio.currentTime + (kind === "end" ? 0.4 : 0.15));
    }
    if (prefs.speak && "speechSynthesis" in window) speak(text);
    if (prefs.vibrate && kind === "end" && navigator.vibrate) navigator.vibrate(200);
  }

  async function keepAwake() {
    if (!("wakeLock" in navigator)) {
      notice.hidden = false;
      notice.textContent = t("This browser cannot keep the screen on: it may dim during a long hold.");
      return;
    }
    try {
      wake = await navigator.wakeLock.request("screen");
      notice.hidden = true;
    } catch {
      notice.hidden = false;
      notice.textContent = t("The screen may dim: this browser did not let the page keep it on.");
    }
  }

  function unlockCues() {
    try {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      if (Ctx && !audio) audio = new Ctx();
      audio?.resume();
    } catch { audio = null; }
    // iOS speaks later only when the first utterance came from a tap.
    if (prefs.speak && "speechSynthesis" in window) speak("");
  }

  function act(fn) {
    const now = Date.now();
    state = tick(fn(state, steps, now), steps, now);
    persist();
    render(true);
  }

  function toggle(name, label) {
    const box = el("input", { type: "checkbox", id: `lh-pref-${name}`, checked: name === "auto" ? state.auto : prefs[name] });
    box.addEventListener("change", () => {
      if (name === "auto") act((s) => setAuto(s, box.checked));
      else { prefs[name] = box.checked; persist(); }
      if (name === "motion") view.querySelector(".lh-session-figure")?.classList.toggle("lh-no-motion", !box.checked);
    });
    return el("span", { class: "lh-pref" }, box, el("label", { for: `lh-pref-${name}`, text: label }));
  }

  function painSelect(id, value) {
    const sel = el("select", { id });
    sel.append(el("option", { value: "", text: t("not noted") }));
    for (let i = 0; i <= 10; i++) sel.append(el("option", { value: String(i), text: String(i), selected: value === i }));
    return sel;
  }

  function prefsBox() {
    return el("fieldset", { class: "lh-prefs" }, el("legend", { text: t("Cues (every cue is also shown as text)") }),
      toggle("beep", t("Beeps")), toggle("speak", t("Spoken cues")), toggle("vibrate", t("Vibration")),
      toggle("motion", t("Moving drawings")), toggle("auto", t("Move on by itself when a timer ends")));
  }

  function startScreen() {
    const pain = painSelect("lh-pain-before", painBefore);
    const go = el("button", { type: "button", class: "md-button md-button--primary lh-start", text: t("Start") });
    go.addEventListener("click", () => {
      painBefore = pain.value === "" ? null : Number(pain.value);
      unlockCues();
      keepAwake();
      act((s, st, now) => start(s, st, now));
      view.querySelector("h3")?.focus();
    });
    const list = el("ol", { class: "lh-session-plan" }, exercises.map(({ n, ex }) => el("li", { text: t("{exercise}: {dose}", { exercise: ex.title, dose: doseLine(n) }) })));
    view.replaceChildren(
      el("p", { text: plural(exercises.length, "{n} exercises, one at a time. Stop when an exercise hurts.") }), list,
      safetyBox(),
      el("p", {}, el("label", { for: "lh-pain-before", text: t("Your pain now, 0 (none) to 10 (worst):") + " " }), pain),
      prefsBox(), go);
  }

  function safetyBox() {
    const rules = [...routine.stopRules, ...routine.cautions];
    return el("div", { class: "admonition warning lh-session-safety" },
      el("p", { class: "admonition-title", text: t("When to stop") }),
      rules.length ? el("ul", {}, rules.map((r) => el("li", { text: r }))) : null,
      el("p", {}, el("a", { href: "#safety", text: t("Stop signs and red flags: when to get urgent help") })));
  }

  function button(text, fn, attrs = {}) {
    const b = el("button", { type: "button", class: "md-button", "data-act": fn.name, ...attrs, text });
    b.addEventListener("click", () => act(fn));
    return b;
  }

  function stepScreen() {
    const step = steps[state.cur.index];
    const { n, ex } = exercises[step.ex];
    const tm = timing(state, steps, Date.now());
    const label = stepLabel(step, ex.title);
    const counter = el("p", { class: "lh-counter", "aria-hidden": "true" });
    const status = el("p", { class: "lh-counter-words" });
    const controls = el("div", { class: "lh-session-controls" });
    const timed = tm.left !== null;
    if (step.kind === "reps") controls.append(button(t("+1 repetition"), countRep, { class: "md-button lh-rep" }));
    if (timed) {
      const running = tm.phase === "lead" || tm.phase === "run";
      controls.append(button(running ? t("Pause") : tm.phase === "paused" ? t("Resume") : step.kind === "reps" ? t("Start hold") : t("Start timer"), togglePause, { class: "md-button lh-pause", "aria-keyshortcuts": "Space" }));
      controls.append(button(t("+15 s"), extend), button(t("No timer"), untime));
    }
    controls.append(button(t("Back"), back, { disabled: state.cur.index === 0, "aria-keyshortcuts": "ArrowLeft" }),
      button(state.cur.index === steps.length - 1 ? t("Finish") : t("Next"), next, { class: "md-button md-button--primary lh-next", "aria-keyshortcuts": "ArrowRight" }),
      button(t("Skip: it hurts"), skipHurt, { class: "md-button lh-skip" }));
    const fig = el("div", { class: `lh-figures lh-session-figure${prefs.motion ? "" : " lh-no-motion"}` });
    if (ex.drawing) fig.innerHTML = ex.drawing; // our own build's SVG, not user input
    showMotion(fig, ex);
    const notes = [...n.notes.map((x) => el("li", { text: x })), ...n.editorial.map((x) => el("li", { class: "lh-editorial-inline" }, el("strong", { text: t("Editorial note:") + " " }), x))];
    view.replaceChildren(
      el("p", { class: "lh-session-progress", text: t("Exercise {n} of {count} · step {step} of {steps}", { n: step.ex + 1, count: exercises.length, step: state.cur.index + 1, steps: steps.length }) }),
      el("h3", { tabindex: "-1", text: step.kind === "rest" ? t("Rest: {exercise}", { exercise: ex.title }) : ex.title }),
      el("p", { class: "lh-session-step", text: label }),
      el("div", { class: "lh-session-body" }, fig, el("div", {},
        el("p", { class: "lh-session-dose" }, el("strong", { text: doseLine(n) })),
        el("p", { class: "lh-position", text: ex.position }),
        el("ol", {}, ex.steps.map((x) => el("li", { text: x }))),
        notes.length ? el("ul", { class: "lh-session-notes" }, notes) : null)),
      counter, status, controls, prefsBox(), safetyBox(),
      ex.url ? el("p", {}, el("a", { href: ex.url, text: t("{exercise}: the full page", { exercise: ex.title }) })) : null);
    updateCounter();
  }

  // The exercise's moving drawing, taken from its own page when it has one (the last panel: the start ghosted,
  // the body moving from start to end and back, figures.css shows the motion only where reduced motion is not
  // asked for, and the "Moving drawings" box stops it); the start drawing stays where the page cannot be
  // fetched (the offline copy, or offline and never opened).
  function showMotion(fig, ex) {
    if (!ex.url || location.protocol === "file:") return;
    const url = new URL(ex.url, location.href).href;
    if (!motions.has(url)) motions.set(url, fetch(url).then((r) => (r.ok ? r.text() : "")).then((html) => {
      const panels = new DOMParser().parseFromString(html, "text/html").querySelectorAll(".lh-figures .lh-figure-panel > svg");
      const last = panels[panels.length - 1];
      return last && last.querySelector(".lh-motion") ? last : null;
    }).catch(() => null));
    motions.get(url).then((svg) => {
      if (!svg || !fig.isConnected) return;
      if (svg.ownerDocument !== document) { // the first time: made this page's own
        const drawn = document.importNode(svg, true);
        const title = drawn.querySelector("title");
        drawn.removeAttribute("aria-labelledby"); // its title named the end position: it names the whole motion
        if (title) { title.removeAttribute("id"); title.textContent = ex.alt || ex.title; }
        motions.set(url, Promise.resolve(drawn));
        svg = drawn;
      }
      fig.replaceChildren(svg); // the same drawing when the step is drawn again: its motion goes on
    });
  }

  function counterText(step, tm) {
    if (tm.phase === "lead") return [String(tm.lead), t("Get ready: {n}", { n: tm.lead })];
    if (tm.phase === "run") return [String(tm.left), plural(tm.left, "{n} seconds left")];
    if (tm.phase === "paused") return [String(tm.left), plural(tm.left, "Paused, {n} seconds left")];
    if (tm.phase === "over") return ["✓", step.kind === "rest" ? t("Rest over: tap Next") : t("Time: tap Next")];
    if (step.kind === "reps") {
      const target = step.reps.text;
      const holdNote = tm.left !== null ? ", " + t("hold {n} s each", { n: tm.left }) : "";
      const counted = target === "1" ? 1 : Math.max(step.reps.high, 2);
      return [String(state.cur.reps), plural(counted, "{done} of {n} repetitions", { done: state.cur.reps, n: target }) + holdNote];
    }
    if (tm.left !== null) return [String(tm.left), plural(tm.left, "{n} seconds: tap Start timer")];
    return ["…", t("{what}: tap Next when done", { what: step.words || t("Untimed") })];
  }

  function updateCounter() {
    const step = steps[state.cur.index];
    const tm = timing(state, steps, Date.now());
    const [big, words] = counterText(step, tm);
    const c = view.querySelector(".lh-counter");
    const w = view.querySelector(".lh-counter-words");
    if (c && c.textContent !== big) c.textContent = big;
    if (w && w.textContent !== words) w.textContent = words;
    // Announce a new step or a change of phase, never every second.
    const ex = exercises[step.ex].ex;
    const phaseKey = `${state.cur.index}:${tm.phase}:${state.cur.reps}`;
    if (phaseKey !== last) {
      const first = last === null || !last.startsWith(`${state.cur.index}:`);
      const say = first ? t("{step}. {counter}", { step: stepLabel(step, ex.title), counter: words }) : tm.phase === "run" ? t("Go") : tm.phase === "over" ? words : tm.phase === "paused" ? t("Paused") : words;
      if (last !== null) cue(say, tm.phase === "over" ? "end" : "step");
      live.textContent = say;
      last = phaseKey;
    }
  }

  function endScreen() {
    const res = results(state, exercises.length);
    const selects = exercises.map(({ ex }, i) => {
      const sel = el("select", { id: `lh-result-${i}` });
      for (const [v, words] of [["done", t("done")], ["partly", t("partly")], ["skipped", t("skipped")]]) sel.append(el("option", { value: v, text: words, selected: res[i].result === v }));
      return el("li", {}, el("label", { for: `lh-result-${i}`, text: (res[i].hurt ? t("{exercise} (skipped: it hurt):", { exercise: ex.title }) : t("{exercise}:", { exercise: ex.title })) + " " }), sel);
    });
    const before = painSelect("lh-pain-before-end", painBefore);
    const after = painSelect("lh-pain-after", null);
    const note = el("textarea", { id: "lh-note", rows: "3" });
    const done = el("p", { class: "lh-saved", role: "status" });
    const saveBtn = el("button", { type: "button", class: "md-button md-button--primary lh-save", text: t("Save in my diary") });
    saveBtn.addEventListener("click", () => {
      const entry = {
        id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, date: new Date().toISOString(),
        routine: routine.key, title: routine.title,
        painBefore: before.value === "" ? null : Number(before.value), painAfter: after.value === "" ? null : Number(after.value),
        note: note.value, exercises: exercises.map(({ ex }, i) => ({ title: ex.title, result: view.querySelector(`#lh-result-${i}`).value, hurt: res[i].hurt })),
      };
      const ok = !!store && add(store, entry).ok; // add() returns { ok, reason } (lib/diary-store.js)
      done.replaceChildren(ok ? t("Saved on this device.") + " " : t("Not saved: this browser's storage is off, full, or holds a diary it cannot read.") + " ",
        diaryLink ? el("a", { href: diaryLink.getAttribute("href"), text: t("Open your diary") }) : "");
      if (ok) { saveBtn.disabled = true; store.removeItem(SAVE); }
    });
    view.replaceChildren(el("h3", { tabindex: "-1", text: t("Session done") }),
      el("p", { text: t("How did it go? Saved on this device only.") }),
      el("ul", { class: "lh-session-results" }, selects),
      el("p", {}, el("label", { for: "lh-pain-before-end", text: t("Pain before, 0 to 10:") + " " }), before),
      el("p", {}, el("label", { for: "lh-pain-after", text: t("Pain after, 0 to 10:") + " " }), after),
      el("p", {}, el("label", { for: "lh-note", text: t("Note:") + " " }), note), saveBtn, done);
    live.textContent = t("Session done.");
  }

  let screen = null;
  let shownPhase = null;
  function render(changed) {
    const want = !state.started ? "start" : state.finished ? "end" : `step:${state.cur.index}`;
    const phase = state.started && !state.finished ? timing(state, steps, Date.now()).phase : null;
    if (want !== screen || changed || phase !== shownPhase) {
      // A new step moves focus to its heading; a redraw of the same step keeps focus on the same control.
      const active = document.activeElement && view.contains(document.activeElement) ? document.activeElement.dataset.act : null;
      if (want === "start") startScreen();
      else if (want === "end") endScreen();
      else stepScreen();
      if (want !== screen && screen !== null) view.querySelector("h3")?.focus();
      else if (active) (view.querySelector(`[data-act="${active}"]:not([disabled])`) || view.querySelector("h3"))?.focus();
      screen = want;
      shownPhase = phase;
    } else if (state.started && !state.finished) updateCounter();
  }

  document.addEventListener("keydown", (e) => {
    if (!state.started || state.finished || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target.closest && e.target.closest("input, select, textarea, a, button") && e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    if (e.target.closest && e.target.closest("select, textarea, input")) return;
    if (e.key === " ") { e.preventDefault(); act(togglePause); }
    else if (e.key === "ArrowRight") { e.preventDefault(); act(next); }
    else if (e.key === "ArrowLeft") { e.preventDefault(); act(back); }
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && state.started && !state.finished) keepAwake();
  });
  window.addEventListener("hashchange", () => location.reload());

  state = tick(state, steps, Date.now());
  render(true);
  if (saved && state.started && !state.finished) live.textContent = t("Resumed where you were: {step}", { step: live.textContent });
  setInterval(() => {
    if (!state.started || state.finished) return;
    const before = serialise(state);
    state = tick(state, steps, Date.now());
    if (serialise(state) !== before) { persist(); render(true); } else render(false);
  }, 200);
  // Wake lock is released when the player is left.
  window.addEventListener("pagehide", () => wake?.release?.());
}

main();
