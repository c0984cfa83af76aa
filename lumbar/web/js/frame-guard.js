// Another site may show a handbook page in an invisible frame and trick a click on "Delete all" or on the
// builder (clickjacking). A policy in a meta tag cannot forbid framing (frame-ancestors works only as a
// header, which GitHub Pages does not let us send), so, as OWASP's Clickjacking Defense Cheat Sheet advises
// for that case, the page refuses to be used inside another site's frame: it hides itself (hidden elements
// take no clicks) and offers to open in its own window. Runs before any other script of the page.
(function () {
  var foreign;
  try {
    foreign = window.top !== window.self && window.top.location.origin !== window.location.origin;
  } catch (error) {
    foreign = true; // another origin's window: reading its address throws
  }
  if (!foreign) return;
  var words = {};
  try {
    words = JSON.parse((document.getElementById("lh-ui") || {}).textContent || "{}") || {};
  } catch (error) {
    words = {};
  }
  function t(text) {
    return typeof words[text] === "string" ? words[text] : text;
  }
  var note = document.createElement("p");
  var link = document.createElement("a");
  note.className = "lh-framed-note";
  link.href = window.location.href;
  link.target = "_top";
  link.rel = "noopener";
  link.textContent = t("This page is shown inside another website. Open it in its own window to use it.");
  note.appendChild(link);
  document.documentElement.classList.add("lh-framed");
  document.body.insertBefore(note, document.body.firstChild);
})();
