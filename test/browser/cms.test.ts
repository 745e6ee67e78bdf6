/**
 * The browser editor (Decap CMS at /admin/) on its local backend, in Chromium, against
 * `npm start` on a temporary copy of the `cms` fixture (the seed story and its photos).
 * The dev server serves /admin/ with the admin's own CSP, so these also prove Decap runs
 * under it. Everything the CMS writes must pass the contract:
 *
 * 1. a story created with an uploaded lead photo, a figure and a related callout lands
 *    in src/articles/<year>/, passes `check`, and its page shows the figure and callout;
 * 2. the seed story's headline edited and saved: the file still passes `check`, every
 *    other front-matter key keeps its value, and the body's blocks survive.
 *
 * 3. a production build with `cms: git-gateway`, served with its own `_headers`, runs
 *    the CMS up to its login under the admin's production CSP, breaking none of it.
 *
 * NEWSROOM_CMS_SCREENSHOTS=1 also writes the editor guide's screenshots (docs/screenshots/cms-*.png).
 */
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parseHTML } from "linkedom";
import type { Browser, Page } from "playwright-core";
import { browserSkipReason, launchBrowser, serveStatic } from "../helpers/browser.ts";
import { buildFixture, FIXTURES, ROOT } from "../helpers/site.ts";
import { startWatcher, type Watcher } from "../helpers/watch.ts";
import { bodyStart, parseBlock, readFrontMatter } from "../../_config/content/index.ts";
import { checkSite, siteFolders, storyFiles } from "../../_config/dev/index.ts";

const skip = browserSkipReason();
const SEED_SLUG = "thousands-russian-troops-contact-ukraines-surrender-hotline-ukrainian-official";
const SEED = `src/articles/2022/${SEED_SLUG}.md`;
const SHOTS = process.env.NEWSROOM_CMS_SCREENSHOTS === "1" ? path.join(ROOT, "docs/screenshots") : undefined;
const WAIT = 30_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

/** The `:::` blocks of a story body, parsed, in order. */
function blocksOf(body: string): { kind: string; fields: Record<string, string> }[] {
  const lines = body.split(/\r?\n/);
  const blocks: { kind: string; fields: Record<string, string> }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^:::[ \t]*([a-z]+)[ \t]*$/.exec(lines[i]!.trim());
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === ":::");
    const { block, problems } = parseBlock(open[1]!, lines.slice(i + 1, end), i, "body");
    assert.deepEqual(problems, []);
    blocks.push({ kind: block!.kind, fields: block!.fields });
    i = end;
  }
  return blocks;
}

