import type { FeedLink } from "../../_config/pages/index.ts";

/** `<link rel="alternate">` for each feed the page advertises. */
export function FeedLinks({ feeds }: { feeds: FeedLink[] }) {
  return (
    <>
      {feeds.map((f) => (
        <link rel="alternate" type={f.type} title={f.title} href={f.url} />
      ))}
    </>
  );
}
