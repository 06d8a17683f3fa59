// Pressless preview client: reload when the site changes, show build errors.
// Speaks the livereload protocol (hello, then "reload") on the live port.
(function () {
  "use strict";
  var script = document.currentScript;
  var port = script.getAttribute("data-live-port");
  var url = "ws://" + location.hostname + ":" + port + "/livereload";
  var OVERLAY = "pressless-preview-error";
  var everConnected = false;

  function removeOverlay() {
    var old = document.getElementById(OVERLAY);
    if (old) old.remove();
  }

  function showProblems(problems) {
    removeOverlay();
    var box = document.createElement("div");
    box.id = OVERLAY;
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
      "background:rgba(20,20,20,.94);color:#fff;font:15px/1.5 monospace;padding:2em";
    var title = document.createElement("h2");
    title.textContent = "The preview could not be rebuilt";
    title.style.cssText = "color:#ff8a80;font:bold 20px sans-serif;margin:0 0 1em";
    box.appendChild(title);
    var list = document.createElement("ul");
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      var place = document.createElement("strong");
      place.className = "place";
      place.textContent = problem.path + (problem.line ? ":" + problem.line : "");
      var message = document.createElement("span");
      message.className = "message";
      message.textContent = " " + problem.message;
      item.appendChild(place);
      item.appendChild(message);
      list.appendChild(item);
    });
    box.appendChild(list);
    var hint = document.createElement("p");
    hint.textContent = "Fix the file and save it: this page reloads by itself.";
    box.appendChild(hint);
    document.body.appendChild(box);
  }

  // A saved style sheet: the page's links to it load it again (a new query
  // string, which the preview ignores), without reloading the page.
  function reloadStyleSheet(path) {
    var found = false;
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
      var address = new URL(link.href, location.href);
      if (address.origin !== location.origin || address.pathname !== path) return;
      address.searchParams.set("pressless-reload", String(Date.now()));
      link.href = address.href;
      found = true;
    });
    return found;
  }

  // A saved image: the page's images showing it load it again. An image the
  // page does not show needs nothing (a new one, before a post shows it).
  function reloadImages(path) {
    document.querySelectorAll("img").forEach(function (image) {
      var address = new URL(image.getAttribute("src") || "", location.href);
      if (address.origin !== location.origin || address.pathname !== path) return;
      address.searchParams.set("pressless-reload", String(Date.now()));
      image.src = address.href;
    });
  }

  function reload(message) {
    var path = message.path || "";
    if (message.liveCSS && /\.css$/.test(path) && reloadStyleSheet(path)) return;
    if (message.liveImg && /\.(png|jpe?g|gif|webp|avif|svg)$/i.test(path)) {
      reloadImages(path);
      return;
    }
    location.reload();
  }

  function connect() {
    var socket = new WebSocket(url);
    socket.onopen = function () {
      if (everConnected) {
        // The preview restarted: what it serves may have changed meanwhile.
        location.reload();
        return;
      }
      everConnected = true;
      socket.send(JSON.stringify({
        command: "hello",
        protocols: ["http://livereload.com/protocols/official-7"]
      }));
    };
    socket.onmessage = function (event) {
      var message = JSON.parse(event.data);
      if (message.command === "reload") reload(message);
      else if (message.command === "pressless-error") showProblems(message.problems);
      else if (message.command === "pressless-ok") removeOverlay();
    };
    socket.onclose = function () { setTimeout(connect, 1000); };
  }
  connect();
})();
