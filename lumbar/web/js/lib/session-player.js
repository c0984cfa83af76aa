// The player's control bar: the count or countdown, Pause, Next (+1 for counted repetitions), Back, "It hurts",
// +15 s and No timer. Built once and updated in place, so focus stays on the button the person used; fixed to
// the bottom of the screen while a step runs (session.css), so it is always on the first screen.
import { el } from "./dom.js";
import { t, plural } from "./i18n.js";
import { clock } from "./session-steps.js";
import { timing, togglePause, countRep, next, back, extend, untime } from "./session-state.js";

// [label, big number, words]: the big number keeps one meaning per step: seconds for a timed step (get ready,
// hold, relax), repetitions for counted ones, time so far for an untimed one.
export function counterText(app, step, tm, now) {
  const s = app.state;
  const holds = step.kind === "reps" && step.holdMs && !s.cur.untimed;
  const of = (done) => plural(step.reps.text === "1" ? 1 : Math.max(step.reps.high, 2), "{done} of {n} repetitions", { done, n: step.reps.text });
  if (holds) {
    const rep = t("repetition {n} of {count}", { n: Math.min(tm.rep, step.reps.low), count: step.reps.low }); // the timer runs the lower figure
    if (tm.phase === "idle") return [t("Hold"), clock(tm.left), t("{n} s holds: tap Start", { n: tm.left })];
    if (tm.phase === "lead") return [t("Get ready"), clock(tm.lead), t("Get ready: {n}", { n: tm.lead }) + " · " + rep];
    if (tm.phase === "over") return [t("Over"), clock(0), of(tm.done) + (s.auto ? "" : " · " + t("tap Next"))];
    const what = tm.sub === "relax" ? t("Relax") : t("Hold");
    const paused = tm.phase === "paused" ? t("Paused") + " · " : "";
    return [what, clock(tm.left), [paused + what, plural(tm.left, "{n} seconds left"), tm.sub === "relax" ? of(tm.done) : rep].join(" · ")];
  }
  if (tm.phase === "lead") return [t("Get ready"), clock(tm.lead), t("Get ready: {n}", { n: tm.lead })];
  if (tm.phase === "run") return [t("Time left"), clock(tm.left), plural(tm.left, "{n} seconds left")];
  if (tm.phase === "paused") return [t("Paused"), clock(tm.left), plural(tm.left, "Paused, {n} seconds left")];
  if (tm.phase === "over") return [t("Over"), clock(0), step.kind === "rest" ? t("Rest over: tap Next") : t("Time: tap Next")];
  if (step.kind === "reps") return [t("Repetitions"), String(s.cur.reps), of(s.cur.reps)];
  if (tm.left !== null) return [t("Time left"), clock(tm.left), plural(tm.left, "{n} seconds: tap Start timer")];
  const so = Math.floor(Math.max(0, now - s.at) / 1000);
  return [t("Time so far"), clock(so), t("{what}: tap Next when done", { what: step.words || t("Untimed") })];
}

export function makeBar(app) {
  const label = el("p", { class: "lh-counter-label", "aria-hidden": "true" });
  const big = el("p", { class: "lh-counter", "aria-hidden": "true" });
  const words = el("p", { class: "lh-counter-words" });
  const b = (cls, fn, attrs = {}) => {
    const x = el("button", { type: "button", class: `md-button ${cls}`, "data-act": cls, ...attrs });
    if (fn) x.addEventListener("click", () => app.act(fn));
    return x;
  };
  const backB = b("lh-back", back, { "aria-keyshortcuts": "ArrowLeft", text: t("Back") });
  const pauseB = b("lh-pause", togglePause, { "aria-keyshortcuts": "Space" });
  const repB = b("lh-rep", countRep, { text: t("+1 repetition") });
  const nextB = b("md-button--primary lh-next", next, { "aria-keyshortcuts": "ArrowRight" });
  const hurtB = b("lh-hurt", null, { text: t("It hurts") });
  hurtB.addEventListener("click", () => app.hurt());
  const moreB = b("lh-extend", extend, { text: t("+15 s") });
  const offB = b("lh-untime", untime, { text: t("No timer") });
  const bar = el("div", { class: "lh-player-bar", role: "group", "aria-label": t("Session controls") },
    el("div", { class: "lh-player-count" }, label, big, words),
    el("div", { class: "lh-session-controls" }, backB, pauseB, repB, nextB),
    el("div", { class: "lh-session-controls lh-session-more" }, hurtB, moreB, offB));

  function show(node, on) {
    if (!on && document.activeElement === node) nextB.focus(); // focus never falls to the page's top
    node.hidden = !on;
  }

  function update(now) {
    const s = app.state;
    const step = app.steps[s.cur.index];
    const tm = timing(s, app.steps, now);
    const [l, n, w] = counterText(app, step, tm, now);
    if (label.textContent !== l) label.textContent = l;
    if (big.textContent !== n) big.textContent = n;
    if (words.textContent !== w) words.textContent = w;
    const timed = tm.left !== null;
    const holds = step.kind === "reps" && timed;
    const running = tm.phase === "lead" || tm.phase === "run";
    const pauseText = running ? t("Pause") : tm.phase === "paused" ? t("Resume") : tm.phase === "over" ? t("Again") : holds ? t("Start") : t("Start timer");
    if (pauseB.textContent !== pauseText) pauseB.textContent = pauseText;
    show(pauseB, timed);
    show(repB, step.kind === "reps" && !timed);
    show(moreB, timed && !holds);
    show(offB, timed);
    backB.disabled = s.cur.index === 0;
    const nextText = s.cur.index === app.steps.length - 1 ? t("Finish") : t("Next");
    if (nextB.textContent !== nextText) nextB.textContent = nextText;
    return { tm, words: w };
  }
  return { bar, update, hurtB };
}
