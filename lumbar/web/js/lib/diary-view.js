// What the diary page draws from its entries: the pain chart (dates on its axis), the weeks' chart, the tables
// with the same figures (stacked rows on a phone: diary.css) and the list of entries. No storage here.
import { el } from "./dom.js";
import { t, formatDate } from "./i18n.js";
import { isQuick } from "./diary-format.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs = {}, ...kids) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const kid of kids) e.append(kid);
  return e;
}

export function day(iso) {
  return formatDate(new Date(iso), { year: "numeric", month: "short", day: "numeric" });
}

function shortDay(ms, withYear) {
  return formatDate(new Date(ms), withYear ? { year: "2-digit", month: "short", day: "numeric" } : { month: "short", day: "numeric" });
}

export function painText(v) {
  return v === null || v === undefined ? "–" : String(v);
}

function resultWord(result) {
  return result === "done" ? t("done") : result === "partly" ? t("partly") : result === "skipped" ? t("skipped") : result;
}

// An entry's name as the reader reads it: the routine, and how it ended or was done.
export function entryName(e) {
  if (isQuick(e)) {
    const what = e.paper === true ? (e.title ? t("Done on paper: {routine}", { routine: e.title }) : t("Routine done on paper"))
      : e.paper === false ? t("Routine not done") : t("Pain of the day");
    return what;
  }
  return e.stopped === "pain" ? t("{routine} (stopped: it hurt)", { routine: e.title }) : e.title;
}

// Pain over time: before (dashed) and after (solid) each session, a square for a day's pain; x is the date.
export function painChart(entries) {
  const w = 340, h = 160, left = 22, right = 12, top = 10, bottom = 30;
  const times = entries.map((e) => Date.parse(e.date));
  const t0 = Math.min(...times), t1 = Math.max(...times);
  const x = (ms) => left + (t1 > t0 ? ((ms - t0) * (w - left - right)) / (t1 - t0) : (w - left - right) / 2);
  const y = (v) => h - bottom - (v * (h - top - bottom)) / 10;
  const chart = svg("svg", { viewBox: `0 0 ${w} ${h}`, class: "lh-diary-chart", role: "img", "aria-labelledby": "lh-pain-title" },
    svg("title", { id: "lh-pain-title" }, t("Pain before and after each session, 0 to 10: the figures are in the table below.")));
  for (const v of [0, 5, 10]) {
    chart.append(svg("line", { x1: left, x2: w - right, y1: y(v), y2: y(v), stroke: "currentColor", opacity: ".25" }));
    chart.append(svg("text", { x: 4, y: y(v) + 4, "font-size": "10", fill: "currentColor" }, String(v)));
  }
  // The date axis: up to four dates, evenly spread over the time shown (the year when it changes).
  const ticks = t1 > t0 ? [0, 1, 2, 3].map((i) => t0 + (i * (t1 - t0)) / 3) : [t0];
  const years = new Date(t0).getFullYear() !== new Date(t1).getFullYear();
  ticks.forEach((ms, i) => {
    const anchor = ticks.length === 1 ? "middle" : i === 0 ? "start" : i === ticks.length - 1 ? "end" : "middle";
    chart.append(svg("line", { x1: x(ms), x2: x(ms), y1: h - bottom, y2: h - bottom + 4, stroke: "currentColor" }));
    chart.append(svg("text", { x: x(ms), y: h - bottom + 16, "font-size": "10", "text-anchor": anchor, fill: "currentColor", class: "lh-diary-tick" }, shortDay(ms, years)));
  });
  const sessions = entries.map((e, i) => [times[i], e]).filter(([, e]) => !isQuick(e));
  for (const [field, dash] of [["painBefore", "4 3"], ["painAfter", ""]]) {
    const pts = sessions.filter(([, e]) => e[field] !== null).map(([ms, e]) => [x(ms), y(e[field])]);
    if (!pts.length) continue;
    const line = svg("polyline", { points: pts.map((p) => p.join(",")).join(" "), fill: "none", stroke: "currentColor", "stroke-width": "2" });
    if (dash) line.setAttribute("stroke-dasharray", dash);
    chart.append(line);
    for (const [cx, cy] of pts) chart.append(svg("circle", { cx, cy, r: dash ? 2.5 : 3, fill: dash ? "none" : "currentColor", stroke: "currentColor" }));
  }
  entries.forEach((e, i) => {
    if (isQuick(e) && e.pain !== null) chart.append(svg("rect", { x: x(times[i]) - 3.5, y: y(e.pain) - 3.5, width: 7, height: 7, fill: "none", stroke: "currentColor", "stroke-width": "1.5" }));
  });
  return el("figure", { class: "lh-diary-figure" }, chart,
    el("figcaption", { text: t("Pain before (dashed) and after (solid) each session, and the pain of a day (square), 0 to 10, by date.") }));
}

