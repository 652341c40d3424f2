// The sign-in landing page: hands the OAuth answer (fragment or query) to
// the window that opened it (the sign-in popup) or to the page that holds it
// (the hidden frame of a silent sign-in), on this page's own origin only,
// removes it from the address bar, and closes.
const answer = window.location.hash || window.location.search;
window.history.replaceState(null, "", window.location.pathname);
if (window.opener && answer) {
  window.opener.postMessage({ source: "mobproc-oauth", answer }, window.location.origin);
  window.close();
} else if (window.parent !== window && answer) {
  window.parent.postMessage({ source: "mobproc-oauth-silent", answer }, window.location.origin);
} else {
  document.getElementById("message").textContent = "You can close this window.";
}
