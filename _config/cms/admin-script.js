/*
 * Newsroom's part of the CMS at /admin/ (served as /admin/newsroom-cms.js, after the
 * Decap bundle): the story preview with the site's stylesheet, the `::: figure` and
 * `::: related` blocks as editor components (so editors never type `:::`), a clean-up
 * of empty optional fields before saving, and the upload filter (photo types only).
 * Its settings come from the page's JSON data block (_config/cms/admin.ts); nothing
 * here is inline in the page, so the admin's CSP needs no 'unsafe-inline' for scripts.
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var settings = JSON.parse(document.getElementById("newsroom-cms").textContent);

  // ---- the ::: blocks (syntax: _config/content/blocks.ts) ----

  function blockPattern(kind) {
    // at the start of a block: "::: kind", key: value lines, a closing ":::" line
    return new RegExp("^:::[ \\t]*" + kind + "[ \\t]*\\n([\\s\\S]*?)\\n?:::[ \\t]*(?=\\n|$)");
  }

  function parseFields(text) {
    var out = {};
    text.split(/\r?\n/).forEach(function (line) {
      var m = /^\s*([a-z]+)\s*:\s*(.*?)\s*$/.exec(line);
      if (m) out[m[1]] = m[2];
    });
    return out;
  }

  function oneLine(value) {
    return String(value == null ? "" : value).replace(/\s*[\r\n]+\s*/g, " ").trim();
  }

  function toBlock(kind, fields) {
    return function (obj) {
      var lines = [":::" + " " + kind];
      fields.forEach(function (f) {
        var v = oneLine(obj[f.name]);
        if (v) lines.push(f.name + ": " + v);
      });
      lines.push(":::");
      return lines.join("\n");
    };
  }

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function assetUrl(getAsset, src, fields) {
    if (!src) return "";
    var field = fields && fields.find ? fields.find(function (f) { return f.get("widget") === "image"; }) : undefined;
    var asset = getAsset(src, field);
    return asset ? String(asset) : src;
  }

  var previews = {
    figure: function (obj, getAsset, fields) {
      var caption = obj.caption ? '<span class="figure__caption">' + esc(obj.caption) + "</span>" : "";
      var credit = obj.credit ? '<span class="figure__credit"> ' + esc(obj.credit) + "</span>" : "";
      return '<figure class="figure"><img src="' + esc(assetUrl(getAsset, obj.src, fields)) + '" alt="' + esc(obj.alt) + '">' +
        (caption || credit ? "<figcaption>" + caption + credit + "</figcaption>" : "") + "</figure>";
    },
    related: function (obj) {
      return '<aside class="related"><p class="related__label">Related</p><p class="related__title"><a href="' + esc(obj.url) + '">' + esc(obj.title) + "</a></p></aside>";
    },
  };

  Object.keys(settings.blocks).forEach(function (kind) {
    var spec = settings.blocks[kind];
    CMS.registerEditorComponent({
      id: kind,
      label: spec.label,
      fields: spec.fields,
      pattern: blockPattern(kind),
      fromBlock: function (match) {
        return parseFields(match[1]);
      },
      toBlock: toBlock(kind, spec.fields),
      toPreview: previews[kind],
    });
  });

  // ---- preview: the story as the site lays it out, with the site's stylesheet ----

  CMS.registerPreviewStyle(settings.css);

  function StoryPreview(props) {
    var entry = props.entry;
    var data = function (key) { return entry.getIn(["data"].concat(key)); };
    var image = data("image");
    var src = image && image.get("src");
    var section = settings.sections[data("section")] || data("section") || "";
    var source = data("source");
    return h("main", { id: "main", className: "page" },
      h("article", { className: "story" },
        h("header", { className: "story__header" },
          h("p", { className: "story__section" }, section, data("draft") ? h("strong", { className: "flag" }, " Draft") : null),
          h("h1", { className: "story__title" }, data("title")),
          h("p", { className: "story__dek" }, data("description")),
          data("dateline") ? h("p", { className: "story__dateline" }, data("dateline")) : null,
          source && source.get("name") ? h("p", { className: "story__source" }, "Originally published by ", source.get("name")) : null),
        src ? h("figure", { className: "figure figure--lead" },
          h("img", { src: String(props.getAsset(src)), alt: image.get("alt") || "" }),
          h("figcaption", null,
            image.get("caption") ? h("span", { className: "figure__caption" }, image.get("caption")) : null,
            image.get("credit") ? h("span", { className: "figure__credit" }, " " + image.get("credit")) : null)) : null,
        h("div", { className: "story__body" }, props.widgetFor("body"))));
  }
  CMS.registerPreviewTemplate("articles", StoryPreview);

  // ---- saving: an optional field left empty is absent, never "" (the schema rejects "") ----

  function isEmpty(v) {
    if (v === undefined || v === null || v === "") return true;
    if (typeof v === "object" && typeof v.size === "number" && typeof v.filter === "function") return v.size === 0;
    return false;
  }
  function prune(v) {
    if (v && typeof v === "object" && typeof v.map === "function" && typeof v.filter === "function" && typeof v.toJS === "function") {
      return v.map(prune).filter(function (x) { return !isEmpty(x); });
    }
    return typeof v === "string" ? v.replace(/^\s+|\s+$/g, "") : v;
  }
  // An optional object (lead photo, source) once filled in needs its own required fields:
  // Decap would demand them even when the object is left empty, so they are checked here.
  function missing(collection, data) {
    var rules = settings.requiredWhenSet[collection] || {};
    var problems = [];
    Object.keys(rules).forEach(function (objectPath) {
      var value = data.getIn(objectPath.split("."));
      if (isEmpty(value)) return;
      rules[objectPath].fields.forEach(function (f) {
        if (isEmpty(value.get(f.name))) problems.push(rules[objectPath].label + ": " + f.label + " is required");
      });
    });
    return problems;
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: function (arg) {
      var data = arg.entry.get("data");
      var body = data.get("body");
      var pruned = prune(data);
      var problems = missing(arg.entry.get("collection"), pruned);
      if (problems.length) {
        window.alert(problems.join("\n"));
        throw new Error(problems.join("; "));
      }
      // the body keeps its own whitespace
      return typeof body === "string" ? pruned.set("body", body) : pruned;
    },
  });

  // ---- uploads: only the photo types the image pipeline processes ----

  var allowed = new RegExp("\\.(" + settings.photoTypes.join("|") + ")$", "i");
  var accept = settings.photoTypes.map(function (t) { return "." + t; }).join(",");
  function refused(files) {
    for (var i = 0; i < files.length; i++) {
      var f = files[i];
      if (!allowed.test(f.name) || (f.type && !/^image\//.test(f.type))) return f.name + " is not a photo the site can publish (" + settings.photoTypes.join(", ") + ")";
      if (f.size > settings.maxUploadBytes) return f.name + " is larger than " + Math.round(settings.maxUploadBytes / 1e6) + " MB";
    }
    return "";
  }
  function guard(event) {
    var files = (event.dataTransfer && event.dataTransfer.files) || (event.target && event.target.files);
    var why = files && files.length ? refused(files) : "";
    if (!why) return;
    event.stopImmediatePropagation();
    event.preventDefault();
    if (event.target && event.target.files) event.target.value = "";
    window.alert(why);
  }
  window.addEventListener("change", guard, true);
  window.addEventListener("drop", guard, true);
  new MutationObserver(function () {
    document.querySelectorAll('input[type="file"]').forEach(function (input) {
      if (input.getAttribute("accept") !== accept) input.setAttribute("accept", accept);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
