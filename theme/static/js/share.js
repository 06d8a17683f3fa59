/* Share buttons, progressive enhancement: every share link already works
   without this file. It adds: "Copy link" copies instead of navigating;
   Mastodon asks once for the reader's server (kept in localStorage) and
   opens its share form; Print and the device's share sheet appear. */
(function () {
  "use strict";

  var STORAGE_KEY = "pressless.mastodonServer";

  function announce(row, message) {
    var status = row.querySelector(".share-buttons-status");
    if (status) { status.textContent = message; }
  }

  /* "mastodon.social", "https://mastodon.social/@me" or "@me@mastodon.social"
     all mean the host mastodon.social; anything else is refused. */
  function serverHost(answer) {
    var text = (answer || "").trim();
    var handle = text.match(/^@?[^@\s\/]+@([^@\s\/]+)$/);
    if (handle) { text = handle[1]; }
    try {
      var host = new URL(/^https?:\/\//i.test(text) ? text : "https://" + text).host;
      return /^[a-z0-9.-]+\.[a-z0-9-]+(:\d+)?$/i.test(host) ? host.toLowerCase() : null;
    } catch (error) {
      return null;
    }
  }

  function rememberedServer() {
    try { return localStorage.getItem(STORAGE_KEY); } catch (error) { return null; }
  }

  function askForServer() {
    var host = serverHost(window.prompt(
      "Which Mastodon server are you on? (for example mastodon.social)", ""));
    if (host) {
      try { localStorage.setItem(STORAGE_KEY, host); } catch (error) { /* private mode */ }
    }
    return host;
  }

  function shareOnMastodon(event) {
    var link = event.currentTarget;
    var host = rememberedServer() || askForServer();
    event.preventDefault();
    if (!host) { return; }
    var url = "https://" + host + "/share?text=" + encodeURIComponent(link.dataset.shareText);
    window.open(url, "_blank", "noopener,noreferrer");
  }

  function copyLink(event) {
    var link = event.currentTarget;
    var row = link.closest(".share-buttons");
    if (!navigator.clipboard) { return; }  // the plain link still works
    event.preventDefault();
    navigator.clipboard.writeText(link.href).then(
      function () { announce(row, "Link copied."); link.classList.add("is-copied"); },
      function () { announce(row, "Could not copy; the link is: " + link.href); }
    );
  }

  function nativeShare(event) {
    var button = event.currentTarget;
    navigator.share({ title: button.dataset.shareTitle, url: button.dataset.shareUrl })
      .catch(function () { /* the reader closed the share sheet */ });
  }

  function enhance(row) {
    row.querySelectorAll('[data-share="mastodon"]').forEach(function (link) {
      link.addEventListener("click", shareOnMastodon);
    });
    row.querySelectorAll('[data-share="copy"]').forEach(function (link) {
      link.addEventListener("click", copyLink);
    });
    row.querySelectorAll('[data-share="print"]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    if (typeof navigator.share === "function") {
      row.querySelectorAll('[data-share="native"]').forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", nativeShare);
      });
    }
  }

  document.querySelectorAll(".share-buttons").forEach(enhance);
}());
