/**
 * The fronts (`_data/front`): the home page and section fronts lead with the stories
 * editors list, in their order, then every other public story newest first, none
 * twice; a listed draft or scheduled story is left out until it is public; a path no
 * story has fails the build and `npm run check` alike, naming `_data/front` and the entry.
 * Over the `archive` fixture: public stories w1 (Feb 20) w2 w4 w3 b1 w5 b2 (Dec 2, 2025),
 * a world draft and a business story scheduled for 2030.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { checkSite, siteFolders } from "../../_config/dev/check.ts";
import { formatProblem } from "../../_config/content/index.ts";
import { buildError, buildFixture, FIXTURES, NOW, plain, prepareFixture, type BuiltSite } from "../helpers/site.ts";
import { readFileSync } from "node:fs";

const SITE_YAML = readFileSync(path.join(FIXTURES, "archive/_data/site.yaml"), "utf8");
const FRONT = `home:
  - /world/w3/
  - /business/future-story/
  - /business/b2/
  - /world/secret-draft/
sections:
  world:
    - /world/w4/
    - /world/w5/
`;
const files = (pageSize: number) => ({ "_data/front.yaml": FRONT, "_data/site.yaml": SITE_YAML.replace(/^pageSize: \d+$/m, `pageSize: ${pageSize}`) });

let site: BuiltSite;
/** the same content after the scheduled story's moment (and page size 2) */
let later: BuiltSite;

before(async () => {
  site = await buildFixture("archive", { files: files(6) });
  later = await buildFixture("archive", { files: files(2), now: "2030-01-02T12:00:00Z" });
});
after(async () => {
  await site.cleanup();
  await later.cleanup();
});

const title = (el: Element | null | undefined) => plain(el?.querySelector(".card__title")?.textContent);
const front = (doc: Document) => ({
  lead: title(doc.querySelector(".front > .card--lead")),
  top: [...doc.querySelectorAll(".front__top > .card")].map(title),
  stream: [...doc.querySelectorAll(".front__stream .card")].map(title),
});

describe("the home page front", () => {
  it("leads with the listed stories in order, then the rest newest first, none twice", () => {
    assert.deepEqual(front(site.page("/")), {
      lead: "World three",
      top: ["Business two", "World one", "World two"],
      stream: ["World four at midnight", "Business one"],
    });
  });

  it("shows the lead large with its headline as the page's first story heading, and the stream under its own heading", () => {
    const doc = site.page("/");
    const lead = doc.querySelector(".front > .card--lead")!;
    assert.equal(lead.querySelector(".card__title")!.tagName, "H2");
    assert.equal(plain(doc.querySelector(".front__stream > h2")!.textContent), "Latest news");
    assert.equal(doc.querySelector(".front__stream .card__title")!.tagName, "H3");
    assert.equal(lead.querySelector(".card__section a")!.getAttribute("href"), "/world/", "the home page keeps each card's section");
  });

  it("leaves out a listed draft and a listed story that is not yet public", () => {
    const all = plain(site.page("/").querySelector("main")!.textContent);
    assert.doesNotMatch(all, /Secret draft story|Future scheduled story/);
  });

  it("shows a scheduled story once a build runs after its moment, where it was listed", () => {
    // page size 2, but every listed public story is on the front
    assert.deepEqual(front(later.page("/")), { lead: "World three", top: ["Future scheduled story", "Business two"], stream: [] });
    assert.equal(later.page("/").querySelectorAll(".card").length, 3);
  });

  it("is newest first without _data/front", async () => {
    const plainFront = await buildFixture("archive", { files: { "_data/site.yaml": files(6)["_data/site.yaml"] } });
    try {
      assert.deepEqual(front(plainFront.page("/")), {
        lead: "World one",
        top: ["World two", "World four at midnight", "World three"],
        stream: ["Business one", "World five"],
      });
    } finally {
      await plainFront.cleanup();
    }
  });
});

describe("section fronts", () => {
  it("lead with the section's listed stories, then the rest newest first, without repeating the section on each card", () => {
    const doc = site.page("/world/");
    assert.deepEqual(front(doc), { lead: "World four at midnight", top: ["World five", "World one", "World two"], stream: ["World three"] });
    assert.equal(doc.querySelectorAll(".card__section").length, 0, "no section kicker on the section's own front");
    assert.equal(plain(doc.querySelector(".front__stream > h2")!.textContent), "More stories");
  });

  it("keep that order across pages, the lead only on page 1", () => {
    const titles = (url: string) => [...later.page(url).querySelectorAll(".card__title")].map((h) => plain(h.textContent));
    assert.deepEqual(titles("/world/"), ["World four at midnight", "World five"]);
    assert.deepEqual(titles("/world/page/2/"), ["World one", "World two"]);
    assert.deepEqual(titles("/world/page/3/"), ["World three"]);
    assert.ok(later.page("/world/").querySelector(".card--lead"));
    assert.equal(later.page("/world/page/2/").querySelector(".card--lead"), null);
  });

  it("are newest first when the section has no list", () => {
    assert.deepEqual(front(site.page("/business/")), { lead: "Business one", top: ["Business two"], stream: [] });
  });
});

describe("a front entry that is wrong", () => {
  const BAD = `home:
  - /world/w1/
  - /world/no-such-story/
sections:
  world:
    - /business/b1/
  sport:
    - /world/w2/
`;
  const EXPECTED = [
    "front.yaml:3 home.1: no story has the path \"/world/no-such-story/\"; expected the path of a story in src/articles/ (/<section>/<slug>/)",
    "front.yaml:6 sections.world.0: \"/business/b1/\" is a story of section business, not world",
    "front.yaml:7 sections.sport: unknown section \"sport\"; expected one of world, business, science (from _data/sections)",
  ];

  it("fails the build naming _data/front, the entry and what is wrong, every problem at once", async () => {
    const message = await buildError("archive", { files: { "_data/front.yaml": BAD } });
    for (const line of EXPECTED) assert.match(message, new RegExp(`_data/${line.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}`), message);
  });

  it("is reported by npm run check with the same words", async () => {
    const dir = await prepareFixture("archive", { "_data/front.yaml": BAD });
    const problems = checkSite({ ...siteFolders(dir), now: NOW }).problems.map(formatProblem).filter((p) => p.includes("front.yaml"));
    assert.deepEqual(problems.map((p) => p.replace(/^\S*_data\//, "")), EXPECTED);
  });

  it("a malformed entry is a schema error naming its line", async () => {
    const message = await buildError("archive", { files: { "_data/front.yaml": "home:\n  - /world/w1/\n  - world/w2\n" } });
    assert.match(message, /_data\/front\.yaml:3 home\.1: expected a story path like \/world\/story-slug\//, message);
  });
});
