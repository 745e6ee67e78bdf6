/**
 * Runs the dev loop (`scripts/serve.ts --watch-only`, what `npm start` runs) on a
 * temporary copy of a fixture, in its own process group so a test can always kill
 * it, and polls for outcomes with a generous deadline (never a timing assertion).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import os from "node:os";
import { NOW, prepareFixture, ROOT } from "./site.ts";
import { DEV_OUTPUT } from "../../_config/dev/server.ts";

export const DEADLINE_MS = 30_000;

export interface Watcher {
  dir: string;
  /** everything the watcher printed since the last clearLog() */
  log(): string;
  clearLog(): void;
  /** the HTML of a page on disk ("" when missing) */
  html(urlPath: string): string;
  pageExists(urlPath: string): boolean;
  waitFor(what: string, ready: () => boolean, deadlineMs?: number): Promise<void>;
  /** sends a signal to the watcher process itself (not its group), as a process manager does */
  signal(name: NodeJS.Signals): void;
  /** resolves when the process has exited */
  waitForExit(): Promise<void>;
  /** kills the process group and deletes the folder */
  stop(): Promise<void>;
}

/** Starts `scripts/serve.ts` on a copy of a fixture: `--watch-only`, or serving on `port` (with the CMS's local backend on `cmsPort`, else none). */
export async function startWatcher(fixture: string, options: { port?: number; cmsPort?: number; /** a site folder made earlier (a copy of another watcher's) instead of a fixture */ site?: string; /** how long the first build may take */ readyDeadlineMs?: number } = {}): Promise<Watcher> {
  const dir = options.site ?? (await prepareFixture(fixture));
  if (!existsSync(path.join(dir, "package.json"))) await symlink(path.join(ROOT, "package.json"), path.join(dir, "package.json"));
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "scripts/serve.ts"), ...(options.port ? ["--port", String(options.port)] : ["--watch-only"]), ...(options.cmsPort ? ["--cms-port", String(options.cmsPort)] : ["--no-cms"])], {
    cwd: dir,
    detached: true,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json"), NEWSROOM_NOW: NOW, NEWSROOM_ENV: "development" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => (log += chunk));
  const page = (urlPath: string) => path.join(dir, DEV_OUTPUT, urlPath, "index.html");
  const watcher: Watcher = {
    dir,
    log: () => log,
    clearLog: () => void (log = ""),
    html: (urlPath) => (existsSync(page(urlPath)) ? readFileSync(page(urlPath), "utf8") : ""),
    pageExists: (urlPath) => existsSync(page(urlPath)),
    async waitFor(what, ready, deadlineMs = DEADLINE_MS) {
      const deadline = Date.now() + deadlineMs;
      while (!ready()) {
        if (Date.now() > deadline) {
          // the whole output to a file (the message keeps its end): a timeout is diagnosed from its start
          const file = path.join(os.tmpdir(), `newsroom-watch-${process.pid}-${Date.now()}.log`);
          writeFileSync(file, log);
          throw new Error(`timed out waiting until ${what} (the whole watcher output: ${file})\n--- watcher output ---\n${log.slice(-8000)}`);
        }
        if (child.exitCode !== null) throw new Error(`the watcher exited (${child.exitCode}) before ${what}\n${log}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    signal(name) {
      child.kill(name);
    },
    async waitForExit() {
      const deadline = Date.now() + DEADLINE_MS;
      while (child.exitCode === null && child.signalCode === null) {
        if (Date.now() > deadline) throw new Error(`the watcher did not exit\n${log.slice(-3000)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      if (child.pid && child.exitCode === null) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
  try {
    await watcher.waitFor("the watcher is ready", () => log.includes(options.port ? "[11ty] Server at" : "watching for changes"), options.readyDeadlineMs);
  } catch (error) {
    await watcher.stop();
    throw error;
  }
  return watcher;
}

/**
 * Saves `content` to `file` until `seen()`: chokidar can miss a save made the instant
 * it reports ready, so the first save of a test is repeated every 2 s if unseen.
 */
export async function saveUntilSeen(watcher: Watcher, file: string, content: string, seen: () => boolean): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while (!seen()) {
    if (Date.now() > deadline) throw new Error(`the watcher never rebuilt after saving ${file}\n${watcher.log()}`);
    await writeFile(file, content);
    const retry = Date.now() + 2_000;
    while (!seen() && Date.now() < retry) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Saves an unchanged file until a rebuild is seen: the tests after it start from a settled watcher. */
export async function warmUp(watcher: Watcher, file: string): Promise<void> {
  const builds = () => watcher.log().match(/built in \d+ ms/g)?.length ?? 0;
  const first = builds();
  await saveUntilSeen(watcher, file, await readFile(file, "utf8"), () => builds() > first);
}
