/** Statistics, the machine description, and the Markdown report of one bench run. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../test/helpers/site.ts";
import type { LatencyResult } from "./latency.ts";
import type { Sample } from "./measure.ts";

export const median = (xs: number[]) => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const min = (xs: number[]) => (xs.length ? Math.min(...xs) : Number.NaN);
const max = (xs: number[]) => (xs.length ? Math.max(...xs) : Number.NaN);
const sec = (ms: number) => (Number.isNaN(ms) ? "—" : (ms / 1000).toFixed(2));
const mb = (x: number) => (Number.isNaN(x) ? "—" : x.toFixed(0));
const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : "—");

export type Tool = "newsroom-cold" | "newsroom-edit" | "newsroom-nochange" | "newsroom-sitewide" | "stock" | "hugo";
export const LABELS: Record<Tool, string> = {
  "newsroom-cold": "Newsroom, clean (empty .cache/)",
  "newsroom-edit": "Newsroom, one story edited (a publish)",
  "newsroom-nochange": "Newsroom, nothing changed",
  "newsroom-sitewide": "Newsroom, every page changed (photo/card caches warm)",
  stock: "Stock Eleventy (bare markdown)",
  hugo: "Hugo",
};
const NEWSROOM: Tool[] = ["newsroom-cold", "newsroom-edit", "newsroom-nochange", "newsroom-sitewide"];

/** What a one-story edit did to the output (from the build's summary line and dist/). */
export interface EditEffect {
  /** files whose bytes changed (the summary line), the search index's own files not counted */
  filesChanged: number;
  /** output files that show the story (contain a link to it): its page, lists, feeds, sitemaps */
  filesShowing: number;
}

export interface Results {
  runs: number;
  warmup: number;
  /** size → tool → samples */
  builds: Map<number, Map<Tool, Sample[]>>;
  latencySize?: number;
  latency: Map<"newsroom" | "stock" | "hugo", LatencyResult>;
  /** how Newsroom watched, for the latency table */
  newsroomWatch?: string;
  /** size → what the last one-story edit changed */
  edits: Map<number, EditEffect>;
  /** the whole run's wall time, minutes (the report's own writing aside) */
  minutes?: number;
  /** whether this was `npm run bench` without options (the run the issue bounds to 15 minutes) */
  defaultRun?: boolean;
}

