/** `npm run new`: a valid draft story, never an overwrite. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { checkSite, siteFolders } from "../../../_config/dev/check.ts";
import { readFrontMatter } from "../../../_config/content/frontmatter.ts";
import { newStory, UsageError } from "../../../_config/dev/scaffold.ts";
import { FIXTURES, NOW, ROOT } from "../../helpers/paths.ts";

let dir: string;
const opts = (o: Partial<Parameters<typeof newStory>[0]> = {}) => ({ ...siteFolders(dir), title: "Talks resume in Geneva", section: "world", now: NOW, ...o });

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "newsroom-new-"));
  await cp(path.join(FIXTURES, "good"), dir, { recursive: true });
});
after(() => rm(dir, { recursive: true, force: true }));

describe("new story", () => {
  it("writes src/articles/<yyyy>/<slug>.md: a draft dated now in the site's zone, that passes check", () => {
    const file = newStory(opts({ title: "  Talks  resume in “Geneva” — at last!  ", authors: ["maria-kovacs"] }));
    assert.equal(file, path.join(dir, "src/articles/2026/talks-resume-in-geneva-at-last.md"));
    const fm = readFrontMatter(file);
    assert.deepEqual(fm.data, {
      title: "Talks resume in “Geneva” — at last!",
      description: "TODO: the dek, one plain sentence under the headline",
      date: "2026-11-26T07:00:00-05:00",
      section: "world",
      authors: ["maria-kovacs"],
      draft: true,
    });
    assert.deepEqual(checkSite({ ...siteFolders(dir), now: NOW }).problems, []);
  });

  it("once published, check flags the placeholder dek", async () => {
    const file = path.join(dir, "src/articles/2026/talks-resume-in-geneva-at-last.md");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("draft: true\n", ""));
    const problems = checkSite({ ...siteFolders(dir), now: NOW }).problems;
    assert.deepEqual(problems.map((p) => [p.key, p.line]), [["description", 3]]);
    await writeFile(file, text);
  });

  it("refuses to overwrite a story, or to reuse a URL from another year's folder", async () => {
    const file = path.join(dir, "src/articles/2026/talks-resume-in-geneva-at-last.md");
    const before = await readFile(file, "utf8");
    assert.throws(() => newStory(opts({ title: "Talks resume in Geneva at last" })), /already exists/);
    assert.equal(await readFile(file, "utf8"), before);
    assert.throws(() => newStory(opts({ slug: "plain-story", now: "2027-01-05T12:00:00Z" })), /plain-story\.md already has the URL \/world\/plain-story\//);
    // the same slug in another section is another URL: allowed
    assert.match(newStory(opts({ slug: "plain-story", section: "us", now: "2027-01-05T12:00:00Z" })), /2027\/plain-story\.md$/);
  });

  it("validates the section, the authors and the headline", () => {
    assert.throws(() => newStory(opts({ section: "sport" })), /unknown section "sport"; expected one of world, us/);
    assert.throws(() => newStory(opts({ authors: ["nobody"] })), /unknown author "nobody"/);
    assert.throws(() => newStory(opts({ title: "   " })), /a headline is required/);
    assert.throws(() => newStory(opts({ title: "!!!" })), /cannot make a slug from "!!!"; pass one with --slug/);
  });

  it("romanizes the headline of a story in another language by that language's national system (--language)", () => {
    const file = newStory(opts({ title: "Тисячі російських військових звернулися на «гарячу лінію»", language: "uk" }));
    assert.equal(path.basename(file), "tysiachi-rosiiskykh-viiskovykh-zvernulysia-na-hariachu-liniiu.md");
    // the site's language (en-US) keeps slugify's transliteration
    assert.equal(path.basename(newStory(opts({ title: "Тисячі військових" }))), "tisyachi-viyskovikh.md");
    assert.throws(() => newStory(opts({ title: "Talks", language: "Ukrainian" })), /--language "Ukrainian" is not a BCP 47 language tag/);
  });

  it("the command prints the path, and exits 2 on a usage mistake", () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", path.join(ROOT, "node_modules/tsx/dist/esm/index.mjs"), path.join(ROOT, "scripts/new.ts"), ...args], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, NEWSROOM_NOW: NOW },
      });
    const ok = run("--section", "science", "--author", "james-okafor", "A comet", "returns");
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stdout.trim(), path.join("src/articles/2026/a-comet-returns.md"));
    const again = run("--section", "science", "A comet returns");
    assert.equal(again.status, 2);
    assert.match(again.stderr, /^new: src\/articles\/2026\/a-comet-returns\.md already exists/);
    assert.equal(run("A headline").status, 2);
    const uk = run("--section", "world", "--language", "uk", "Київ", "і", "Харків");
    assert.equal(uk.status, 0, uk.stderr);
    assert.equal(uk.stdout.trim(), path.join("src/articles/2026/kyiv-i-kharkiv.md"));
  });
});
