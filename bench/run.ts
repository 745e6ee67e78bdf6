/**
 * `npm run bench`: builds a synthetic corpus with Newsroom (cold and warm), stock
 * Eleventy and Hugo, interleaved, then measures watch-mode rebuild latency, and
 * writes docs/benchmarks.md. See docs/performance.md for what the numbers mean.
 *
 *   npm run bench                       # sizes 1000,4000,20000, one round each; 3 edits in npm start at 20,000 (under 15 minutes)
 *   npm run bench -- --runs 3 --stock-latency   # three rounds at every size; stock Eleventy's watch latency too
 *   npm run bench -- --huge             # the same, and 100,000 stories (one run)
 *   npm run bench -- --quick            # smoke run: 200 stories, 1 run, 2 edits
 *   npm run bench -- --runs 7 --sizes 1000,4000 --edits 5 --warmup 1 --latency-size 1000 --no-hugo --no-latency --out file.md
 * Per size and round: a clean build, one story edited, nothing changed, every page
 * changed (a site-wide edit), stock Eleventy, Hugo; the issue's targets are printed
 * as ratios to stock Eleventy's full build of the same corpus in the same run.
 * Environment: BENCH_RUNS, BENCH_SIZES, BENCH_EDITS override the defaults too.
 * Newsroom's watch command defaults to `npm start -- --watch-only` (scripts/serve.ts: the
 * dev loop, Eleventy's incremental watch plus Newsroom's fixes, without the HTTP server);
 * BENCH_NEWSROOM_WATCH="<script.ts> <args…>" runs a project script
 * instead (under tsx, in the corpus folder), with BENCH_NEWSROOM_READY as the regular
 * expression its output matches once it watches (default: Eleventy's "Watching…"; for the default command, "watching for changes").
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseDataFile } from "../_config/content/data.ts";
import { ROOT } from "../test/helpers/site.ts";
import { generateCorpus } from "./corpus.ts";
import { measureLatency, type LatencyTarget } from "./latency.ts";
import { killAll, measure, type Command, type Sample } from "./measure.ts";
import { LABELS, machine, report, type EditEffect, type Results, type Tool } from "./report.ts";
import { outputPaths, writeSites, type Sites } from "./sites.ts";

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const has = (name: string) => process.argv.includes(`--${name}`);

const quick = has("quick");
/** one timed round per size by default: the default run must stay under 15 minutes (a clean 20,000-story build alone takes about 6) */
const runs = Number(flag("runs") ?? process.env.BENCH_RUNS ?? 1);
/** big corpora: one round, no warm-up (a clean 20,000-story build alone takes minutes) */
const BIG = 20000;
const runsAt = (size: number) => (size >= BIG && !flag("runs") ? 1 : runs);
const warmup = Number(flag("warmup") ?? 0);
const sizes = [...(flag("sizes") ?? process.env.BENCH_SIZES ?? (quick ? "200" : "1000,4000,20000")).split(",").map(Number), ...(has("huge") ? [100000] : [])];
const edits = Number(flag("edits") ?? process.env.BENCH_EDITS ?? (quick ? 2 : 3));
const latencySize = Number(flag("latency-size") ?? (sizes.includes(BIG) ? BIG : Math.max(...sizes)));
const out = path.resolve(ROOT, flag("out") ?? (quick ? ".bench/benchmarks.md" : "docs/benchmarks.md"));
const withHugo = !has("no-hugo") && hugoInstalled();
const withLatency = !has("no-latency");
/** stock Eleventy's watch latency: context, not a target (at 20,000 stories it never showed a save within 30 s), so only when asked */
const withStockLatency = has("stock-latency");
/** the issue's default run: no option given (it is the run that must stay under 15 minutes) */
const defaultRun = process.argv.slice(2).length === 0 && !process.env.BENCH_RUNS && !process.env.BENCH_SIZES && !process.env.BENCH_EDITS;

