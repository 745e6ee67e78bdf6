/**
 * `npx tsx scripts/measure-edit.ts [--stories N] [--edits N]`: how long an editor
 * waits. On a temporary copy of the demo site (plus N generated stories), it times
 * `check`, starts the watcher (`scripts/serve.ts --watch-only`), then saves the
 * seed story's headline several times and measures, for each save, the time until
 * the story's page and the home page on disk carry the new headline. Prints medians.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { checkSite, siteFolders } from "../_config/dev/index.ts";
import { prepareFixture, ROOT } from "../test/helpers/site.ts";

const { values } = parseArgs({ options: { stories: { type: "string", default: "0" }, edits: { type: "string", default: "7" } } });
const extra = Number(values.stories);
const edits = Number(values.edits);
const SEED = "src/articles/2022/thousands-russian-troops-contact-ukraines-surrender-hotline-ukrainian-official.md";
const SEED_URL = "/world/thousands-russian-troops-contact-ukraines-surrender-hotline-ukrainian-official/";
const SECTIONS = ["world", "us", "politics", "business", "science", "opinion"];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function generate(dir: string, n: number): Promise<void> {
  await mkdir(path.join(dir, "src/articles/gen"), { recursive: true });
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String((i % 12) + 1).padStart(2, "0");
    const body = Array.from({ length: 8 }, (_, p) => `Paragraph ${p + 1} of generated story ${i}, with "quotes" -- and a [link](https://example.com/${i}).`).join("\n\n");
    await writeFile(
      path.join(dir, "src/articles/gen", `generated-story-${i}.md`),
      `---\ntitle: Generated story number ${i}\ndescription: A generated story for timing.\ndate: 2021-${month}-${day}T09:00:00-05:00\nsection: ${SECTIONS[i % SECTIONS.length]}\ntags: [Topic ${i % 20}]\n---\n${body}\n`,
    );
  }
}

const dir = await prepareFixture("site");
await symlink(path.join(ROOT, "package.json"), path.join(dir, "package.json"));
await generate(dir, extra);
const page = (url: string) => path.join(dir, ".cache/dev-site", url, "index.html");
const has = (url: string, text: string) => existsSync(page(url)) && readFileSync(page(url), "utf8").includes(text);

const checkStart = performance.now();
const { stories, problems } = checkSite(siteFolders(dir));
console.log(`check: ${stories} stories, ${problems.length} problems, ${Math.round(performance.now() - checkStart)} ms`);

let log = "";
const startAt = performance.now();
const watcher = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "scripts/serve.ts"), "--watch-only"], {
  cwd: dir,
  detached: true,
  env: { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json"), NEWSROOM_ENV: "development" },
  stdio: ["ignore", "pipe", "pipe"],
});
watcher.stdout!.on("data", (c) => (log += c));
watcher.stderr!.on("data", (c) => (log += c));
try {
  while (!log.includes("watching for changes")) {
    if (performance.now() - startAt > 600_000) throw new Error(`watcher did not start:\n${log}`);
    await sleep(20);
  }
  console.log(`first build + watcher ready: ${Math.round(performance.now() - startAt)} ms`);
  const original = await readFile(path.join(dir, SEED), "utf8");
  // chokidar can miss a save made the instant it reports ready: warm up (not measured).
  for (let attempt = 0; !has("/", "Warm-up headline"); attempt++) {
    if (attempt > 30) throw new Error(`the watcher never rebuilt after a save:\n${log.slice(-2000)}`);
    await writeFile(path.join(dir, SEED), original.replace(/^title: .*$/m, `title: "Warm-up headline ${attempt}"`));
    for (let t = 0; t < 100 && !has("/", "Warm-up headline"); t++) await sleep(50);
  }
  const toStory: number[] = [];
  const toHome: number[] = [];
  for (let i = 0; i < edits; i++) {
    const marker = `Edited headline number ${i} ${Date.now()}`;
    await sleep(500); // let the previous rebuild settle
    const saved = performance.now();
    await writeFile(path.join(dir, SEED), original.replace(/^title: .*$/m, `title: "${marker}"`));
    let story = 0;
    let home = 0;
    while (!story || !home) {
      if (performance.now() - saved > 120_000) throw new Error(`edit ${i} never reached the pages:\n${log.slice(-2000)}`);
      if (!story && has(SEED_URL, marker)) story = performance.now() - saved;
      if (!home && has("/", marker)) home = performance.now() - saved;
      await sleep(5);
    }
    toStory.push(story);
    toHome.push(home);
  }
  const fmt = (xs: number[]) => `median ${Math.round(median(xs))} ms (min ${Math.round(Math.min(...xs))}, max ${Math.round(Math.max(...xs))})`;
  console.log(`save → story page on disk: ${fmt(toStory)} over ${edits} edits`);
  console.log(`save → home page on disk:  ${fmt(toHome)} over ${edits} edits`);
} finally {
  try {
    process.kill(-watcher.pid!, "SIGKILL");
  } catch {
    // already gone
  }
  await rm(dir, { recursive: true, force: true });
}
