// Keeps Newsroom's .cache/ between Netlify builds with Netlify's own cache utility
// (https://docs.netlify.com/integrations/build-plugins/create-plugins/#cache).
// Restored before the build; saved after it (Netlify runs onPostBuild only when the
// build command succeeded), so a failed build never replaces the last good cache.
const CACHE = ".cache";

export const onPreBuild = async ({ utils }) => {
  if (await utils.cache.restore(CACHE)) console.log(`Restored ${CACHE}/ from the previous build`);
  else console.log(`No ${CACHE}/ from a previous build: this build starts cold`);
};

export const onPostBuild = async ({ utils }) => {
  if (await utils.cache.save(CACHE)) console.log(`Saved ${CACHE}/ for the next build`);
};
