/** The dev server's request guard: which request targets are refused, and why. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { badRequestReason, MAX_URL_LENGTH } from "../../../_config/dev/request-guard.ts";

describe("badRequestReason", () => {
  const refused: [string, RegExp][] = [
    ["/..%2f..%2fetc%2fpasswd", /\.\. segment/],
    ["/%2e%2e/%2e%2e/etc/passwd", /\.\. segment/],
    ["/a/../../b", /\.\. segment/],
    ["/./x", /\. or \.\. segment/],
    ["/%E0%A4%A", /broken percent-encoding/],
    ["/%", /broken percent-encoding/],
    ["/world/%00/", /control characters/],
    ["/%5c..%5cetc", /backslash/],
    ["*", /not a path/],
    [`/${"a".repeat(MAX_URL_LENGTH)}`, /longer than/],
  ];
  for (const [url, reason] of refused) it(`refuses ${url.slice(0, 30)}`, () => assert.match(badRequestReason(url) ?? "", reason));
  for (const url of ["/", "/world/plain-story/", "/img/a-400.avif", "/search/?q=..%2f", "/topics/c%2B%2B/", "/a..b/"]) {
    it(`lets ${url} through`, () => assert.equal(badRequestReason(url), undefined));
  }
});
