// The diary page (docs/diary.md): sessions kept on this device, charts with the same figures as tables,
// a printable summary, export and import of a file, and delete all after one confirmation.
import { KEY, load, clear, importText, serialise, toCSV, perWeek } from "./lib/diary-store.js";
import { el } from "./lib/dom.js";
import { t, plural, formatDate } from "./lib/i18n.js";

const SVG = "http://www.w3.org/2000/svg";


function svg(tag, attrs = {}, ...kids) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const kid of kids) e.append(kid);
  return e;
}

function day(iso) {
  return formatDate(new Date(iso), { year: "numeric", month: "short", day: "numeric" });
}

// A session's result as the reader reads it (the stored value stays "done", "partly" or "skipped").
function resultWord(result) {
  return result === "done" ? t("done") : result === "partly" ? t("partly") : result === "skipped" ? t("skipped") : result;
}

function pain(v) {
  return v === null || v === undefined ? "–" : String(v);
}

// A line chart of pain before and after, over the sessions (the table below it has the same figures).
function painChart(entries) {
  const w = 320, h = 140, pad = 24;
  const x = (i) => pad + (entries.length > 1 ? (i * (w - 2 * pad)) / (entries.length - 1) : (w - 2 * pad) / 2);
  const y = (v) => h - pad - (v * (h - 2 * pad)) / 10;
  const chart = svg("svg", { viewBox: `0 0 ${w} ${h}`, class: "lh-diary-chart", role: "img", "aria-labelledby": "lh-pain-title" },
    svg("title", { id: "lh-pain-title" }, t("Pain before and after each session, 0 to 10: the figures are in the table below.")));
  for (const v of [0, 5, 10]) {
    chart.append(svg("line", { x1: pad, x2: w - pad, y1: y(v), y2: y(v), stroke: "currentColor", opacity: ".25" }));
    chart.append(svg("text", { x: 4, y: y(v) + 4, "font-size": "10", fill: "currentColor" }, String(v)));
  }
  for (const [field, dash, label] of [["painBefore", "4 3", "before"], ["painAfter", "", "after"]]) {
    const pts = entries.map((e, i) => [i, e[field]]).filter(([, v]) => v !== null);
    if (!pts.length) continue;
    const line = svg("polyline", { points: pts.map(([i, v]) => `${x(i)},${y(v)}`).join(" "), fill: "none", stroke: "currentColor", "stroke-width": "2" });
    if (dash) line.setAttribute("stroke-dasharray", dash);
    chart.append(line);
    for (const [i, v] of pts) chart.append(svg("circle", { cx: x(i), cy: y(v), r: label === "after" ? 3 : 2.5, fill: label === "after" ? "currentColor" : "none", stroke: "currentColor" }));
  }
  return el("figure", { class: "lh-diary-figure" }, chart, el("figcaption", { text: t("Pain before (dashed) and after (solid), 0 to 10, oldest session first.") }));
}

function weekChart(weeks) {
  const w = 320, h = 120, pad = 20;
  const max = Math.max(1, ...weeks.map((x) => x.count));
  const bw = (w - 2 * pad) / Math.max(1, weeks.length);
  const chart = svg("svg", { viewBox: `0 0 ${w} ${h}`, class: "lh-diary-chart", role: "img", "aria-labelledby": "lh-week-title" },
    svg("title", { id: "lh-week-title" }, t("Sessions per week: the figures are in the table below.")));
  weeks.forEach((wk, i) => {
    const bh = (wk.count * (h - 2 * pad)) / max;
    chart.append(svg("rect", { x: pad + i * bw + 2, y: h - pad - bh, width: Math.max(2, bw - 4), height: bh, fill: "currentColor", opacity: ".7" }));
    chart.append(svg("text", { x: pad + i * bw + bw / 2, y: h - pad - bh - 3, "font-size": "10", "text-anchor": "middle", fill: "currentColor" }, String(wk.count)));
  });
  return el("figure", { class: "lh-diary-figure" }, chart, el("figcaption", { text: t("Sessions per week (weeks start on Monday).") }));
}

