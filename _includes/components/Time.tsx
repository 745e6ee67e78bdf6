import { formatDate, isoDate, type DateFormat, type DateInput } from "../../_config/content/index.ts";

/** A date as `<time datetime="2022-10-04T00:00:00-04:00">Oct. 4, 2022</time>`: ISO for machines, `text` (or a named format) for readers. */
export function Time({ value, zone, format = "human", className, searchMeta, text }: { value: DateInput; zone: string; format?: DateFormat; className?: string; searchMeta?: string; text?: string }) {
  return (
    <time class={className} datetime={isoDate(value, zone)} data-pagefind-meta={searchMeta}>
      {text ?? formatDate(value, zone, format)}
    </time>
  );
}
