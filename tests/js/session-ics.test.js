// "Add to my calendar" (lumbar/web/js/lib/session-ics.js): the file's lines, folding and escaping. The browser
// test (tests/test_session.py) parses a downloaded file with the icalendar library.
import { test } from "node:test";
import assert from "node:assert/strict";
import { calendarFile, fold, icsText, firstDay } from "../../lumbar/web/js/lib/session-ics.js";

test("text is escaped and long lines fold at 75 octets without splitting a letter", () => {
  assert.equal(icsText("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
  const line = "SUMMARY:" + "Комплекс упражнений ".repeat(6);
  const folded = fold(line).split("\r\n ");
  assert.ok(folded.length > 2);
  for (const part of folded) assert.ok(new TextEncoder().encode(part).length <= 75, part);
  assert.equal(folded.join(""), line);
});

test("weekly on chosen days, from the first such day, with an alert and the link back", () => {
  const now = new Date(2026, 11, 8, 9, 0); // a Tuesday
  assert.equal(firstDay(now, ["TH"]).getDate(), 10);
  const text = calendarFile({ title: "Back, pain", url: "https://x.test/session/#id=back-pain", description: "Open:", time: "07:30",
    days: ["MO", "TH"], minutes: 12, alert: 10, now, uid: "u@x" });
  const lines = text.split("\r\n");
  assert.ok(lines.includes("DTSTART:20261210T073000"), text);
  assert.ok(lines.includes("RRULE:FREQ=WEEKLY;BYDAY=MO,TH"));
  assert.ok(lines.includes("SUMMARY:Back\\, pain"));
  assert.ok(lines.includes("TRIGGER:-PT10M"));
  assert.ok(lines.includes("URL:https://x.test/session/#id=back-pain"));
  assert.ok(text.endsWith("END:VCALENDAR\r\n"));
  const daily = calendarFile({ title: "R", url: "u:", description: "", time: "18:00", days: [], minutes: 3, alert: null, now, uid: "u" });
  assert.ok(daily.includes("RRULE:FREQ=DAILY") && !daily.includes("VALARM") && daily.includes("DURATION:PT5M"));
});
