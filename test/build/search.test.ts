/** The Pagefind search index and the search page, over the `good` fixture. */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import { buildSite } from "../../_config/build/build.ts";
import { buildFixture, NOW, prepareFixture, ROOT, type BuiltSite } from "../helpers/site.ts";
import { spreadStories } from "../helpers/stories.ts";
import { copyFolder } from "../helpers/project.ts";
import { EXTRA_STORIES, HIDDEN_STORIES, HOSTILE_HEADLINE, HOSTILE_TITLE, PUBLIC_STORIES } from "../helpers/stories.ts";

let site: BuiltSite;

before(async () => {
  site = await buildFixture("good", { files: EXTRA_STORIES });
});
after(() => site.cleanup());

interface Fragment {
  url: string;
  content: string;
  meta: { title?: string };
}

/** The parts' bundles, as parts.json lists them (newest first). */
function parts(out: string): { name: string; bundle: string; pages: number }[] {
  return (JSON.parse(readFileSync(path.join(out, "pagefind", "parts.json"), "utf8")) as { parts: { name: string; bundle: string; pages: number }[] }).parts;
}

/** Pages in the index: every part's entry file, summed over languages. */
function indexedPages(out: string): number {
  return parts(out).reduce((n, p) => {
    const entry = JSON.parse(readFileSync(path.join(out, "pagefind", p.bundle, "pagefind-entry.json"), "utf8"));
    return n + Object.values(entry.languages as Record<string, { page_count: number }>).reduce((m, l) => m + l.page_count, 0);
  }, 0);
}

/** Pagefind's page fragments of every part: gzip, a "pagefind_dcd" signature, then JSON. */
function fragments(out: string): (Fragment & { part: string })[] {
  return parts(out).flatMap((p) => {
    const dir = path.join(out, "pagefind", p.bundle, "fragment");
    if (!existsSync(dir)) return [];
    return readdirSync(dir).map((f) => {
      const data = gunzipSync(readFileSync(path.join(dir, f))).toString("utf8");
      assert.ok(data.startsWith("pagefind_dcd"), `${f} is a Pagefind fragment`);
      return { ...(JSON.parse(data.slice("pagefind_dcd".length)) as Fragment), part: p.name };
    });
  });
}

