/**
 * Search in `npm start`: the dev server indexes its site after the first build and
 * again after each rebuild (in the background), so /search/ has a Pagefind bundle.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { startWatcher, type Watcher } from "../helpers/watch.ts";
import { DEV_OUTPUT } from "../../_config/dev/server.ts";

/** A port nobody listens on right now (127.0.0.1). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let watcher: Watcher;
before(async () => {
  watcher = await startWatcher("good", { port: await freePort() });
});
after(() => watcher?.stop());

const runs = () => watcher.log().match(/search index: \d+ stor(y|ies)/g)?.length ?? 0;

describe("search in the dev server", () => {
  it("is indexed after the first build: the bundle the search page loads is there", async () => {
    await watcher.waitFor("the first search index", () => runs() >= 1);
    assert.ok(existsSync(path.join(watcher.dir, DEV_OUTPUT, "pagefind/pagefind-ui.js")));
    assert.match(watcher.log(), /search index: 2 stories/, "the good fixture's two public stories (drafts are not indexed)");
  });

  it("is indexed again after a rebuild", async () => {
    const before = runs();
    const file = path.join(watcher.dir, "src/articles/2024/plain-story.md");
    await writeFile(file, (await readFile(file, "utf8")).replace(/^title: .*$/m, "title: The plain story, edited"));
    await watcher.waitFor("a search index after the edit", () => runs() > before);
    const list = JSON.parse(await readFile(path.join(watcher.dir, DEV_OUTPUT, "pagefind/parts.json"), "utf8")) as { parts: { bundle: string }[] };
    assert.ok(list.parts.length > 0);
    for (const part of list.parts) {
      const entry = JSON.parse(await readFile(path.join(watcher.dir, DEV_OUTPUT, "pagefind", part.bundle, "pagefind-entry.json"), "utf8"));
      assert.ok(entry.languages, "a Pagefind entry file in every part");
    }
    assert.ok(existsSync(path.join(watcher.dir, DEV_OUTPUT, "pagefind/pagefind.js")), "the merging Pagefind the UI loads");
  });
});
