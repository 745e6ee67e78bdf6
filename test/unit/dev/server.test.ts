/** The dev loop's pieces: build status, the browser error overlay, stale output removal. */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { injectOverlay, overlayClient, overlayMiddleware, OVERLAY_SCRIPT_URL, STATUS_URL } from "../../../_config/dev/overlay.ts";
import { BuildStatus, errorMessages, explainFailure, isContentFailure } from "../../../_config/dev/status.ts";
import { StaleOutputs } from "../../../_config/dev/stale-outputs.ts";
import { ContentError } from "../../../_config/content/schema.ts";
import { FIXTURES } from "../../helpers/paths.ts";

/** Runs the middleware on one request; returns what was sent, or "next" when it passed on. */
function request(mw: ReturnType<typeof overlayMiddleware>, url: string, page?: string) {
  const headers = new Map<string, string>();
  const sent: { status?: number; body?: string; type?: string; next?: boolean } = {};
  const res = {
    statusCode: 200,
    setHeader: (k: string, v: string) => headers.set(k.toLowerCase(), v),
    getHeader: (k: string) => headers.get(k.toLowerCase()),
    end(body?: string) {
      Object.assign(sent, { status: this.statusCode, body, type: headers.get("content-type") });
    },
  };
  mw({ url } as IncomingMessage, res as unknown as ServerResponse, () => {
    sent.next = true;
    if (page !== undefined) {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end(page);
    }
  });
  return sent;
}

