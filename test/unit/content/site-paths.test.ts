/** Site paths, link targets, reserved paths and heading ids (urls.ts). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { headingId, isLinkTarget, isReservedPath, isSitePath, RESERVED_PATHS } from "../../../_config/content/urls.ts";

describe("isSitePath / isLinkTarget", () => {
  for (const p of ["/", "/world/x/", "/feed.xml", "/topics/c%2B%2B/"]) it(`${p} is a site path`, () => assert.equal(isSitePath(p), true));
  for (const p of ["//evil.example/", "/\\evil.example/", "/a\\b", "https://x.org/", "world/x/", "/a b", "/a\u0000"]) it(`${JSON.stringify(p)} is not`, () => assert.equal(isSitePath(p), false));
  for (const u of ["https://example.org/x", "http://example.org", "/world/x/"]) it(`${u} is a link target`, () => assert.equal(isLinkTarget(u), true));
  for (const u of ["javascript:alert(1)", "//evil.example/", "https:///x", "data:text/html,x", "ftp://x.org/"]) it(`${u} is not a link target`, () => assert.equal(isLinkTarget(u), false));
});

describe("reserved paths and heading ids", () => {
  it("reserves the build's own first segments, not about", () => {
    for (const s of ["pagefind", "assets", "img", "topics", "authors", "archive", "search", "feed", "corrections", "admin", "page", "follow"]) assert.ok(isReservedPath(s), s);
    assert.equal(isReservedPath("about"), false);
    assert.equal(isReservedPath("world"), false);
    assert.ok(RESERVED_PATHS.every((p) => p === p.toLowerCase()));
  });
  it("gives a heading that would take a layout id a suffix", () => {
    assert.equal(headingId("Main"), "main-section");
    assert.equal(headingId("Search"), "search-section");
    assert.equal(headingId("Year 2024"), "year-2024-section");
    assert.equal(headingId("A heading here"), "a-heading-here");
  });
});
