/** The home page (layout: home). It lists stories, so it rebuilds when one changes. */
export const data = {
  layout: "home.11ty.tsx",
  permalink: "/",
  eleventyImport: { collections: ["articles"] },
};

export default function render() {
  return "";
}
