/**
 * A deterministic synthetic newsroom: N stories that follow the content contract
 * (front matter keys, sections from _data/sections, ~200 topics, 30 authors, no
 * photos), each 500–1,000 words with headings, links, a blockquote and two lists.
 * Pure: the same options always give the same files (seeded PRNG, no clock).
 */
export interface CorpusOptions {
  stories: number;
  /** section slugs (from _data/sections) */
  sections: string[];
  seed?: number;
  topics?: number;
  authors?: number;
}

export interface Story {
  slug: string;
  section: string;
  /** first publication, ISO 8601 in UTC */
  date: string;
  title: string;
  /** path under src/ : articles/<year>/<slug>.md */
  path: string;
  /** the whole file: front matter + body */
  text: string;
  words: number;
}

export interface Author {
  name: string;
  role: string;
  bio: string;
}

export interface Corpus {
  stories: Story[];
  authors: Record<string, Author>;
  topics: string[];
}

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "the council said minister report river harbor city market vote budget school court police doctor " +
  "study energy water grain railway bridge election senator union factory museum archive village " +
  "coast border treaty summit drought storm harvest price wage tax loan bank crowd protest hearing " +
  "verdict witness ferry airport runway vaccine clinic teacher student library festival stadium coach " +
  "season ministry agency spokesman official mayor governor province district region capital island " +
  "forest mountain valley desert satellite rocket telescope climate carbon emission solar turbine " +
  "battery engine network cable signal data software privacy law bill amendment committee inquiry " +
  "audit contract tender supplier shipment cargo fleet strike talks deal offer plan proposal review " +
  "record figure survey poll result share profit loss growth decline rally slump quarter annual " +
  "weekly local national foreign public private early late new old large small quiet rapid steady " +
  "sharp broad narrow and but while after before since because although when where as with from " +
  "into over under between among across against during without within about near along toward"
).split(" ");
const VERBS = "announced confirmed rejected approved delayed warned promised reported described questioned expanded reduced opened closed signed blocked".split(" ");
const FIRST = "Ana Ben Chloe David Elena Farid Grace Hiro Ines Jonas Kofi Lena Marco Nadia Omar Priya Quinn Rosa Sam Tariq".split(" ");
const LAST = "Abbott Becker Castro Dubois Eriksen Fischer Garcia Haddad Ito Jensen Kowalski Lindqvist Mensah Novak Okoro Petrov".split(" ");
const ROLES = "Correspondent,Reporter,Editor,Columnist,Data reporter,Photo editor".split(",");
const TOPIC_A = "Climate Energy Health Housing Trade Labor Transport Water Digital Rural Urban Coastal Public Global Border Farm Space Ocean Schools Courts".split(" ");
const TOPIC_B = "Policy Crisis Markets Reform Elections Security Research Funding Rights Safety Infrastructure Technology".split(" ");

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function int(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function sentence(rand: () => number): string {
  const n = int(rand, 8, 18);
  const words = Array.from({ length: n }, (_, i) => (i === 3 ? pick(rand, VERBS) : pick(rand, WORDS)));
  return `${cap(words.join(" "))}.`;
}

function paragraph(rand: () => number): string {
  return Array.from({ length: int(rand, 2, 4) }, () => sentence(rand)).join(" ");
}

const wordCount = (s: string) => s.split(/\s+/).filter((w) => /[a-z]/i.test(w)).length;

export function makeAuthors(count: number): Record<string, Author> {
  const authors: Record<string, Author> = {};
  for (let i = 0; i < count; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length]!;
    const slug = `${first}-${last}`.toLowerCase();
    const role = ROLES[i % ROLES.length]!;
    authors[slug] = { name: `${first} ${last}`, role, bio: `${first} ${last} is a ${role.toLowerCase()} on the bench desk.` };
  }
  return authors;
}

