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
