/* Pressless theme script: progressive enhancement only, one deferred file
 * for every page (a strict Content-Security-Policy allows no inline script).
 * Each section below looks for its own elements and does nothing without
 * them; every page works with this file missing:
 *   1. the "Menu" button on narrow screens  (partials/primary-menu.html)
 *   2. the "Share this:" row                 (partials/share.html)
 *   3. the "Leave a Reply" form              (partials/comment-form.html)
 *   4. the search page                       (search.html, Pagefind)
 * Its messages are English; partials/script-messages.html puts their
 * translations in the page as JSON (#site-messages) when the site is in
 * another language, and `translated` below reads them.
 */

/* == 0. messages == */
/* The text for an English message in the page's language: the page's
   catalog, or the English itself. %(name)s in it is filled from `values`;
   a message with a plural has one text per count (0 to 20), from the
   language's own plural rules. */
var translated = (function () {
  "use strict";

  var catalog = {};
  var source = document.getElementById("site-messages");
  try {
    catalog = source ? JSON.parse(source.textContent) : {};
  } catch (error) {
    catalog = {};
  }

  function fill(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (match, name) {
      return values && values[name] !== undefined ? String(values[name]) : match;
    });
  }

  function translated(english, values) {
    return fill(typeof catalog[english] === "string" ? catalog[english] : english, values);
  }

  // A message with a plural: the catalog holds its text for each count, keyed
  // by the English plural; English itself has "one" and "other".
  translated.plural = function (one, other, count, values) {
    var texts = catalog[other];
    var text = Array.isArray(texts) && texts[count] ? texts[count] : count === 1 ? one : other;
    return fill(text, values);
  };

  return translated;
}());

/* == 1. menu == */
/* The primary menu on a narrow screen: folded behind a "Menu" button.
   Without this file the menu stays open. */
(function () {
  "use strict";

  var nav = document.getElementById("site-navigation");
  var toggle = nav && nav.querySelector(".menu-toggle");
  if (!toggle) { return; }

  function setOpen(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  toggle.addEventListener("click", function () {
    setOpen(toggle.getAttribute("aria-expanded") !== "true");
  });
  // Escape folds an open menu and gives focus back to its button.
  nav.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      toggle.focus();
    }
  });
}());

/* == 2. share buttons == */
/* Share buttons, progressive enhancement: every share link already works
   without this section. It adds: "Copy link" copies instead of navigating
   (and shows "Link copied"), or, where the page may not use the clipboard,
   shows the address selected in a field; Mastodon asks for the reader's
   server in a small form, remembered in localStorage and changeable there;
   Print and the device's share sheet appear. */
