// The player's screens above its control bar: the plan before Start, one step, the settings, and what to do when
// it hurts (the routine's stop rules, the red flags, stop or skip).
import { el } from "./dom.js";
import { t, plural } from "./i18n.js";
import { doseLine, stepLabel, FEW_MS } from "./session-steps.js";
import { setAuto, setLengths, pause, resume, skipHurt, stopForPain } from "./session-state.js";
import { calendarBox } from "./session-calendar.js";

// Children in place of the old ones, those left out (null) skipped.
export function put(node, ...kids) {
  node.replaceChildren(...kids.flat().filter((k) => k !== null && k !== undefined));
}

export function painSelect(id, value) {
  const sel = el("select", { id });
  sel.append(el("option", { value: "", text: t("not noted") }));
  for (let i = 0; i <= 10; i++) sel.append(el("option", { value: String(i), text: String(i), selected: value === i }));
  return sel;
}

function toggle(app, name, label) {
  const box = el("input", { type: "checkbox", id: `lh-pref-${name}`, checked: name === "auto" ? app.state.auto : app.prefs[name] });
  box.addEventListener("change", () => {
    app.prefs[name] = box.checked;
    if (name === "auto") app.act((s) => setAuto(s, box.checked));
    else app.persist();
    if (name === "motion") app.view.querySelector(".lh-session-figure")?.classList.toggle("lh-no-motion", !box.checked);
  });
  return el("span", { class: "lh-pref" }, box, el("label", { for: `lh-pref-${name}`, text: label }));
}

// Seconds to choose from, the current one selected (WCAG 2.2.1: adjust).
function secondsSelect(app, id, ms, choices, key) {
  const sel = el("select", { id }, choices.map((n) => el("option", { value: String(n), text: String(n), selected: n * 1000 === ms })));
  sel.addEventListener("change", () => {
    app.prefs[key] = Number(sel.value);
    app.act((s, steps, now) => setLengths(s, steps, now, { [key === "relax" ? "relaxMs" : "fewMs"]: Number(sel.value) * 1000 }), { keep: id });
  });
  return sel;
}

export function prefsBox(app) {
  return el("details", { class: "lh-prefs" }, el("summary", { text: t("Settings: cues and timers") }),
    el("p", { class: "lh-prefs-note", text: t("Every cue is also shown as text.") }),
    toggle(app, "beep", t("Beeps")), toggle(app, "speak", t("Spoken cues")), toggle(app, "vibrate", t("Vibration")),
    toggle(app, "motion", t("Moving drawings")), toggle(app, "auto", t("Move on by itself when a timer ends")),
    el("p", {}, el("label", { for: "lh-pref-relax", text: t("Relax between two holds, in seconds:") + " " }),
      secondsSelect(app, "lh-pref-relax", app.state.relaxMs, [2, 3, 5, 8, 10, 15, 20, 30], "relax")));
}

// This routine's stop rules (its data's, and the page's "Stop when" lines marked for it), then the handbook's
// general stop signs (the page's lines for no one routine); a builder's routine has the general ones.
export function stopRules(app, cautions = false) {
  const mine = [];
  const general = [];
  const here = app.routine.url ? new URL(app.routine.url, location.href).href : null;
  for (const li of document.querySelectorAll(".lh-stop li")) {
    const applies = li.querySelector(".lh-applies");
    const copy = li.cloneNode(true);
    copy.querySelector(".lh-applies")?.remove();
    const text = copy.textContent.trim();
    if (!applies) general.push(text);
    else if (here && [...applies.querySelectorAll("a")].some((a) => a.href === here)) mine.push(text);
  }
  const own = [...app.routine.stopRules, ...app.routine.stopSigns, ...mine];
  return [...new Set([...own, ...general, ...(cautions ? app.routine.cautions : [])])];
}

function redFlagsLink() {
  const a = document.querySelector('.lh-stop a[href*="red-flags"]');
  return el("a", { href: a ? a.getAttribute("href") : "#safety", text: t("Stop signs and red flags: when to get urgent help") });
}

export function safetyBox(app) {
  const rules = stopRules(app, true);
  return el("div", { class: "admonition warning lh-session-safety" },
    el("p", { class: "admonition-title", text: t("When to stop") }),
    rules.length ? el("ul", {}, rules.map((r) => el("li", { text: r }))) : null,
    el("p", {}, redFlagsLink()));
}

export function startScreen(app, onStart) {
  const pain = painSelect("lh-pain-before", app.painBefore);
  const go = el("button", { type: "button", class: "md-button md-button--primary lh-start", text: t("Start") });
  go.addEventListener("click", () => onStart(pain.value === "" ? null : Number(pain.value)));
  const list = el("ol", { class: "lh-session-plan" }, app.exercises.map(({ n, ex }) => el("li", { text: t("{exercise}: {dose}", { exercise: ex.title, dose: doseLine(n) }) })));
  put(app.view, 
    el("p", { text: plural(app.exercises.length, "{n} exercises, one at a time. Stop when an exercise hurts.") }),
    el("p", {}, el("label", { for: "lh-pain-before", text: t("Your pain now, 0 (none) to 10 (worst):") + " " }), pain),
    go, list, safetyBox(app), prefsBox(app), calendarBox(app.routine, app.minutes));
}

