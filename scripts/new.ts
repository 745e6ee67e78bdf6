/**
 * `npm run new -- --section world [--author slug]... [--language uk] [--slug slug] "Headline here"`:
 * writes src/articles/<yyyy>/<slug>.md as a draft dated now, prints its path, and
 * refuses to overwrite a story. Run from the site folder (holding src/ and _data/).
 */
import { parseArgs } from "node:util";
import { newStory, UsageError } from "../_config/dev/index.ts";

const USAGE = 'usage: npm run new -- --section <section> [--author <slug>]... [--language <tag>] [--slug <slug>] "Headline here"';

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      section: { type: "string" },
      author: { type: "string", multiple: true },
      slug: { type: "string" },
      language: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
  } else {
    if (!values.section) throw new UsageError(`--section is required\n${USAGE}`);
    const file = newStory({
      input: "src",
      data: "_data",
      title: positionals.join(" "),
      section: values.section,
      authors: values.author?.flatMap((a) => a.split(",")).map((a) => a.trim()).filter(Boolean),
      slug: values.slug,
      language: values.language,
      now: process.env.NEWSROOM_NOW,
    });
    console.log(file);
  }
} catch (error) {
  const known = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
  console.error(known ? `new: ${(error as Error).message}` : error);
  process.exitCode = known ? 2 : 1;
}
