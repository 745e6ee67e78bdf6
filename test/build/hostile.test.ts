/**
 * Hostile and broken input, one table: each case is a story (or two) added to the
 * `good` fixture, and either a clear error naming the file and the key, or a
 * successful build whose output keeps the text inert: escaped in the page, <title>,
 * meta tags, and in whatever feeds, sitemaps and JSON-LD the build produces.
 */
import { typeset } from "../../_config/content/typeset.ts";
import assert from "node:assert/strict";
import { existsSync, readFileSync, symlinkSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { inspectBuild, formatFinding } from "../../_config/build/checks/index.ts";
import { formatProblem } from "../../_config/content/index.ts";
import { checkSiteWithPhotos, siteFolders } from "../../_config/dev/index.ts";
import { buildPrepared, errorChain, FIXTURES, NOW, plain, prepareFixture, type BuiltSite } from "../helpers/site.ts";

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
  /** symbolic links to make, path → target (both relative to the site folder) */
  links?: Record<string, string>;
  expect: Outcome;
}

const PHOTO = readFileSync(path.join(FIXTURES, "good/src/articles/2024/photo.placeholder.jpg"));
const SITE_YAML = readFileSync(path.join(FIXTURES, "good/_data/site.yaml"), "utf8");
const SECTIONS_YAML = readFileSync(path.join(FIXTURES, "good/_data/sections.yaml"), "utf8");
const figure = (src: string) => `::: figure\nsrc: ${src}\nalt: A\ncaption: C\ncredit: X\n:::\n`;
const lead = (src: string) => `\n  src: ${src}\n  alt: A photo\n  credit: X`;
/** 17 lines of anchors and aliases: 10^9 "lol"s once expanded */
const BILLION_LAUGHS = ["a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol,lol]", ...["b", "c", "d", "e", "f", "g", "h", "i"].map((k, i, all) => `${k}: &${k} [${Array(10).fill(`*${i ? all[i - 1] : "a"}`).join(",")}]`)].join("\n");
/** a module that leaves a mark when it is imported */
const CODE = (mark: string) => `import { writeFileSync } from "node:fs";\nwriteFileSync(new URL("${mark}", import.meta.url), "code from a content folder ran");\nexport default function () { return "pwned"; }\n`;
const PWNED = ["src/articles/2024/pwned-template.txt", "src/articles/2024/pwned-data.txt"];

const err = (key: string, message: RegExp | string, file = "case-story\\.md") =>
  new RegExp(`${file}(:\\d+)? ${key.replace(/[.()]/g, "\\$&")}: ${typeof message === "string" ? message : message.source}`);