export function weekChart(weeks) {
  const w = 340, h = 130, pad = 20, bottom = 30;
  const max = Math.max(1, ...weeks.map((x) => x.count));
  const bw = (w - 2 * pad) / Math.max(1, weeks.length);
  const chart = svg("svg", { viewBox: `0 0 ${w} ${h}`, class: "lh-diary-chart", role: "img", "aria-labelledby": "lh-week-title" },
    svg("title", { id: "lh-week-title" }, t("Sessions per week: the figures are in the table below.")));
  weeks.forEach((wk, i) => {
    const bh = (wk.count * (h - pad - bottom)) / max;
    const cx = pad + i * bw + bw / 2;
    chart.append(svg("rect", { x: pad + i * bw + 2, y: h - bottom - bh, width: Math.max(2, bw - 4), height: bh, fill: "currentColor", opacity: ".7" }));
    chart.append(svg("text", { x: cx, y: h - bottom - bh - 3, "font-size": "10", "text-anchor": "middle", fill: "currentColor" }, String(wk.count)));
    if (i === 0 || i === weeks.length - 1 || i === Math.floor(weeks.length / 2)) {
      const anchor = weeks.length === 1 ? "middle" : i === 0 ? "start" : i === weeks.length - 1 ? "end" : "middle";
      chart.append(svg("text", { x: anchor === "start" ? pad + i * bw : anchor === "end" ? pad + (i + 1) * bw : cx, y: h - bottom + 16, "font-size": "10", "text-anchor": anchor, fill: "currentColor", class: "lh-diary-tick" },
        shortDay(Date.parse(`${wk.week}T12:00:00`), false)));
    }
  });
  return el("figure", { class: "lh-diary-figure" }, chart, el("figcaption", { text: t("Sessions per week (weeks start on Monday; a day done on paper counts).") }));
}

// A table whose rows stack on a phone: each cell carries its column's name (data-label), shown before it there.
// The roles keep it a table for screen readers when the CSS changes its display.
export function table(caption, head, rows, extra = null) {
  return el("div", { class: "lh-diary-scroll", tabindex: "0", role: "region", "aria-label": caption },
    el("table", { class: "lh-table lh-diary-table", role: "table" }, el("caption", { text: caption }),
      el("thead", {}, el("tr", { role: "row" }, head.map((x) => el("th", { scope: "col", role: "columnheader", text: x })))),
      el("tbody", {}, rows.map((r) => el("tr", { role: "row" }, r.map((x, i) => (i === 0 ? el("th", { scope: "row", role: "rowheader", text: x })
        : el("td", { role: "cell", "data-label": head[i], class: x === "–" ? "lh-diary-none" : null, text: x }))))))), extra);
}

export function painRow(e) {
  const count = (r) => (isQuick(e) ? "–" : String(e.exercises.filter((x) => x.result === r).length));
  return [day(e.date), entryName(e), painText(isQuick(e) ? null : e.painBefore), painText(isQuick(e) ? null : e.painAfter),
    painText(isQuick(e) ? e.pain : null), count("done"), count("partly"), count("skipped")];
}

export const PAIN_HEAD = () => [t("Date"), t("Entry"), t("Pain before"), t("Pain after"), t("Pain that day"), t("Done"), t("Partly"), t("Skipped")];

// One entry of the list: what was done, the pain, each exercise's result, the note.
export function entryItem(e) {
  const quick = isQuick(e);
  const pain = quick ? (e.pain === null ? "" : " " + t("pain that day {pain}.", { pain: e.pain }))
    : " " + t("pain {before} before, {after} after.", { before: painText(e.painBefore), after: painText(e.painAfter) });
  return el("li", { class: quick ? "lh-diary-entry lh-diary-quick-entry" : "lh-diary-entry" },
    el("strong", { text: t("{date}: {routine}", { date: day(e.date), routine: entryName(e) }) }), pain,
    quick ? null : el("ul", {}, e.exercises.map((x) => el("li", { text: x.hurt ? t("{exercise}: {result} (it hurt)", { exercise: x.title, result: resultWord(x.result) })
      : t("{exercise}: {result}", { exercise: x.title, result: resultWord(x.result) }) }))),
    e.note ? el("p", { text: t("Note: {note}", { note: e.note }) }) : null);
}
