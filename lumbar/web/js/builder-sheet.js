// The builder's printed sheet (lumbar/templates/fragments/builder.html): title, who and when, one row per
// exercise (start drawing, steps in brief, dose as the handbook gives it, the handbook's caveat, the
// physiotherapist's note), the page's general safety lines, the QR code of the patient's link.
import { make, qrSvg } from "./builder-kit.js";
import { doseLine, freqLine, routineTitle } from "./lib/routine-logic.js";
import { t, formatDate } from "./lib/i18n.js";

// A "YYYY-MM-DD" date in the page's language, read as a calendar day (not shifted by the time zone).
export function dayText(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
  return m ? formatDate(new Date(+m[1], +m[2] - 1, +m[3]), { day: "numeric", month: "long", year: "numeric" }) : "";
}

// Who and when, as lines of text (the sheet and the patient's view).
export function whoLines(r) {
  return [r.patient ? t("For {name}.", { name: r.patient }) : "",
    r.clinician ? t("From {clinician}.", { clinician: r.clinician }) : "",
    r.given ? t("Given on {date}.", { date: dayText(r.given) }) : "",
    r.review ? t("Review on {date}.", { date: dayText(r.review) }) : ""].filter(Boolean).map((line) => line.replace(/\.\.$/, "."));
}

export function renderSheet(ctx) {
  const { state, sheet, exercises, positions, conditions } = ctx;
  const r = state.routine;
  sheet.querySelector(".lh-b-sheet-title").textContent = routineTitle(r, ctx.data) || t("Your exercise routine");
  const who = whoLines(r).concat([r.freq ? t("Do it {freq}.", { freq: freqLine(r.freq) }) : "",
    conditions.has(r.condition) ? t("For: {condition}.", { condition: conditions.get(r.condition).title }) : "", r.note]).filter(Boolean);
  sheet.querySelector(".lh-b-sheet-for").textContent = who.join(" ");
  // For pregnancy, the obstetric signs that mean stop and call, in place of the general stop line (builder.html).
  const pregnant = ctx.pregnant();
  const obstetric = sheet.querySelector(".lh-b-sheet-pregnancy");
  if (obstetric) obstetric.hidden = !pregnant;
  const general = sheet.querySelector(".lh-b-sheet-general");
  if (general) general.hidden = pregnant;
  const review = sheet.querySelector(".lh-b-sheet-review");
  if (review) review.hidden = Boolean(r.review);
  const count = r.items.length;
  const brief = count <= 4 ? 10000 : count === 5 ? 240 : count === 6 ? 200 : count === 7 ? 150 : 100;
  sheet.querySelector(".lh-b-rows").replaceChildren(...r.items.map((item, i) => {
    const ex = exercises.get(item.id);
    const how = make("td", { class: "lh-how" });
    if (ex) {
      // The safety facts the handbook's own sheets print (routine-items.html, lumbar/sheet.py sheet_row): the key
      // step and the first caution always; then the steps in order from the first while they fit, the handbook's
      // caveats taking their room. (The position's name stands for the start position: 8 rows fit a page.)
      const caveats = ctx.caveats(item);
      const caution = (ex.cautions || [])[0] || "";
      let total = caveats.join(" ").length + caution.length;
      const key = Math.min(Math.max((ex.key_step || 1) - 1, 0), ex.steps.length - 1);
      const shown = new Set([key]);
      total += ex.steps[key].length;
      for (let k = 0; k < ex.steps.length; k += 1) {
        if (k === key) continue;
        if (total + ex.steps[k].length > brief) break;
        shown.add(k);
        total += ex.steps[k].length;
      }
      const lead = make("div", { class: "lh-print-only" });
      if (ex.thumb) lead.append(make("span", { class: "lh-thumb" }, [make("img", { src: ctx.thumbs + encodeURIComponent(ex.id) + ".svg", alt: "" })]));
      lead.append(make("strong", { class: "lh-print-name", text: ex.title }), " – " + (positions.get(ex.position) || ex.position), make("br"));
      const steps = make("ol", {}, ex.steps.map((step, k) => make("li", { value: k + 1, text: step,
        class: !shown.has(k) ? "lh-more" : k + 1 < ex.steps.length && !shown.has(k + 1) ? "lh-cut" : null })));
      how.append(lead, steps);
      // Breathing gives way first on a long routine (it is on the patient's view and the exercise's page).
      if (ex.breathing && count <= 6) how.append(make("p", { class: "lh-breathing" }, [make("strong", { text: t("Breathing:") }), " " + ex.breathing]));
      if (caution) how.append(make("p", { class: "lh-row-caution" }, [make("strong", { text: t("Take care:") }), " " + caution]));
      const preg = ctx.pregnancyNote(ex);
      if (preg) how.append(make("p", { class: "lh-row-caution lh-row-pregnancy" }, [make("strong", { text: preg.slice(0, preg.indexOf(":") + 1) }), preg.slice(preg.indexOf(":") + 1)]));
      for (const caveat of caveats) how.append(make("p", { class: "lh-row-caveat" }, [make("strong", { text: t("Note:") }), " " + caveat]));
    } else {
      how.append(make("strong", { class: "lh-print-name", text: item.id }), " – " + t("no longer in the handbook: ask your physiotherapist."));
    }
    const dose = make("td", { class: "lh-dose" }, [make("strong", { text: doseLine(item) })]);
    if (item.note) dose.append(make("br"), make("span", { class: "lh-b-item-note", text: item.note }));
    return make("tr", {}, [make("td", { class: "lh-num", text: String(i + 1) }), make("td", { class: "lh-name", text: ex ? ex.title : item.id }), how, dose]);
  }));
  sheet.querySelector(".lh-b-sheet-url").textContent = ctx.shareUrl();
}

// The QR code (slow) is only printed: drawn on beforeprint (Chromium's PDFs fire it too).
export function drawQr(ctx) {
  const url = ctx.shareUrl();
  if (ctx.state.qrFor === url) return;
  ctx.state.qrFor = url;
  const qr = ctx.sheet.querySelector(".lh-sheet-qr");
  try {
    qr.replaceChildren(qrSvg(url));
  } catch (error) {
    qr.replaceChildren(); // too long for a QR code: the address is printed in full
  }
}

export async function printSheet(ctx) {
  renderSheet(ctx);
  drawQr(ctx);
  await Promise.all(Array.from(ctx.sheet.querySelectorAll("img")).map((img) => (img.decode ? img.decode().catch(() => {}) : null)));
  window.print();
}
