/** Every URL an HTML page points at (links, assets, metadata), for link and prefix checks. */
export interface PageUrl {
  /** the attribute's value as written */
  raw: string;
  /** where it points, resolved against the page's own URL */
  url: URL;
  where: string;
}

const URL_ATTRIBUTES = ["href", "src", "action", "poster", "data-src"];

/** Collects the URLs of one page; `pageUrl` is the page's absolute URL. */
export function pageUrls(doc: Document, pageUrl: string): PageUrl[] {
  const found: PageUrl[] = [];
  const add = (raw: string | null, where: string) => {
    if (raw === null || raw.trim() === "" || /^(mailto|tel|javascript|data):/i.test(raw)) return;
    found.push({ raw, url: new URL(raw.trim(), pageUrl), where });
  };
  for (const el of doc.querySelectorAll("*")) {
    for (const attr of URL_ATTRIBUTES) if (el.hasAttribute(attr)) add(el.getAttribute(attr), `<${el.localName} ${attr}>`);
    for (const attr of ["srcset", "imagesrcset"]) {
      const value = el.getAttribute(attr);
      if (value) for (const candidate of value.split(",")) add(candidate.trim().split(/\s+/)[0] ?? "", `<${el.localName} ${attr}>`);
    }
  }
  for (const meta of doc.querySelectorAll("meta[content]")) {
    const content = meta.getAttribute("content") ?? "";
    if (/^(https?:)?\/\//i.test(content) || content.startsWith("/")) add(content, `<meta ${meta.getAttribute("property") ?? meta.getAttribute("name")}>`);
  }
  return found;
}

/** Output file path ("/world/index.html") → the page's site path ("/world/"). */
export function pagePath(file: string): string {
  return file.replace(/index\.html$/, "");
}