const CASES: Case[] = [
  { name: "malformed YAML", files: { [FILE]: "---\ntitle: [unclosed\ndescription: x\n---\nBody.\n" }, expect: { error: [err("(front matter)", /malformed YAML: missed comma/, "case-story\\.md:3")] } },
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
  // issue 13: hostile input that used to crash, hang or publish something it should not
  { name: "a YAML billion laughs in front matter", files: { [FILE]: `---\ntitle: A title\ndescription: A dek\ndate: 2024-03-01\nsection: world\n${BILLION_LAUGHS}\n---\nBody.\n` }, expect: { error: [err("(front matter)", /YAML anchors and aliases \(&a, \*a\) are not allowed/, "case-story\\.md:6")] } },
  { name: "an anchor and alias in a _data file", files: { "_data/sections.yaml": `${SECTIONS_YAML}\nextra: &x\n  title: X\n  description: Y\nmore: *x\n` }, expect: { error: [err("(yaml)", /YAML anchors and aliases \(&x, \*x\) are not allowed/, "_data/sections\\.yaml:\\d+")] } },
  { name: "front matter over 64 KB", files: { [FILE]: story({ description: yamlString("x".repeat(70 * 1024)) }) }, expect: { error: [err("(front matter)", /\d+ KB of YAML; the limit is 64 KB/, "case-story\\.md:2")] } },
  {
    name: "a template and a data file in a content folder (code that would run)",
    files: { [FILE]: story({}), "src/articles/2024/evil.11ty.tsx": CODE("./pwned-template.txt"), "src/articles/2024/case-story.11tydata.js": CODE("./pwned-data.txt") },
    expect: { error: [err("(file)", /a code, template or data file in a content folder/, "evil\\.11ty\\.tsx"), err("(file)", /a code, template or data file/, "case-story\\.11tydata\\.js")] },
  },
  { name: "a data file named after a story (Eleventy would read it as the story's data)", files: { [FILE]: story({}), "src/articles/2024/case-story.json": `{"permalink": "/evil/"}` }, expect: { error: [err("(file)", /a code, template or data file/, "case-story\\.json")] } },
  { name: "an SVG in a content folder, referenced nowhere", files: { [FILE]: story({}), "src/articles/2025/evil.svg": `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>` }, expect: { error: [err("(file)", /an SVG in a content folder is never published/, "evil\\.svg")] } },
  { name: "an unknown file in a content folder", files: { [FILE]: story({}), "src/articles/2024/notes.pdf": "%PDF-1.4" }, expect: { error: [err("(file)", /an unknown file in a content folder/, "notes\\.pdf")] } },
  {
    name: "an SVG outside the content folders is not published",
    files: { [FILE]: story({}), "src/evil.svg": `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`, "src/photos/evil.svg": "<svg/>" },
    expect: { ok: (site) => assert.deepEqual([site.exists("/evil.svg"), site.exists("/photos/evil.svg")], [false, false]) },
  },
  { name: "an SVG as a figure", files: { [FILE]: story({}, figure("/assets/logo.svg")) }, expect: { error: [err("figure.src", /.*an SVG is not accepted as a photo/)] } },
  { name: "an SVG as the lead photo", files: { [FILE]: story({ image: lead("/assets/logo.svg") }) }, expect: { error: [err("image.src", /.*an SVG is not accepted as a photo/)] } },
  { name: "a photo path out of src/ (../../etc/passwd)", files: { [FILE]: story({ image: lead("../../../etc/passwd") }) }, expect: { error: [err("image.src", /.*is outside the content folder/)] } },
  { name: "a 0-byte JPEG", files: { [FILE]: story({}, figure("empty.jpg")), "src/articles/2024/empty.jpg": Buffer.alloc(0) }, expect: { error: [err("figure.src", /.*is an empty file \(0 bytes\)/)] } },
  { name: "a truncated JPEG (check decodes photos too)", files: { [FILE]: story({}, figure("cut.jpg")), "src/articles/2024/cut.jpg": PHOTO.subarray(0, 400) }, expect: { error: [err("figure.src", /unreadable image/)] } },
  { name: "a symlinked photo pointing out of the project", files: { [FILE]: story({ image: lead("linked.jpg") }), "outside/photo.jpg": PHOTO }, links: { "src/articles/2024/linked.jpg": "outside/photo.jpg" }, expect: { error: [err("(file)", /a symbolic link in a content folder/, "linked\\.jpg")] } },
  { name: "a symlinked folder of stories", files: { [FILE]: story({}), "outside/stories/linked-story.md": story({ title: "Linked" }) }, links: { "src/articles/linked": "outside/stories" }, expect: { error: [err("(file)", /a symbolic link in a content folder/, "articles/linked")] } },
  { name: "section: constructor (a prototype name)", files: { [FILE]: story({ section: "constructor" }) }, expect: { error: [err("section", `unknown section "constructor"`)] } },
  { name: "authors: [constructor]", files: { [FILE]: story({ authors: "[constructor, to-string]" }) }, expect: { error: [err("authors.0", `unknown author "constructor"`)] } },
  { name: "__proto__ as a key in _data/sections.yaml", files: { "_data/sections.yaml": `${SECTIONS_YAML}__proto__:\n  title: Evil\n  description: Prototype\n` }, expect: { error: [err("__proto__", /expected a slug/, "_data/sections\\.yaml:\\d+")] } },
  { name: "a photo file name with # and ?", files: { [FILE]: story({}, figure("a#b.jpg")), "src/articles/2024/a#b.jpg": PHOTO }, expect: { error: [err("figure.src", /.*may not contain # \? %/)] } },
  {
    name: "a heading '## Main' (the layout's own id)",
    files: { [FILE]: story({}, "## Main\n\nText.\n\n## Search\n\nMore.") },
    expect: {
      ok: (site) => {
        const ids = [...site.page(URL).querySelectorAll("[id]")].map((e) => e.id);
        assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], "duplicate ids");
        assert.deepEqual([...site.page(URL).querySelectorAll(".story__body h2")].map((h) => h.id), ["main-section", "search-section"]);
      },
    },
  },
  { name: "logo: javascript:alert(1)", files: { "_data/site.yaml": SITE_YAML.replace("logo: /assets/logo.svg", "logo: javascript:alert(1)") }, expect: { error: [err("logo", /expected a site path starting with \//, "_data/site\\.yaml")] } },
  { name: "a promo URL //evil.example/", files: { "_data/site.yaml": SITE_YAML.replace("url: /feed.xml", "url: //evil.example/") }, expect: { error: [err("promo.url", /expected .*not \/\//, "_data/site\\.yaml")] } },
  { name: "::: related to //evil.example/", files: { [FILE]: story({}, "::: related\ntitle: A\nurl: //evil.example/\n:::\n") }, expect: { error: [err("related.url", /expected .*not \/\/ or \/\\/, "case-story\\.md:7")] } },
  { name: "::: related to /\\evil.example/", files: { [FILE]: story({}, "Text.\n\n::: related\ntitle: B\nurl: /\\evil.example/\n:::\n") }, expect: { error: [err("related.url", /expected .*not \/\/ or/, "case-story\\.md:9")] } },
  { name: "a title with \\0", files: { [FILE]: story({ title: `"A \\0 title"` }) }, expect: { error: [err("title", /expected text without control characters/)] } },
  { name: "a caption with an escape code", files: { [FILE]: story({ image: `${lead("photo.placeholder.jpg")}\n  caption: "bell \\a"` }) }, expect: { error: [err("image.caption", /expected text without control characters/)] } },
  { name: "a headline of zero-width characters only", files: { [FILE]: story({ title: `"\\u200B\\u200C\\u200D\\u2060\\uFEFF"` }) }, expect: { error: [err("title", /expected visible text/)] } },
  { name: "updated: 9999-12-31", files: { [FILE]: story({ updated: "9999-12-31T23:59:59-12:00" }) }, expect: { error: [err("updated", /.*is more than a year after now/)] } },
  { name: "a date before 1900", files: { [FILE]: story({ date: "1850-01-01" }) }, expect: { error: [err("date", /.*is before 1900/)] } },
  {
    name: "a story scheduled 11 months ahead",
    files: { [FILE]: story({ date: "2027-10-20T09:00:00-04:00" }) },
    expect: { ok: (site) => assert.equal(site.exists(URL), false, "scheduled: not in a production build yet") },
  },
  { name: "tags without letters (!!! and ???)", files: { [FILE]: story({ tags: `["!!!", "???"]` }) }, expect: { error: [err("tags.0", /"!!!" has no letters or digits/), err("tags.1", /"\?\?\?" has no letters/)] } },
  { name: "two tags of one story with one slug (C# and C++)", files: { [FILE]: story({ tags: `["C#", "C++"]` }) }, expect: { error: [err("tags.1", /"C\+\+" and "C#" would share one topic page \(\/topics\/c\/\)/)] } },
  {
    name: "two spellings of one tag (Middle East, middle-east) are one topic",
    files: { [FILE]: story({ tags: `[Middle East, middle-east]` }) },
    expect: { ok: (site) => assert.deepEqual([...site.page(URL).querySelectorAll(".story__topics a")].map((a) => a.getAttribute("href")), ["/topics/middle-east/", "/topics/middle-east/"]) },
  },
  {
    name: "two stories' tags with one slug",
    files: { [FILE]: story({ tags: "[C++ and Rust]" }) },
    expect: { error: [err("tags.1", /"C\+\+ & Rust" and "C\+\+ and Rust" \(in .*case-story\.md\) would share one topic page/, "hostile-headline\\.md:8")] },
  },
  { name: "a section named pagefind", files: { "_data/sections.yaml": `${SECTIONS_YAML}pagefind:\n  title: Search\n  description: Pagefind's folder\n` }, expect: { error: [err("pagefind", /expected a section slug other than/, "_data/sections\\.yaml")] } },
  { name: "a story named page.md (the pagination path)", files: { "src/articles/2024/page.md": story({}) }, expect: { error: [err("(file name)", /"page" is a path the site uses itself/, "page\\.md")] } },
  {
    name: "Eleventy's own keys in a story (layout, permalink, eleventyComputed, pagination)",
    files: { [FILE]: story({ layout: "evil.njk", permalink: "/x/", eleventyComputed: "\n  title: x", pagination: "\n  data: collections" }) },
    expect: { error: ["layout", "permalink", "eleventyComputed", "pagination"].map((k) => err(k, /unknown key/)) },
  },
  { name: "a remote image in the body", files: { [FILE]: story({}, "Text.\n\n![A photo](https://cdn.example.org/a.jpg)\n") }, expect: { error: [err("(body) image", /"https:\/\/cdn\.example\.org\/a\.jpg" is a remote image/, "case-story\\.md:9")] } },
  { name: "a remote figure", files: { [FILE]: story({}, figure("https://cdn.example.org/a.jpg")) }, expect: { error: [err("figure.src", /.*is a remote image/)] } },
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

/** The fixture with the case's files and links, in a temp folder. */
async function prepare(c: Case): Promise<string> {
  const dir = await prepareFixture("good", c.files);
  for (const [link, target] of Object.entries(c.links ?? {})) {
    await mkdir(path.dirname(path.join(dir, link)), { recursive: true });
    symlinkSync(path.join(dir, target), path.join(dir, link));
  }
  return dir;
}

/**
 * Every case runs through `npm run check`'s functions and the build, on the same files:
 * the check reports exactly the problems the build reports (the same `file:line key:
 * message` lines: one set of rules), and a case the check passes builds.
 */
describe("hostile and broken input", () => {
  for (const c of CASES) {
    it(`${c.name}: ${"error" in c.expect ? "check and build fail with the same message, naming file and key" : "check passes, builds, output kept safe"}`, async () => {
      const dir = await prepare(c);
      try {
        const checked = (await checkSiteWithPhotos({ ...siteFolders(dir), now: NOW })).problems.map(formatProblem);
        let built: BuiltSite | undefined;
        let message = "";
        try {
          built = await buildPrepared(dir);
        } catch (error) {
          message = errorChain(error);
        }
        if ("error" in c.expect) {
          assert.ok(message, "the build succeeded");
          for (const re of c.expect.error) assert.match(message, re);
          for (const re of c.expect.error) assert.ok(checked.some((line) => re.test(line)), `npm run check does not report ${re}:\n${checked.join("\n")}`);
          // The build stops at the first story that fails; each problem it names, check names alike.
          const problemLines = message.split("\n").filter((line) => /^(\.\.\/|\/|[\w.-]+\/)\S*(:\d+)? .+?: /.test(line));
          assert.ok(problemLines.length, `the build names no file:\n${message}`);
          for (const line of problemLines) assert.ok(checked.includes(line), `check does not say what the build says: ${line}\n--- check ---\n${checked.join("\n")}`);
          assert.doesNotMatch(message, /at .*\.(js|ts):\d+:\d+/, "a stack trace instead of an explanation");
          for (const mark of PWNED) assert.equal(existsSync(path.join(dir, mark)), false, `${mark}: code from a content folder ran`);
        } else {
          assert.deepEqual(checked, [], "npm run check");
          assert.ok(built, `the build failed:\n${message}`);
          await c.expect.ok(built);
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
});

export const HOSTILE_CASES = CASES.length;
