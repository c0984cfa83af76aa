// The guided session player (docs/session.md): one exercise at a time, timed from timestamps, resumable.
// The screens are in ./lib/session-screens.js, the control bar in ./lib/session-player.js, the end and the
// diary in ./lib/session-end.js.
import { routineSteps, stepLabel } from "./lib/session-steps.js";
import { create, start, timing, tick, serialise, restore } from "./lib/session-state.js";
import { neededFiles, sessionData, routineFromHash, own } from "./lib/session-data.js";
import { makeCues } from "./lib/session-cues.js";
import { makeBar } from "./lib/session-player.js";
import { startScreen, stepScreen, hurtDialog, put } from "./lib/session-screens.js";
import { endScreen } from "./lib/session-end.js";
import { el } from "./lib/dom.js";
import { t } from "./lib/i18n.js";

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

// The exercise's moving drawing, taken from its own page when it has one (its last panel); the start drawing
// stays where the page cannot be fetched (the offline copy, or offline and never opened).
const motions = new Map(); // an exercise page's address -> a promise of its moving <svg> or null
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

function problem(root, text) {
  root.replaceChildren(el("p", { class: "lh-session-problem", role: "alert", text }));
}

async function main() {
  const root = document.getElementById("lh-session");
  const block = document.getElementById("lh-session-data");
  if (!root || !block) return;
  let source;
  try { source = JSON.parse(block.textContent); } catch { source = null; }
  const seen = Boolean(navigator.serviceWorker && navigator.serviceWorker.controller);
  let data;
  try {
    data = await sessionData(source, location.hash, getJSON);
  } catch {
    problem(root, t("This routine could not be loaded: this device may be offline. Open it again once it is online; after that it also opens offline."));
    return;
  }
  if (!seen) keepForOffline(neededFiles(source, location.hash));
  const routine = routineFromHash(data, location.hash);
  root.replaceChildren();
  const changed = routine.problems.length ? el("div", { class: "admonition warning lh-session-changes", role: routine.items ? "status" : "alert" },
    el("p", { class: "admonition-title", text: routine.items ? t("This link was changed to open here") : t("This link cannot be opened") }),
    el("ul", {}, routine.problems.map((p) => el("li", { text: p })))) : null;
  if (!routine.items) {
    put(root, el("p", { class: "lh-session-problem", text: routine.problems[0] }), changed);
    return;
  }
  const store = storage();
  const exercises = routine.items.map((n) => ({ n, ex: own(data.exercises, n.id) }));
  const steps = routineSteps(routine.items, exercises.map(({ ex }) => ex.position));
  const prefs = { beep: true, speak: false, vibrate: true, motion: true, auto: true, relax: 5, few: null };
  try { Object.assign(prefs, JSON.parse(store?.getItem(PREFS) || "{}")); } catch { /* defaults */ }
  const opts = () => ({ auto: prefs.auto !== false, relaxMs: prefs.relax * 1000 || undefined, fewMs: prefs.few ? prefs.few * 1000 : undefined });
  let saved = null;
  try { saved = store ? JSON.parse(store.getItem(SAVE) || "null") : null; } catch { saved = null; }
  const resumed = saved && saved.key === routine.key ? restore(JSON.stringify(saved.state), routine.key, steps) : null;
  const live = el("p", { class: "lh-live", "aria-live": "polite", "aria-atomic": "true" });
  const view = el("div", { class: "lh-session-view" });
  const notice = el("p", { class: "lh-session-notice", hidden: true });
  const app = {
    routine, steps, exercises, prefs, view, live,
    state: resumed || create(routine.key, steps, Date.now(), opts()),
    painBefore: resumed ? saved.painBefore ?? null : null,
    diaryHref: document.getElementById("lh-diary-link")?.getAttribute("href") || null,
    // About how long the session takes, for the calendar: its timed parts, and a minute for each untimed one.
    minutes: Math.round(steps.reduce((m, s) => m + (s.ms || (s.holdMs ? (s.holdMs + 5000) * s.reps.low : 60000)), 0) / 60000),
  };
  const cues = makeCues(prefs, notice);
  const { bar, update, hurtB } = makeBar(app);
  put(root, el("h2", { class: "lh-session-routine", text: routine.title }), changed, view, notice, bar, live);
  // The page keeps room below for the bar, so its last lines are never under it.
  if ("ResizeObserver" in window) new ResizeObserver(() => document.body.style.setProperty("--lh-bar", `${bar.offsetHeight}px`)).observe(bar);
  let last = null; // what the live region and the cues last announced

  function persist() {
    if (!store) return;
    try {
      if (app.state.finished && !app.state.started) store.removeItem(SAVE);
      else store.setItem(SAVE, JSON.stringify({ key: routine.key, painBefore: app.painBefore, state: JSON.parse(serialise(app.state)) }));
      store.setItem(PREFS, JSON.stringify(prefs));
    } catch { /* storage full or refused: the session still runs */ }
  }
  // Every change goes through here: the new state saved, the screen drawn, focus kept on the control used
  // (a select of the step screen, by its id; the bar's buttons are never redrawn).
  function act(fn, how = {}) {
    const now = Date.now();
    app.state = tick(fn(app.state, steps, now), steps, now);
    persist();
    if (!how.quiet) render();
    if (how.keep) document.getElementById(how.keep)?.focus();
  }
  Object.assign(app, { act, persist, hurt: () => hurtDialog(app, hurtB), saved: () => store?.removeItem(SAVE) });

  // Announce a new step or a change of phase (hold, relax, over), never every second.
  function announce(now, tm, words) {
    const step = steps[app.state.cur.index];
    const key = `${app.state.cur.index}:${tm.phase}:${tm.sub}:${tm.rep}`;
    if (key === last) return;
    const first = last === null || !last.startsWith(`${app.state.cur.index}:`);
    const title = step.kind === "rest" ? "" : exercises[step.ex].ex.title;
    const say = first ? t("{step}. {counter}", { step: stepLabel(step, title), counter: words })
      : tm.phase === "run" ? (tm.sub === "relax" ? t("Relax") : tm.sub === "hold" ? t("Hold") : t("Go"))
        : tm.phase === "paused" ? t("Paused") : words;
    if (last !== null) cues.cue(say, tm.phase === "over" ? "end" : "step");
    live.textContent = say;
    last = key;
  }

  let screen = null;
  function render() {
    const s = app.state;
    const want = !s.started ? "start" : s.finished ? "end" : `step:${s.cur.index}`;
    document.body.classList.toggle("lh-session-running", s.started && !s.finished);
    bar.hidden = !s.started || s.finished;
    if (want !== screen) {
      const focusInBar = bar.contains(document.activeElement);
      const focusInView = view.contains(document.activeElement);
      if (want === "start") startScreen(app, begin);
      else if (want === "end") {
        app.entryId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
        app.endedAt = new Date().toISOString();
        endScreen(app, { again, store });
        view.querySelector("h3").focus();
        live.textContent = s.stopped ? t("Session stopped: it hurt") : t("Session done.");
      } else stepScreen(app, showMotion);
      // From Start, or when the step changed under a control of the old step: focus goes to the bar.
      if (want.startsWith("step") && !focusInBar && (screen === "start" || focusInView)) bar.querySelector(".lh-pause:not([hidden]), .lh-next")?.focus();
      screen = want;
    }
    if (s.started && !s.finished) {
      const now = Date.now();
      const { tm, words } = update(now);
      announce(now, tm, words);
    }
  }

  function begin(pain) {
    app.painBefore = pain;
    cues.unlock();
    cues.keepAwake();
    act((s, st, now) => start(s, st, now));
  }
  function again() {
    store?.removeItem(SAVE);
    app.state = create(routine.key, steps, Date.now(), opts());
    last = null;
    screen = null;
    render();
    view.querySelector(".lh-start")?.focus();
  }

  document.addEventListener("keydown", (e) => {
    const s = app.state;
    if (!s.started || s.finished || e.altKey || e.ctrlKey || e.metaKey || document.querySelector("dialog[open]")) return;
    const target = e.target.closest ? e.target : null;
    if (target && target.closest("select, textarea, input, summary")) return;
    if (target && target.closest("a, button") && e.key === " ") return; // Space presses the focused button
    const bar0 = { " ": ".lh-pause", ArrowRight: ".lh-next", ArrowLeft: ".lh-back" }[e.key];
    const b = bar0 && bar.querySelector(`${bar0}:not([hidden]):not([disabled])`);
    if (b) { e.preventDefault(); b.click(); }
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && app.state.started && !app.state.finished) cues.keepAwake();
  });
  window.addEventListener("hashchange", () => location.reload());

  app.state = tick(app.state, steps, Date.now());
  render();
  if (resumed && app.state.started && !app.state.finished) live.textContent = t("Resumed where you were: {step}", { step: live.textContent });
  setInterval(() => {
    if (!app.state.started || app.state.finished) return;
    const before = serialise(app.state);
    app.state = tick(app.state, steps, Date.now());
    if (serialise(app.state) !== before) persist();
    render();
  }, 200);
  // Wake lock is released when the player is left.
  window.addEventListener("pagehide", () => cues.release());
}

main();
