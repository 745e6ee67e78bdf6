/**
 * A worker thread running a TypeScript entry (the checks, the share-image encoder). A
 * worker does not inherit tsx's loader hooks: a two-line script registers them, then
 * imports the entry.
 */
import { Worker } from "node:worker_threads";

export function startTsWorker(entry: URL, workerData?: unknown): Worker {
  const tsx = import.meta.resolve("tsx/esm/api");
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { eval: true, workerData });
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
