/**
 * How much garbage V8 lets a build's heap hold. By default V8 lets the old generation
 * grow to several times what is live before it collects (its limit here is 4 GB): a
 * build that renders the whole archive held 1.2 GB of garbage in its main thread at
 * 20,000 stories, and each worker thread its own. A build that renders many stories asks
 * V8 to grow the heap by 10 % past what the last collection kept: the largest process of
 * a clean build at 20,000 stories went from 3.3 GB to 2.0 GB at the same wall time
 * (docs/performance.md, section 30). A small build (one edit) keeps V8's default: there
 * the tight heap cost 3.5 s of CPU in collections and saved nothing that mattered.
 *
 * `--heap-growing-percent` is read each time V8 sets the next collection's threshold, so
 * it can be set while the process runs; it applies to every thread of the process.
 */
import v8 from "node:v8";

/** Stories rendered from which a build keeps its heap tight. */
export const TIGHT_HEAP_STORIES = 1000;

const TIGHT_PERCENT = 10;
let holders = 0;

/** Keeps the heap tight until the returned function is called (nested holds count). */
export function holdHeapTight(): () => void {
  if (holders++ === 0) v8.setFlagsFromString(`--heap-growing-percent=${TIGHT_PERCENT}`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0) v8.setFlagsFromString("--heap-growing-percent=0"); // V8's own heuristics again
  };
}