// One step: its name once, the set and side, the drawing, the dose and the steps; the settings and the stop
// rules below. The count and the buttons are in the bar (./session-player.js).
export function stepScreen(app, showMotion) {
  const s = app.state;
  const step = app.steps[s.cur.index];
  const { n, ex } = app.exercises[step.ex];
  const fig = el("div", { class: `lh-figures lh-session-figure${app.prefs.motion ? "" : " lh-no-motion"}` });
  if (ex.drawing) fig.innerHTML = ex.drawing; // our own build's SVG, not user input
  showMotion(fig, ex);
  const notes = [...n.notes.map((x) => el("li", { text: x })), ...n.editorial.map((x) => el("li", { class: "lh-editorial-inline" }, el("strong", { text: t("Editorial note:") + " " }), x))];
  const label = stepLabel(step, "");
  const lengths = [];
  if (step.few) {
    lengths.push(el("p", { class: "lh-session-few" },
      el("label", { for: "lh-pref-few", text: t("Hold, in seconds:") + " " }),
      secondsSelect(app, "lh-pref-few", s.fewMs || FEW_MS, [2, 3, 4, 5, 6, 8, 10, 15], "few"), " ",
      el("span", { text: t("The article says \"a few seconds\"; {n} s is the handbook's own choice. Change it to suit you.", { n: FEW_MS / 1000 }) })));
  }
  if (step.kind === "reps" && step.holdMs && !s.cur.untimed) {
    lengths.push(el("p", { class: "lh-session-relax", text: t("Each hold is followed by {n} s to relax (Settings).", { n: s.relaxMs / 1000 }) }));
  }
  put(app.view, 
    el("p", { class: "lh-session-progress", text: t("Exercise {n} of {count} · step {step} of {steps}", { n: step.ex + 1, count: app.exercises.length, step: s.cur.index + 1, steps: app.steps.length }) }),
    el("h3", { tabindex: "-1", text: step.kind === "rest" ? t("Rest: {exercise}", { exercise: ex.title }) : ex.title }),
    label ? el("p", { class: "lh-session-step", text: label }) : null,
    el("div", { class: "lh-session-body" }, fig, el("div", { class: "lh-session-key" },
      el("p", { class: "lh-session-dose" }, el("strong", { text: doseLine(n) })),
      ...lengths,
      el("p", { class: "lh-position", text: ex.position }))),
    el("ol", { class: "lh-session-steps" }, ex.steps.map((x) => el("li", { text: x }))),
    notes.length ? el("ul", { class: "lh-session-notes" }, notes) : null,
    ex.url ? el("p", {}, el("a", { href: ex.url, text: t("{exercise}: the full page", { exercise: ex.title }) })) : null,
    prefsBox(app), safetyBox(app));
}

// "It hurts": the timer paused, the stop rules and red flags shown, and a choice: stop the session (saved as
// stopped for pain), skip this exercise, or carry on.
export function hurtDialog(app, returnTo) {
  const wasRunning = app.state.cur.timer && app.state.cur.timer.at !== null;
  app.act((s, steps, at) => pause(s, steps, at), { quiet: true });
  const rules = stopRules(app);
  const dialog = el("dialog", { class: "lh-hurt md-typeset", "aria-labelledby": "lh-hurt-title" });
  const close = (fn) => {
    dialog.close();
    dialog.remove();
    if (fn) app.act(fn);
    else if (wasRunning) app.act((s, steps, at) => resume(s, steps, at));
    returnTo?.focus();
  };
  const stop = el("button", { type: "button", class: "md-button md-button--primary lh-hurt-stop", text: t("Stop the session") });
  const skip = el("button", { type: "button", class: "md-button lh-hurt-skip", text: t("Skip this one") });
  const carry = el("button", { type: "button", class: "md-button lh-hurt-carry", text: wasRunning ? t("Carry on") : t("Close") });
  stop.addEventListener("click", () => close(stopForPain));
  skip.addEventListener("click", () => close(skipHurt));
  carry.addEventListener("click", () => close(null));
  dialog.addEventListener("cancel", (e) => { e.preventDefault(); close(null); });
  put(dialog, 
    el("h3", { id: "lh-hurt-title", text: t("It hurts") }),
    el("p", { text: t("The timer is paused. Do not work through pain.") }),
    rules.length ? el("ul", {}, rules.map((r) => el("li", { text: r }))) : null,
    el("p", {}, redFlagsLink()),
    el("div", { class: "lh-session-controls" }, stop, skip, carry));
  document.body.append(dialog);
  dialog.showModal();
  stop.focus();
}
