/** The authors index (collections.authorsIndex). It lists stories' counts, so it rebuilds when one changes. */
import { indexTemplate } from "../_config/site/index.ts";
import { authorsIndexPath } from "../_config/content/index.ts";

export const data = indexTemplate("authors-index", authorsIndexPath(), "authorsIndex");

export default function render() {
  return "";
}
