/**
 * The link check's memo in parts (_config/build/checks/link-memo.ts): an incremental run,
 * as the build's worker drives it (pages taken unchanged by hash, the others read), finds
 * exactly what a fresh check of the whole output finds, while it reads only the parts it
 * needs and writes only the parts whose pages changed.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { checkLinks, LinkChecker, listFiles } from "../../../_config/build/checks/index.ts";
import { partOf } from "../../../_config/build/checks/link-memo.ts";
import { LinkMemo } from "../../../_config/build/checks/links.ts";

const BASE = "https://example.org/news/";
const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = (what: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `newsroom-${what}-`));
  dirs.push(dir);
  return dir;
};

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>T</title><link rel="canonical" href="https://example.org/news/"></head><body><a href="#main">skip</a><a href="/news/">home</a><main id="main">${body}</main></body></html>`;

type Site = Record<string, string>;

/** A small news site: a home page listing every story, and stories linking to the next one. */
function newsSite(stories: number, edit: (site: Site) => void = () => undefined): Site {
  const site: Site = {};
  const slugs = Array.from({ length: stories }, (_, i) => `story-${i}`);
  site["index.html"] = page(slugs.map((s) => `<a href="/news/world/${s}/">${s}</a>`).join(""));
  for (const [i, slug] of slugs.entries()) {
    const next = slugs[(i + 1) % slugs.length];
    site[`world/${slug}/index.html`] = page(`<h1 id="headline">${slug}</h1><h2 id="sec">S</h2><a href="../${next}/">next</a><a href="/news/world/${next}/#sec">next's section</a><img src="/news/img/${slug}.jpg" alt="">`);
    site[`img/${slug}.jpg`] = "jpg";
  }
  edit(site);
  return site;
}