function table(caption, head, rows) {
  return el("div", { class: "lh-diary-scroll", tabindex: "0", role: "region", "aria-label": caption }, el("table", { class: "lh-table lh-diary-table" }, el("caption", { text: caption }),
    el("thead", {}, el("tr", {}, head.map((x) => el("th", { scope: "col", text: x })))),
    el("tbody", {}, rows.map((r) => el("tr", {}, r.map((x, i) => (i === 0 ? el("th", { scope: "row", text: x }) : el("td", { text: x }))))))));
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function main() {
  const root = document.getElementById("lh-diary");
  if (!root) return;
  let store;
  try {
    store = window.localStorage;
    store.getItem(KEY);
  } catch {
    root.replaceChildren(el("p", { role: "alert", text: t("This browser does not let the page keep anything, so there is no diary here.") }));
    return;
  }
  const status = el("p", { class: "lh-diary-status", role: "status" });

  function render() {
    const { entries, problems, corrupt } = load(store);
    const parts = [];
    if (problems.length) {
      parts.push(el("div", { class: "admonition warning", role: "alert" }, el("p", { class: "admonition-title", text: corrupt ? t("The diary kept here cannot be read") : t("Some sessions cannot be read") }),
        el("p", { text: corrupt ? t("Nothing was changed: a copy of it is kept aside in this browser. Delete everything below to start a new diary.")
          : t("They are left out below and kept as they were: {problems}", { problems: problems.join(" ") }) })));
    }
    if (!entries.length) parts.push(el("p", { class: "lh-diary-empty", text: t("No sessions yet. Do a routine with \"Start this routine\" on its page, and save how it went at the end.") }));
    else {
      parts.push(el("h2", { text: t("Pain over time") }), painChart(entries),
        table(t("Pain before and after each session"), [t("Date"), t("Routine"), t("Pain before"), t("Pain after"), t("Done"), t("Partly"), t("Skipped")],
          entries.map((e) => [day(e.date), e.title, pain(e.painBefore), pain(e.painAfter),
            ...["done", "partly", "skipped"].map((r) => String(e.exercises.filter((x) => x.result === r).length))])));
      const weeks = perWeek(entries);
      parts.push(el("h2", { text: t("Sessions per week") }), weekChart(weeks),
        table(t("Sessions per week"), [t("Week of"), t("Sessions")], weeks.map((w) => [day(`${w.week}T12:00:00`), String(w.count)])));
      parts.push(el("h2", { text: t("Sessions") }), el("ol", { class: "lh-diary-list", reversed: true },
        [...entries].reverse().map((e) => el("li", { class: "lh-diary-entry" },
          el("strong", { text: t("{date}: {routine}", { date: day(e.date), routine: e.title }) }),
          " " + t("pain {before} before, {after} after.", { before: pain(e.painBefore), after: pain(e.painAfter) }),
          el("ul", {}, e.exercises.map((x) => el("li", { text: x.hurt ? t("{exercise}: {result} (it hurt)", { exercise: x.title, result: resultWord(x.result) })
            : t("{exercise}: {result}", { exercise: x.title, result: resultWord(x.result) }) }))),
          e.note ? el("p", { text: t("Note: {note}", { note: e.note }) }) : null))));
    }
    const actions = el("div", { class: "lh-diary-actions lh-screen-only" });
    const btn = (text, fn, cls = "md-button") => {
      const b = el("button", { type: "button", class: cls, text });
      b.addEventListener("click", fn);
      return b;
    };
    if (entries.length) {
      actions.append(btn(t("Print a summary"), () => window.print(), "md-button md-button--primary"),
        btn(t("Export JSON"), () => download("lumbar-diary.json", "application/json", serialise(entries))),
        btn(t("Export CSV"), () => download("lumbar-diary.csv", "text/csv", toCSV(entries))));
    }
    const file = el("input", { type: "file", id: "lh-diary-import", accept: ".json,.csv,application/json,text/csv" });
    file.addEventListener("change", async () => {
      const f = file.files[0];
      if (!f) return;
      const result = importText(store, await f.text(), f.name);
      render();
      status.textContent = result.ok ? plural(result.added, { one: "Imported {n} new session.", other: "Imported {n} new sessions." })
        : t("Not imported, nothing changed: {problems}", { problems: result.problems.slice(0, 3).join(" ") });
    });
    actions.append(el("p", {}, el("label", { for: "lh-diary-import", text: t("Import a diary file (JSON or CSV):") + " " }), file));
    if (entries.length || corrupt) {
      const confirmBox = el("p", { hidden: true });
      const yes = btn(entries.length ? plural(entries.length, "Yes, delete all {n} sessions") : t("Yes, delete all sessions"),
        () => { clear(store); render(); status.textContent = t("Everything was deleted."); }, "md-button lh-delete-yes");
      confirmBox.append(t("This cannot be undone.") + " ", yes, " ", btn(t("Keep them"), () => { confirmBox.hidden = true; }));
      actions.append(btn(t("Delete everything"), () => { confirmBox.hidden = false; yes.focus(); }, "md-button lh-delete"), confirmBox);
    }
    parts.push(actions, status);
    root.replaceChildren(...parts);
  }
  render();
}

main();
