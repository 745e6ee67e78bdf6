// Enhances the plain search form on /search/ with Pagefind UI (loaded just before
// this file from the generated /pagefind/ bundle). Without JavaScript, or where the
// bundle is missing (the dev server), the plain form stays as it is.
(function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root || typeof window.PagefindUI !== "function") return;
  var ui = new window.PagefindUI({
    element: "#search",
    bundlePath: root.dataset.bundlePath,
    baseUrl: root.dataset.baseUrl,
    showImages: false,
    showSubResults: false,
  });
  var form = document.querySelector("[data-search-form]");
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
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
