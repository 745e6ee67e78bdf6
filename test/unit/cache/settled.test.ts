/** The settled check (_config/cache/settled.ts): when the last output stands, and every way it stops standing. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync, utimesSync, unlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, beforeEach, describe, it } from "node:test";
import { hashInputs, recordSettled, settledKey, settledOutput } from "../../../_config/cache/index.ts";

const root = mkdtempSync(path.join(os.tmpdir(), "newsroom-settled-"));
after(() => rmSync(root, { recursive: true, force: true }));

const NOW = "2026-11-26T12:00:00.000Z";
const HORIZON = Date.parse("2027-01-01T05:00:00Z");
let n = 0;
let site: { output: string; cacheDir: string; input: string; data: string };

function write(file: string, text: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

beforeEach(async () => {
  const dir = path.join(root, `site-${++n}`);
  site = { output: path.join(dir, "dist"), cacheDir: path.join(dir, ".cache/build"), input: path.join(dir, "src"), data: path.join(dir, "_data") };
  write(path.join(site.output, "index.html"), "<p>home</p>");
  write(path.join(site.output, "world/a/index.html"), "<p>a</p>");
  write(path.join(site.output, "feed.xml"), "<feed/>");
  write(path.join(site.input, "articles/2026/a.md"), "---\ntitle: A\n---\nBody.\n");
  write(path.join(site.data, "site.yaml"), "title: Site\n");
  mkdirSync(site.cacheDir, { recursive: true });
  await recordSettled(site.cacheDir, { output: site.output, key: "k", now: NOW, horizon: HORIZON, files: ["/feed.xml", "/index.html", "/world/a/index.html"] });
});

const check = (over: Partial<{ key: string; now: string }> = {}) => settledOutput({ cacheDir: site.cacheDir, output: site.output, key: "k", now: NOW, ...over });

describe("settledOutput", () => {
  it("stands for the same key, within the clock's horizon, with dist/ as recorded; counts its pages", () => {
    assert.deepEqual(check(), { pages: 2 });
    assert.deepEqual(check({ now: "2026-12-31T23:00:00Z" }), { pages: 2 });
  });

  it("does not stand for another key, before the last build's time, or from the horizon on", () => {
    assert.equal(check({ key: "other" }), undefined);
    assert.equal(check({ now: "2026-11-26T11:59:59Z" }), undefined);
    assert.equal(check({ now: new Date(HORIZON).toISOString() }), undefined);
  });

  it("does not stand when a file of dist/ was edited", () => {
    write(path.join(site.output, "world/a/index.html"), "<p>b</p>");
    assert.equal(check(), undefined, "edited");
  });

  it("catches a file replaced by one of the same size with the same time (a copy that kept its time)", async () => {
    const file = path.join(site.output, "feed.xml");
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    await recordSettled(site.cacheDir, { output: site.output, key: "k", now: NOW, horizon: HORIZON, files: ["/feed.xml", "/index.html", "/world/a/index.html"] });
    renameSync(file, `${file}.old`);
    write(file, "<feeX/>");
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    assert.equal(statSync(file).mtimeMs, statSync(`${file}.old`).mtimeMs);
    assert.equal(check(), undefined);
  });

  it("catches a removed file (its folder's time)", () => {
    unlinkSync(path.join(site.output, "feed.xml"));
    assert.equal(check(), undefined, "removed");
  });

  it("catches a file added in a folder of dist/", () => {
    write(path.join(site.output, "world/stray.html"), "<p>stray</p>");
    assert.equal(check(), undefined, "added");
  });

  it("a missing or damaged record is no record", () => {
    write(path.join(site.cacheDir, "settled.json"), "{ not json");
    assert.equal(check(), undefined);
    rmSync(path.join(site.cacheDir, "settled.json"));
    assert.equal(check(), undefined);
  });
});

describe("settledKey", () => {
  it("follows every input's bytes, the code, the mode, a whole build and SITE_URL, not the files' times", () => {
    const key = (fingerprint = "f", production = true, complete = true) => settledKey(hashInputs(site.input, site.data), fingerprint, production, complete);
    const base = key();
    utimesSync(path.join(site.input, "articles/2026/a.md"), new Date(0), new Date(0));
    assert.equal(key(), base, "touched only");
    assert.notEqual(key("g"), base, "code");
    assert.notEqual(key("f", false), base, "mode");
    assert.notEqual(key("f", true, false), base, "a build without its search index or checks");
    const saved = process.env.SITE_URL;
    process.env.SITE_URL = "https://elsewhere.example";
    try {
      assert.notEqual(key(), base, "SITE_URL");
    } finally {
      if (saved === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = saved;
    }
    write(path.join(site.data, "site.yaml"), "title: Site!\n");
    assert.notEqual(key(), base, "data");
    write(path.join(site.data, "site.yaml"), "title: Site\n");
    assert.equal(key(), base, "data back as it was");
    write(path.join(site.input, "articles/2026/b.md"), "---\ntitle: B\n---\n");
    assert.notEqual(key(), base, "a new story");
  });
});
