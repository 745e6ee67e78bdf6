/**
 * Hostile and broken input, one table: each case is a story (or two) added to the
 * `good` fixture, and either a clear error naming the file and the key, or a
 * successful build whose output keeps the text inert: escaped in the page, <title>,
 * meta tags, and in whatever feeds, sitemaps and JSON-LD the build produces.
 */
import { typeset } from "../../_config/content/typeset.ts";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { inspectBuild, formatFinding } from "../../_config/build/checks/index.ts";
import { buildError, buildFixture, plain, type BuiltSite } from "../helpers/site.ts";

const FILE = "src/articles/2024/case-story.md";
const URL = "/world/case-story/";

/** A story's front matter (key → raw YAML line value), then its body. */
function story(fields: Record<string, string | undefined>, body = "Body text."): string {
  const base: Record<string, string | undefined> = { title: "A title", description: "A dek", date: "2024-03-01T09:00:00-05:00", section: "world", ...fields };
  const yaml = Object.entries(base)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
  return `---\n${yaml}\n---\n${body}\n`;
}

const HEADLINE = `Hostile </script><script>alert("t")</script> & <!-- 'q' --> </title>`;
const DEK = `Dek </script><img src=x onerror=alert(1)> "quoted" & </head>`;
const yamlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

type Outcome = { error: RegExp[] } | { ok: (site: BuiltSite) => Promise<void> | void };
interface Case {
  name: string;
  files: Record<string, string | Buffer>;
  expect: Outcome;
}

const err = (key: string, message: RegExp | string, file = "case-story\\.md") =>
  new RegExp(`${file}(:\\d+)? ${key.replace(/[.()]/g, "\\$&")}: ${typeof message === "string" ? message : message.source}`);

