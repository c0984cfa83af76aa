// "Add to my calendar": an iCalendar file (RFC 5545) for a routine, made on this device and downloaded; no
// server, nothing sent. Pure: no DOM. The time is floating (no time zone): 18:00 is 18:00 wherever the reader is.
export const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

// Text as a property value: backslash, semicolon, comma and new lines escaped (RFC 5545 3.3.11).
export function icsText(s) {
  return String(s).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

// Lines of at most 75 octets, continued with CRLF and a space (3.1), never splitting a character.
export function fold(line) {
  const enc = new TextEncoder();
  const out = [];
  let cur = "";
  let size = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (size + n > (out.length ? 74 : 75)) { out.push(cur); cur = ""; size = 0; }
    cur += ch;
    size += n;
  }
  out.push(cur);
  return out.join("\r\n ");
}

const pad = (n, w = 2) => String(n).padStart(w, "0");
const stamp = (d) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;

// The first day from `today` (a Date, local) that is one of `days` (["MO", ...]; empty: every day).
export function firstDay(today, days) {
  for (let i = 0; i < 7; i++) {
    const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + i);
    const code = DAYS[(d.getDay() + 6) % 7];
    if (!days.length || days.includes(code)) return d;
  }
  return today;
}

// opts: { title, url, description, time: "18:00", days: [] (every day) or ["MO", "WE"], minutes (length),
// alert (minutes before; null for none), now: Date, uid }.
export function calendarFile(opts) {
  const [hh, mm] = /^\d{1,2}:\d{2}$/.test(opts.time || "") ? opts.time.split(":").map(Number) : [18, 0];
  const day = firstDay(opts.now, opts.days);
  const start = `${day.getFullYear()}${pad(day.getMonth() + 1)}${pad(day.getDate())}T${pad(hh)}${pad(mm)}00`;
  const rule = opts.days.length && opts.days.length < 7 ? `FREQ=WEEKLY;BYDAY=${opts.days.join(",")}` : "FREQ=DAILY";
  const lines = [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Lumbar Handbook//Guided session//EN", "CALSCALE:GREGORIAN",
    "BEGIN:VEVENT", `UID:${opts.uid}`, `DTSTAMP:${stamp(opts.now)}`, `DTSTART:${start}`,
    `DURATION:PT${Math.max(5, Math.round(opts.minutes || 15))}M`, `RRULE:${rule}`,
    `SUMMARY:${icsText(opts.title)}`, `DESCRIPTION:${icsText(`${opts.description}\n${opts.url}`)}`, `URL:${opts.url}`,
  ];
  if (Number.isInteger(opts.alert) && opts.alert >= 0) {
    lines.push("BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${icsText(opts.title)}`, `TRIGGER:-PT${opts.alert}M`, "END:VALARM");
  }
  lines.push("END:VEVENT", "END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}