(function () {
  "use strict";

  var STORAGE_KEY = "pressless.mastodonServer";
  var COPIED_FOR_MS = 4000;
  var formCount = 0;

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

  function remember(host) {
    try { localStorage.setItem(STORAGE_KEY, host); } catch (error) { /* private mode */ }
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) { node.textContent = text; }
    return node;
  }

  /* The small "Your Mastodon server" form, under the row. */
  function mastodonForm(row, link) {
    formCount += 1;
    var id = "share-mastodon-server-" + formCount;
    var form = element("form", { "class": "share-mastodon-form", novalidate: "" });
    var label = element("label", { "for": id }, translated("Your Mastodon server"));
    var input = element("input", { id: id, type: "text", inputmode: "url", autocomplete: "off",
      spellcheck: "false", placeholder: "mastodon.social", "aria-describedby": id + "-error" });
    var share = element("button", { type: "submit" }, translated("Share on Mastodon"));
    var cancel = element("button", { type: "button", "class": "share-mastodon-cancel" }, translated("Cancel"));
    var error = element("p", { id: id + "-error", "class": "share-mastodon-error", role: "alert" });
    var fields = element("div", { "class": "share-mastodon-row" });
    fields.append(input, share, cancel);
    form.append(label, fields, error);
    form.hidden = true;
    row.append(form);

    function close() {
      form.hidden = true;
      error.textContent = "";
      link.focus();
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var host = serverHost(input.value);
      if (!host) {
        error.textContent = translated("Please enter your server’s name, like mastodon.social.");
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return;
      }
      input.removeAttribute("aria-invalid");
      remember(host);
      window.open("https://" + host + "/share?text=" + encodeURIComponent(link.dataset.shareText),
        "_blank", "noopener,noreferrer");
      close();
    });
    cancel.addEventListener("click", close);
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { close(); }
    });
    return { form: form, input: input, error: error };
  }

  function shareOnMastodon(event) {
    var link = event.currentTarget;
    var row = link.closest(".share-buttons");
    event.preventDefault();
    link.mastodonForm = link.mastodonForm || mastodonForm(row, link);
    var parts = link.mastodonForm;
    // The remembered server is only a suggestion: a typo can be corrected here.
    parts.input.value = rememberedServer() || "";
    parts.error.textContent = "";
    parts.form.hidden = false;
    parts.input.focus();
    parts.input.select();
  }

  function showCopied(link, row) {
    var label = link.querySelector(".share-button-label");
    var original = label.dataset.label || label.textContent;
    label.dataset.label = original;
    label.textContent = translated("Link copied");
    link.classList.add("is-copied");
    announce(row, translated("Link copied."));
    window.clearTimeout(link.copiedTimer);
    link.copiedTimer = window.setTimeout(function () {
      label.textContent = original;
      link.classList.remove("is-copied");
    }, COPIED_FOR_MS);
  }

  /* No clipboard for this page (plain http on another machine): the
     address, selected in a field, for the reader to copy. */
  function showAddressField(link, row) {
    var field = row.querySelector(".share-copy-field input");
    if (!field) {
      var box = element("p", { "class": "share-copy-field" });
      field = element("input", { id: "share-copy-address", type: "text", readonly: "" });
      box.append(element("label", { "for": "share-copy-address" }, translated("Link to this post")), field);
      row.append(box);
    }
    field.value = link.href;
    field.focus();
    field.select();
    announce(row, translated("Press Ctrl+C (or ⌘C) to copy the selected link."));
  }

  function copyLink(event) {
    var link = event.currentTarget;
    var row = link.closest(".share-buttons");
    event.preventDefault();
    if (!navigator.clipboard || !window.isSecureContext) {
      showAddressField(link, row);
      return;
    }
    navigator.clipboard.writeText(link.href).then(
      function () { showCopied(link, row); },
      function () { showAddressField(link, row); }
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

/* == 3. comment form == */
/* The "Leave a Reply" form (partials/comment-form.html), as progressive enhancement.
 *
 * - Shows the form (hidden without JavaScript, where a plain mailto: link stands in).
 * - "Reply" links move the form under their comment; "Cancel reply" moves it back.
 * - Submitting checks the fields, then, by data-comment-backend:
 *   "mailto": composes an email holding a ready-to-save comment file. A
 *     cancelable `pressless:mailto` event (detail: href, address, subject, body)
 *     is dispatched on #respond first; unless it is cancelled, the browser opens it.
 *     If the page keeps the focus (no email program took over), the message
 *     is shown to copy and send by hand.
 * - "Save my name, email, and website": kept in localStorage only when ticked;
 *   unticking it (then sending) or "Forget my saved details" removes them.
 *   "isso": posts JSON to the isso server's /new?uri=<post path>.
 */
(function () {
  "use strict";

  var respond = document.getElementById("respond");
  if (!respond) {
    return;
  }
  var form = document.getElementById("commentform");
  var heading = document.getElementById("reply-title");
  var headingText = heading.firstChild;
  var defaultHeading = headingText.nodeValue;
  var cancelLink = document.getElementById("cancel-comment-reply-link");
  var parentField = document.getElementById("comment_parent");
  var statusBox = form.querySelector(".comment-form-status");
  var alertBox = form.querySelector(".comment-form-alert");
  var submitButton = document.getElementById("submit");
  var data = respond.dataset;
  var DETAILS_KEY = "pressless.commenter";
  var DETAIL_FIELDS = ["author", "email", "url"];
  var consent = document.getElementById("wp-comment-cookies-consent");
  var forgetButton = document.getElementById("comment-forget-details");

  // Marks where the form lives, so "Cancel reply" can put it back.
  var home = document.createElement("span");
  home.hidden = true;
  respond.before(home);

  form.hidden = false;
  form.noValidate = true; // our own messages, tied to each field
  respond.querySelectorAll(".comment-form-fallback").forEach(function (fallback) {
    fallback.hidden = true;
  });

  /* ---- Reply / Cancel reply ---- */

  function placeUnder(comment) {
    // After the comment itself and before its replies, as WordPress does.
    comment.after(respond);
  }

  function startReply(link) {
    var replyTo = link.dataset.replyTo;
    var comment = document.getElementById("comment-" + replyTo);
    if (!comment) {
      return false;
    }
    placeUnder(comment);
    parentField.value = replyTo;
    headingText.nodeValue = translated("Leave a Reply to %(name)s", { name: link.dataset.replyAuthor || "" }) + " ";
    cancelLink.hidden = false;
    document.getElementById("comment").focus();
    return true;
  }

  function cancelReply() {
    home.after(respond);
    parentField.value = "";
    headingText.nodeValue = defaultHeading;
    cancelLink.hidden = true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(".comment-reply-link") : null;
    if (link && link.dataset.replyTo && startReply(link)) {
      event.preventDefault();
    }
  });

  cancelLink.addEventListener("click", function (event) {
    event.preventDefault();
    cancelReply();
    document.getElementById("comment").focus();
  });

  /* ---- Saved name, email and website ---- */

  function savedDetails() {
    try {
      return JSON.parse(localStorage.getItem(DETAILS_KEY) || "null");
    } catch (error) {
      return null; // storage turned off, or not ours
    }
  }

  function rememberDetails(values) {
    try {
      if (consent.checked) {
        localStorage.setItem(DETAILS_KEY, JSON.stringify(
          { author: values.author, email: values.email, url: values.website }));
      } else {
        localStorage.removeItem(DETAILS_KEY);
      }
    } catch (error) { /* storage turned off: nothing is kept */ }
    forgetButton.hidden = !consent.checked;
  }

  var saved = savedDetails();
  if (saved) {
    DETAIL_FIELDS.forEach(function (id) {
      document.getElementById(id).value = typeof saved[id] === "string" ? saved[id] : "";
    });
    consent.checked = true;
    forgetButton.hidden = false;
  }

  forgetButton.addEventListener("click", function () {
    try { localStorage.removeItem(DETAILS_KEY); } catch (error) { /* nothing was kept */ }
    DETAIL_FIELDS.forEach(function (id) { document.getElementById(id).value = ""; });
    consent.checked = false;
    forgetButton.hidden = true;
    say(statusBox, translated("Your name, email and website are no longer saved in this browser."));
    consent.focus();
  });

  /* ---- Checking the fields ---- */

  var messages = {
    comment: {
      valueMissing: translated("Please write a comment."),
      tooShort: translated("A comment needs at least 3 characters."),
    },
    author: { valueMissing: translated("Please enter your name.") },
    email: {
      valueMissing: translated("Please enter your email address."),
      typeMismatch: translated("Please enter an email address like name@example.org."),
    },
    url: { typeMismatch: translated("Please enter a full web address, starting with https://") },
  };

  function problemWith(field) {
    var value = field.value.trim();
    if (field.required && !value) {
      return messages[field.name].valueMissing;
    }
    if (field.name === "comment" && data.commentBackend === "isso" && value.length < 3) {
      return messages.comment.tooShort; // isso refuses shorter comments
    }
    if (value && field.validity.typeMismatch) {
      return messages[field.name].typeMismatch;
    }
    return "";
  }

  function showProblem(field, message) {
    var error = document.getElementById(field.id + "-error");
    var described = (field.getAttribute("aria-describedby") || "")
      .split(" ")
      .filter(function (id) {
        return id && id !== error.id;
      });
    error.textContent = message;
    if (message) {
      field.setAttribute("aria-invalid", "true");
      described.push(error.id);
    } else {
      field.removeAttribute("aria-invalid");
    }
    if (described.length) {
      field.setAttribute("aria-describedby", described.join(" "));
    } else {
      field.removeAttribute("aria-describedby");
    }
  }

  function checkFields() {
    var firstBad = null;
    ["comment", "author", "email", "url"].forEach(function (id) {
      var field = document.getElementById(id);
      var message = problemWith(field);
      showProblem(field, message);
      if (message && !firstBad) {
        firstBad = field;
      }
    });
    if (firstBad) {
      firstBad.focus();
    }
    return !firstBad;
  }

  function say(box, message) {
    statusBox.textContent = "";
    alertBox.textContent = "";
    box.textContent = message;
  }

  function fieldValues() {
    return {
      text: document.getElementById("comment").value.trim(),
      author: document.getElementById("author").value.trim(),
      email: document.getElementById("email").value.trim(),
      website: document.getElementById("url").value.trim(),
      replyTo: parentField.value,
    };
  }

  /* ---- mailto: ---- */

  function oneLine(value) {
    return value.replace(/\s+/g, " ").trim();
  }

  function pad(number) {
    return String(number).padStart(2, "0");
  }

  // A comment file as the comments plugin reads it. The page carries the
  // format (data-comment-file, written by the same code that writes every
  // comment file) with a {token} per value; a header line whose value is
  // left empty is dropped, as the writer drops it.
  function commentFile(values, now) {
    var filled = {
      author: oneLine(values.author),
      date: now.toISOString().replace(/\.\d+Z$/, "+00:00"),
      email: oneLine(values.email),
      url: oneLine(values.website),
      reply_to: oneLine(values.replyTo),
    };
    var parts = data.commentFile.split("\n\n");
    var header = parts[0].split("\n").filter(function (line) {
      var token = /\{(\w+)\}/.exec(line);
      return !token || filled[token[1]];
    });
    var text = header.join("\n") + "\n\n" + parts.slice(1).join("\n\n");
    return text.replace(/\{(\w+)\}/g, function (match, name) {
      return name === "text" ? values.text : filled[name] !== undefined ? filled[name] : match;
    });
  }

  function fileName(now) {
    return (
      "mail-" + now.getUTCFullYear() + pad(now.getUTCMonth() + 1) + pad(now.getUTCDate()) +
      "-" + pad(now.getUTCHours()) + pad(now.getUTCMinutes()) + pad(now.getUTCSeconds()) + ".md"
    );
  }

  function sendByEmail(values) {
    var now = new Date();
    var address = data.commentsEmail;
    var subject =
      "Comment on “" + data.postTitle + "” [" + data.commentFolder + fileName(now) + "]";
    var body = commentFile(values, now);
    var href =
      "mailto:" + encodeURIComponent(address).replace("%40", "@") +
      "?subject=" + encodeURIComponent(subject) +
      "&body=" + encodeURIComponent(body.replace(/\r?\n/g, "\r\n"));
    var detail = { href: href, address: address, subject: subject, body: body };
    var event = new CustomEvent("pressless:mailto", {
      detail: detail,
      bubbles: true,
      cancelable: true,
    });
    say(
      statusBox,
      translated("Your email program should open with your comment in a new message. " +
        "Send it, and the comment will appear here once the author adds it.")
    );
    if (respond.dispatchEvent(event)) {
      watchForMailProgram(detail);
      window.location.href = href;
    }
  }

  // An email program that opens takes the focus (or hides the page). If
  // neither happens soon, none is set up: show the message to send by hand.
  var MAIL_PROGRAM_WAIT_MS = 1500;

  function watchForMailProgram(detail) {
    var left = false;
    function noteLeaving() { left = true; }
    window.addEventListener("blur", noteLeaving, { once: true });
    document.addEventListener("visibilitychange", noteLeaving, { once: true });
    window.setTimeout(function () {
      window.removeEventListener("blur", noteLeaving);
      document.removeEventListener("visibilitychange", noteLeaving);
      if (!left) {
        showMailByHand(detail);
      }
    }, MAIL_PROGRAM_WAIT_MS);
  }

  function showMailByHand(detail) {
    var panel = document.getElementById("comment-mail-fallback");
    if (!panel) {
      return;
    }
    document.getElementById("comment-mail-subject").value = detail.subject;
    document.getElementById("comment-mail-text").value = detail.body;
    panel.querySelector(".comment-mail-copied").textContent = "";
    panel.hidden = false;
    say(statusBox, translated("No email program opened: your comment is below, ready to copy and send by email."));
    document.getElementById("comment-mail-fallback-title").focus();
  }

  var copyButton = document.getElementById("comment-mail-copy");
  if (copyButton) {
    copyButton.addEventListener("click", function () {
      var text = document.getElementById("comment-mail-text");
      var copied = document.querySelector("#comment-mail-fallback .comment-mail-copied");
      function selectByHand() {
        text.focus();
        text.select();
        copied.textContent = translated("Selected: press Ctrl+C (or ⌘C) to copy.");
      }
      if (!navigator.clipboard) {
        selectByHand();
        return;
      }
      navigator.clipboard.writeText(text.value).then(function () {
        copied.textContent = translated("Message copied.");
      }, selectByHand);
    });
  }

  /* ---- isso ---- */

  // isso keeps its own numeric ids; comments pulled from it are saved as "isso-<id>".
  function issoParent(replyTo) {
    var match = /^isso-(\d+)$/.exec(replyTo || "");
    return match ? Number(match[1]) : null;
  }

  var allowedTags = ["P", "BR", "A", "EM", "STRONG", "CODE", "PRE", "BLOCKQUOTE", "UL", "OL",
    "LI", "DEL", "SUP", "SUB"];

  // Copy isso's rendered HTML into the page keeping only plain text formatting:
  // the page must not trust markup from another server.
  function copySafely(source, target) {
    source.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        target.append(node.nodeValue);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        if (allowedTags.indexOf(node.tagName) === -1) {
          copySafely(node, target);
          return;
        }
        var copy = document.createElement(node.tagName.toLowerCase());
        var href = node.tagName === "A" ? node.getAttribute("href") || "" : "";
        if (/^https?:\/\//i.test(href)) {
          copy.setAttribute("href", href);
          copy.setAttribute("rel", "nofollow ugc");
        }
        copySafely(node, copy);
        target.append(copy);
      }
    });
  }

  function showPosted(comment) {
    var article = document.createElement("article");
    article.className = "comment comment-just-posted";
    var meta = document.createElement("p");
    meta.className = "comment-just-posted-meta";
    var author = document.createElement("b");
    author.textContent = comment.author || fieldValues().author;
    meta.append(author, " (just now: shown here until the site is next updated)");
    var content = document.createElement("div");
    content.className = "comment-content";
    var parsed = new DOMParser().parseFromString(comment.text || "", "text/html");
    copySafely(parsed.body, content);
    article.append(meta, content);
    respond.before(article);
  }

  function refusalText(response) {
    return response.text().then(function (text) {
      // werkzeug wraps the reason in a small HTML page: keep its words only.
      var body = new DOMParser().parseFromString(text, "text/html").body;
      var reason = oneLine(body ? body.textContent : "");
      return reason.slice(0, 200);
    });
  }

  function sendToIsso(values) {
    var url = data.issoUrl + "/new?uri=" + encodeURIComponent(data.threadUri);
    submitButton.disabled = true;
    say(statusBox, translated("Sending your comment…"));
    return fetch(url, {
      method: "POST",
      credentials: "omit",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        text: values.text,
        author: values.author,
        email: values.email,
        website: values.website || null,
        parent: issoParent(values.replyTo),
        title: data.postTitle,
      }),
    })
      .then(function (response) {
        if (response.status === 202) {
          say(statusBox, translated("Thank you. Your comment is awaiting moderation."));
          return finish();
        }
        if (response.status === 201) {
          return response.json().then(function (comment) {
            showPosted(comment);
            say(statusBox, translated("Thank you. Your comment was posted."));
            finish();
          });
        }
        return refusalText(response).then(function (reason) {
          say(
            alertBox,
            translated("The comment server did not accept your comment (%(reason)s). Your text is still in the form.",
              { reason: response.status + (reason ? ": " + reason : "") })
          );
        });
      })
      .catch(function () {
        say(
          alertBox,
          translated("Your comment could not be sent: the comment server did not answer. " +
            "Your text is still in the form; please try again later.")
        );
      })
      .finally(function () {
        submitButton.disabled = false;
      });
  }

  function finish() {
    document.getElementById("comment").value = "";
    if (parentField.value) {
      cancelReply();
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!checkFields()) {
      say(alertBox, translated("Your comment was not sent: please correct the marked fields."));
      return;
    }
    var values = fieldValues();
    rememberDetails(values);
    if (data.commentBackend === "isso") {
      sendToIsso(values);
    } else {
      sendByEmail(values);
    }
  });
})();

