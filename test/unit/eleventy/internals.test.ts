/**
 * The adapter over Eleventy's internals (_config/eleventy/internals.ts) is pinned to
 * the Eleventy it was written for: on another version this fails, naming the adapter
 * and what to re-check.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import Eleventy from "@11ty/eleventy";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ADAPTED_ELEVENTY_VERSION, adapterMismatch, computedView, installedEleventyVersion } from "../../../_config/eleventy/internals.ts";

describe("Eleventy internals adapter", () => {
  it("was written for the installed Eleventy", () => {
    const mismatch = adapterMismatch();
    assert.equal(mismatch, undefined, mismatch);
    assert.equal(installedEleventyVersion(), ADAPTED_ELEVENTY_VERSION);
  });

  it("on another version, names the adapter and what to re-check", () => {
    const message = adapterMismatch("3.2.0") ?? "";
    assert.match(message, /Eleventy 3\.2\.0 is installed, but _config\/eleventy\/internals\.ts was written for Eleventy 3\.1\.8/);
    assert.match(message, /TemplateWriter#_generateTemplate/);
    assert.match(message, /ComputedDataProxy#findVarsUsed/);
  });

  it("computed views run once per page on real data, after the keys they declare", async () => {
    const calls: string[] = [];
    const dir = mkdtempSync(path.join(os.tmpdir(), "newsroom-internals-"));
    const elev = new Eleventy(dir, path.join(dir, "_site"), {
      quietMode: true,
      config(config: unknown) {
        const c = config as {
          addTemplate(name: string, content: string, data: Record<string, unknown>): void;
          addGlobalData(name: string, value: unknown): void;
        };
        c.addTemplate("virtual.md", "# Hi", {
          permalink: "/x/",
          eleventyComputed: {
            view: computedView(["page.url"], (data: { page: { url: string } }) => {
              calls.push(data.page.url);
              return { url: data.page.url, n: Object.keys(data).length > 0 };
            }),
            meta: computedView(["view"], (data: { view?: { url: string } }) => `meta of ${data.view?.url}`),
          },
        });
      },
    });
    const pages = await elev.toJSON().finally(() => rmSync(dir, { recursive: true, force: true }));
    assert.deepEqual(pages.map((p) => p.url), ["/x/"]);
    assert.deepEqual(calls, ["/x/"], "the view ran once, on the real page data with its URL");
  });
});
