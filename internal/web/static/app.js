// kapbot desk: keeps the open-referral list current without a reload.
// Plain JavaScript, no third party; the page works without it.
(function () {
  "use strict";
  var table = document.getElementById("referrals");
  if (!table) { return; }
  var rows = document.getElementById("rows");
  var every = parseInt(table.getAttribute("data-poll"), 10) || 3000;
  var url = table.getAttribute("data-live");
  var status = document.getElementById("live-status");
  var last = rows.innerHTML;
  function ids() {
    var out = [];
    rows.querySelectorAll("tr[data-id]").forEach(function (tr) {
      out.push(tr.getAttribute("data-id") + "/" + tr.className + "/" + tr.querySelector(".status").textContent);
    });
    return out.join(" ");
  }
  var known = ids();
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
          // Screen readers hear of new or changed referrals, not of
          // every tick of the waiting times.
          var now = ids();
          if (now !== known && status) {
            known = now;
            var n = rows.querySelectorAll("tr[data-id]").length;
            var un = rows.querySelectorAll("tr.unack").length;
            status.textContent = "Referral list updated: " + n + " open" + (un ? ", " + un + " emergency not acknowledged" : "") + ".";
          }
        }
      })
      .catch(function () { /* offline for a moment: try again later */ })
      .finally(function () { window.setTimeout(poll, every); });
  }
  window.setTimeout(poll, every);
})();