/* == 4. search page == */
/* Search page: read ?q=, ask Pagefind (served from this site), list results.
   Without JavaScript the page says so in a <noscript>; this file only adds. */
(function () {
  "use strict";

  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results-list");
  var title = document.getElementById("search-title");
  if (!results || !status || !list) return;

  var query = (new URLSearchParams(window.location.search).get("q") || "").trim();
  // The query stays in every search box on the page, the sidebar's too.
  document.querySelectorAll(".search-form .search-field").forEach(function (box) {
    box.value = query;
  });
  if (query && title) {
    // WordPress's heading and window title for a search.
    var shown = document.createElement("span");
    shown.textContent = query;
    // The heading keeps the query in its own <span>: the message is split around it.
    var heading = translated("Search Results for: %(query)s").split("%(query)s");
    var siteName = document.title.split(" – ").slice(1).join(" – ");
    title.replaceChildren(heading[0], shown, heading[1] || "");
    document.title = translated("Search Results for: %(query)s", { query: query }) + " – " + siteName;
  }
  if (!query) {
    status.textContent = translated("Type a word or two to search the posts and pages.");
    return;
  }

  // Pagefind's excerpt is escaped text with <mark> around the hits; keep only
  // text and <mark>, built as DOM nodes rather than trusted as HTML.
  function excerptNodes(excerpt) {
    var parsed = new DOMParser().parseFromString("<p>" + excerpt + "</p>", "text/html");
    var paragraph = document.createElement("p");
    paragraph.className = "search-result-excerpt";
    parsed.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function resultItem(data) {
    var item = document.createElement("li");
    item.className = "search-result";
    var heading = document.createElement("h2");
    heading.className = "search-result-title";
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(excerptNodes(data.excerpt || ""));
    return item;
  }

  // A large site is indexed in batches, one Pagefind bundle each: the first
  // bundle's pressless-bundles.json lists the others, merged here so one
  // search ranks the results of every batch together. No list: one bundle.
  async function mergeOtherBundles(pagefind, bundle, baseUrl) {
    var answer = await fetch(new URL("pressless-bundles.json", bundle.href));
    if (!answer.ok) return;
    var listed = await answer.json();
    for (var i = 0; i < listed.merge.length; i++) {
      await pagefind.mergeIndex(new URL(listed.merge[i], bundle.href).href, { baseUrl: baseUrl });
    }
  }

  async function run() {
    var bundle = new URL(results.getAttribute("data-pagefind"), document.baseURI);
    status.textContent = translated("Searching…");
    try {
      var pagefind = await import(bundle.href);
      // Result URLs are paths from the site root; a site served from a
      // sub-folder needs that folder in front of them.
      var baseUrl = bundle.pathname.replace(/pagefind\/pagefind\.js$/, "");
      await pagefind.options({ baseUrl: baseUrl });
      await mergeOtherBundles(pagefind, bundle, baseUrl);
      var search = await pagefind.search(query);
      var found = await Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
      list.replaceChildren.apply(list, found.map(resultItem));
      status.textContent = found.length === 0
        ? translated("Nothing found for “%(query)s”.", { query: query })
        : translated.plural("%(num)s result for “%(query)s”.", "%(num)s results for “%(query)s”.",
          found.length, { num: found.length, query: query });
    } catch (error) {
      status.textContent = translated("Search is not available: the search index could not be loaded.");
    }
  }

  run();
})();