describe("search index", () => {
  it("is written into the output by the build, in parts listed newest first", () => {
    assert.equal(indexedPages(site.out), PUBLIC_STORIES.length);
    for (const file of ["pagefind-ui.js", "pagefind-ui.css", "parts.json"]) assert.ok(site.exists(`/pagefind/${file}`), file);
    const list = parts(site.out);
    assert.ok(list.length > 0);
    assert.equal(list.reduce((n, p) => n + p.pages, 0), PUBLIC_STORIES.length, "parts.json counts every page once");
    for (const p of list) {
      assert.equal(p.bundle, `parts/${p.name}/`);
      for (const file of ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json"]) assert.ok(site.exists(`/pagefind/${p.bundle}${file}`), `${p.name}: ${file}`);
      assert.ok(!site.exists(`/pagefind/${p.bundle}pagefind-ui.js`), "Pagefind UI is kept once, at the top");
    }
  });

  it("puts each story in the part of its publication date's year, or month in the newest year", () => {
    for (const f of fragments(site.out)) {
      const doc = site.page(f.url);
      const published = doc.querySelector('time[data-pagefind-meta="date"]')!.getAttribute("datetime")!;
      assert.ok(f.part === published.slice(0, 4) || f.part === published.slice(0, 7), `${f.url} (${published}) is in ${f.part}`);
    }
  });

  it("holds exactly the public stories: not drafts, future stories or other pages", () => {
    const urls = fragments(site.out).map((f) => f.url).sort();
    assert.deepEqual(urls, [...PUBLIC_STORIES].sort());
    for (const hidden of HIDDEN_STORIES) assert.ok(!urls.includes(hidden));
    assert.ok(fragments(site.out).every((f) => !f.content.includes("secretword")));
  });

  it("indexes headline, dek and body only", () => {
    const hostile = fragments(site.out).find((f) => f.url === "/world/hostile-headline/")!;
    assert.equal(hostile.meta.title, HOSTILE_HEADLINE);
    assert.ok(hostile.content.includes("Dek with </script> and <b>tags</b> & ampersands"), "the dek");
    assert.ok(hostile.content.includes("kept as written"), "the body");
    assert.ok(hostile.content.includes("Caption <em>with</em> markup-like text"), "body figure captions");
    for (const chrome of ["Maria Kovacs", "Follow Newsroom", "Skip to content", "Security", "The lead photo's caption", "Published"]) {
      assert.ok(!hostile.content.includes(chrome), `chrome not indexed: ${chrome}`);
    }
  });
});

describe("search page", () => {
  it("is a plain GET form to /search/ that works as a link without JavaScript", () => {
    const doc = site.page("/search/");
    const form = doc.querySelector('form[role="search"]')!;
    assert.equal(form.getAttribute("action"), "/search/");
    assert.equal(form.getAttribute("method"), "get");
    assert.ok(form.querySelector('input[type="search"][name="q"]'));
    assert.equal(doc.querySelector('label[for="search-q"]')!.textContent, "Search the stories");
    assert.ok(doc.querySelector("noscript"));
  });

  it("loads Pagefind UI from the bundle and its start-up code from a file: no inline script", () => {
    const doc = site.page("/search/");
    const scripts = [...doc.querySelectorAll("script:not([type='application/ld+json'])")];
    const [ui, startup] = scripts.map((s) => s.getAttribute("src")!);
    assert.equal(scripts.length, 2);
    assert.equal(ui, "/pagefind/pagefind-ui.js");
    assert.match(startup!, /^\/assets\/js\/search\.[0-9a-f]{10}\.js$/, "the start-up script is fingerprinted");
    assert.ok(scripts.every((s) => s.textContent === ""));
    assert.ok(doc.querySelector('link[rel="stylesheet"][href="/pagefind/pagefind-ui.css"]'));
    assert.ok(site.exists(startup!));
    assert.equal(doc.querySelector("#search")!.getAttribute("data-bundle-path"), "/pagefind/");
  });

  it("is kept out of search engines", () => {
    assert.equal(site.page("/search/").querySelector('meta[name="robots"]')!.getAttribute("content"), "noindex");
  });
});

describe("a site with no public story", () => {
  it("gets an empty index, not one of its other pages", async () => {
    const drafts = Object.fromEntries(
      ["hostile-headline", "plain-story"].map((slug) => [`src/articles/2024/${slug}.md`, `---\ntitle: Draft ${slug}\ndescription: Not yet.\ndate: 2024-02-01\nsection: world\ndraft: true\n---\nDraft body.\n`]),
    );
    const empty = await buildFixture("good", { files: drafts });
    try {
      assert.deepEqual(parts(empty.out), [{ name: "empty", bundle: "parts/empty/", pages: 0 }]);
      assert.equal(indexedPages(empty.out), 0, "the home, search and 404 pages are not indexed");
      assert.ok(empty.exists("/pagefind/pagefind-ui.js"));
      assert.ok(empty.exists("/pagefind/parts/empty/pagefind.js"), "the search page still loads an (empty) index");
    } finally {
      await empty.cleanup();
    }
  });
});

describe("the index in parts, between builds", () => {
  it("re-indexes only the part of an edited story; the others are taken from the build cache", async () => {
    // Eleventy keeps what it read in the process by path: each build runs on a fresh copy (as in incremental.test.ts).
    const first = await prepareFixture("good", { ...EXTRA_STORIES, ...spreadStories() });
    const dirs = [first];
    const env = { NEWSROOM_ENV: "production", NEWSROOM_NOW: NOW };
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    const build = async (dir: string) => (await buildSite({ root: ROOT, input: path.join(dir, "src"), output: path.join(dir, "dist"), quiet: true })).reused;
    const again = async (edit?: (dir: string) => void) => {
      const dir = await copyFolder(dirs.at(-1)!);
      dirs.push(dir);
      edit?.(dir);
      return { dir, out: path.join(dir, "dist"), reused: await build(dir) };
    };
    try {
      assert.deepEqual(await build(first), []);
      const out = path.join(first, "dist");
      const before = new Map(parts(out).map((p) => [p.name, readFileSync(path.join(out, "pagefind", p.bundle, "pagefind-entry.json"), "utf8")]));
      assert.deepEqual((await again()).reused, ["search index"], "nothing changed: every part reused");
      const edited = await again((dir) => {
        const story = path.join(dir, "src/articles/2023/spread-3.md");
        writeFileSync(story, readFileSync(story, "utf8").replace(/^title: .*$/m, "title: Spread story 3, edited"));
      });
      const n = parts(edited.out).length;
      assert.deepEqual(edited.reused, [`search index: ${n - 1} of ${n} parts`]);
      const changed = parts(edited.out).filter((p) => readFileSync(path.join(edited.out, "pagefind", p.bundle, "pagefind-entry.json"), "utf8") !== before.get(p.name)).map((p) => p.name);
      assert.deepEqual(changed, ["2023"], "only the edited story's year");
      assert.ok(fragments(edited.out).some((f) => f.meta.title === "Spread story 3, edited" && f.part === "2023"));
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    }
  });
});
