// The builder's small tools: elements from data (text only, never HTML), idle work, the QR code.
import { qrcode } from "./vendor/qrcode-generator.min.js";
import { t } from "./lib/i18n.js";

const SVG = "http://www.w3.org/2000/svg";

// `fn` when idle (0.5 s at most); setTimeout without requestIdleCallback.
export function later(fn) {
  if (window.requestIdleCallback) window.requestIdleCallback(fn, { timeout: 500 });
  else setTimeout(fn, 1);
}

export function make(tag, attrs, children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children || []) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

// The QR code of `text` as an <svg>: one path of dark modules, drawn with DOM calls.
export function qrSvg(text) {
  const code = qrcode(0, "M");
  // The address in byte mode, a format-2 code (0-9, A-Z, "." "-" "/") in alphanumeric mode: a smaller code.
  const at = text.indexOf("#r=") + 3;
  const tail = text.slice(at);
  if (at > 2 && /^[0-9A-Z.\-/]+$/.test(tail)) {
    code.addData(text.slice(0, at), "Byte");
    code.addData(tail, "Alphanumeric");
  } else code.addData(text, "Byte");
  code.make();
  const n = code.getModuleCount();
  const border = 4;
  let d = "";
  for (let y = 0; y < n; y += 1) for (let x = 0; x < n; x += 1) if (code.isDark(y, x)) d += "M" + (x + border) + " " + (y + border) + "h1v1h-1z";
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 " + (n + 2 * border) + " " + (n + 2 * border));
  svg.setAttribute("class", "lh-qr");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", t("QR code: scan it to open this routine"));
  const bg = document.createElementNS(SVG, "rect");
  bg.setAttribute("width", "100%");
  bg.setAttribute("height", "100%");
  bg.setAttribute("fill", "#fff");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", d);
  path.setAttribute("fill", "#000");
  svg.append(bg, path);
  return svg;
}

