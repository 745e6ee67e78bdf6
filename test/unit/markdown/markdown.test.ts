/** The markdown rules: markdown in, HTML out. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { renderMarkdown, type MarkdownEnv } from "../../../_config/markdown/markdown.ts";
import { ContentError } from "../../../_config/content/schema.ts";

const env: MarkdownEnv = {
  page: { inputPath: "./test/fixtures/good/src/articles/2024/hostile-headline.md" },
  site: { url: "https://newsroom.example.org/", requireCredits: true },
  eleventy: { directories: { input: "./test/fixtures/good/src/" } },
};
const render = (md: string, e: MarkdownEnv = env) => renderMarkdown(md, { ...e });
const dom = (md: string) => parseHTML(`<div id="r">${render(md)}</div>`).document.getElementById("r")!;

describe("markdown", () => {
  it("uses typographic quotes and dashes", () => {
    assert.equal(render(`"Quoted" and 'single' -- en --- em`), "<p>“Quoted” and ‘single’ – en — em</p>\n");
  });

  it("shows raw HTML as text", () => {
    assert.equal(render("<script>alert(1)</script> <b>x</b>"), "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;x&lt;/b&gt;</p>\n");
  });

  it("renders raw HTML only when the site turns it on", () => {
    assert.equal(renderMarkdown("<b>x</b>", { site: { url: "https://a.example/", rawHtml: true } }), "<p><b>x</b></p>\n");
  });

  it("never runs a template language", () => {
    assert.equal(render("{{ title }} {% include x %}"), "<p>{{ title }} {% include x %}</p>\n");
  });

  it("gives headings ids", () => {
    const r = dom("## What happened next\n\n## What happened next");
    assert.deepEqual([...r.querySelectorAll("h2")].map((h) => h.id), ["what-happened-next", "what-happened-next-1"]);
  });

  it("adds rel=noopener to external links only, and drops javascript: links", () => {
    const r = dom("[a](https://other.example/x) [b](/world/x/) [c](https://newsroom.example.org/y) [d](javascript:alert(1))");
    assert.equal(r.querySelector('a[href="https://other.example/x"]')!.getAttribute("rel"), "noopener");
    assert.equal(r.querySelector('a[href="/world/x/"]')!.getAttribute("rel"), null);
    assert.equal(r.querySelector('a[href="https://newsroom.example.org/y"]')!.getAttribute("rel"), null);
    assert.equal(r.querySelectorAll("a").length, 3);
  });

  it("renders a figure: image with alt, caption then credit, all escaped", () => {
    const r = dom(`::: figure
src: photo.placeholder.jpg
alt: A "quoted" <alt>
caption: Caption & <b>more</b>
credit: AP Photo
:::`);
    const fig = r.querySelector("figure")!;
    assert.equal(fig.querySelector("img")!.getAttribute("src"), "/articles/2024/photo.placeholder.jpg");
    assert.equal(fig.querySelector("img")!.getAttribute("alt"), 'A "quoted" <alt>');
    assert.deepEqual([...fig.querySelectorAll("figcaption span")].map((s) => [s.className, s.textContent]), [
      ["figure__caption", "Caption & <b>more</b>"],
      ["figure__credit", "AP Photo"],
    ]);
    assert.equal(fig.querySelector("b"), null);
  });

  it("renders a related-story callout set apart from the text", () => {
    const r = dom("Before.\n\n::: related\ntitle: Other story\nurl: /world/other/\n:::\n\nAfter.");
    const aside = r.querySelector("aside.related")!;
    assert.equal(aside.querySelector("a")!.getAttribute("href"), "/world/other/");
    assert.equal(aside.querySelector("a")!.textContent, "Other story");
    assert.deepEqual([...r.querySelectorAll(":scope > p")].map((p) => p.textContent), ["Before.", "After."]);
  });

  const bad: [string, string, RegExp][] = [
    ["a figure without alt", "::: figure\nsrc: photo.placeholder.jpg\ncaption: C\ncredit: K\n:::", /hostile-headline\.md:\d+ figure\.alt: required/],
    ["a figure with a missing file", "::: figure\nsrc: nope.jpg\nalt: A\ncaption: C\ncredit: K\n:::", /hostile-headline\.md:\d+ figure\.src: photo file not found/],
    ["a figure without credit where credits are required", "::: figure\nsrc: photo.placeholder.jpg\nalt: A\ncaption: C\n:::", /figure\.credit: required/],
    ["an unknown key", "::: figure\nsrc: photo.placeholder.jpg\nalt: A\ncaption: C\ncredit: K\nsize: big\n:::", /figure\.size: unknown key; expected one of src, alt, caption, credit/],
    ["an unknown block", "::: gallery\n:::", /::: gallery: unknown block; expected one of figure, related/],
    ["an unclosed block", "::: related\ntitle: T\nurl: /x/", /::: related: block is never closed/],
    ["a related link that is not a URL", "::: related\ntitle: T\nurl: other-story\n:::", /related\.url: expected an absolute http\(s\) URL or a site path/],
  ];
  for (const [name, md, expected] of bad) {
    it(`rejects ${name}, naming the file`, () => {
      assert.throws(() => render(md), (e: unknown) => e instanceof ContentError && expected.test(e.message));
    });
  }

  it("keeps an indented ::: as code", () => {
    assert.match(render("    ::: figure\n    src: x\n"), /<pre><code>::: figure/);
  });
});
