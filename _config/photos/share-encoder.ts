/**
 * The share-image encoder: a worker thread that encodes share images and social cards
 * into the image cache while Eleventy renders on the main thread.
 *
 * Why a thread: Eleventy renders every page in one long run of promise callbacks, so
 * the main thread's event loop does not come round until rendering is over. Encodings
 * started from it (sharp runs on libuv's threads) finished, but nothing could start the
 * next one: at 4,000 stories, 2 of 4,001 cards were drawn while Eleventy rendered. The
 * worker has its own event loop, so it keeps one encoding going on the second core from
 * the first page that asks for one; when rendering is over it uses every core.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import type { Job } from "./share-encode.ts";
import { keepingWorkers, startTsWorker } from "../util/index.ts";

export type EncoderRequest = { id: number; name: string; job: Job; cacheDir: string } | { width: number };
export type EncoderReply = { id: number; file: string } | { id: number; error: string };

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve(file: string): void; reject(error: Error): void }>();
/** Encodings at a time while Eleventy renders (its main thread has the other core). */
const RENDERING_WIDTH = 1;

function startWorker(): Worker {
  const w = startTsWorker(new URL("./share-encoder-worker.ts", import.meta.url));
  w.on("message", (reply: EncoderReply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (!pending.size) w.unref(); // an idle encoder never keeps the process alive
    if ("error" in reply) waiter?.reject(new Error(reply.error));
    else waiter?.resolve(reply.file);
  });
  const fail = (error: Error) => {
    if (worker === w) worker = undefined;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  w.on("error", fail);
  w.on("exit", (code) => fail(new Error(`the share-image encoder thread exited (code ${code}) before finishing`)));
  w.postMessage({ width: RENDERING_WIDTH } satisfies EncoderRequest);
  return w;
}

/** Encodes `job` into `cacheDir/name` in the encoder thread; resolves with the file. */
export function encodeInThread(name: string, job: Job, cacheDir: string): Promise<string> {
  worker ??= startWorker();
  const id = nextId++;
  const done = new Promise<string>((resolve, reject) => pending.set(id, { resolve, reject }));
  if (pending.size === 1) worker.ref();
  worker.postMessage({ id, name, job, cacheDir } satisfies EncoderRequest);
  return done;
}

/** Rendering is over: encode on every core. */
export function encodeFlatOut(): void {
  worker?.postMessage({ width: Math.max(2, availableParallelism()) } satisfies EncoderRequest);
}

/**
 * Every job of the build is done: a watching dev server, or a process that keeps its
 * workers between builds (keepWorkers, util/ts-worker.ts: the test suite), keeps the
 * thread (narrowed to one encoding again) for its next build; a one-off build ends it,
 * so its memory is free for the checks that follow.
 */
export async function encoderIdle(): Promise<void> {
  if (!worker) return;
  if (["watch", "serve"].includes(process.env.ELEVENTY_RUN_MODE ?? "") || keepingWorkers()) {
    worker.postMessage({ width: RENDERING_WIDTH } satisfies EncoderRequest);
    return;
  }
  const w = worker;
  worker = undefined;
  await w.terminate();
}
