// The end of a session: how it went, saved in the diary (./diary-store.js). A save that fails keeps everything on
// screen with the reason, a Retry and "Download this session" (a diary file the diary page can import).
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { results } from "./session-state.js";
import { add } from "./diary-store.js";
import { VERSION } from "./diary-format.js";
import { painSelect, put } from "./session-screens.js";
import { download } from "./session-calendar.js";
import { calendarBox } from "./session-calendar.js";

// What add() answered, whichever way it answers: true / undefined / { ok: true } saved; false, { ok: false,
// reason } or a throw not saved, with the reason in the page's language.
export function outcome(call) {
  let r;
  try {
    r = call();
  } catch (err) {
    return { ok: false, reason: err && err.name === "QuotaExceededError" ? t("This browser's storage is full.") : "" };
  }
  if (r === undefined || r === true || (r && r.ok === true)) return { ok: true };
  return { ok: false, reason: r && typeof r.reason === "string" ? r.reason : "" };
}

export function endScreen(app, { again, store }) {
  const res = results(app.state, app.exercises.length);
  const stopped = app.state.stopped === "pain";
  const selects = app.exercises.map(({ ex }, i) => {
    const sel = el("select", { id: `lh-result-${i}` });
    for (const [v, words] of [["done", t("done")], ["partly", t("partly")], ["skipped", t("skipped")]]) sel.append(el("option", { value: v, text: words, selected: res[i].result === v }));
    return el("li", {}, el("label", { for: `lh-result-${i}`, text: (res[i].hurt ? t("{exercise} (skipped: it hurt):", { exercise: ex.title }) : t("{exercise}:", { exercise: ex.title })) + " " }), sel);
  });
  const before = painSelect("lh-pain-before-end", app.painBefore);
  const after = painSelect("lh-pain-after", null);
  const note = el("textarea", { id: "lh-note", rows: "3" });
  const done = el("div", { class: "lh-saved", role: "status" });
  const saveBtn = el("button", { type: "button", class: "md-button md-button--primary lh-save", text: t("Save in my diary") });
  const entry = () => {
    const e = {
      id: app.entryId, date: app.endedAt, routine: app.routine.key, title: app.routine.title,
      painBefore: before.value === "" ? null : Number(before.value), painAfter: after.value === "" ? null : Number(after.value),
      note: note.value, exercises: app.exercises.map(({ ex }, i) => ({ title: ex.title, result: app.view.querySelector(`#lh-result-${i}`).value, hurt: res[i].hurt })),
    };
    if (stopped) e.stopped = "pain";
    return e;
  };
  const afterwards = () => {
    const again1 = el("button", { type: "button", class: "md-button lh-again", text: t("Do it again") });
    again1.addEventListener("click", again);
    const back = app.routine.url ? el("a", { class: "md-button", href: app.routine.url, text: t("Back to the routine") })
      : app.routine.code ? el("a", { class: "md-button", href: `../builder/#r=${app.routine.code}`, text: t("Back to the routine") }) : null;
    return el("p", { class: "lh-session-controls" }, again1, back);
  };
  saveBtn.addEventListener("click", () => {
    const e = entry();
    const r = store ? outcome(() => add(store, e)) : { ok: false, reason: t("This browser's storage is off.") };
    const diary = app.diaryHref ? el("a", { href: app.diaryHref, text: t("Open your diary") }) : "";
    if (r.ok) {
      saveBtn.hidden = true;
      app.saved();
      done.replaceChildren(el("p", {}, t("Saved on this device.") + " ", diary), afterwards());
      done.querySelector(".lh-again").focus();
      return;
    }
    saveBtn.textContent = t("Retry");
    const get = el("button", { type: "button", class: "md-button lh-download", text: t("Download this session") });
    // "Do it again" and "Back to the routine" would throw the unsaved answers away: offered once they are downloaded.
    get.addEventListener("click", () => {
      download("lumbar-session.json", "application/json",
        JSON.stringify({ format: "lumbar-diary", version: VERSION, entries: [e] }, null, 2));
      if (!done.querySelector(".lh-again")) done.append(afterwards());
    });
    done.replaceChildren(el("p", { role: "alert", class: "lh-session-problem" },
      t("Not saved: this browser's storage is off, full, or holds a diary it cannot read.") + (r.reason ? " " + r.reason : "")),
    el("p", { text: t("Your answers are still here: try again, or download this session and import it on the diary page later.") }),
    el("p", { class: "lh-session-controls" }, get));
  });
  put(app.view, el("h3", { tabindex: "-1", text: stopped ? t("Session stopped: it hurt") : t("Session done") }),
    stopped ? el("p", { class: "lh-session-problem", text: t("If the pain does not ease, or comes with any of the red flags, get help.") }) : null,
    el("p", { text: t("How did it go? Saved on this device only.") }),
    el("ul", { class: "lh-session-results" }, selects),
    el("p", {}, el("label", { for: "lh-pain-before-end", text: t("Pain before, 0 to 10:") + " " }), before),
    el("p", {}, el("label", { for: "lh-pain-after", text: t("Pain after, 0 to 10:") + " " }), after),
    el("p", {}, el("label", { for: "lh-note", text: t("Note:") + " " }), note), saveBtn, done,
    calendarBox(app.routine, app.minutes));
}