export function machine(): Record<string, string> {
  const cpus = os.cpus();
  let hugo = "not installed";
  try {
    hugo = execFileSync("hugo", ["version"], { encoding: "utf8" }).trim().split(" ").slice(0, 2).join(" ");
  } catch {
    /* optional */
  }
  const pkg = (name: string) => (JSON.parse(readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  return {
    Date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    CPU: `${cpus[0]?.model ?? "unknown"} (${cpus.length} cores)`,
    Memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    OS: `${os.type()} ${os.release()} ${os.arch()}`,
    Node: process.version,
    Eleventy: pkg("@11ty/eleventy"),
    Hugo: hugo,
    "Load average at the end (1, 5, 15 min)": os.loadavg().map((x) => x.toFixed(1)).join(", "),
  };
}

const med = (r: Results, size: number, tool: Tool, key: "ms" | "rssMB" | "cpuS") => median((r.builds.get(size)?.get(tool) ?? []).map((s) => s[key]));

export function buildTable(r: Results): string {
  const lines = ["| stories | tool | median s | min s | max s | peak RSS median MB | peak RSS max MB | CPU median s |", "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"];
  for (const [size, tools] of r.builds) {
    for (const [tool, samples] of tools) {
      const ms = samples.map((s) => s.ms);
      const rss = samples.map((s) => s.rssMB);
      lines.push(`| ${size} | ${LABELS[tool]} | ${sec(median(ms))} | ${sec(min(ms))} | ${sec(max(ms))} | ${mb(median(rss))} | ${mb(max(rss))} | ${median(samples.map((s) => s.cpuS)).toFixed(2)} |`);
    }
  }
  return lines.join("\n");
}

/** The largest median peak RSS of any Newsroom build at a size. */
const newsroomRss = (r: Results, size: number) => Math.max(...NEWSROOM.map((t) => med(r, size, t, "rssMB")).filter((x) => !Number.isNaN(x)));

export function ratioTable(r: Results): string {
  const lines = ["| stories | clean / stock | one edit / stock | nothing changed / stock | every page / stock | clean / Hugo | Newsroom / stock peak RSS | one edit: files changed / files showing the story |", "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"];
  for (const size of r.builds.keys()) {
    const stock = med(r, size, "stock", "ms");
    const of = (t: Tool) => ratio(med(r, size, t, "ms") / stock);
    const e = r.edits.get(size);
    lines.push(
      `| ${size} | ${of("newsroom-cold")} | ${of("newsroom-edit")} | ${of("newsroom-nochange")} | ${of("newsroom-sitewide")} | ${ratio(med(r, size, "newsroom-cold", "ms") / med(r, size, "hugo", "ms"))} | ${ratio(newsroomRss(r, size) / med(r, size, "stock", "rssMB"))} | ${e ? `${e.filesChanged} / ${e.filesShowing}` : "—"} |`,
    );
  }
  return lines.join("\n");
}

export function growthTable(r: Results): string {
  const sizes = [...r.builds.keys()].sort((a, b) => a - b);
  if (sizes.length < 2) return "";
  const [lo, hi] = [sizes[0]!, sizes.at(-1)!];
  const lines = [`| tool | time ${lo} → ${hi} | peak RSS ${lo} → ${hi} |`, "| --- | ---: | ---: |"];
  for (const tool of Object.keys(LABELS) as Tool[]) {
    if (!r.builds.get(hi)?.has(tool)) continue;
    lines.push(`| ${LABELS[tool]} | ${ratio(med(r, hi, tool, "ms") / med(r, lo, tool, "ms"))} | ${ratio(med(r, hi, tool, "rssMB") / med(r, lo, tool, "rssMB"))} |`);
  }
  return lines.join("\n");
}

export function latencyTable(r: Results): string {
  if (!r.latency.size) return "";
  const names = { newsroom: `Newsroom (\`${r.newsroomWatch ?? "--watch --incremental"}\`)`, stock: "Stock Eleventy (`--watch --incremental`)", hugo: "Hugo (`--watch`, to disk)" };
  const lines = ["| tool | edits | page median s | page min s | page max s | home median s | home min s | home max s | timeouts |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"];
  for (const [tool, l] of r.latency) {
    lines.push(`| ${names[tool]} | ${l.page.length + l.timeouts} | ${sec(median(l.page))} | ${sec(min(l.page))} | ${sec(max(l.page))} | ${sec(median(l.home))} | ${sec(min(l.home))} | ${sec(max(l.home))} | ${l.timeouts} |`);
  }
  return lines.join("\n");
}

/** The issue's targets (issue 12), checked on this run's medians, as ratios to stock Eleventy's bare full build. */
export function targets(r: Results): string {
  const sizes = [...r.builds.keys()].sort((a, b) => a - b);
  const rows: [string, number, string, boolean, string][] = [];
  const at = (goal: number, name: string, size: number, tool: Tool) => {
    const v = med(r, size, tool, "ms") / med(r, size, "stock", "ms");
    const cpu = med(r, size, tool, "cpuS") / med(r, size, "stock", "cpuS");
    if (!Number.isNaN(v)) rows.push([`${name} at ${size}`, v, `≤ ${goal.toFixed(2)}×`, v <= goal, `wall ${sec(med(r, size, tool, "ms"))} s vs ${sec(med(r, size, "stock", "ms"))} s; CPU ${ratio(cpu)} (${med(r, size, tool, "cpuS").toFixed(1)} s vs ${med(r, size, "stock", "cpuS").toFixed(1)} s)`]);
  };
  for (const size of sizes) {
    if (size >= 4000) at(0.25, "one story edited, cache present", size, "newsroom-edit");
  }
  for (const size of sizes) at(0.1, "nothing changed", size, "newsroom-nochange");
  for (const size of sizes) at(1.0, "every page changed (photo/card caches warm)", size, "newsroom-sitewide");
  for (const size of sizes) at(3.0, "clean build (empty cache)", size, "newsroom-cold");
  const memSize = sizes.includes(20000) ? 20000 : sizes.at(-1)!;
  const rss = newsroomRss(r, memSize) / med(r, memSize, "stock", "rssMB");
  if (Number.isFinite(rss)) rows.push([`peak memory (largest process) at ${memSize}`, rss, "≤ 1.50×", rss <= 1.5, `${mb(newsroomRss(r, memSize))} MB vs ${mb(med(r, memSize, "stock", "rssMB"))} MB`]);
  const nl = median(r.latency.get("newsroom")?.page ?? []);
  if (!Number.isNaN(nl)) rows.push([`edit-to-page in npm start at ${r.latencySize}`, nl / 1000, "≤ 0.5 s", nl <= 500, `${sec(nl)} s`]);
  if (r.defaultRun && r.minutes !== undefined) rows.push(["the default `npm run bench`, start to end", r.minutes, "≤ 15 min", r.minutes <= 15, `sizes ${sizes.join(", ")}, ${r.runs} round each`]);
  return [
    "| target | this run | goal | met | figures |",
    "| --- | ---: | ---: | :---: | --- |",
    ...rows.map(([n, v, goal, ok, fig]) => `| ${n} | ${goal.endsWith(" s") ? `${v.toFixed(2)} s` : goal.endsWith(" min") ? `${v.toFixed(1)} min` : ratio(v)} | ${goal} | ${ok ? "yes" : "**no**"} | ${fig} |`),
  ].join("\n");
}

export function report(r: Results, info: Record<string, string>, command: string): string {
  const parts = [
    "# Benchmarks",
    "",
    `Written by \`${command}\` (bench/run.ts); regenerate it with the same command. Each build is a child process; tools run interleaved (clean, one edit, nothing changed, every page, stock, Hugo, clean, …), ${r.warmup} warm-up round(s) then ${r.runs} timed round(s) per corpus size (one at 20,000 stories and above). Wall time is the child's; peak RSS is the largest resident set of the child or any of its processes (GNU time \`%M\`); CPU is user + system time of the child and its processes (less sensitive than wall time to other load on the machine).`,
    "",
    "- **Newsroom**: package.json's `build` script (`npm run build`), run as npm runs it, in a site folder holding the corpus and the project's templates: a full production build (every page type the project has, checks included) into a temporary folder, swapped into `dist/`. *Clean*: `.cache/`, `dist/` and tsx's compile cache removed first. *One story edited*: right after that, the newest story's headline changed (a publish; `.cache/` and `dist/` kept). *Nothing changed*: the same build again. *Every page changed*: `_data/site.yaml`'s description changed (it is in every page's head), as a layout edit would, with the photo and card caches warm. The last column of the ratios: files whose bytes the edit changed (the build's summary line; the search index's own files, which Pagefind rewrites, not counted) / output files that show the story (contain a link to its page: the page itself, lists, feeds, sitemaps).",
    "- **Stock Eleventy**: the same Eleventy package on the same markdown files, one Nunjucks layout, a home page listing the newest stories, `markdownTemplateEngine: false`, nothing else.",
    "- **Hugo**: the same files as `content/<section>/<slug>.md`; single, list (paginated) and terms templates, tags and authors taxonomies, its default RSS and sitemap.",
    "",
    "Corpus: deterministic (seeded), stories of 500–1,000 words with headings, links, a blockquote and lists; 6 sections, 200 topics, 30 authors, no photos.",
    "",
    "Options: `--quick` (200 stories, 1 run, 2 edits, written to .bench/), `--huge` (adds 100,000 stories), `--runs N`, `--warmup N`, `--sizes 1000,4000,20000`, `--edits N`, `--latency-size N`, `--no-hugo`, `--no-latency`, `--stock-latency` (stock Eleventy's watch latency too), `--out file`; see bench/run.ts. Where the time goes: [performance.md](performance.md).",
    "",
    "## Machine",
    "",
    ...Object.entries(info).map(([k, v]) => `- ${k}: ${v}`),
    "",
    "## Full builds",
    "",
    buildTable(r),
    "",
    "## Ratios (medians)",
    "",
    ratioTable(r),
    "",
  ];
  const growth = growthTable(r);
  if (growth) parts.push("## Growth", "", growth, "");
  const lat = latencyTable(r);
  if (lat) {
    parts.push(
      `## Rebuild latency (${r.latencySize} stories)`,
      "",
      "Time from writing an edited headline into the newest story to that text being on disk in (a) the story's page and (b) the home page.",
      "",
      lat,
      "",
    );
  }
  parts.push("## Targets", "", targets(r), "");
  return parts.join("\n");
}