export function makeTopics(count: number): string[] {
  const topics: string[] = [];
  for (let i = 0; topics.length < count; i++) {
    const a = TOPIC_A[i % TOPIC_A.length]!;
    const b = TOPIC_B[Math.floor(i / TOPIC_A.length) % TOPIC_B.length]!;
    const round = Math.floor(i / (TOPIC_A.length * TOPIC_B.length));
    topics.push(round ? `${a} ${b} ${round + 1}` : `${a} ${b}`);
  }
  return topics;
}

export function generateCorpus(options: CorpusOptions): Corpus {
  const rand = prng(options.seed ?? 20221004);
  const authors = makeAuthors(options.authors ?? 30);
  const authorSlugs = Object.keys(authors);
  const topics = makeTopics(options.topics ?? 200);
  // Stories are spread evenly over the years before 2026, newest last in index order.
  const end = Date.UTC(2025, 11, 31, 18);
  const step = Math.max(3600_000, Math.floor((4 * 365 * 86400_000) / Math.max(1, options.stories)));
  const stories: Story[] = [];
  const refs: { section: string; slug: string }[] = [];
  for (let i = 0; i < options.stories; i++) {
    const section = pick(rand, options.sections);
    const titleWords = Array.from({ length: int(rand, 6, 10) }, (_, k) => (k === 2 ? pick(rand, VERBS) : pick(rand, WORDS)));
    const title = cap(titleWords.join(" "));
    const slug = `${titleWords.slice(0, 5).join("-")}-${i + 1}`;
    const date = new Date(end - (options.stories - 1 - i) * step - int(rand, 0, 3000) * 1000).toISOString().replace(/\.000Z$/, "Z");
    const tags = [...new Set(Array.from({ length: int(rand, 1, 4) }, () => pick(rand, topics)))];
    const byline = rand() < 0.1 ? [] : [...new Set(Array.from({ length: rand() < 0.2 ? 2 : 1 }, () => pick(rand, authorSlugs)))];
    const fm = [
      "---",
      `title: ${title}`,
      `description: ${sentence(rand).slice(0, -1)}`,
      `date: ${date}`,
      `section: ${section}`,
      "tags:",
      ...tags.map((t) => `  - ${t}`),
      ...(byline.length ? ["authors:", ...byline.map((a) => `  - ${a}`)] : []),
      "---",
    ];
    const target = int(rand, 520, 980);
    const body: string[] = [paragraph(rand), paragraph(rand)];
    const other = refs.length ? pick(rand, refs) : undefined;
    body.push(
      `${sentence(rand)} Read [the earlier story](${other ? `/${other.section}/${other.slug}/` : "/"}) and [the full report](https://example.org/reports/${i + 1}).`,
      `## ${cap(pick(rand, WORDS))} ${pick(rand, WORDS)} ${pick(rand, WORDS)}`,
      paragraph(rand),
      `> ${sentence(rand)} ${sentence(rand)}`,
      paragraph(rand),
      Array.from({ length: int(rand, 3, 5) }, () => `- ${sentence(rand)}`).join("\n"),
      `## ${cap(pick(rand, WORDS))} ${pick(rand, WORDS)}`,
      Array.from({ length: 3 }, (_, k) => `${k + 1}. ${sentence(rand)}`).join("\n"),
    );
    for (let count = wordCount(body.join("\n")); count < target; ) {
      const more = paragraph(rand);
      count += wordCount(more);
      if (count > 1000) break;
      body.push(more);
    }
    const bodyText = `${body.join("\n\n")}\n`;
    stories.push({ slug, section, date, title, path: `articles/${date.slice(0, 4)}/${slug}.md`, text: `${fm.join("\n")}\n${bodyText}`, words: wordCount(bodyText) });
    refs.push({ section, slug });
  }
  return { stories, authors, topics };
}

/** `_data/authors.yaml` for the corpus. */
export function authorsYaml(authors: Record<string, Author>): string {
  return Object.entries(authors)
    .map(([slug, a]) => `${slug}:\n  name: ${a.name}\n  role: ${a.role}\n  bio: ${a.bio}\n`)
    .join("");
}
