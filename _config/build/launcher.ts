/**
 * The compiled launcher (docs/performance.md, section 26). `npm run build` starts with
 * plain Node (scripts/build.mjs). Loading the TypeScript through tsx costs about half a
 * second before the first line runs, which is most of a build with nothing to do. So
 * after each good build this compiles `scripts/settle.ts` (the cache room's prelude and
 * the settled answer, Node built-ins only) into one ES module,
 * `.cache/launch/build.mjs`, stamped with the code fingerprint it was compiled from.
 * The launcher answers "nothing to build" only when the code's fingerprint is still that
 * one; otherwise, or when anything about it fails, the full build (scripts/build.ts)
 * runs and decides.
 */
import { build } from "esbuild";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BuildPrelude } from "../cache/index.ts";

const PROJECT = path.resolve(import.meta.dirname, "../..");
const STAMP = "// newsroom launcher compiled for code ";

/** Where a site's launcher lives (scripts/build.mjs reads it from the working folder's `.cache/`). */
export function launcherFile(cacheRoot: string): string {
  return path.join(cacheRoot, "launch", "build.mjs");
}

/** The fingerprint a launcher was compiled for, or undefined. */
export function launcherFingerprint(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const first = readFileSync(file, "utf8").split("\n", 1)[0] ?? "";
  return first.startsWith(STAMP) ? first.slice(STAMP.length) : undefined;
}

/**
 * Compiles the launcher for this build's code unless it is there already. Only modules
 * of this project may go in (anything else fails the compile: the launcher must not
 * carry a copy of a package); written to a temporary name and renamed, so a reader
 * never sees half a file.
 */
export async function compileLauncher(prelude: Pick<BuildPrelude, "cacheRoot" | "fingerprint">): Promise<string> {
  const file = launcherFile(prelude.cacheRoot);
  if (launcherFingerprint(file) === prelude.fingerprint) return file;
  const result = await build({
    stdin: {
      contents: `import { settle, handedOver } from "./scripts/settle.ts";\nexport const run = () => settle(${JSON.stringify(prelude.fingerprint)});\nexport const handoff = handedOver;\n`,
      resolveDir: PROJECT,
      sourcefile: "launch.ts",
      loader: "ts",
    },
    absWorkingDir: PROJECT,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "silent",
    // The fingerprint reads the running project's code folders: the bundle's own folder is .cache/.
    define: { NEWSROOM_RUNNING_PROJECT: JSON.stringify(PROJECT) },
    banner: { js: `${STAMP}${prelude.fingerprint}` },
  });
  const foreign = Object.keys(result.metafile.inputs).filter((input) => input !== "launch.ts" && input !== "<stdin>" && (input.includes("node_modules") || !/^(_config|scripts)\//.test(input)));
  if (foreign.length) throw new Error(`the launcher may hold only the project's own modules, not ${foreign.join(", ")}`);
  const code = result.outputFiles[0]?.text;
  if (!code) throw new Error("esbuild wrote no launcher");
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, code);
  renameSync(temp, file);
  return file;
}
