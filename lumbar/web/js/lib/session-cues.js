// The session's cues (a beep, a spoken line in the page's language, a vibration) and the screen kept on.
// Every cue is also shown as text; the page's prefs say which are on.
import { t, lang } from "./i18n.js";

export function makeCues(prefs, notice) {
  let audio = null;
  let wake = null;

  function speak(text) {
    const u = new SpeechSynthesisUtterance(text);
    u.lang = lang();
    speechSynthesis.speak(u);
  }

  // kind: "step" (a new step or phase), "end" (a timer ran out), "tick" (the last seconds of a hold).
  function cue(text, kind) {
    if (prefs.beep && audio) {
      const o = audio.createOscillator();
      const g = audio.createGain();
      o.frequency.value = kind === "end" ? 660 : 880;
      g.gain.value = 0.15;
      o.connect(g).connect(audio.destination);
      o.start();
      o.stop(audio.currentTime + (kind === "end" ? 0.4 : 0.15));
    }
    if (prefs.speak && text && "speechSynthesis" in window) speak(text);
    if (prefs.vibrate && kind === "end" && navigator.vibrate) navigator.vibrate(200);
  }

  // Sound needs a tap first (an AudioContext starts suspended; iOS speaks later only when the first utterance
  // came from a tap).
  function unlock() {
    try {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      if (Ctx && !audio) audio = new Ctx();
      audio?.resume();
    } catch { audio = null; }
    if (prefs.speak && "speechSynthesis" in window) speak("");
  }

  async function keepAwake() {
    if (!("wakeLock" in navigator)) {
      notice.hidden = false;
      notice.textContent = t("This browser cannot keep the screen on: it may dim during a long hold.");
      return;
    }
    try {
      wake = await navigator.wakeLock.request("screen");
      notice.hidden = true;
    } catch {
      notice.hidden = false;
      notice.textContent = t("The screen may dim: this browser did not let the page keep it on.");
    }
  }

  return { cue, unlock, keepAwake, release: () => wake?.release?.() };
}
