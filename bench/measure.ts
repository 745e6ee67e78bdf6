/**
 * Runs one build as a child process and measures its wall time and peak resident
 * memory. Peak RSS comes from GNU time (`/usr/bin/time -f %M`: the largest maxrss of
 * the child and every descendant it waited for, e.g. tsx's inner node process); without
 * it, the child tree's VmHWM is polled from /proc every 20 ms.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export interface Sample {
  ms: number;
  /** peak RSS in MB */
  rssMB: number;
  /** user + system CPU seconds of the child and its descendants (NaN without GNU time) */
  cpuS: number;
  /** the end of the child's output (stdout and stderr) */
  output?: string;
}

export interface Command {
  cmd: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

const GNU_TIME = "/usr/bin/time";
export const hasGnuTime = existsSync(GNU_TIME);

/** Every live child process, so an interrupted run can kill them all. */
export const children = new Set<ChildProcess>();

export function killAll(): void {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL"); // its whole process group
    } catch {
      child.kill("SIGKILL");
    }
  }
  children.clear();
}

/** Spawns a command in its own process group (so it and its children can be killed together). */
export function start(command: Command, stdio: "ignore" | "pipe" = "pipe"): ChildProcess {
  const child = spawn(command.cmd, command.args, {
    cwd: command.cwd,
    env: { ...process.env, ...command.env },
    stdio: ["ignore", stdio, stdio],
    detached: true,
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

function treeHwmKB(pid: number): number {
  let total = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      total = Math.max(total, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      for (const task of readdirSync(`/proc/${p}/task`)) {
        for (const c of readFileSync(`/proc/${p}/task/${task}/children`, "utf8").split(/\s+/).filter(Boolean)) visit(Number(c));
      }
    } catch {
      /* the process ended meanwhile */
    }
  };
  visit(pid);
  return total;
}

/** Runs a command to completion; rejects (with its output) on a non-zero exit or timeout. */
export async function measure(command: Command): Promise<Sample> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "newsroom-bench-"));
  const timeFile = path.join(tmp, "time");
  const wrapped = hasGnuTime ? { ...command, cmd: GNU_TIME, args: ["-f", "%M %U %S", "-o", timeFile, command.cmd, ...command.args] } : command;
  const started = performance.now();
  const child = start(wrapped);
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d));
  child.stderr?.on("data", (d: Buffer) => (output += d));
  let hwm = 0;
  const poll = hasGnuTime ? undefined : setInterval(() => (hwm = Math.max(hwm, treeHwmKB(child.pid!))), 20);
  const timeout = setTimeout(() => killAll(), command.timeoutMs ?? 3_600_000);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("exit", (c) => resolve(c));
    });
    const ms = performance.now() - started;
    if (code !== 0) throw new Error(`${command.cmd} ${command.args.join(" ")} (in ${command.cwd}) exited with ${code}:\n${output.slice(-3000)}`);
    if (!hasGnuTime) return { ms, rssMB: hwm / 1024, cpuS: Number.NaN, output: output.slice(-4000) };
    // "%M %U %S" is the last line (GNU time may first note a non-zero exit status)
    const [kb, user, sys] = (await readFile(timeFile, "utf8")).trim().split("\n").at(-1)!.split(" ").map(Number);
    return { ms, rssMB: kb! / 1024, cpuS: user! + sys!, output: output.slice(-4000) };
  } finally {
    clearTimeout(timeout);
    if (poll) clearInterval(poll);
    await rm(tmp, { recursive: true, force: true });
  }
}
