/** `npm run check`: every content problem of a site, found without building it. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { checkSite, siteFolders } from "../../../_config/dev/check.ts";
import { formatProblem } from "../../../_config/content/schema.ts";
import { FIXTURES, NOW, ROOT } from "../../helpers/paths.ts";

const lines = (site: string) => checkSite({ ...siteFolders(site), now: NOW }).problems.map(formatProblem);
const at = (name: string) => path.relative(process.cwd(), path.join(FIXTURES, "check-problems/src/articles", name));

describe("check", () => {
  it("passes the good fixture and the real site", () => {
    assert.deepEqual(lines(path.join(FIXTURES, "good")), []);
    assert.deepEqual(lines(ROOT), []);
  });

  it("reports every problem of every file, each as file:line key: message", () => {
    assert.deepEqual(lines(path.join(FIXTURES, "check-problems")), [
      `${at("2024/bad-blocks.md")}:9 figure.alt: required`,
      `${at("2024/bad-blocks.md")}:17 figure.src: photo file not found: ${at("2024/not-there.jpg")}`,
      `${at("2024/bad-blocks.md")}:24 related.url: /world/no-such-story/ links to no story`,
      `${at("2024/bad-blocks.md")}:29 link: /world/a-draft/ links to a draft (${at("2024/a-draft.md")}) that is not published yet; the link would be broken`,
      `${at("2024/bad-blocks.md")}:29 link: /world/same-slug/ links to no story; did you mean /us/same-slug/?`,
      `${at("2024/bad-yaml.md")}:5 (front matter): malformed YAML: bad indentation of a mapping entry`,
      `${at("2024/placeholder-dek.md")}:3 description: still the placeholder from \`npm run new\`; write the dek before publishing`,
      `${at("2024/same-slug.md")} (url): /us/same-slug/ is also the URL of ${at("2023/same-slug.md")}; rename one of the files or change its section`,
      `${at("2024/wrong-keys.md")}:5 section: unknown section "sport"; expected one of world, us, politics, business, science, opinion (from _data/sections)`,
      `${at("2024/wrong-keys.md")}:6 authors.1: unknown author "nobody-here"; expected a slug from _data/authors`,
      `${at("2024/wrong-keys.md")}:7 autors: unknown key (not in the content contract; a typo?)`,
      `${at("2024/wrong-keys.md")}:9 image.src: photo file not found: ${at("2024/missing.jpg")}`,
    ]);
  });

  it("reports a broken _data file and still checks the stories", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "newsroom-check-"));
    try {
      await cp(path.join(FIXTURES, "good"), dir, { recursive: true });
      await writeFile(path.join(dir, "_data/sections.yaml"), "world:\n  title: World\n  descripton: typo\n");
      await writeFile(path.join(dir, "src/articles/2024/extra.md"), "---\ntitle: Extra\ndescription: d\ndate: 2024-13-01\nsection: world\n---\n");
      const found = lines(dir).map((l) => l.replace(`${path.relative(process.cwd(), dir)}/`, ""));
      assert.ok(found.some((l) => l.startsWith("_data/sections.yaml world.descripton: unknown key")), found.join("\n"));
      assert.ok(found.some((l) => l.startsWith("_data/sections.yaml world.description: required")), found.join("\n"));
      assert.ok(found.some((l) => l.startsWith("src/articles/2024/extra.md:4 date:")), found.join("\n"));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("the command prints the problems and a summary, and exits 1", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/check.ts"), path.join(FIXTURES, "check-problems")], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NEWSROOM_NOW: NOW },
    });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /bad-yaml\.md:5 \(front matter\): malformed YAML/);
    assert.match(run.stdout, /✗ 12 problems in 5 files \(7 stories checked in \d+ ms\)/);
    const ok = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/check.ts"), path.join(FIXTURES, "good")], { cwd: ROOT, encoding: "utf8" });
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /✓ 4 stories checked, no problems/);
  });
});
