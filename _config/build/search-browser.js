// The search index in parts, as one Pagefind (written to <output>/pagefind/pagefind.js
// by _config/build/search.ts; Pagefind UI imports it as its Pagefind). It reads
// parts.json (newest first), loads the first part's Pagefind and merges the others
// into it (Pagefind's mergeIndex), each tagged with a synthetic filter naming its part.
//
// One thing merging alone gets wrong: each part drops a query word that none of ITS
// pages holds, so "harbor freight" would find, in a part without "harbor", every page
// with "freight". One index drops a word only when no page at all holds it. So a
// query of several words first asks, word by word, which parts hold it (the synthetic
// filter's counts), and the search is limited to the parts holding every word that
// some part holds: the same set of pages as one index (test/browser/search-parts.test.ts).
const BASE = new URL("./", import.meta.url);
const PART = "newsroom-part";
let loading = null;
let api = null;
let pending = {};

function load() {
  if (!loading) {
    loading = (async () => {
      const response = await fetch(new URL("parts.json", BASE), { cache: "no-cache" });
      if (!response.ok) throw new Error("Pagefind parts: parts.json: HTTP " + response.status);
      const parts = (await response.json()).parts;
      const pagefind = await import(new URL(parts[0].bundle + "pagefind.js", BASE).href);
      await pagefind.options(Object.assign({}, pending, { mergeFilter: { [PART]: parts[0].name } }));
      for (const part of parts.slice(1)) {
        const options = { mergeFilter: { [PART]: part.name } };
        if (pending.baseUrl) options.baseUrl = pending.baseUrl;
        await pagefind.mergeIndex(new URL(part.bundle, BASE).pathname, options);
      }
      api = pagefind;
      return { pagefind, names: parts.map((p) => p.name) };
    })();
  }
  return loading;
}

function strip(counts) {
  if (!counts) return counts;
  const out = Object.assign({}, counts);
  delete out[PART];
  return out;
}

function stripResponse(response) {
  if (!response) return response;
  return Object.assign({}, response, { filters: strip(response.filters), totalFilters: strip(response.totalFilters) });
}

// The parts that hold every query word some part holds; null: no need to limit.
async function partsHoldingEveryWord(pagefind, names, term) {
  if (names.length < 2 || typeof term !== "string" || /^\s*".+"\s*$/.test(term)) return null;
  const words = term.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return null;
  let allowed = null;
  for (const word of words) {
    const counts = ((await pagefind.search(word)).filters || {})[PART] || {};
    const holding = names.filter((n) => counts[n] > 0);
    if (holding.length === 0) continue; // no part holds it: dropped, as one index drops it
    allowed = allowed === null ? holding : allowed.filter((n) => holding.includes(n));
  }
  return allowed;
}

export async function options(newOptions) {
  pending = Object.assign({}, pending, newOptions);
  if (api) await api.options(newOptions);
}

export async function init() {
  const { pagefind } = await load();
  await pagefind.init();
}

export async function destroy() {
  if (api) await api.destroy();
  api = null;
  loading = null;
}

export async function mergeIndex(url, indexOptions) {
  const { pagefind } = await load();
  await pagefind.mergeIndex(url, indexOptions);
}

export async function search(term, searchOptions) {
  const { pagefind, names } = await load();
  const opts = searchOptions || {};
  const allowed = await partsHoldingEveryWord(pagefind, names, term);
  if (allowed === null) return stripResponse(await pagefind.search(term, opts));
  if (allowed.length === 0) return { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {}, timings: [] };
  const filters = Object.assign({}, opts.filters || {}, { [PART]: { any: allowed } });
  return stripResponse(await pagefind.search(term, Object.assign({}, opts, { filters })));
}

let searchId = 0;
export async function debouncedSearch(term, searchOptions, debounceTimeoutMs) {
  const id = ++searchId;
  preload(term, searchOptions);
  await new Promise((resolve) => setTimeout(resolve, debounceTimeoutMs ?? 300));
  if (id !== searchId) return null;
  const result = await search(term, searchOptions);
  return id === searchId ? result : null;
}

export async function preload(term, searchOptions) {
  const { pagefind } = await load();
  await pagefind.preload(term, searchOptions || {});
}

export async function filters() {
  const { pagefind } = await load();
  return strip(await pagefind.filters());
}
