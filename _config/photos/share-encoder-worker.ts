/**
 * Worker-thread entry of the share-image encoder (share-encoder.ts): encodes the jobs
 * it is sent, at most `width` at a time, in the order they came.
 */
import { parentPort } from "node:worker_threads";
import { cached } from "./share-encode.ts";
import type { EncoderReply, EncoderRequest } from "./share-encoder.ts";

const port = parentPort!;
const queue: Extract<EncoderRequest, { id: number }>[] = [];
let width = 1;
let running = 0;

function pump(): void {
  while (running < width && queue.length) {
    const { id, name, job, cacheDir } = queue.shift()!;
    running++;
    cached(name, job, cacheDir)
      .then(
        (file): EncoderReply => ({ id, file }),
        (error: unknown): EncoderReply => ({ id, error: error instanceof Error ? error.message : String(error) }),
      )
      .then((reply) => {
        running--;
        port.postMessage(reply);
        pump();
      });
  }
}

port.on("message", (request: EncoderRequest) => {
  if ("width" in request) width = request.width;
  else queue.push(request);
  pump();
});
