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
