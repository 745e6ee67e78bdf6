// Enhances the plain search form on /search/ with Pagefind UI (loaded just before
// this file from the generated /pagefind/ folder) and runs the query in ?q= (the
// masthead's form sends readers here). The index comes in parts: the Pagefind that
// Pagefind UI loads from /pagefind/pagefind.js merges them (_config/build/search-browser.js). Without JavaScript the plain form stays and
// the <noscript> note says where else to look; where the bundle is missing (a site
// not indexed yet), a note says so instead of a silent, dead form.
(function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root) return;
  var query = new URLSearchParams(window.location.search).get("q");
  var form = document.querySelector("[data-search-form]");
  if (typeof window.PagefindUI !== "function") {
    var status = document.querySelector("[data-search-status]");
    if (status) {
      status.textContent = "Search is not available yet: this copy of the site has no search index. Browse the sections above, or try again in a moment.";
      status.hidden = false;
    }
    var plain = form && form.querySelector("input[name=q]");
    if (plain && query) plain.value = query;
    return;
  }
  var ui = new window.PagefindUI({
    element: "#search",
    bundlePath: root.dataset.bundlePath,
    baseUrl: root.dataset.baseUrl,
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
})();
