// The sign-in popup's landing page: hands the OAuth answer (fragment or
// query) to the window that opened it, on this page's own origin only,
// removes it from the address bar, and closes.
const answer = window.location.hash || window.location.search;
window.history.replaceState(null, "", window.location.pathname);
if (window.opener && answer) {
  window.opener.postMessage({ source: "mobproc-oauth", answer }, window.location.origin);
  window.close();
} else {
  document.getElementById("message").textContent = "You can close this window.";
}
