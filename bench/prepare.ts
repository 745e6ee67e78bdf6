/**
 * `npx tsx bench/prepare.ts 1000,4000`: writes the bench corpus sites under
 * .bench/n<N>/ without measuring anything (for profiling; see docs/performance.md).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDataFile } from "../_config/content/data.ts";
import { ROOT } from "../test/helpers/site.ts";
import { generateCorpus } from "./corpus.ts";
import { writeSites } from "./sites.ts";

const sizes = (process.argv[2] ?? "1000").split(",").map(Number);
const sections = Object.keys(parseDataFile(readFileSync(path.join(ROOT, "_data/sections.yaml"), "utf8"), "sections.yaml") as object);
for (const size of sizes) {
  const corpus = generateCorpus({ stories: size, sections });
  await writeSites(path.join(ROOT, ".bench", `n${size}`), corpus, true);
  console.log(`corpus: ${size} stories in .bench/n${size}`);
}
