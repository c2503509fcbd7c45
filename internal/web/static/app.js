// kapbot desk: keeps the open-referral list current without a reload.
// Plain JavaScript, no third party; the page works without it.
(function () {
  "use strict";
  var table = document.getElementById("referrals");
  if (!table) { return; }
  var rows = document.getElementById("rows");
  var every = parseInt(table.getAttribute("data-poll"), 10) || 3000;
  var url = table.getAttribute("data-live");
  var last = rows.innerHTML;
  function poll() {
    fetch(url, { credentials: "same-origin", cache: "no-store", headers: { "Accept": "text/html" } })
      .then(function (res) {
        if (res.status === 401) { window.location.reload(); return null; }
        return res.ok ? res.text() : null;
      })
      .then(function (html) {
        if (html !== null && html !== last) {
          last = html;
          rows.innerHTML = html;
        }
      })
      .catch(function () { /* offline for a moment: try again later */ })
      .finally(function () { window.setTimeout(poll, every); });
  }
  window.setTimeout(poll, every);
})();
