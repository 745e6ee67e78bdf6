import { jsonForScript } from "../../_config/markdown/index.ts";
import type { JsonLdDocument } from "../../_config/pages/index.ts";

/**
 * The one writer of JSON-LD: each document through `jsonForScript`, which turns
 * `<`, `>` and `&` into \u escapes, so no content can end the script element. The
 * string it injects is JSON (not HTML), made safe by that serializer.
 */
export function JsonLd({ data }: { data: JsonLdDocument[] }) {
  return (
    <>
      {data.map((doc) => (
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(doc) }} />
      ))}
    </>
  );
}
