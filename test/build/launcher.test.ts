/**
 * The compiled launcher (_config/build/launcher.ts, scripts/build.mjs): `npm run build`
 * answers "nothing to build" in plain Node, from a bundle compiled after the last good
 * build, and only for the code it was compiled from. Every other case is the full build's.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { compileLauncher, launcherFile, launcherFingerprint } from "../../_config/build/launcher.ts";
import { NOW, prepareFixture, ROOT } from "../helpers/site.ts";

const exec = promisify(execFile);
const ENV = { ...process.env, NEWSROOM_ENV: "production", NEWSROOM_NOW: NOW, NEWSROOM_IMAGE_CACHE: "", NEWSROOM_TIMINGS: "", TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json") };

describe("the compiled launcher", () => {
  let dir = "";
  let launcher = "";
  /** package.json's build script, as npm runs it, in the site folder */
  const npmBuild = async (...args: string[]) => (await exec(process.execPath, ["scripts/build.mjs", ...args], { cwd: dir, env: ENV, maxBuffer: 16 << 20 })).stdout;
  /** the same, printing its phases (NEWSROOM_TIMINGS=1) */
  const npmBuildTimed = async (...args: string[]) => (await exec(process.execPath, ["scripts/build.mjs", ...args], { cwd: dir, env: { ...ENV, NEWSROOM_TIMINGS: "1" }, maxBuffer: 16 << 20 })).stdout;
  /** the launcher alone, in plain Node (no tsx: it cannot load a .ts file) */
  const answer = async () => (await exec(process.execPath, ["--input-type=module", "-e", `const { run } = await import(${JSON.stringify(pathToFileURL(launcher).href)}); console.log(await run());`], { cwd: dir, env: ENV })).stdout.trim().split("\n").at(-1);
  /** built pages whose main heading is `text` */
  const pagesHeaded = (text: string) =>
    readdirSync(path.join(dir, "dist"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".html"))
      .filter((f) => parseHTML(readFileSync(path.join(dir, "dist", f), "utf8")).document.querySelector("h1")?.textContent?.trim() === text);

  before(async () => {
    dir = await prepareFixture("good");
    // as a site folder holding the project (the bench's sites are made the same way)
    for (const file of [".eleventy.ts", "tsconfig.json", "package.json", "scripts"]) symlinkSync(path.join(ROOT, file), path.join(dir, file));
    launcher = launcherFile(path.join(dir, ".cache"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("is compiled by a good build, holds only Node built-ins and the project's code, and answers 'nothing to build'", async () => {
    assert.match(await npmBuild(), /Built \d+ pages/);
    const code = readFileSync(launcher, "utf8");
    assert.match(launcherFingerprint(launcher) ?? "", /^[0-9a-f]{64}$/);
    const specifiers = [...code.matchAll(/\bfrom\s*"([^"]+)"|\bimport\(\s*"([^"]+)"/g)].map((m) => m[1] ?? m[2]);
    assert.ok(specifiers.length > 0);
    assert.deepEqual(specifiers.filter((s) => !s?.startsWith("node:")), [], "the launcher imports only Node built-ins");
    assert.equal(await answer(), "settled");
    assert.match(await npmBuild(), /Nothing to build: .* stands as the last build left it/);
  });

  it("says 'build' after an edit, and the build shows it", async () => {
    const file = path.join(dir, "src/articles/2024/plain-story.md");
    const title = "Launcher edit: a new headline";
    assert.deepEqual(pagesHeaded(title), []);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, 'title: "Launcher edit: a new headline"'));
    assert.equal(await answer(), "build");
    // the launcher, compiled from this code, hands the inputs it read to the full build in its process
    const out = await npmBuildTimed();
    assert.match(out, /Built \d+ pages/);
    assert.match(out, /inputs read once: by the launcher/);
    assert.equal(pagesHeaded(title).length, 1, "the story's page carries the new headline");
    assert.equal(await answer(), "settled");
  });

  it("never answers for other code: a launcher compiled for another fingerprint says 'build'", async () => {
    const real = launcherFingerprint(launcher);
    await compileLauncher({ cacheRoot: path.join(dir, ".cache"), fingerprint: "0".repeat(64) });
    assert.equal(launcherFingerprint(launcher), "0".repeat(64));
    assert.equal(await answer(), "build");
    // the full build answers instead, and compiles the launcher for the running code again
    assert.match(await npmBuild(), /Nothing to build/);
    assert.equal(launcherFingerprint(launcher), real);
  });

  it("a broken launcher costs nothing but time; --clean never asks it", async () => {
    writeFileSync(launcher, "this is not JavaScript {");
    assert.match(await npmBuild(), /Nothing to build/);
    assert.equal(await answer(), "settled");
    const clean = await npmBuildTimed("--clean");
    assert.match(clean, /all built afresh/);
    assert.doesNotMatch(clean, /inputs read once: by the launcher/, "--clean never asks the launcher");
  });
});
