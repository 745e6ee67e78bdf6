/**
 * A worker thread running a TypeScript entry (the checks, the share-image encoder). A
 * worker does not inherit tsx's loader hooks: a two-line script registers them, then
 * imports the entry.
 */
import { totalmem } from "node:os";
import { Worker, type ResourceLimits } from "node:worker_threads";

/**
 * A heap limit for a worker that holds a whole archive's worth of state (the link
 * check's references): half the machine's memory, never below 4 GB (V8's default on a 64-bit
 * machine with 16 GB or more, which the check of a 100,000-story archive once reached).
 */
export function largeHeap(): ResourceLimits {
  return { maxOldGenerationSizeMb: Math.max(4096, Math.floor(totalmem() / 2 / 2 ** 20)) };
}

export function startTsWorker(entry: URL, workerData?: unknown, resourceLimits?: ResourceLimits): Worker {
  const tsx = import.meta.resolve("tsx/esm/api");
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { eval: true, workerData, ...(resourceLimits && { resourceLimits }) });
}

/** The first message a worker posts; rejects if it fails or exits without one. */
export function firstMessage<T>(worker: Worker, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    let result: { value: T } | undefined;
    worker.once("message", (message: T) => (result = { value: message }));
    worker.once("error", reject);
    worker.once("exit", (code) => (result ? resolve(result.value) : reject(new Error(`${what} worker exited with code ${code} and no result`))));
  });
}

/** The next message a worker posts; rejects if it fails or exits first. Its listeners go once it settles (for a worker given many jobs). */
export function nextMessage<T>(worker: Worker, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const settle = (fn: () => void) => {
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      fn();
    };
    const onMessage = (message: T) => settle(() => resolve(message));
    const onError = (error: Error) => settle(() => reject(error));
    const onExit = (code: number) => settle(() => reject(new Error(`${what} worker exited with code ${code} and no result`)));
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
  });
}

// ── workers kept between jobs ────────────────────────────────────────────────

/**
 * Whether workers that finished a job are kept for the next one (keepWorkers). Off by
 * default: a build's workers end with their job, as `npm run build` (one build a
 * process) wants. A process that builds many times (the test suite) turns it on, and
 * each build after the first skips the workers' start-up (≈ 0.9 s of CPU each).
 */
let keeping = false;
/** idle kept workers, by entry (unref'd: they never keep the process alive) */
const idle = new Map<string, Worker[]>();

/** Keeps workers between jobs in this process (`takeWorker`/`giveBack`), or stops keeping them and ends the idle ones. */
export function keepWorkers(on = true): void {
  keeping = on;
  if (!on) for (const list of idle.values()) for (const worker of list.splice(0)) void worker.terminate();
}

/** Whether a worker that finishes its job should stay for another (`keepWorkers`). */
export const keepingWorkers = (): boolean => keeping;

/** A worker of `entry`: an idle kept one (see keepWorkers), else a new one. */
export function takeWorker(entry: URL, resourceLimits?: ResourceLimits): Worker {
  const list = idle.get(entry.href) ?? [];
  for (let kept = list.pop(); kept; kept = list.pop()) {
    if (kept.threadId < 0) continue; // ended while idle
    kept.ref();
    return kept;
  }
  const worker = startTsWorker(entry, undefined, resourceLimits);
  worker.on("error", () => undefined); // reported to whoever gave it its job (firstMessage, nextMessage); an idle one just ends
  worker.once("exit", () => {
    const list = idle.get(entry.href);
    const at = list?.indexOf(worker) ?? -1;
    if (at >= 0) list!.splice(at, 1);
  });
  return worker;
}

/**
 * A worker of `entry` (from takeWorker) whose job is over, or that was never given one:
 * kept idle for the next job when keeping, else ended. Never give back a worker in the
 * middle of a job.
 */
export function giveBack(entry: URL, worker: Worker): void {
  if (worker.threadId < 0) return;
  if (!keeping) {
    void worker.terminate();
    return;
  }
  const list = idle.get(entry.href) ?? [];
  idle.set(entry.href, list);
  worker.unref();
  list.push(worker);
}
