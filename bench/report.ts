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

export type Tool = "newsroom-cold" | "newsroom-warm" | "stock" | "hugo";
export const LABELS: Record<Tool, string> = {
  "newsroom-cold": "Newsroom, cold (no caches)",
  "newsroom-warm": "Newsroom, warm",
  stock: "Stock Eleventy (bare markdown)",
  hugo: "Hugo",
};

export interface Results {
  runs: number;
  warmup: number;
  /** size → tool → samples */
  builds: Map<number, Map<Tool, Sample[]>>;
  latencySize?: number;
  latency: Map<"newsroom" | "stock" | "hugo", LatencyResult>;
  /** how Newsroom watched, for the latency table */
  newsroomWatch?: string;
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

const med = (r: Results, size: number, tool: Tool, key: keyof Sample) => median((r.builds.get(size)?.get(tool) ?? []).map((s) => s[key]));

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

export function ratioTable(r: Results): string {
  const lines = ["| stories | Newsroom cold / stock time | warm / stock time | cold / Hugo time | Newsroom / stock peak RSS | Newsroom / Hugo peak RSS |", "| ---: | ---: | ---: | ---: | ---: | ---: |"];
  for (const size of r.builds.keys()) {
    const cold = med(r, size, "newsroom-cold", "ms");
    const rss = Math.max(med(r, size, "newsroom-cold", "rssMB"), med(r, size, "newsroom-warm", "rssMB"));
    lines.push(
      `| ${size} | ${ratio(cold / med(r, size, "stock", "ms"))} | ${ratio(med(r, size, "newsroom-warm", "ms") / med(r, size, "stock", "ms"))} | ${ratio(cold / med(r, size, "hugo", "ms"))} | ${ratio(rss / med(r, size, "stock", "rssMB"))} | ${ratio(rss / med(r, size, "hugo", "rssMB"))} |`,
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

/** The targets, checked on this run's medians. */
export function targets(r: Results): string {
  const sizes = [...r.builds.keys()].sort((a, b) => a - b);
  const hi = sizes.at(-1)!;
  const lo = sizes[0]!;
  const rows: [string, number, string, boolean][] = [];
  const cold = med(r, hi, "newsroom-cold", "ms");
  const t = cold / med(r, hi, "stock", "ms");
  rows.push([`build time at ${hi}, Newsroom cold / stock Eleventy`, t, "≤ 1.00×", t <= 1]);
  const rss = Math.max(med(r, hi, "newsroom-cold", "rssMB"), med(r, hi, "newsroom-warm", "rssMB")) / med(r, hi, "stock", "rssMB");
  rows.push([`peak memory at ${hi}, Newsroom / stock Eleventy`, rss, "≤ 1.50×", rss <= 1.5]);
  if (sizes.length > 1) {
    const g = cold / med(r, lo, "newsroom-cold", "ms");
    const linear = (hi / lo) * 1.05;
    rows.push([`growth ${lo} → ${hi}, Newsroom cold`, g, `≤ ${linear.toFixed(2)}×`, g <= linear]);
  }
  const nl = median(r.latency.get("newsroom")?.page ?? []);
  const sl = median(r.latency.get("stock")?.page ?? []);
  const hl = median(r.latency.get("hugo")?.page ?? []);
  if (!Number.isNaN(nl) && !Number.isNaN(sl)) rows.push(["edit-to-page, Newsroom / stock Eleventy", nl / sl, "≤ 0.50×", nl / sl <= 0.5]);
  if (!Number.isNaN(nl) && !Number.isNaN(hl)) rows.push(["edit-to-page, Newsroom / Hugo", nl / hl, "< 1.00×", nl / hl < 1]);
  return ["| target | this run | goal | met |", "| --- | ---: | ---: | :---: |", ...rows.map(([n, v, goal, ok]) => `| ${n} | ${ratio(v)} | ${goal} | ${ok ? "yes" : "**no**"} |`)].join("\n");
}

export function report(r: Results, info: Record<string, string>, command: string): string {
  const parts = [
    "# Benchmarks",
    "",
    `Written by \`${command}\` (bench/run.ts); regenerate it with the same command. Each build is a child process; tools run interleaved (cold, warm, stock, Hugo, cold, …), ${r.warmup} warm-up round(s) then ${r.runs} timed round(s) per corpus size. Wall time is the child's; peak RSS is the largest resident set of the child or any of its processes (GNU time \`%M\`); CPU is user + system time of the child and its processes (less sensitive than wall time to other load on the machine).`,
    "",
    "- **Newsroom**: package.json's `build` script (`npm run build`), run as npm runs it, in a site folder holding the corpus and the project's templates: a full production build (every page type the project has, checks included) into a temporary folder, swapped into `dist/`. *Cold*: `.cache/`, `dist/` and tsx's compile cache removed first. *Warm*: right after a build, caches and `dist/` kept.",
    "- **Stock Eleventy**: the same Eleventy package on the same markdown files, one Nunjucks layout, a home page listing the newest stories, `markdownTemplateEngine: false`, nothing else.",
    "- **Hugo**: the same files as `content/<section>/<slug>.md`; single, list (paginated) and terms templates, tags and authors taxonomies, its default RSS and sitemap.",
    "",
    "Corpus: deterministic (seeded), stories of 500–1,000 words with headings, links, a blockquote and lists; 6 sections, 200 topics, 30 authors, no photos.",
    "",
    "Options: `--quick` (200 stories, 1 run, 2 edits, written to .bench/), `--runs N`, `--warmup N`, `--sizes 1000,4000`, `--edits N`, `--no-hugo`, `--no-latency`, `--out file`; see bench/run.ts. Where the time goes: [performance.md](performance.md).",
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
