// The diary page (docs/diary.md): the actions at the top (print, export, import, delete), a quick entry for a
// day without a session, charts with the same figures as tables, the entries (the latest first, a page at a
// time), and delete after one confirmation: only what the page showed.
import { KEY, load, add, remove, importText } from "./lib/diary-store.js";
import { serialise, perWeek, sortEntries } from "./lib/diary-format.js";
import { toCSV } from "./lib/diary-csv.js";
import { painChart, weekChart, table, painRow, PAIN_HEAD, entryItem, day } from "./lib/diary-view.js";
import { quickForm } from "./lib/diary-quick.js";
import { el } from "./lib/dom.js";
import { t, plural, formatNumber } from "./lib/i18n.js";

const PAGE = 30; // entries shown at first, and added by each "Show more"
const CHART = 60; // the pain chart's latest entries
const WEEKS = 12; // the weeks' chart

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function btn(text, fn, cls = "md-button") {
  const b = el("button", { type: "button", class: cls, text });
  b.addEventListener("click", fn);
  return b;
}

// The latest `shown` of `all` (newest first) and a "Show more" button that shows PAGE more.
function paged(all, shown, draw, more) {
  const latest = all.slice(Math.max(0, all.length - shown)).reverse();
  const rest = all.length - latest.length;
  const note = rest > 0 ? el("p", { class: "lh-diary-more" }, t("The latest {shown} of {total}.", { shown: formatNumber(latest.length), total: formatNumber(all.length) }) + " ",
    btn(plural(Math.min(PAGE, rest), { one: "Show {n} more", other: "Show {n} more" }), more, "md-button lh-diary-show-more")) : null;
  return draw(latest, note);
}

