// Enhances the plain search form on /search/ with Pagefind UI (loaded just before
// this file from the generated /pagefind/ folder) and runs the query in ?q= (the
// masthead's form sends readers here). The index comes in parts (one per past year,
// one per month of the newest year), listed newest first in /pagefind/parts.json:
// the first is Pagefind's index, the others are merged into it (Pagefind's
// mergeIndex), so a search covers the whole archive. Without JavaScript the plain
// form stays and the <noscript> note says where else to look; where the index is
// missing (a site not indexed yet), a note says so instead of a silent, dead form.
(function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root) return;
  var query = new URLSearchParams(window.location.search).get("q");
  var form = document.querySelector("[data-search-form]");
  var bundle = root.dataset.bundlePath;
  var baseUrl = root.dataset.baseUrl;

  function unavailable() {
    var status = document.querySelector("[data-search-status]");
    if (status) {
      status.textContent = "Search is not available yet: this copy of the site has no search index. Browse the sections above, or try again in a moment.";
      status.hidden = false;
    }
    var plain = form && form.querySelector("input[name=q]");
    if (plain && query) plain.value = query;
  }

  if (typeof window.PagefindUI !== "function" || typeof window.fetch !== "function") {
    unavailable();
    return;
  }

  // Revalidated on every visit: a new part (a new month) is searched at once.
  window
    .fetch(bundle + "parts.json", { cache: "no-cache" })
    .then(function (response) {
      if (!response.ok) throw new Error("parts.json: HTTP " + response.status);
      return response.json();
    })
    .then(function (list) {
      var parts = list && list.parts;
      if (!Array.isArray(parts) || parts.length === 0) throw new Error("parts.json lists no part");
      start(parts);
    })
    .catch(unavailable);

  function start(parts) {
    var ui = new window.PagefindUI({
      element: "#search",
      bundlePath: bundle + parts[0].bundle,
      baseUrl: baseUrl,
      mergeIndex: parts.slice(1).map(function (part) {
        return { bundlePath: bundle + part.bundle, baseUrl: baseUrl };
      }),
      showImages: false,
      showSubResults: false,
    });
    var label = form && form.querySelector("label");
    // Pagefind's input has only a placeholder: give it our visible label instead.
    function labelInput() {
      var input = root.querySelector("input");
      if (!input || !label) return false;
      input.id = "search-q-ui";
      label.htmlFor = input.id;
      root.parentNode.insertBefore(label, root);
      form.hidden = true;
      return true;
    }
    if (!labelInput()) {
      var observer = new MutationObserver(function () {
        if (labelInput()) observer.disconnect();
      });
      observer.observe(root, { childList: true, subtree: true });
    }
    if (query) ui.triggerSearch(query);
  }
})();
