/**
 * Typography for plain text (headlines, deks, names): the typographer the story bodies
 * get (markdown-it's `replacements` and `smartquotes` rules, with markdown-it's default
 * quotes), and nothing else: no markdown, no entities, no HTML. The result is plain text
 * with curly quotes, apostrophes, dashes and ellipses, escaped wherever it is written
 * like any other text. `articleView` typesets a story's title and description once, so
 * the page, cards, <title>, meta tags, feeds, JSON-LD and social cards all agree.
 * https://github.com/markdown-it/markdown-it/blob/master/lib/rules_core/smartquotes.mjs
 */
import markdownIt from "markdown-it";

// "zero": every syntax rule off; only the two typographic core rules on.
const typographer = markdownIt("zero", { typographer: true }).enable(["replacements", "smartquotes"]);

const memo = new Map<string, string>();

/** `"a city's soundscape" -- 1990s...` → `“a city’s soundscape” – 1990s…` (plain text in, plain text out). */
export function typeset(text: string): string {
  let result = memo.get(text);
  if (result === undefined) {
    const inline = typographer.parseInline(text, {})[0];
    result = (inline?.children ?? []).map((t) => t.content).join("");
    if (memo.size > 50_000) memo.clear();
    memo.set(text, result);
  }
  return result;
}