/** The body's text outside the blocks, paragraph by paragraph, whitespace normalised. */
function paragraphsOf(body: string): string[] {
  return body
    .replace(/^:::[ \t]*[a-z]+[ \t]*\n[\s\S]*?\n:::[ \t]*$/gm, "")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

function storyFile(file: string): { data: Record<string, unknown>; body: string } {
  const fm = readFrontMatter(file);
  const lines = readFileSync(file, "utf8").split(/\r?\n/);
  return { data: fm.data as Record<string, unknown>, body: lines.slice(bodyStart(lines)).join("\n") };
}

describe("the browser editor at /admin/ (Decap CMS, local backend)", { skip }, () => {
  let watcher: Watcher;
  let browser: Browser;
  let page: Page;
  let origin: string;
  /** full loads of the admin page (the dev server's live reload must never reload the editor) */
  let reloads = 0;
  const uploads = mkdtempSync(path.join(os.tmpdir(), "newsroom-cms-uploads-"));

  before(async () => {
    const port = await freePort();
    // generous: the first build of a dev server on a busy 2-core machine
    watcher = await startWatcher("cms", { port, cmsPort: await freePort(), readyDeadlineMs: 120_000 });
    origin = `http://localhost:${port}`;
    const photos = path.join(watcher.dir, "src/articles/2022");
    copyFileSync(path.join(photos, "recruit-son-prudboi.placeholder.jpg"), path.join(uploads, "lead-photo.jpg"));
    copyFileSync(path.join(photos, "recruit-wife-volzhskiy.placeholder.jpg"), path.join(uploads, "figure-photo.jpg"));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(WAIT);
    // Decap's own errors, printed so a failure here can be read
    page.on("pageerror", (e) => console.error(`[cms page error] ${e.stack ?? e.message}`));
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame() && !frame.url().includes("#")) reloads++;
    });
    await page.goto(`${origin}/admin/`);
    await page.getByRole("button", { name: "Login" }).click();
    await page.getByText(/Thousands of Russian troops/).first().waitFor();
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, "cms-stories.png") });
  });

  after(async () => {
    await browser?.close();
    await watcher?.stop();
    rmSync(uploads, { recursive: true, force: true });
  });

  /** Picks a photo in the open media library by uploading it. */
  async function upload(file: string): Promise<void> {
    await page.locator('input[type="file"]').first().setInputFiles(path.join(uploads, file));
    await page.getByRole("button", { name: /Choose selected/i }).click();
  }

  async function publish(): Promise<void> {
    await page.getByRole("button", { name: /^Publish/ }).first().click();
    await page.getByText("Publish now").click();
  }

  it("creates a story with a lead photo, a figure and a related callout that passes check and appears in the dev site", { timeout: 240_000 }, async () => {
    const before = new Set(storyFiles(path.join(watcher.dir, "src")));
    await page.goto(`${origin}/admin/#/collections/articles/new`);
    await page.getByLabel("Title", { exact: true }).fill("Rail operators test the single ticket");
    await page.getByLabel("Dek").fill("A story written in the browser editor");
    await page.getByLabel("Section").click();
    await page.getByRole("option", { name: "World" }).click();
    // the lead photo, uploaded through the media library
    await page.getByRole("button", { name: /Choose an image/i }).first().click();
    await upload("lead-photo.jpg");
    await page.getByLabel("Alt text").first().fill("A recruit and his son on a platform");
    await page.getByLabel("Credit").first().fill("AP Photo");
    // the body: a paragraph, a figure and a related callout, never typing :::
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.type("Rail operators agreed on a single ticket today.");
    await page.keyboard.press("Enter");
    await page.getByTitle("Add Component").click();
    await page.getByText(/^Figure/).click();
    await page.getByRole("button", { name: /Choose an image/i }).first().click();
    await upload("figure-photo.jpg");
    await page.getByLabel("Alt", { exact: true }).fill("Commuters at a ticket gate");
    await page.getByLabel("Caption", { exact: true }).last().fill("Commuters pass the new gates in Vienna.");
    await page.getByLabel("Credit", { exact: true }).last().fill("Newsroom photo");
    await page.getByTitle("Add Component").click();
    await page.getByText(/^Related story/).click();
    await page.getByLabel("Title", { exact: true }).last().fill("The surrender hotline");
    await page.getByLabel("Link", { exact: true }).fill(`/world/${SEED_SLUG}/`);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, "cms-new-story.png") });
    await publish();

    // the file appears under src/articles/<year>/, its photos beside it
    let created: string | undefined;
    await watcher.waitFor("the CMS wrote the new story", () => {
      created = storyFiles(path.join(watcher.dir, "src")).find((f) => !before.has(f));
      return !!created;
    });
    const file = created!;
    assert.equal(path.basename(file), "rail-operators-test-the-single-ticket.md");
    const { data, body } = storyFile(file);
    assert.equal(path.basename(path.dirname(file)), String(data.date).slice(0, 4), "the story's folder is its year");
    assert.equal(path.dirname(path.dirname(file)), path.join(watcher.dir, "src/articles"));
    assert.deepEqual(data.image, { src: "lead-photo.jpg", alt: "A recruit and his son on a platform", credit: "AP Photo" });
    assert.equal(data.section, "world");
    assert.ok(existsSync(path.join(path.dirname(file), "lead-photo.jpg")), "the lead photo is stored beside the story");
    assert.ok(existsSync(path.join(path.dirname(file), "figure-photo.jpg")), "the figure's photo is stored beside the story");
    assert.deepEqual(blocksOf(body), [
      { kind: "figure", fields: { src: "figure-photo.jpg", alt: "Commuters at a ticket gate", caption: "Commuters pass the new gates in Vienna.", credit: "Newsroom photo" } },
      { kind: "related", fields: { title: "The surrender hotline", url: `/world/${SEED_SLUG}/` } },
    ]);
    // it passes `npm run check`
    assert.deepEqual(checkSite(siteFolders(watcher.dir)).problems, []);

    // its page appears in the dev site, with the figure and the callout
    const url = "/world/rail-operators-test-the-single-ticket/";
    await watcher.waitFor("the dev site shows the new story", () => watcher.html(url).includes("rail-operators-test-the-single-ticket") && watcher.html(url).includes("related"));
    const { document } = parseHTML(watcher.html(url));
    assert.equal(document.querySelector("h1")?.textContent, "Rail operators test the single ticket");
    const figures = [...document.querySelectorAll(".story__body figure")];
    assert.equal(figures.length, 1);
    assert.equal(figures[0]!.querySelector("img")?.getAttribute("alt"), "Commuters at a ticket gate");
    assert.match(figures[0]!.querySelector("figcaption")?.textContent ?? "", /Commuters pass the new gates in Vienna\.\s*Newsroom photo/);
    const related = document.querySelector("aside.related a");
    assert.equal(related?.textContent, "The surrender hotline");
    assert.equal(related?.getAttribute("href"), `/world/${SEED_SLUG}/`);
    assert.equal(document.querySelector(".figure--lead img")?.getAttribute("alt"), "A recruit and his son on a platform");
  });

  it("edits the seed story's headline: the file passes check, every other field keeps its value, the blocks survive", { timeout: 240_000 }, async () => {
    const file = path.join(watcher.dir, SEED);
    const before = storyFile(file);
    const text = readFileSync(file, "utf8");
    await page.goto(`${origin}/admin/#/collections/articles`);
    await page.getByText(/^Thousands of Russian troops/).click();
    // the first "Title" is the story's; the body's related callouts have one each
    const title = page.getByLabel("Title", { exact: true }).first();
    await title.waitFor();
    assert.equal(await title.inputValue(), before.data.title);
    const headline = "Thousands of Russian troops call Ukraine’s ‘surrender hotline’: Ukrainian official";
    await title.fill(headline);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, "cms-edit-seed.png") });
    await publish();
    // the CMS writes the file in place: wait until it is whole (its new title parses), not just different
    const saved = () => {
      if (readFileSync(file, "utf8") === text) return false;
      try {
        return storyFile(file).data?.title === headline;
      } catch {
        return false;
      }
    };
    await watcher.waitFor("the CMS saved the seed story", saved);

    const after = storyFile(file);
    assert.equal(after.data.title, headline);
    const { title: _old, ...rest } = before.data;
    const { title: _new, ...restAfter } = after.data;
    assert.deepEqual(restAfter, rest, "every other front-matter key keeps its value");
    assert.deepEqual(blocksOf(after.body), blocksOf(before.body), "the figures and callouts survive");
    assert.equal(blocksOf(after.body).length, 5);
    assert.deepEqual(paragraphsOf(after.body), paragraphsOf(before.body), "every paragraph survives");
    assert.deepEqual(checkSite(siteFolders(watcher.dir)).problems, []);
    await watcher.waitFor("the dev site shows the new headline", () => parseHTML(watcher.html(`/world/${SEED_SLUG}/`)).document.querySelector("h1")?.textContent === headline);
    assert.equal(reloads, 1, "the editor was loaded once: no live reload after a save");
  });
});

describe("the browser editor in a production build, under its own CSP", { skip }, () => {
  it("loads up to the git-gateway login with no CSP violation and no error", { timeout: 180_000 }, async () => {
    const site = readFileSync(path.join(FIXTURES, "cms/_data/site.yaml"), "utf8");
    const built = await buildFixture("cms", { files: { "_data/site.yaml": `${site}cms:\n  backend: git-gateway\n  branch: main\n` } });
    const server = await serveStatic(built.out);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(WAIT);
      const problems: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
      const response = await page.goto(`${server.origin}/admin/`);
      assert.match(response?.headers()["content-security-policy"] ?? "", /script-src 'self' 'unsafe-eval'/, "served with the admin's CSP from _headers");
      // Decap's own Identity login (no widget script from a CDN)
      await page.getByPlaceholder("Email").waitFor();
      await page.getByPlaceholder("Password").waitFor();
      await page.getByRole("button", { name: "Login" }).waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      await server.close();
      await built.cleanup();
    }
  });
});
