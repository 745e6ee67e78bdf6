/**
 * Rebuild latency: start a tool in watch mode, wait for its first build, then edit
 * one story's headline several times and time, from the write, until (a) the story's
 * page and (b) the home page on disk carry the new text. Files are polled every 5 ms
 * (stat, then read only when the file changed). Every wait is bounded.
 */
import type { ChildProcess } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { start, type Command } from "./measure.ts";

export interface LatencyTarget {
  command: Command;
  /** text in the watcher's output once its first build is done and it watches */
  ready: RegExp;
  source: string;
  page: string;
  home: string;
}

export interface LatencyResult {
  page: number[];
  home: number[];
  timeouts: number;
}

function waitForOutput(child: ChildProcess, ready: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`watcher not ready after ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
    const onData = (d: Buffer) => {
      output += d;
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`watcher exited (${code}) before it was ready:\n${output.slice(-2000)}`));
    });
  });
}

/** Polls a file until it contains `text`; resolves with the time it was seen (or NaN). */
async function seen(file: string, text: string, deadline: number): Promise<number> {
  let last = "";
  while (performance.now() < deadline) {
    try {
      const st = statSync(file);
      const stamp = `${st.mtimeMs}:${st.size}`;
      if (stamp !== last) {
        last = stamp;
        if (readFileSync(file, "utf8").includes(text)) return performance.now();
      }
    } catch {
      /* not written yet */
    }
    await sleep(5);
  }
  return Number.NaN;
}

/**
 * How long a watcher's first build may take on a corpus of `stories`: 4 minutes, or 45 ms
 * a story (15 minutes at 20,000). Newsroom's first dev build on a fresh corpus makes
 * every story's social card (255 s at 20,000 stories).
 */
export const readyDeadline = (stories: number): number => Math.max(240_000, stories * 45);

/** `stories`: the corpus size, for the first build's deadline; `timeoutMs`: how long one save may take to show. */
export async function measureLatency(target: LatencyTarget, edits: number, { stories, timeoutMs = 30_000 }: { stories: number; timeoutMs?: number }): Promise<LatencyResult> {
  const original = readFileSync(target.source, "utf8");
  const child = start(target.command);
  const result: LatencyResult = { page: [], home: [], timeouts: 0 };
  try {
    await waitForOutput(child, target.ready, readyDeadline(stories));
    await sleep(1500); // let the first build's last writes and the watcher settle
    for (let i = 1; i <= edits; i++) {
      const token = `Benchedit${i}z${Math.floor(Math.random() * 1e6)}`;
      const edited = original.replace(/^title: (.*)$/m, `title: $1 ${token}`);
      const t0 = performance.now();
      writeFileSync(target.source, edited);
      const deadline = t0 + timeoutMs;
      const [page, home] = await Promise.all([seen(target.page, token, deadline), seen(target.home, token, deadline)]);
      if (Number.isNaN(page) || Number.isNaN(home)) result.timeouts++;
      if (!Number.isNaN(page)) result.page.push(page - t0);
      if (!Number.isNaN(home)) result.home.push(home - t0);
      await sleep(1500); // the rest of the rebuild (feeds, lists) finishes before the next edit
    }
  } finally {
    writeFileSync(target.source, original);
    if (child.pid) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
  }
  return result;
}
