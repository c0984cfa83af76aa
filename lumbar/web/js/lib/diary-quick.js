// The diary's quick entry, for a day without a guided session: the day's pain, whether the routine was done
// from its printed sheet (and which), a note. Saved as { kind: "quick", ... } (./diary-format.js).
import { el } from "./dom.js";
import { t } from "./i18n.js";

// The handbook's routines, { id: title } in the page's language, from the page (docs/diary.md).
function routines() {
  try {
    const node = document.getElementById("lh-diary-routines");
    const got = node ? JSON.parse(node.textContent || "{}") : {};
    return got && typeof got === "object" && !Array.isArray(got) ? got : {};
  } catch {
    return {};
  }
}

function newId() {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

// add(store, entry) -> { ok, reason }; done(message) redraws the page after a save.
export function quickForm(store, add, done) {
  const said = el("p", { class: "lh-diary-quick-said", role: "status" });
  const pain = el("select", { id: "lh-quick-pain" }, el("option", { value: "", text: t("not noted") }),
    Array.from({ length: 11 }, (_, i) => el("option", { value: String(i), text: String(i) })));
  const radio = (value, text) => el("label", { class: "lh-pref" }, el("input", { type: "radio", name: "lh-quick-paper", value, checked: value === "" }), " " + text);
  const paper = el("fieldset", { class: "lh-diary-paper" }, el("legend", { text: t("Did you do your routine from its printed sheet today?") }),
    radio("yes", t("Yes")), radio("no", t("No")), radio("", t("Not noted")));
  const list = routines();
  const which = el("select", { id: "lh-quick-routine" }, el("option", { value: "", text: t("(not said)") }),
    Object.entries(list).sort((a, b) => a[1].localeCompare(b[1])).map(([id, title]) => el("option", { value: id, text: title })));
  const note = el("textarea", { id: "lh-quick-note", rows: "2" });
  const save = el("button", { type: "submit", class: "md-button md-button--primary lh-quick-save", text: t("Add to my diary") });
  const form = el("form", { class: "lh-diary-quick", "aria-labelledby": "lh-quick-title" },
    el("h2", { id: "lh-quick-title", text: t("Today, without a session") }),
    el("p", {}, el("label", { for: "lh-quick-pain", text: t("Your pain today, 0 (none) to 10 (worst):") + " " }), pain),
    paper,
    el("p", {}, el("label", { for: "lh-quick-routine", text: t("Which routine (optional):") + " " }), which),
    el("p", {}, el("label", { for: "lh-quick-note", text: t("Note:") + " " }), note),
    save, said);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const chosen = form.querySelector("input[name=lh-quick-paper]:checked");
    const on = chosen ? chosen.value : "";
    const entry = { kind: "quick", id: newId(), date: new Date().toISOString(), routine: which.value, title: which.value ? list[which.value] : "",
      pain: pain.value === "" ? null : Number(pain.value), paper: on === "yes" ? true : on === "no" ? false : null, note: note.value.trim() };
    if (entry.pain === null && entry.paper === null && !entry.note) {
      said.textContent = t("Choose your pain, say whether you did the routine, or write a note first.");
      pain.focus();
      return;
    }
    const r = add(store, entry);
    if (r.ok) done(t("Added to your diary."));
    else said.textContent = t("Not saved: {reason} What you wrote is still here: export your diary or delete old entries, then try again.", { reason: r.reason });
  });
  return form;
}
