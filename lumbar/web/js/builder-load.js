// The builder's start-up: its data (fetched, or kept as a script in the offline copy, where file:// cannot be
// fetched) and, when it fails, what failed, in the reader's words.
import { t } from "./lib/i18n.js";

// { data: a promise of builder.json, file: its name for messages }; null for data from another origin.
export function loadData(root) {
  const src = new URL(root.getAttribute("data-src") || "", location.href);
  if (location.protocol !== "file:" && src.origin !== location.origin) return null;
  const kept = window.__lhData && window.__lhData["builder.json"]; // lumbar/offline_modules.py
  const data = kept ? Promise.resolve(kept) : fetch(src.href).then((response) => {
    if (!response.ok) throw Object.assign(new Error(String(response.status)), { status: response.status });
    return response.json();
  });
  return { data, file: src.pathname.split("/").slice(-2).join("/") };
}

// The data's file could not be had: the server's answer, damaged data, or no connection.
export function loadFailure(error, file) {
  if (error && error.status) {
    return t("The builder could not load the handbook's exercises: the server answered {status} for {file}. Reload the page, or use the handbook's routines.", { status: error.status, file });
  }
  if (error instanceof SyntaxError) {
    return t("The builder could not load the handbook's exercises: {file} is damaged (not readable data). Reload the page, or use the handbook's routines.", { file });
  }
  return t("The builder could not load the handbook's exercises: no connection, and this page's data was not kept for use offline. Connect and reload, or use the handbook's routines.");
}

// The builder itself failed.
export function startFailure(error) {
  return t("The builder could not start: {error}", { error: String((error && error.message) || error) });
}
