import { formatDate, isoDate, type DateFormat, type DateInput } from "../../_config/content/index.ts";

/** A date as `<time datetime="2022-10-04T00:00:00-04:00">October 4, 2022</time>`. */
export function Time({ value, zone, format = "human", className }: { value: DateInput; zone: string; format?: DateFormat; className?: string }) {
  return (
    <time class={className} datetime={isoDate(value, zone)}>
      {formatDate(value, zone, format)}
    </time>
  );
}