describe("dev overlay", () => {
  it("adds its script to every HTML page the dev server sends, once", () => {
    const status = new BuildStatus();
    const sent = request(overlayMiddleware(status, "/nowhere"), "/world/x/", "<html><body><p>Hi</p></body></html>");
    assert.equal(sent.body, `<html><body><p>Hi</p><script type="module" src="${OVERLAY_SCRIPT_URL}"></script></body></html>`);
    assert.equal(injectOverlay(sent.body!), sent.body);
  });

  it("serves the build status and a client script that parses", () => {
    const status = new BuildStatus();
    status.fail(["src/articles/x.md:5 section: unknown section"]);
    const mw = overlayMiddleware(status, "/nowhere");
    const state = JSON.parse(request(mw, STATUS_URL).body!);
    assert.deepEqual([state.ok, state.problems], [false, ["src/articles/x.md:5 section: unknown section"]]);
    const script = request(mw, OVERLAY_SCRIPT_URL);
    assert.match(script.type!, /javascript/);
    assert.equal(script.body, overlayClient(STATUS_URL));
    assert.doesNotThrow(() => new Function(script.body!), "the client script is valid JavaScript");
  });

  it("while the build fails, a page never built shows the problems (escaped) instead of a 404", async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), "newsroom-overlay-"));
    try {
      await mkdir(path.join(out, "world/built"), { recursive: true });
      await writeFile(path.join(out, "world/built/index.html"), "<html></html>");
      const status = new BuildStatus();
      status.fail(['x.md:2 title: expected "<b>"']);
      const mw = overlayMiddleware(status, out);
      const missing = request(mw, "/world/never-built/");
      assert.equal(missing.status, 500);
      assert.match(missing.body!, /<pre>x\.md:2 title: expected &quot;&lt;b&gt;&quot;<\/pre>/);
      assert.equal(request(mw, "/world/built/").next, true, "a built page is served as it is");
      status.succeed();
      assert.equal(request(mw, "/world/never-built/").next, true, "once the build works, a missing page is a plain 404");
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe("build status", () => {
  it("explains a content failure with every problem check finds, anything else with the error's messages", () => {
    const folders = { input: path.join(FIXTURES, "bad-story/src"), data: path.join(FIXTURES, "bad-story/_data") };
    const content = Object.assign(new Error("Error in the data schema"), { originalError: new ContentError([{ file: "f.md", key: "k", message: "m" }]) });
    assert.ok(isContentFailure(content));
    assert.deepEqual(
      explainFailure(content, folders).map((l) => l.replace(/^.*broken-story/, "broken-story")),
      ["broken-story.md:6 autors: unknown key (not in the content contract; a typo?)"],
    );
    const layout = Object.assign(new Error('Having trouble writing to "./dist/x/index.html"'), { originalError: new TypeError("boom is not a function") });
    assert.ok(!isContentFailure(layout));
    assert.deepEqual(errorMessages(layout), ['Having trouble writing to "./dist/x/index.html"', "boom is not a function"]);
    assert.deepEqual(explainFailure(layout, folders).slice(0, 3), ['Having trouble writing to "./dist/x/index.html"', "boom is not a function", ""]);
  });
});

describe("stale outputs", () => {
  it("removes pages no template writes any more, and keeps the rest", async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), "newsroom-stale-"));
    const f = (p: string) => path.join(out, p);
    try {
      for (const p of ["a/index.html", "b/index.html", "list/index.html", "list/page/2/index.html"]) {
        await mkdir(path.dirname(f(p)), { recursive: true });
        await writeFile(f(p), "x");
      }
      const ledger = new StaleOutputs();
      const r = (input: string, output: string | false) => ({ inputPath: input, outputPath: output, url: "" });
      await ledger.update([r("a.md", f("a/index.html")), r("b.md", f("b/index.html")), r("list.tsx", f("list/index.html")), r("list.tsx", f("list/page/2/index.html"))], true);
      // incremental: a.md moved to a new URL; the list lost its second page; b.md was not rendered
      await mkdir(f("a2"), { recursive: true });
      await writeFile(f("a2/index.html"), "x");
      const removed = await ledger.update([r("a.md", f("a2/index.html")), r("list.tsx", f("list/index.html"))], false);
      assert.deepEqual(removed, [f("a/index.html"), f("list/page/2/index.html")]);
      assert.ok(existsSync(f("b/index.html")), "a template left out of an incremental build keeps its page");
      assert.ok(!existsSync(f("a")), "an emptied folder is removed");
      // full build without b.md: it was deleted
      assert.deepEqual(await ledger.update([r("a.md", f("a2/index.html")), r("list.tsx", f("list/index.html"))], true), [f("b/index.html")]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("keeps what a failed pass wrote, so the next full pass removes pages of deleted stories", async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), "newsroom-stale-"));
    const f = (p: string) => path.join(out, p);
    try {
      for (const p of ["a/index.html", "gone/index.html"]) {
        await mkdir(path.dirname(f(p)), { recursive: true });
        await writeFile(f(p), "x");
      }
      const ledger = new StaleOutputs();
      const r = (input: string, output: string) => ({ inputPath: input, outputPath: output, url: "" });
      // the first pass of a session wrote both pages, then failed (a file vanished under it)
      ledger.note("a.md", f("a/index.html"));
      ledger.note("gone.md", f("gone/index.html"));
      ledger.abandon();
      // gone.md was deleted meanwhile: the next full pass writes only a.md
      assert.deepEqual(await ledger.update([r("a.md", f("a/index.html"))], true), [f("gone/index.html")]);
      assert.ok(existsSync(f("a/index.html")));
      // what a good pass began is in its results: nothing is left pending for later
      ledger.note("a.md", f("a/index.html"));
      assert.deepEqual(await ledger.update([r("a.md", f("a/index.html"))], true), []);
      ledger.abandon();
      assert.deepEqual(await ledger.update([r("a.md", f("a/index.html"))], true), []);
      // without abandon(), a page begun by a failed pass would be unknown to the ledger
      const blind = new StaleOutputs();
      await mkdir(f("gone"), { recursive: true });
      await writeFile(f("gone/index.html"), "x");
      blind.note("gone.md", f("gone/index.html"));
      assert.deepEqual(await blind.update([r("a.md", f("a/index.html"))], true), [], "update() alone forgets what was only begun");
      assert.ok(existsSync(f("gone/index.html")));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
