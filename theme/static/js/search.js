/* Search page: read ?q=, ask Pagefind (served from this site), list results.
   Without JavaScript the page says so in a <noscript>; this file only adds. */
(function () {
  "use strict";

  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results-list");
  var field = document.getElementById("search-page-field");
  if (!results || !status || !list) return;

  var query = (new URLSearchParams(window.location.search).get("q") || "").trim();
  if (field) field.value = query;
  if (!query) {
    status.textContent = "Type a word or two to search the posts and pages.";
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

  async function run() {
    var bundle = new URL(results.getAttribute("data-pagefind"), document.baseURI);
    status.textContent = "Searching…";
    try {
      var pagefind = await import(bundle.href);
      // Result URLs are paths from the site root; a site served from a
      // sub-folder needs that folder in front of them.
      await pagefind.options({ baseUrl: bundle.pathname.replace(/pagefind\/pagefind\.js$/, "") });
      var search = await pagefind.search(query);
      var found = await Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
      list.replaceChildren.apply(list, found.map(resultItem));
      status.textContent = found.length === 0
        ? "Nothing found for “" + query + "”."
        : found.length + (found.length === 1 ? " result" : " results") + " for “" + query + "”.";
      document.title = "Search: " + query + " – " + document.title.replace(/^Search – /, "");
    } catch (error) {
      status.textContent = "Search is not available: the search index could not be loaded.";
    }
  }

  run();
})();