function main() {
  const root = document.getElementById("lh-diary");
  if (!root) return;
  let store;
  try {
    store = window.localStorage;
    store.getItem(KEY);
  } catch {
    store = null;
  }
  const status = el("p", { class: "lh-diary-status", role: "status" });
  const disclaimer = document.querySelector(".lh-disclaimer");
  const notice = el("p", { class: "lh-diary-notice", role: "status" });
  let shownIds = [], shownBad = 0, more = PAGE, drawnRaw = null;

  function say(text) {
    status.textContent = text;
  }

  function render() {
    const got = store ? load(store) : { entries: [], bad: [], problems: [t("This browser does not let the page keep anything, so there is no diary here.")], corrupt: true, raw: null };
    const { entries, bad, problems, corrupt } = got;
    shownIds = entries.map((e) => e.id);
    shownBad = bad.length;
    drawnRaw = got.raw;
    notice.replaceChildren();
    const parts = [];
    if (problems.length) {
      parts.push(el("div", { class: "admonition warning", role: "alert" }, el("p", { class: "admonition-title", text: corrupt ? t("The diary kept here cannot be read") : t("Some sessions cannot be read") }),
        el("p", { text: !store ? problems[0] : corrupt ? t("Nothing was changed: a copy of it is kept aside in this browser. Delete everything below to start a new diary.")
          : t("They are left out below and kept as they were: {problems}", { problems: problems.slice(0, 5).join(" ") + (problems.length > 5 ? " …" : "") }) }),
        store && corrupt ? el("p", { text: problems[0] }) : null));
    }
    parts.push(actions(entries), status, notice);
    if (store && !corrupt) parts.push(quickForm(store, add, (text) => { render(); say(text); }));
    if (!entries.length) parts.push(el("p", { class: "lh-diary-empty", text: t("No sessions yet. Do a routine with \"Start this routine\" on its page, and save how it went at the end.") }));
    // The page's end: the last entry, "Delete everything" and the page's disclaimer (moved in here), kept on
    // one printed page together, so a printed summary never ends on a page with the disclaimer alone.
    const end = el("div", { class: "lh-diary-end" });
    if (entries.length) parts.push(...summary(entries, end));
    end.append(...[deleteBox(entries, corrupt), disclaimer].filter(Boolean));
    parts.push(end);
    root.replaceChildren(...parts);
  }

  function summary(entries, end) {
    const sorted = sortEntries(entries);
    const out = [el("h2", { text: t("Pain over time") }), painChart(sorted.slice(-CHART))];
    if (sorted.length > CHART) out.push(el("p", { class: "lh-diary-more", text: t("The chart shows the latest {n} entries.", { n: CHART }) }));
    out.push(paged(sorted, more, (latest, note) => table(t("Pain before and after each session, latest first"), PAIN_HEAD(), latest.map(painRow), note), showMore));
    const weeks = perWeek(sorted);
    if (weeks.length) {
      out.push(el("h2", { text: t("Sessions per week") }), weekChart(weeks.slice(-WEEKS)),
        paged(weeks, Math.min(weeks.length, Math.max(WEEKS, more)), (latest, note) => table(t("Sessions per week"), [t("Week of"), t("Sessions")],
          latest.map((w) => [day(`${w.week}T12:00:00`), String(w.count)]), note), showMore));
    }
    out.push(el("h2", { text: t("Entries") }), paged(sorted, more, (latest, note) => {
      const last = latest.length - 1;
      end.append(el("ol", { class: "lh-diary-list", reversed: true, start: String(sorted.length - last) }, entryItem(latest[last])), ...(note ? [note] : []));
      return last ? el("ol", { class: "lh-diary-list", reversed: true, start: String(sorted.length) }, latest.slice(0, last).map(entryItem)) : document.createDocumentFragment();
    }, showMore));
    return out;
  }

  function showMore() {
    more += PAGE;
    const y = window.scrollY;
    render();
    window.scrollTo(0, y);
  }

  function actions(entries) {
    const bar = el("div", { class: "lh-diary-actions lh-screen-only" });
    if (entries.length) {
      bar.append(btn(t("Print a summary"), () => window.print(), "md-button md-button--primary lh-diary-print"),
        btn(t("Export JSON"), () => download("lumbar-diary.json", "application/json", serialise(entries))),
        btn(t("Export CSV"), () => download("lumbar-diary.csv", "text/csv", toCSV(entries))));
    }
    if (store) {
      const file = el("input", { type: "file", id: "lh-diary-import", accept: ".json,.csv,application/json,text/csv" });
      file.addEventListener("change", async () => {
        const f = file.files[0];
        if (!f) return;
        const result = importText(store, await f.text(), f.name);
        render();
        say(result.ok ? plural(result.added, { one: "Imported {n} new session.", other: "Imported {n} new sessions." })
          : t("Not imported, nothing changed: {problems}", { problems: result.problems.slice(0, 3).join(" ") }));
      });
      bar.append(el("p", { class: "lh-diary-import" }, el("label", { for: "lh-diary-import", text: t("Import a diary file (JSON or CSV):") + " " }), file));
    }
    return bar;
  }

  // Delete everything, at the foot of the page, after one confirmation: only the entries the page showed.
  function deleteBox(entries, corrupt) {
    const bar = el("div", { class: "lh-diary-actions lh-diary-delete lh-screen-only" });
    if (store && (entries.length || corrupt || shownBad)) {
      const confirmBox = el("p", { hidden: true, class: "lh-diary-confirm" });
      const n = entries.length;
      const yes = btn(n ? plural(n, "Yes, delete all {n} sessions") : t("Yes, delete all sessions"), () => {
        const r = remove(store, shownIds, shownBad);
        render();
        say(!r.ok ? t("Nothing was deleted: {reason}", { reason: r.reason })
          : r.kept ? plural(r.kept, { one: "Deleted what this page showed. {n} session saved since, in another tab, was kept.", other: "Deleted what this page showed. {n} sessions saved since, in another tab, were kept." })
            : t("Everything was deleted."));
      }, "md-button lh-delete-yes");
      confirmBox.append(t("This cannot be undone.") + " ", yes, " ", btn(t("Keep them"), () => { confirmBox.hidden = true; }));
      bar.append(btn(t("Delete everything"), () => { confirmBox.hidden = false; yes.focus(); }, "md-button lh-delete"), confirmBox);
    }
    return bar.childNodes.length ? bar : null;
  }

  // Another tab changed the diary: say so, and redraw on request (what the reader confirms stays what was shown).
  window.addEventListener("storage", (ev) => {
    if (ev.key !== KEY && ev.key !== null) return;
    if (!store || (store.getItem(KEY) === drawnRaw)) return;
    const now = load(store);
    const shown = new Set(shownIds);
    const fresh = now.entries.filter((e) => !shown.has(e.id)).length;
    notice.replaceChildren(fresh ? plural(fresh, { one: "{n} new entry was saved in another tab since this page was drawn.", other: "{n} new entries were saved in another tab since this page was drawn." }) + " "
      : t("The diary was changed in another tab since this page was drawn.") + " ", btn(t("Show the diary as it is now"), () => { render(); say(""); }, "md-button lh-diary-refresh"));
  });
  render();
}

try {
  main();
} catch (err) {
  // Whatever went wrong, the page says so rather than "The diary needs JavaScript."
  const root = document.getElementById("lh-diary");
  if (root) root.replaceChildren(el("p", { role: "alert", text: t("The diary could not be shown: {error}", { error: String((err && err.message) || err) }) }));
}