function hugoInstalled(): boolean {
  try {
    execFileSync("hugo", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const BENCH = path.join(ROOT, ".bench");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
const ELEVENTY = path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
const node = process.execPath;
// tsx reads tsconfig.json (JSX settings) from the working folder; the corpus folder links
// the project's, whose `include` globs only match the project's real paths: name it.
const TSX_ENV = { TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json") };

/**
 * Newsroom's build is package.json's `build` script, run the way npm runs it (a shell in
 * the site folder, the project's node_modules/.bin first on PATH), so whatever that script
 * grows into (checks, a search index) is measured too.
 */
function npmBuild(sites: Sites, env: Record<string, string>): Command {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const PATH = `${path.join(ROOT, "node_modules/.bin")}${path.delimiter}${process.env.PATH ?? ""}`;
  return { cmd: "sh", args: ["-c", pkg.scripts.build!], cwd: sites.newsroom, env: { ...TSX_ENV, ...env, PATH } };
}

/** Toggles a line of a file between two versions (each call is one change). */
function toggle(file: string, from: RegExp, to: (line: string) => string, back: RegExp, restore: (line: string) => string): void {
  const text = readFileSync(file, "utf8");
  writeFileSync(file, back.test(text) ? text.replace(back, restore) : text.replace(from, to));
}

type Newest = { path: string; section: string; slug: string };

/** Each tool: what to clear or change before a run, and the command. */
function buildStep(tool: Tool, sites: Sites, newest: Newest): { clear: string[]; change?: () => void; command: Command } {
  switch (tool) {
    case "newsroom-cold":
      return {
        clear: [".cache", "dist"].map((d) => path.join(sites.newsroom, d)),
        command: npmBuild(sites, { TSX_DISABLE_CACHE: "1" }),
      };
    case "newsroom-edit":
      return {
        clear: [],
        // the newest story's headline: its page, the home page, its lists and feeds change
        change: () => toggle(path.join(sites.newsroom, "src", newest.path), /^title: (.*)$/m, (l) => `${l} (updated)`, /^(title: .*) \(updated\)$/m, (l) => l.replace(/ \(updated\)$/, "")),
        command: npmBuild(sites, {}),
      };
    case "newsroom-nochange":
      return { clear: [], command: npmBuild(sites, {}) };
    case "newsroom-sitewide":
      return {
        clear: [],
        // the site's description is in every page's head: every page changes, as with a layout edit
        change: () => toggle(path.join(sites.newsroom, "_data/site.yaml"), /^description: (.*)$/m, (l) => `${l} Updated.`, /^(description: .*) Updated\.$/m, (l) => l.replace(/ Updated\.$/, "")),
        command: npmBuild(sites, {}),
      };
    case "stock":
      return { clear: [path.join(sites.stock, "dist")], command: { cmd: node, args: [ELEVENTY, "--config=eleventy.config.mjs", "--quiet"], cwd: sites.stock } };
    case "hugo":
      return { clear: ["public", "resources"].map((d) => path.join(sites.hugo, d)), command: { cmd: "hugo", args: ["--quiet", "-d", "public"], cwd: sites.hugo } };
  }
}

async function runBuild(tool: Tool, sites: Sites, newest: Newest): Promise<Sample> {
  const step = buildStep(tool, sites, newest);
  for (const dir of step.clear) await rm(dir, { recursive: true, force: true });
  step.change?.();
  return measure(step.command);
}

/** What the one-story edit changed: files (from the build's summary line) and the files that show the story. */
function editEffect(sample: Sample, sites: Sites, newest: Newest): EditEffect {
  const m = /; ([\d,]+) files changed \(([\d,]+) of them in the search index\)/.exec(sample.output ?? "");
  const num = (x: string | undefined) => Number((x ?? "NaN").replace(/,/g, ""));
  const filesChanged = num(m?.[1]) - num(m?.[2]);
  const dist = path.join(sites.newsroom, "dist");
  const link = `/${newest.section}/${newest.slug}/`;
  let filesShowing = 0;
  for (const e of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && /\.(html|xml|json)$/.test(e.name) && !e.parentPath.includes(`${path.sep}pagefind`) && readFileSync(path.join(e.parentPath, e.name), "utf8").includes(link)) filesShowing++;
  }
  return { filesChanged, filesShowing };
}

function latencyTargets(sites: Sites, story: { path: string; section: string; slug: string }): Record<"newsroom" | "stock" | "hugo", LatencyTarget> {
  const paths = outputPaths(sites, story);
  return {
    newsroom: { command: { cmd: node, args: [TSX, ...newsroomWatch()], cwd: sites.newsroom, env: TSX_ENV }, ready: new RegExp(process.env.BENCH_NEWSROOM_READY ?? (process.env.BENCH_NEWSROOM_WATCH ? "Watching…" : "watching for changes")), ...paths.newsroom },
    stock: { command: { cmd: node, args: [ELEVENTY, "--config=eleventy.config.mjs", "--watch", "--incremental"], cwd: sites.stock }, ready: /Watching…/, ...paths.stock },
    hugo: { command: { cmd: "hugo", args: ["--watch", "-d", "public"], cwd: sites.hugo }, ready: /Watching for changes/, ...paths.hugo },
  };
}

function newsroomWatch(): string[] {
  const custom = process.env.BENCH_NEWSROOM_WATCH?.trim().split(/\s+/);
  // Default: `npm start`'s dev loop (scripts/serve.ts), without its HTTP server.
  if (!custom?.length) return [path.join(ROOT, "scripts/serve.ts"), "--watch-only"];
  return [path.resolve(ROOT, custom[0]!), ...custom.slice(1)];
}

const fmt = (s: Sample) => `${(s.ms / 1000).toFixed(2)} s, ${s.rssMB.toFixed(0)} MB, CPU ${s.cpuS.toFixed(2)} s`;

async function main(): Promise<void> {
  const started = performance.now();
  const sections = Object.keys(parseDataFile(readFileSync(path.join(ROOT, "_data/sections.yaml"), "utf8"), "sections.yaml") as object);
  const tools: Tool[] = ["newsroom-cold", "newsroom-edit", "newsroom-nochange", "newsroom-sitewide", "stock", ...(withHugo ? (["hugo"] as const) : [])];
  const results: Results = { runs, warmup, builds: new Map(), latency: new Map(), latencySize: withLatency ? latencySize : undefined, newsroomWatch: process.env.BENCH_NEWSROOM_WATCH ?? "npm start -- --watch-only", edits: new Map() };
  const siteOf = new Map<number, { sites: Sites; newest: { path: string; section: string; slug: string } }>();
  await mkdir(BENCH, { recursive: true });
  for (const size of [...new Set([...sizes, ...(withLatency ? [latencySize] : [])])]) {
    const corpus = generateCorpus({ stories: size, sections });
    const sites = await writeSites(path.join(BENCH, `n${size}`), corpus, withHugo);
    siteOf.set(size, { sites, newest: corpus.stories.at(-1)! });
    console.log(`corpus: ${size} stories in ${path.relative(ROOT, path.join(BENCH, `n${size}`))}`);
  }
  for (const size of sizes) {
    const { sites, newest } = siteOf.get(size)!;
    const samples = new Map<Tool, Sample[]>(tools.map((t) => [t, []]));
    results.builds.set(size, samples);
    const n = runsAt(size);
    const w = size >= BIG ? 0 : warmup;
    for (let round = 1; round <= w + n; round++) {
      const timed = round > w;
      for (const tool of tools) {
        const sample = await runBuild(tool, sites, newest);
        if (timed) samples.get(tool)!.push(sample);
        let note = "";
        if (tool === "newsroom-edit") {
          const effect = editEffect(sample, sites, newest);
          results.edits.set(size, effect);
          note = `; ${effect.filesChanged} files changed, ${effect.filesShowing} files show the story`;
        }
        console.log(`${size} ${timed ? `run ${round - w}/${n}` : "warm-up"}  ${LABELS[tool].padEnd(54)} ${fmt(sample)}${note}`);
      }
    }
  }
  if (withLatency) {
    const { sites, newest } = siteOf.get(latencySize)!;
    const targets = latencyTargets(sites, newest);
    const watchers: ("newsroom" | "stock" | "hugo")[] = ["newsroom", ...(withStockLatency ? (["stock"] as const) : []), ...(withHugo ? (["hugo"] as const) : [])];
    for (const tool of watchers) {
      const l = await measureLatency(targets[tool], edits, { stories: latencySize });
      results.latency.set(tool, l);
      console.log(`latency ${tool}: page ${l.page.map((x) => x.toFixed(0)).join(", ")} ms; home ${l.home.map((x) => x.toFixed(0)).join(", ")} ms; timeouts ${l.timeouts}`);
    }
  }
  results.minutes = (performance.now() - started) / 60000;
  results.defaultRun = defaultRun;
  const args = process.argv.slice(2).join(" ");
  const text = report(results, { ...machine(), "Bench run time": `${results.minutes.toFixed(1)} min` }, `npm run bench${args ? ` -- ${args}` : ""}`);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, text);
  console.log(`\n${text}\nWritten to ${path.relative(ROOT, out)}`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}
try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  killAll();
}
