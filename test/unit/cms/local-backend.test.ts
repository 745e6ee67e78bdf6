/**
 * The local backend's guard (_config/cms/local-backend.ts): the CMS may write stories,
 * pages, the _data files and photos beside them, nothing else.
 */
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { createServer } from "node:net";
import { isEntryPath, isPhotoPath, listMedia, localBackendRefusal, startLocalBackend } from "../../../_config/cms/index.ts";

const entry = (p: string) => ({ action: "persistEntry", params: { entry: { path: p, raw: "x" }, assets: [] } });

describe("the CMS local backend's guard", () => {
  it("lets stories, pages and _data files through", () => {
    for (const p of ["src/articles/2026/a-story.md", "src/pages/about/ethics.md", "_data/site.yaml", "_data/front.yaml"]) assert.ok(isEntryPath(p), p);
    assert.equal(localBackendRefusal(entry("src/articles/2026/a-story.md")), undefined);
  });

  it("refuses any other path: code, templates, dot-files, traversal", () => {
    for (const p of [".eleventy.ts", "_config/cms/config.ts", "src/articles/articles.11tydata.ts", "src/index.11ty.tsx", "src/articles/../../x.md", "/etc/passwd", "src/articles/.env.md", "_data/other.yaml", "package.json"]) {
      assert.ok(!isEntryPath(p), p);
      assert.match(localBackendRefusal(entry(p)) ?? "", /is not a story, page or _data file/, p);
    }
  });

  it("accepts only photos of the pipeline's types, beside a story or page or in src/media", () => {
    for (const p of ["src/articles/2026/lead.jpg", "src/articles/2026/x.JPEG", "src/pages/team.png", "src/media/a.webp", "src/articles/2026/b.avif", "src/articles/c.gif", "src/articles/d.tiff"]) assert.ok(isPhotoPath(p), p);
    for (const p of ["src/articles/2026/x.svg", "src/articles/2026/x.html", "src/articles/2026/x.js", "src/assets/x.jpg", "_data/x.png", "src/articles/2026/x.jpg.ts", "dist/x.jpg"]) assert.ok(!isPhotoPath(p), p);
    const upload = (p: string) => ({ action: "persistMedia", params: { asset: { path: p, content: "", encoding: "base64" } } });
    assert.equal(localBackendRefusal(upload("src/articles/2026/lead.jpg")), undefined);
    assert.match(localBackendRefusal(upload("src/articles/2026/evil.svg")) ?? "", /is not a photo/);
    const withAsset = { action: "persistEntry", params: { entry: { path: "src/articles/2026/a.md", raw: "x" }, assets: [{ path: "src/articles/2026/run.html" }] } };
    assert.match(localBackendRefusal(withAsset) ?? "", /run\.html is not a photo/);
    assert.match(localBackendRefusal({ action: "deleteFile", params: { path: ".eleventy.ts" } }) ?? "", /refused/);
    assert.equal(localBackendRefusal({ action: "entriesByFolder", params: { folder: "src/articles" } }), undefined);
  });

  it("lists only photos as media (not stories, data files or links)", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "newsroom-media-"));
    try {
      mkdirSync(path.join(root, "src/articles/2026"), { recursive: true });
      writeFileSync(path.join(root, "src/articles/2026/a.md"), "---\n---\n");
      writeFileSync(path.join(root, "src/articles/2026/lead.jpg"), "jpeg bytes");
      symlinkSync("/etc/hostname", path.join(root, "src/articles/2026/link.jpg"));
      const media = await listMedia(root, "src/articles/2026");
      assert.deepEqual(media.map((m) => [m.path, m.name, Buffer.from(m.content, "base64").toString()]), [["src/articles/2026/lead.jpg", "lead.jpg", "jpeg bytes"]]);
      assert.deepEqual(await listMedia(root, "../"), []);
      assert.deepEqual(await listMedia(root, "src/missing"), []);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("runs decap-server on 127.0.0.1, answers its API behind the guard, and says so when its port is taken", { timeout: 60_000 }, async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "newsroom-backend-"));
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      await assert.rejects(startLocalBackend(root, { port: taken }), /port is taken; set NEWSROOM_CMS_PORT/);
      blocker.close();
      const backend = await startLocalBackend(root, { port: taken });
      try {
        assert.equal(backend.url, `http://127.0.0.1:${taken}/api/v1`);
        const post = (body: unknown) => fetch(backend.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
        const info = (await (await post({ action: "info", params: { branch: "main" } })).json()) as { type: string };
        assert.equal(info.type, "local_fs");
        const refused = await post({ action: "persistMedia", params: { branch: "main", asset: { path: "src/articles/x.svg", content: "", encoding: "base64" }, options: { commitMessage: "x" } } });
        assert.equal(refused.status, 422);
        assert.match(((await refused.json()) as { error: string }).error, /x\.svg is not a photo/);
      } finally {
        backend.stop();
      }
    } finally {
      blocker.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