function write(site: Site): string {
  const dir = temp("memo-site");
  for (const [file, content] of Object.entries(site)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const sorted = (findings: { file: string; message: string }[]) => findings.map((f) => `${f.file} ${f.message}`).sort();

interface Run {
  dir: string;
  memo: string;
  /** site path → SHA-256 of every file (the manifest) */
  files: Record<string, string>;
  findings: string[];
  reused: number;
  partsRead: number;
  resolved: number;
  checked: number;
}

/**
 * One build's link check as the worker runs it: with `last`, the pages whose bytes equal
 * the last build's are taken unchanged (`scanKnown`), the rest scanned (as are those
 * `rendered` again, as the build renders its home page, with the same bytes); then `finish` with
 * what is gone and the last hashes of the pages scanned afresh, and the next memo written.
 */
function run(site: Site, last?: Run, options: { pagesPerPart?: number; rendered?: string[] } = {}): Run {
  const dir = write(site);
  const list = listFiles(dir);
  const files = Object.fromEntries(list.map((f) => [f, sha256(readFileSync(path.join(dir, f), "utf8"))]));
  const memo = LinkMemo.open(last?.memo);
  const checker = new LinkChecker(BASE, memo, { pagesPerPart: options.pagesPerPart ?? 2 });
  for (const file of list) {
    if (last && last.files[file] === files[file] && !options.rendered?.includes(file)) checker.scanKnown(dir, file, files[file]!);
    else checker.scanFile(dir, file);
  }
  const hashes: Record<string, string> = {};
  if (last) for (const f of list) if (f.endsWith(".html") && last.files[f] && last.files[f] !== files[f]) hashes[f] = last.files[f]!;
  const report = checker.finish(dir, list, last && { gone: Object.keys(last.files).filter((f) => !(f in files)), hashes });
  const out = temp("memo-out");
  checker.writeMemo(out);
  return { dir, memo: out, files, findings: sorted(report.findings), reused: checker.reused, partsRead: memo?.partsRead ?? 0, resolved: report.resolved ?? 0, checked: report.checked };
}

/** What a fresh check of the whole output finds. */
const fresh = (r: Run) => sorted(checkLinks(r.dir, listFiles(r.dir), BASE).findings);

/** The part file of the last memo that holds `file`, and the pages in it. */
const partHolding = (memo: string, file: string) => {
  const index = JSON.parse(readFileSync(path.join(memo, "index.json"), "utf8")) as { info: Record<string, { file: string }> };
  for (const { file: part } of Object.values(index.info)) {
    const held = Object.keys(JSON.parse(readFileSync(path.join(memo, part), "utf8")) as object);
    if (held.includes(file)) return { path: path.join(memo, part), pages: held };
  }
  throw new Error(`no part holds ${file}`);
};

const partFiles = (memo: string) => readdirSync(memo).filter((f) => f !== "index.json");
const pages = (site: Site) => Object.keys(site).filter((f) => f.endsWith(".html")).length;

describe("link check memo in parts", () => {
  it("splits the scans into parts, and with nothing changed reads none of them and keeps each as it was", () => {
    const first = run(newsSite(40));
    assert.deepEqual(first.findings, []);
    assert.ok(partFiles(first.memo).length >= 8, `parts: ${partFiles(first.memo).length}`);
    const again = run(newsSite(40), first);
    assert.deepEqual(again.findings, fresh(again));
    assert.equal(again.reused, pages(newsSite(40)));
    assert.equal(again.partsRead, 0);
    assert.equal(again.checked, first.checked);
    assert.deepEqual(partFiles(again.memo).sort(), partFiles(first.memo).sort());
    for (const f of partFiles(again.memo)) assert.equal(statSync(path.join(again.memo, f)).ino, statSync(path.join(first.memo, f)).ino, `${f} linked, not written`);
  });

  it("after one story's edit, reads and writes only the parts of the pages that changed", () => {
    const first = run(newsSite(40));
    const edited = newsSite(40, (s) => (s["world/story-7/index.html"] = s["world/story-7/index.html"]!.replace("next</a>", "next story</a>")));
    const next = run(edited, first);
    assert.deepEqual(next.findings, fresh(next));
    // the edited story's part (its last scan, its other pages), and that of the story whose #sec it links to
    const read = new Set(["/world/story-7/index.html", "/world/story-8/index.html"].map((f) => partHolding(first.memo, f).path));
    assert.equal(next.partsRead, read.size);
    const changed = partFiles(next.memo).filter((f) => !partFiles(first.memo).includes(f));
    assert.equal(changed.length, 1);
    assert.equal(next.checked, first.checked);
    // the next memo serves the build after it
    const third = run(edited, next);
    assert.equal(third.partsRead, 0);
    assert.equal(third.reused, pages(edited));
  });

  it("reports a page taken unchanged that links to a page deleted in this build", () => {
    // A story in a part of its own links to story-8 with an encoded URL: its last segment
    // names story-8 only once decoded.
    const taken = new Set(["/index.html", "/world/story-7/index.html", "/world/story-8/index.html"].map((f) => partOf(f, 64)));
    const story = Array.from({ length: 40 }, (_, i) => `/world/story-${i}/index.html`).find((f, i) => i > 9 && !taken.has(partOf(f, 64)))!;
    const encoded = (s: Site) => (s[story.slice(1)] = s[story.slice(1)]!.replace("</main>", `<a href="/news/world/story%2D8/">8</a></main>`));
    const first = run(newsSite(40, encoded), undefined, { pagesPerPart: 1 });
    assert.equal(JSON.parse(readFileSync(path.join(first.memo, "index.json"), "utf8")).parts, 64);
    const deleted = newsSite(40, (s) => {
      encoded(s);
      delete s["world/story-8/index.html"];
      s["index.html"] = s["index.html"]!.replace(`<a href="/news/world/story-8/">story-8</a>`, "");
    });
    const next = run(deleted, first, { pagesPerPart: 1 });
    assert.deepEqual(next.findings, fresh(next));
    assert.deepEqual(next.findings, [
      `${story} <a href> "/world/story%2D8/" does not resolve to a file in the build`,
      '/world/story-7/index.html <a href> "/world/story-8/" does not resolve to a file in the build', // "../story-8/"
      '/world/story-7/index.html <a href> "/world/story-8/" does not resolve to a file in the build', // "/news/world/story-8/#sec"
    ].sort());
    assert.ok(next.partsRead < partFiles(first.memo).length / 2, `parts read: ${next.partsRead} of ${partFiles(first.memo).length}`);
  });

  it("reads few parts when hundreds of files no page links to are gone (a search index written anew)", () => {
    const chunks = (s: Site) => {
      for (let i = 0; i < 300; i++) s[`pagefind/fragment/en_${(i * 7919).toString(16)}.pf_fragment`] = "x";
    };
    const first = run(newsSite(40, chunks));
    const next = run(newsSite(40), first);
    assert.deepEqual(next.findings, fresh(next));
    assert.ok(next.partsRead <= 2, `parts read: ${next.partsRead} of ${partFiles(first.memo).length}`);
  });

  it("reports a page taken unchanged that links to an id that disappeared from a re-rendered page", () => {
    const first = run(newsSite(40));
    const next = run(newsSite(40, (s) => (s["world/story-3/index.html"] = s["world/story-3/index.html"]!.replace(`<h2 id="sec">`, "<h2>"))), first);
    assert.deepEqual(next.findings, fresh(next));
    assert.deepEqual(next.findings, ['/world/story-2/index.html <a href> "/news/world/story-3/#sec": no element with id "sec" in /world/story-3/index.html']);
  });

  it("resolves a fresh page's link to an id of a page taken unchanged, whose part is read only then", () => {
    const first = run(newsSite(40));
    const next = run(newsSite(40, (s) => (s["new/index.html"] = page(`<a href="/news/world/story-20/#headline">ok</a><a href="/news/world/story-21/#nope">gone</a>`))), first);
    assert.deepEqual(next.findings, fresh(next));
    assert.deepEqual(next.findings, ['/new/index.html <a href> "/news/world/story-21/#nope": no element with id "nope" in /world/story-21/index.html']);
  });

  it("reports the own problems of a page taken unchanged in every build", () => {
    const broken = (s: Site) => (s["world/story-5/index.html"] = s["world/story-5/index.html"]!.replace("</main>", `<a href="">empty</a></main>`));
    const first = run(newsSite(40, broken));
    const next = run(newsSite(40, broken), first);
    assert.deepEqual(next.findings, first.findings);
    assert.deepEqual(next.findings, ["/world/story-5/index.html <a href> is empty"]);
    assert.equal(next.partsRead, 1);
  });

  for (const [name, edit] of [
    ["to an id it lacks", (s: Site) => (s["world/story-5/index.html"] = s["world/story-5/index.html"]!.replace("</main>", `<a href="#nowhere">self</a></main>`))],
    ["whose own URL leads to another file", (s: Site) => (s["world/story%2D99/index.html"] = page("odd"))],
  ] as const) {
    it(`reports in every build a page taken unchanged whose link to itself fails: ${name}`, () => {
      const first = run(newsSite(40, edit));
      assert.equal(first.findings.length, 1);
      const next = run(newsSite(40, edit), first);
      assert.deepEqual(next.findings, first.findings);
      assert.deepEqual(next.findings, fresh(next));
    });
  }

  for (const [name, damage] of [
    ["cut short (another size)", (file: string) => truncateSync(file, 10)],
    ["changed in place (same size)", (file: string) => writeFileSync(file, readFileSync(file, "utf8").replace(/#sec/g, "#sex"))],
    ["missing", (file: string) => rmSync(file)],
  ] as const) {
    it(`checks in full the pages of a part ${name}, read afresh, when a gone id makes it needed`, () => {
      const first = run(newsSite(40));
      damage(partHolding(first.memo, "/world/story-8/index.html").path); // story-8 links to story-9's #sec
      const next = run(newsSite(40, (s) => (s["world/story-9/index.html"] = s["world/story-9/index.html"]!.replace(`<h2 id="sec">`, "<h2>"))), first);
      assert.deepEqual(next.findings, fresh(next));
      assert.deepEqual(next.findings, ['/world/story-8/index.html <a href> "/news/world/story-9/#sec": no element with id "sec" in /world/story-9/index.html']);
    });

    it(`reads the pages of a part ${name} afresh when it is read, and writes it again`, () => {
      const first = run(newsSite(40));
      const victim = partHolding(first.memo, "/world/story-9/index.html");
      damage(victim.path);
      const edited = newsSite(40, (s) => (s["world/story-9/index.html"] = s["world/story-9/index.html"]!.replace("next</a>", "next story</a>")));
      const next = run(edited, first);
      assert.deepEqual(next.findings, fresh(next));
      assert.deepEqual(next.findings, []);
      assert.equal(next.reused, pages(edited) - new Set(["/world/story-9/index.html", ...victim.pages]).size);
      const third = run(edited, next);
      assert.equal(third.reused, pages(edited));
      assert.equal(third.partsRead, 0);
    });
  }

  it("does not keep a damaged part as it was, though its pages are unchanged", () => {
    const first = run(newsSite(40));
    const victim = partHolding(first.memo, "/index.html");
    writeFileSync(victim.path, readFileSync(victim.path, "utf8").replace(/#main/g, "#mai_"));
    const next = run(newsSite(40), first, { rendered: ["/index.html"] });
    assert.deepEqual(next.findings, []);
    assert.equal(next.reused, pages(newsSite(40)) - victim.pages.length);
    const third = run(newsSite(40), next, { rendered: ["/index.html"] });
    assert.equal(third.reused, pages(newsSite(40)));
  });

  it("with a damaged index, scans every page afresh", () => {
    const first = run(newsSite(40));
    writeFileSync(path.join(first.memo, "index.json"), "{");
    const deleted = newsSite(40, (s) => delete s["world/story-8/index.html"]);
    const next = run(deleted, first);
    assert.equal(next.reused, 0);
    assert.deepEqual(next.findings, fresh(next));
    assert.ok(next.findings.length >= 3);
  });

  it("changes its part count with the site's size, and still finds the same", () => {
    const first = run(newsSite(40), undefined, { pagesPerPart: 2 });
    const deleted = newsSite(40, (s) => delete s["world/story-8/index.html"]);
    const next = run(deleted, first, { pagesPerPart: 128 });
    assert.deepEqual(next.findings, fresh(next));
    assert.equal(partFiles(next.memo).length, 1);
    const same = newsSite(40, (s) => {
      delete s["world/story-8/index.html"];
      s["world/story-7/index.html"] = s["world/story-7/index.html"]!.replace(/story-8/g, "story-9");
    });
    const third = run(same, run(same, next, { pagesPerPart: 128 }), { pagesPerPart: 128 });
    assert.deepEqual(third.findings, []);
    assert.equal(third.reused, pages(same));
  });
});
