// "Add to my calendar": the reader picks how often, which days, a time and an alert; the page writes an .ics
// file (./session-ics.js) with a link back to this session, and the browser downloads it. Nothing is sent.
import { el } from "./dom.js";
import { t, formatDate } from "./i18n.js";
import { DAYS, calendarFile } from "./session-ics.js";

export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// routine: { title, key }; minutes: about how long the session takes.
export function calendarBox(routine, minutes) {
  const every = el("input", { type: "radio", name: "lh-cal-often", id: "lh-cal-daily", value: "daily", checked: true });
  const some = el("input", { type: "radio", name: "lh-cal-often", id: "lh-cal-days", value: "days" });
  const days = DAYS.map((code, i) => {
    const box = el("input", { type: "checkbox", id: `lh-cal-${code}`, value: code, checked: i % 2 === 0 && i < 6 });
    const name = formatDate(new Date(2024, 0, 1 + i), { weekday: "long" }); // 1 January 2024 was a Monday
    return el("span", { class: "lh-pref" }, box, el("label", { for: `lh-cal-${code}`, text: name }));
  });
  const dayBox = el("fieldset", { class: "lh-cal-days" }, el("legend", { text: t("Which days") }), days);
  const time = el("input", { type: "time", id: "lh-cal-time", value: "18:00", required: true });
  const alert = el("select", { id: "lh-cal-alert" },
    [[null, t("No alert")], [0, t("At the time")], [10, t("10 minutes before")], [30, t("30 minutes before")]]
      .map(([v, text]) => el("option", { value: v === null ? "" : String(v), text, selected: v === 10 })));
  const status = el("p", { class: "lh-cal-status", role: "status" });
  const go = el("button", { type: "button", class: "md-button lh-cal-go", text: t("Download the calendar file") });
  const sync = () => { dayBox.disabled = !some.checked; };
  every.addEventListener("change", sync);
  some.addEventListener("change", sync);
  sync();
  go.addEventListener("click", () => {
    const chosen = some.checked ? DAYS.filter((c) => document.getElementById(`lh-cal-${c}`).checked) : [];
    if (some.checked && !chosen.length) { status.textContent = t("Choose at least one day."); return; }
    const url = location.href.split("#")[0] + "#" + (routine.key.startsWith("id:") ? `id=${routine.key.slice(3)}` : `r=${routine.key.slice(2)}`);
    const text = calendarFile({
      title: routine.title, url, description: t("Time for your back exercises. Open the guided session:"),
      time: time.value, days: chosen, minutes, alert: alert.value === "" ? null : Number(alert.value),
      now: new Date(), uid: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}@lumbar-handbook`,
    });
    download("lumbar-session.ics", "text/calendar;charset=utf-8", text);
    status.textContent = t("Downloaded: open the file to add the reminder to your calendar app.");
  });
  return el("details", { class: "lh-calendar" }, el("summary", { text: t("Add to my calendar") }),
    el("p", { text: t("A reminder in your own calendar app, with a link back to this session. The file is made on this device; nothing is sent.") }),
    el("fieldset", {}, el("legend", { text: t("How often") }),
      el("span", { class: "lh-pref" }, every, el("label", { for: "lh-cal-daily", text: t("Every day") })),
      el("span", { class: "lh-pref" }, some, el("label", { for: "lh-cal-days", text: t("On these days") }))),
    dayBox,
    el("p", {}, el("label", { for: "lh-cal-time", text: t("Time:") + " " }), time),
    el("p", {}, el("label", { for: "lh-cal-alert", text: t("Alert:") + " " }), alert),
    go, status);
}
