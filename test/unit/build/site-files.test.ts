/** The output's listing (_config/build/manifest.ts): every file once, as a sorted site path, and the listing after the steps. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { filesAfterSteps, siteFiles } from "../../../_config/build/manifest.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "newsroom-site-files-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const write = (rel: string) => {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), rel);
};
/** the same listing made the plain way: path.relative per file */
const plain = (root: string) =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `/${path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/")}`)
    .sort();

for (const rel of ["index.html", "feed.xml", "world/a-story/index.html", "world/index.html", "world/page/2/index.html", "img/card-1.jpg", "pagefind/parts/2026-01/entry.json", "pagefind/pagefind.js", "pagefindish/x.txt", "a b/ünïcode ✓.html"]) write(rel);
mkdirSync(path.join(dir, "empty/deeper"), { recursive: true });

describe("siteFiles", () => {
  it("lists every file under the folder as a sorted site path, folders left out", () => {
    const files = siteFiles(dir);
    assert.deepEqual(files, plain(dir));
    assert.ok(files.includes("/index.html") && files.includes("/a b/ünïcode ✓.html") && files.includes("/world/page/2/index.html"));
    assert.ok(!files.some((f) => f.startsWith("/empty")));
    assert.deepEqual(siteFiles(`${dir}${path.sep}`), files, "a trailing separator changes nothing");
  });

  it("lists one subfolder's files as site paths of the whole folder; a missing subfolder has none", () => {
    assert.deepEqual(siteFiles(dir, "pagefind"), ["/pagefind/pagefind.js", "/pagefind/parts/2026-01/entry.json"]);
    assert.deepEqual(siteFiles(dir, "nothing-here"), []);
  });
});

describe("filesAfterSteps", () => {
  it("lists again only the folders the steps write, and equals a whole listing", () => {
    const before = siteFiles(dir);
    write("pagefind/parts/2026-02/entry.json");
    rmSync(path.join(dir, "pagefind/pagefind.js"));
    const after = filesAfterSteps(dir, before, [["pagefind"]]);
    assert.deepEqual(after, siteFiles(dir));
    assert.ok(after.includes("/pagefindish/x.txt"), "a folder whose name only starts like the step's is not the step's");
    // what the step did not declare is not listed again
    write("world/late.html");
    assert.ok(!filesAfterSteps(dir, before, [["pagefind"]]).includes("/world/late.html"));
  });

  it("lists everything again when a step does not say where it writes, nothing when no step writes", () => {
    const before = siteFiles(dir);
    write("stray.txt");
    assert.deepEqual(filesAfterSteps(dir, before, [["pagefind"], undefined]), siteFiles(dir));
    assert.deepEqual(filesAfterSteps(dir, before, []), before);
  });
});
