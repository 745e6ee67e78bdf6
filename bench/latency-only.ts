/**
 * `npx tsx bench/latency-only.ts [--edits N] [--tools newsroom,stock,hugo]`: only the
 * bench's rebuild-latency measurement (bench/latency.ts), on the 1,000-story corpus
 * already written by `npx tsx bench/prepare.ts 1000`. For iterating on the dev loop.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseDataFile } from "../_config/content/data.ts";
import { ROOT } from "../test/helpers/site.ts";
import { generateCorpus } from "./corpus.ts";
import { measureLatency, type LatencyTarget } from "./latency.ts";
import { killAll } from "./measure.ts";
import { outputPaths } from "./sites.ts";

const { values } = parseArgs({ options: { edits: { type: "string", default: "7" }, tools: { type: "string", default: "newsroom,stock" }, size: { type: "string", default: "1000" } } });
const size = Number(values.size);
const sections = Object.keys(parseDataFile(readFileSync(path.join(ROOT, "_data/sections.yaml"), "utf8"), "sections.yaml") as object);
const newest = generateCorpus({ stories: size, sections }).stories.at(-1)!;
const dir = path.join(ROOT, ".bench", `n${size}`);
const sites = { newsroom: path.join(dir, "newsroom"), stock: path.join(dir, "stock"), hugo: path.join(dir, "hugo") };
const paths = outputPaths(sites, newest);
const node = process.execPath;
const TSX_ENV = { TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json") };
const targets: Record<string, LatencyTarget> = {
  newsroom: { command: { cmd: node, args: [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "scripts/serve.ts"), "--watch-only"], cwd: sites.newsroom, env: TSX_ENV }, ready: /watching for changes/, ...paths.newsroom },
  stock: { command: { cmd: node, args: [path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=eleventy.config.mjs", "--watch", "--incremental"], cwd: sites.stock }, ready: /Watching…/, ...paths.stock },
  hugo: { command: { cmd: "hugo", args: ["--watch", "-d", "public"], cwd: sites.hugo }, ready: /Watching for changes/, ...paths.hugo },
};
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : Number.NaN);
const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
process.on("SIGINT", () => (killAll(), process.exit(130)));
try {
  for (const tool of values.tools.split(",")) {
    const r = await measureLatency(targets[tool]!, Number(values.edits), { stories: size });
    console.log(`${tool.padEnd(9)} page ${fmt(r.page)}; home ${fmt(r.home)}; timeouts ${r.timeouts}  [page ${r.page.map((x) => x.toFixed(0)).join(" ")}] [home ${r.home.map((x) => x.toFixed(0)).join(" ")}]`);
  }
} finally {
  killAll();
}