const CASES: Case[] = [
  { name: "malformed YAML", files: { [FILE]: "---\ntitle: [unclosed\ndescription: x\n---\nBody.\n" }, expect: { error: [/case-story\.md\n\(front matter\): malformed YAML \(file line 3\): missed comma/] } },
  { name: "missing title", files: { [FILE]: story({ title: undefined }) }, expect: { error: [err("title", /required/)] } },
  { name: "missing date", files: { [FILE]: story({ date: undefined }) }, expect: { error: [err("date", /required/)] } },
  { name: "an impossible date", files: { [FILE]: story({ date: "2022-02-30" }) }, expect: { error: [err("date", `"2022-02-30" is not a real calendar date`)] } },
  { name: "a relative date", files: { [FILE]: story({ date: "yesterday" }) }, expect: { error: [err("date", /.*ISO 8601/)] } },
  { name: "updated before date", files: { [FILE]: story({ updated: "2024-02-01" }) }, expect: { error: [err("updated", /.* is before date/)] } },
  { name: "an unknown section", files: { [FILE]: story({ section: "sports" }) }, expect: { error: [err("section", `unknown section "sports"`)] } },
  { name: "an unknown author", files: { [FILE]: story({ authors: "[maria-kovacs, nobody-here]" }) }, expect: { error: [err("authors.1", `unknown author "nobody-here"`)] } },
  {
    name: "wrong types (number title, string tags, string draft)",
    files: { [FILE]: story({ title: "42", tags: "just-one", draft: '"yes"' }) },
    expect: { error: [err("title", /.*string/), err("tags", /.*array|list/), err("draft", /.*bool/)] },
  },
  { name: "a lead image without alt", files: { [FILE]: story({ image: "\n  src: photo.placeholder.jpg\n  credit: X" }) }, expect: { error: [err("image.alt", /required/)] } },
  { name: "a missing lead image file", files: { [FILE]: story({ image: "\n  src: missing.jpg\n  alt: A photo\n  credit: X" }) }, expect: { error: [err("image.src", "photo file not found")] } },
  {
    name: "a body figure without alt",
    files: { [FILE]: story({}, "::: figure\nsrc: photo.placeholder.jpg\ncaption: C\ncredit: X\n:::\n") },
    expect: { error: [err("figure.alt", /required/)] },
  },
  {
    name: "a missing body figure file",
    files: { [FILE]: story({}, "::: figure\nsrc: nowhere.jpg\nalt: A\ncaption: C\ncredit: X\n:::\n") },
    expect: { error: [err("figure.src", "photo file not found")] },
  },
  {
    name: "two stories with the same URL",
    files: { "src/articles/2024/same-slug.md": story({}), "src/articles/2025/same-slug.md": story({}) },
    expect: { error: [/\/world\/same-slug\//, /2024\/same-slug\.md/, /2025\/same-slug\.md/] },
  },
  { name: "an empty file", files: { [FILE]: "" }, expect: { error: [err("(front matter)", /expected front matter/)] } },
  { name: "a file with only empty front matter", files: { [FILE]: "---\n---\n" }, expect: { error: ["title", "description", "date", "section"].map((k) => err(k, /required/)) } },
  {
    name: "a non-UTF-8 file",
    // line 9 holds "Café" saved as Latin-1 (0xE9), the way an old editor would write it
    files: { [FILE]: Buffer.concat([Buffer.from(story({}, "First line.\n\nCaf").trimEnd()), Buffer.from([0xe9]), Buffer.from(" latin-1 bytes.\n")]) },
    expect: { error: [err("(encoding)", /the file is not valid UTF-8/, "case-story\\.md:9")] },
  },
  {
    // the contract: a public story needs body text (issue 14); a draft may be empty
    name: "a story with front matter and no body",
    files: { [FILE]: story({}, "") },
    expect: { error: [err("(body)", /a public story needs body text after the front matter \(only a draft may be empty\)/, "case-story\\.md:7")] },
  },
  {
    name: "a draft with front matter and no body",
    files: { [FILE]: story({ draft: "true" }, "") },
    expect: { ok: (site) => assert.equal(site.exists(URL), false) },
  },
  {
    name: "a <script> and </script> headline",
    files: { [FILE]: story({ title: yamlString(HEADLINE), description: yamlString(DEK), tags: yamlString(`[</script>]`).replace(/^'|'$/g, "") }) },
    expect: { ok: (site) => assertInert(site, { title: HEADLINE, description: DEK }) },
  },
  {
    name: "raw HTML and javascript: links in the body",
    files: {
      [FILE]: story(
        {},
        [
          `<script>alert(1)</script> <iframe src="https://evil.example"></iframe> <img src=x onerror="alert(2)">`,
          "",
          `[a](javascript:alert(3)) [b](JavaScript:alert(4)) [c]( javascript:alert(5)) [d](vbscript:msgbox) [e](data:text/html;base64,PHNjcmlwdD4=) <a href="javascript:alert(6)">f</a>`,
          "",
          `![img](javascript:alert(7)) <style>body{display:none}</style>`,
        ].join("\n"),
      ),
    },
    expect: {
      ok: async (site) => {
        const body = site.page(URL).querySelector(".story__body")!;
        assert.equal(body.querySelectorAll("script, iframe, style, img, [onerror]").length, 0);
        for (const a of body.querySelectorAll("a")) assert.doesNotMatch(a.getAttribute("href") ?? "", /^\s*(javascript|vbscript|data):/i);
        assert.match(plain(body.textContent), /<script>alert\(1\)<\/script>/);
        assert.match(plain(body.textContent), /<iframe src="https:\/\/evil.example"><\/iframe>/);
        await assertInert(site, { title: "A title", description: "A dek" });
      },
    },
  },
  {
    name: "a 5 MB story",
    files: { [FILE]: story({}, bigBody(5 * 1024 * 1024)) },
    expect: {
      ok: async (site) => {
        const paragraphs = site.page(URL).querySelectorAll(".story__body p");
        assert.ok(paragraphs.length > 5000, `${paragraphs.length} paragraphs`);
        assert.match(paragraphs[paragraphs.length - 1]!.textContent!, /^Paragraph \d+ ends the story\.$/);
      },
    },
  },
];

/** Paragraphs of plain text up to `bytes`, the last one marked. */
function bigBody(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 1; size < bytes; i++) {
    const p = `Paragraph ${i}: ${"All the news that fits, and then some more words to fill the line. ".repeat(12)}`;
    parts.push(p);
    size += p.length + 2;
  }
  parts.push(`Paragraph ${parts.length + 1} ends the story.`);
  return parts.join("\n\n");
}

/**
 * The text arrives everywhere as text: the page's h1, <title> and meta tags carry it
 * exactly; no <script> runs but our own; JSON-LD parses and cannot close its element;
 * feeds and sitemaps (whatever exists) parse and carry it exactly.
 */
async function assertInert(site: BuiltSite, typed: { title: string; description: string }): Promise<void> {
  // headline and dek reach every output typeset (the body's typographer), as plain text
  const text = { title: typeset(typed.title), description: typeset(typed.description) };
  const doc = site.page(URL);
  assert.equal(doc.querySelector("h1")!.textContent, text.title);
  assert.ok(doc.querySelector("title")!.textContent!.startsWith(text.title));
  assert.equal(doc.querySelector('meta[name="description"]')!.getAttribute("content"), text.description);
  for (const meta of doc.querySelectorAll('meta[property="og:title"], meta[name="twitter:title"]')) assert.equal(meta.getAttribute("content"), text.title);
  for (const meta of doc.querySelectorAll('meta[property="og:description"], meta[name="twitter:description"]')) assert.equal(meta.getAttribute("content"), text.description);
  const checked = await inspectBuild(site.out, { siteUrl: "https://newsroom.example.org/" });
  assert.deepEqual(checked.findings.map(formatFinding), []);
  for (const file of await site.files()) {
    const raw = await site.text(file);
    if (file.endsWith(".html")) {
      const page = parseHTML(raw).document;
      for (const script of page.querySelectorAll("script")) {
        const type = script.getAttribute("type");
        if (type === "application/ld+json") {
          assert.doesNotMatch(script.textContent!, /<\/script|<!--/i, `${file}: JSON-LD can close its element`);
          const json = JSON.stringify(JSON.parse(script.textContent!));
          if (json.includes("Hostile")) assert.ok(json.includes(JSON.stringify(text.title).slice(1, -1)), `${file}: JSON-LD changes the headline`);
        } else assert.ok(script.hasAttribute("src") && !script.textContent!.trim(), `${file}: an inline <script>`);
      }
      for (const el of page.querySelectorAll("*")) {
        for (const attr of el.attributes) assert.doesNotMatch(attr.name, /^on/i, `${file}: event handler attribute ${attr.name}`);
      }
    } else if (/\.(xml|json)$/.test(file)) {
      assert.doesNotMatch(raw, /<script/i, `${file}: a raw <script>`);
      if (file.endsWith(".json")) JSON.parse(raw);
      else {
        const xml = new (parseHTML("").window.DOMParser)().parseFromString(raw, "text/xml");
        for (const t of xml.querySelectorAll("title")) if (t.textContent!.includes("Hostile")) assert.equal(t.textContent, text.title, `${file}: title changed`);
      }
    }
  }
}

describe("hostile and broken input", () => {
  for (const c of CASES) {
    it(`${c.name}: ${"error" in c.expect ? "fails naming file and key" : "builds, text kept inert"}`, async () => {
      if ("error" in c.expect) {
        const message = await buildError("good", { files: c.files });
        for (const re of c.expect.error) assert.match(message, re);
        assert.doesNotMatch(message, /at .*\.(js|ts):\d+:\d+/, "a stack trace instead of an explanation");
      } else {
        const site = await buildFixture("good", { files: c.files });
        try {
          await c.expect.ok(site);
        } finally {
          await site.cleanup();
        }
      }
    });
  }
});

export const HOSTILE_CASES = CASES.length;
