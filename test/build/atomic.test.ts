/**
 * Atomic builds: a build that fails (bad content, a failed post-build check, a crash)
 * leaves the previous output byte-for-byte as it was, says why, and leaves no
 * temporary folder behind; a good build replaces it.
 */
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import { buildSite } from "../../_config/build/build.ts";
import { postBuildChecks } from "../../_config/build/checks/index.ts";
import type { EleventyConfig } from "../../_config/eleventy/eleventy-types.ts";
import { errorChain, NOW, prepareFixture, ROOT } from "../helpers/site.ts";

const TSX = import.meta.resolve("tsx");
let dir: string;
let output: string;
const ENV = { NEWSROOM_ENV: "production", NEWSROOM_NOW: NOW };

/** path → sha256 of every file under a folder */
function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    out[path.relative(folder, file)] = createHash("sha256").update(readFileSync(file)).digest("hex");
  }
  return out;
}

async function build(extra: Parameters<typeof buildSite>[0] = {}) {
  const saved = Object.fromEntries(Object.keys(ENV).map((k) => [k, process.env[k]]));
  Object.assign(process.env, ENV);
  try {
    return await buildSite({ root: ROOT, input: path.join(dir, "src"), output, quiet: true, checks: [postBuildChecks()], ...extra });
  } finally {
    for (const [k, v] of Object.entries(saved)) v === undefined ? delete process.env[k] : (process.env[k] = v);
  }
}

const story = (body: string, front = "") =>
  `---\ntitle: Extra story\ndescription: A dek\ndate: 2024-03-01\nsection: world\n${front}---\n${body}\n`;
// Each case writes its own file name: Eleventy caches a file's body by path across
// builds in one process (TemplateContent._inputCache), so reusing a name would be stale.
let serial = 0;
let EXTRA = "";
const nextStory = () => (EXTRA = `src/articles/extra-story-${++serial}.md`);

before(async () => {
  dir = await prepareFixture("good");
  output = path.join(dir, "dist");
  await build();
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe("a failed build", () => {
  const cases: { name: string; setup?: () => void; options?: Parameters<typeof buildSite>[0]; error: RegExp }[] = [
    {
      name: "bad content (an unknown key)",
      setup: () => writeFileSync(path.join(dir, EXTRA), story("Body.", "autors: [x]\n")),
      error: /extra-story-\d+\.md:6 autors: unknown key/,
    },
    {
      name: "a failed check (a broken internal link)",
      setup: () => writeFileSync(path.join(dir, EXTRA), story("See [the missing story](/world/no-such-story/).")),
      error: /\/world\/extra-story-\d+\/index\.html \[links\] <a href> "\/world\/no-such-story\/" does not resolve/,
    },
    {
      name: "a failed check (a broken #fragment)",
      setup: () => writeFileSync(path.join(dir, EXTRA), story("Jump [below](#nowhere).")),
      error: /\/world\/extra-story-\d+\/index\.html \[links\] .*no element with id "nowhere"/,
    },
    {
      name: "a crash in a transform",
      options: { configure: (c: unknown) => (c as EleventyConfig).addTransform("boom", () => { throw new TypeError("transform exploded"); }) },
      error: /transform exploded/,
    },
    {
      name: "a crash in a check",
      options: { checks: [async () => { throw new RangeError("check exploded"); }] },
      error: /check exploded/,
    },
  ];

  for (const c of cases) {
    it(`leaves dist/ exactly as it was and says why: ${c.name}`, async () => {
      const before = snapshot(output);
      nextStory();
      c.setup?.();
      try {
        await assert.rejects(build(c.options), (e: unknown) => {
          assert.match(errorChain(e), c.error);
          return true;
        });
        assert.deepEqual(snapshot(output), before);
        assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith(".dist")), [], "no temporary folder left behind");
      } finally {
        rmSync(path.join(dir, EXTRA), { force: true });
      }
    });
  }

  it("is followed by a good build that replaces dist/", async () => {
    writeFileSync(path.join(dir, nextStory()), story("A new story."));
    const before = snapshot(output);
    try {
      await build();
      const now = snapshot(output);
      assert.ok(now[`world/extra-story-${serial}/index.html`]);
      assert.notDeepEqual(now, before);
    } finally {
      rmSync(path.join(dir, EXTRA), { force: true });
    }
  });
});

describe("a killed build", () => {
  it("leaves a staging folder that the next build removes; a running build's folder is left alone", async () => {
    const site = await prepareFixture("good");
    const staging = () => readdirSync(site).filter((f) => f.startsWith(".dist-build-"));
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      symlinkSync(path.join(ROOT, ".eleventy.ts"), path.join(site, ".eleventy.ts"));
      const child = spawn(process.execPath, ["--import", TSX, path.join(ROOT, "scripts/build.ts")], { cwd: site, stdio: "ignore", env: { ...process.env, ...ENV, TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json") } });
      const deadline = Date.now() + 60_000;
      while (!staging().length && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      const abandoned = staging();
      assert.equal(abandoned.length, 1, "the killed build left its staging folder");
      // a folder of a build whose process still runs (another terminal)
      const running = `.dist-build-${sleeper.pid}-running`;
      mkdirSync(path.join(site, running));
      const saved = Object.fromEntries(Object.keys(ENV).map((k) => [k, process.env[k]]));
      Object.assign(process.env, ENV);
      try {
        await buildSite({ root: ROOT, input: path.join(site, "src"), output: path.join(site, "dist"), quiet: true });
      } finally {
        for (const [k, v] of Object.entries(saved)) v === undefined ? delete process.env[k] : (process.env[k] = v);
      }
      assert.deepEqual(staging(), [running]);
    } finally {
      sleeper.kill();
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe("npm run build (scripts/build.ts)", () => {
  const run = (cwd: string) =>
    promisify(execFile)(process.execPath, ["--import", TSX, path.join(ROOT, "scripts/build.ts")], { cwd, env: { ...process.env, ...ENV, TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json") } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it("reports the checks, and on failure exits 1 naming the problem, dist/ untouched", async () => {
    const site = await prepareFixture("good");
    try {
      symlinkSync(path.join(ROOT, ".eleventy.ts"), path.join(site, ".eleventy.ts"));
      // Eleventy reads `"type": "module"` from the working folder's package.json: without it
      // it takes the templates for CommonJS and writes every page without a layout (feeds,
      // robots.txt, _headers) empty, which the link check now reports (feed.json is no JSON).
      symlinkSync(path.join(ROOT, "package.json"), path.join(site, "package.json"));
      const ok = await run(site);
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stdout, /Checked \d+ pages with html-validate \(\d+ ms\) and \d+ links \(\d+ ms\): no problems/);
      const before = snapshot(path.join(site, "dist"));
      writeFileSync(path.join(site, nextStory()), story("A [dead link](/world/gone-story/)."));
      const failed = await run(site);
      assert.equal(failed.code, 1);
      assert.match(failed.stderr, /Build failed; the previous dist\/ is unchanged/);
      // the page and every feed carrying the story's body (site Atom, JSON Feed, section Atom)
      assert.match(failed.stderr, /4 problems in the built site:\n[\s\S]*\/world\/extra-story-\d+\/index\.html \[links\] <a href> "\/world\/gone-story\/" does not resolve/);
      assert.match(failed.stderr, /\/feed\.json \[links\] JSON content_html "\/world\/gone-story\/" does not resolve/);
      assert.deepEqual(snapshot(path.join(site, "dist")), before);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
