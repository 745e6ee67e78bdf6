/**
 * `/admin/` in a production build (the browser editor, _config/cms/): written with its
 * generated config, the self-hosted Decap bundle and its own CSP when `_data/site` has
 * `cms:`, and not at all without it.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import yaml from "js-yaml";
import { rm } from "node:fs/promises";
import { buildFixture, FIXTURES, prepareFixture, type BuiltSite } from "../helpers/site.ts";
import { headersFor, parseHeadersFile } from "../../_config/pages/index.ts";
import { checkSite, siteFolders } from "../../_config/dev/index.ts";

const site = readFileSync(path.join(FIXTURES, "cms/_data/site.yaml"), "utf8");
const CMS_ON = `${site}cms:\n  backend: github\n  repo: example/newsroom\n  branch: main\n  base_url: https://auth.example.org\n`;

describe("/admin/ (the browser editor) in a production build", () => {
  let on: BuiltSite;
  let off: BuiltSite;
  before(async () => {
    on = await buildFixture("cms", { files: { "_data/site.yaml": CMS_ON } });
    off = await buildFixture("cms");
  });
  after(async () => {
    await on?.cleanup();
    await off?.cleanup();
  });

  it("with cms: on, writes the admin page, its generated config and the self-hosted app", async () => {
    const doc = on.page("/admin/");
    assert.equal(doc.querySelector('meta[name="robots"]')?.getAttribute("content"), "noindex");
    const scripts = [...doc.querySelectorAll("script[src]")].map((s) => s.getAttribute("src"));
    assert.equal(scripts.length, 2);
    assert.match(scripts[0]!, /^\/admin\/decap-cms\.[0-9a-f]{10}\.js$/, "no CDN: the app is the site's own, fingerprinted");
    assert.match(scripts[1]!, /^\/admin\/newsroom-cms\.[0-9a-f]{10}\.js$/);
    assert.equal(doc.querySelectorAll("script:not([src])").length, 1, "the one inline script element is the JSON settings block");
    assert.equal(doc.querySelector("script:not([src])")?.getAttribute("type"), "application/json");
    const settings = JSON.parse(doc.querySelector("#newsroom-cms")!.textContent!);
    assert.match(settings.css, /^\/assets\/css\/site\.[0-9a-f]{10}\.css$/, "the preview uses the fingerprinted site stylesheet");
    assert.ok(on.exists(settings.css));
    for (const src of scripts) assert.ok(on.exists(src!), `${src} is written`);
    const files = await on.files();
    assert.ok(files.some((f) => /^\/admin\/\d+\.decap-cms\.js$/.test(f)), "the app's chunks are there too");
    const config = yaml.load(await on.text("/admin/config.yml")) as { backend: unknown; local_backend?: unknown; collections: { name: string }[] };
    assert.deepEqual(config.backend, { name: "github", repo: "example/newsroom", branch: "main", base_url: "https://auth.example.org" });
    assert.equal(config.local_backend, undefined, "a production build has no local backend");
    assert.deepEqual(config.collections.map((c) => c.name), ["articles", "pages", "settings"]);
  });

  it("gives /admin/* its own CSP in _headers, and leaves the site's as it was", async () => {
    const rules = parseHeadersFile(await on.text("/_headers"));
    const admin = headersFor(rules, "/admin/index.html")["Content-Security-Policy"]!;
    const story = headersFor(rules, "/world/x/")["Content-Security-Policy"]!;
    assert.match(admin, /script-src 'self' 'unsafe-eval'(;|$)/);
    assert.match(admin, /style-src 'self' 'unsafe-inline'/);
    assert.match(admin, /connect-src 'self' blob: https:\/\/api\.github\.com https:\/\/auth\.example\.org/);
    assert.match(admin, /frame-ancestors 'none'/);
    assert.doesNotMatch(story, /'unsafe-(eval|inline)'/);
    assert.equal(story, headersFor(parseHeadersFile(await off.text("/_headers")), "/world/x/")["Content-Security-Policy"]);
  });

  it("without cms:, writes neither /admin/ nor its config nor the app, and no admin header rule", async () => {
    assert.ok(!(await off.files()).some((f) => f.startsWith("/admin/")), "nothing under /admin/");
    assert.doesNotMatch(await off.text("/_headers"), /admin/);
    assert.ok(off.exists("/world/thousands-russian-troops-contact-ukraines-surrender-hotline-ukrainian-official/"));
  });

  it("keeps /admin/ out of the sitemap", async () => {
    assert.doesNotMatch(await on.text("/sitemap.xml"), /admin/);
  });
});

describe("uploads the image pipeline cannot process", () => {
  it("are refused by check and the build as a lead photo or a figure, naming the file and the key", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const story = "---\ntitle: An upload\ndescription: A story whose photos are not photos\ndate: 2026-11-20\nsection: world\nimage:\n  src: lead.svg\n  alt: Not a photo\n  credit: Nobody\n---\nText.\n\n::: figure\nsrc: page.html\nalt: Not a photo either\ncaption: A caption.\ncredit: Nobody\n:::\n";
    const dir = await prepareFixture("cms", { "src/articles/2026/an-upload.md": story, "src/articles/2026/lead.svg": svg, "src/articles/2026/page.html": "<script>alert(1)</script>" });
    try {
      const problems = checkSite(siteFolders(dir)).problems.map((p) => `${path.basename(p.file)} ${p.key}: ${p.message}`);
      assert.ok(problems.some((p) => /^an-upload\.md image\.src: .*lead\.svg.*(not a photo|not accepted as a photo)/.test(p)), problems.join("\n"));
      assert.ok(problems.some((p) => /^an-upload\.md figure\.src: .*page\.html.*not a photo/.test(p)), problems.join("\n"));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
