/** typeset(): the body's typographer for plain text (headlines, deks), plain text out. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { typeset } from "../../../_config/content/typeset.ts";
import { renderMarkdown } from "../../../_config/markdown/markdown.ts";

describe("typeset", () => {
  const CASES: [string, string][] = [
    ["Researchers map the quietest hours of a city's soundscape", "Researchers map the quietest hours of a city’s soundscape"],
    ["Talks with dockworkers' unions resume", "Talks with dockworkers’ unions resume"],
    ['He said "it\'s \'fine\'"', "He said “it’s ‘fine’”"],
    ["Prices rose -- then fell... (c)", "Prices rose – then fell… ©"],
    ["Already “curly” and ’90s", "Already “curly” and ’90s"],
  ];
  for (const [input, expected] of CASES) it(JSON.stringify(input), () => assert.equal(typeset(input), expected));

  it("is plain text: markdown, entities and HTML stay as typed (escaping is the writer's job)", () => {
    assert.equal(typeset("*not* [a](link) &amp; <b>x</b> \\*"), "*not* [a](link) &amp; <b>x</b> \\*");
  });

  it("agrees with the story body's typographer", () => {
    const text = `A city's "quiet" hours -- mapped`;
    assert.equal(renderMarkdown(text), `<p>${typeset(text)}</p>\n`);
  });
});
