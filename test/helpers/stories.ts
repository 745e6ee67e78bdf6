/**
 * Stories added to the `good` fixture by the feeds, sitemaps, JSON-LD and search
 * tests (through buildFixture's `files`), around the fixed NOW (2026-11-26T12:00Z):
 * two fresh ones inside the news sitemap's two days, an older syndicated one, a fresh
 * draft and a story dated just after NOW (both must stay out of every output).
 */
export const FRESH = "/politics/fresh-story/";
export const OLDER = "/business/older-syndicated/";
export const PUBLIC_STORIES = ["/world/hostile-headline/", "/world/plain-story/", FRESH, OLDER];
export const HIDDEN_STORIES = ["/us/draft-story/", "/us/scheduled-story/", "/politics/fresh-draft/", "/politics/tomorrow-story/"];
export const HOSTILE_TITLE = 'Alert <script>alert("x")</script> & "quotes" </script><!--';
/** the headline as every output shows it: typeset (curly quotes, "--" an en dash), still escaped */
export const HOSTILE_HEADLINE = 'Alert <script>alert(“x”)</script> & “quotes” </script><!–';
export const FRESH_TITLE = "Fresh </script><script>alert(1)</script> & news";

export const EXTRA_STORIES: Record<string, string> = {
  "src/articles/2026/fresh-story.md": `---
title: '${FRESH_TITLE}'
description: A story from yesterday, with a body photo but no lead photo.
date: 2026-11-25T09:00:00-05:00
section: politics
authors: [james-okafor]
tags: [Elections]
---
A fresh paragraph.

::: figure
src: /articles/2024/photo.placeholder.jpg
alt: The body photo's "alt" & more
caption: A body photo
credit: Photographer Name
:::
`,
  "src/articles/2026/older-syndicated.md": `---
title: An older syndicated story
description: From another newsroom, three days before now.
date: 2026-11-23T08:00:00-05:00
updated: 2026-11-24T08:00:00-05:00
section: business
source:
  name: The Other Paper
  url: https://other.example.com/2026/older
---
Republished body.
`,
  "src/articles/2026/fresh-draft.md": `---
title: A fresh draft
description: Not ready, though recent.
date: 2026-11-26T08:00:00Z
section: politics
draft: true
---
Fresh draft body secretword.
`,
  "src/articles/2026/tomorrow-story.md": `---
title: Tomorrow's story
description: Dated just after the build's now.
date: 2026-11-26T13:00:00Z
section: politics
---
Tomorrow body secretword.
`,
};

/**
 * Stories spread over several years and the months of the newest one (2022–2026), for
 * the search parts' tests: a few shared words in different measures in every part
 * ("harbor", "freight", "budget"), so each part's term statistics differ.
 */
export const SPREAD_DATES = ["2022-03-14", "2022-09-02", "2023-01-20", "2023-06-11", "2023-06-30", "2024-04-05", "2025-02-17", "2025-08-08", "2025-12-31", "2026-01-09", "2026-01-28", "2026-03-03", "2026-06-21", "2026-11-02", "2026-11-20"];
const WORDS = ["harbor", "freight", "budget", "drought", "council", "river"];

export function spreadStories(): Record<string, string> {
  return Object.fromEntries(
    SPREAD_DATES.map((date, i) => {
      const a = WORDS[i % WORDS.length]!;
      const b = WORDS[(i * 2 + 1) % WORDS.length]!;
      const body = [`The ${a} report ${i} opened with the ${b} figures.`, `${`More ${a} news. `.repeat((i % 4) + 1)}`, i % 3 === 0 ? "Freight moved along the river harbor at dawn." : "The council met late."].join("\n\n");
      const file = `src/articles/${date.slice(0, 4)}/spread-${i}.md`;
      return [file, `---\ntitle: Spread story ${i} on the ${a}\ndescription: A ${b} story from ${date}.\ndate: ${date}T10:00:00-05:00\nsection: ${["world", "us", "business"][i % 3]}\n---\n${body}\n`];
    }),
  );
}
