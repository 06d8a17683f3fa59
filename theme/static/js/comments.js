/* The "Leave a Reply" form (partials/comment-form.html), as progressive enhancement.
 *
 * - Shows the form (hidden without JavaScript, where a plain mailto: link stands in).
 * - "Reply" links move the form under their comment; "Cancel reply" moves it back.
 * - Submitting checks the fields, then, by data-comment-backend:
 *   "mailto": composes an email holding a ready-to-save comment file. A
 *     cancelable `pressless:mailto` event (detail: href, address, subject, body)
 *     is dispatched on #respond first; unless it is cancelled, the browser opens it.
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
    headingText.nodeValue = "Leave a Reply to " + (link.dataset.replyAuthor || "") + " ";
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

  /* ---- Checking the fields ---- */

  var messages = {
    comment: {
      valueMissing: "Please write a comment.",
      tooShort: "A comment needs at least 3 characters.",
    },
    author: { valueMissing: "Please enter your name." },
    email: {
      valueMissing: "Please enter your email address.",
      typeMismatch: "Please enter an email address like name@example.org.",
    },
    url: { typeMismatch: "Please enter a full web address, starting with https://" },
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
      "Your email program should open with your comment in a new message. " +
        "Send it, and the comment will appear here once the author adds it."
    );
    if (respond.dispatchEvent(event)) {
      window.location.href = href;
    }
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
    say(statusBox, "Sending your comment…");
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
          say(statusBox, "Thank you. Your comment is awaiting moderation.");
          return finish();
        }
        if (response.status === 201) {
          return response.json().then(function (comment) {
            showPosted(comment);
            say(statusBox, "Thank you. Your comment was posted.");
            finish();
          });
        }
        return refusalText(response).then(function (reason) {
          say(
            alertBox,
            "The comment server did not accept your comment (" + response.status +
              (reason ? ": " + reason : "") + "). Your text is still in the form."
          );
        });
      })
      .catch(function () {
        say(
          alertBox,
          "Your comment could not be sent: the comment server did not answer. " +
            "Your text is still in the form; please try again later."
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
      say(alertBox, "Your comment was not sent: please correct the fields marked below.");
      return;
    }
    var values = fieldValues();
    if (data.commentBackend === "isso") {
      sendToIsso(values);
    } else {
      sendByEmail(values);
    }
  });
})();
