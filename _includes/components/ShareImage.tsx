import type { ShareImage as ShareImageData } from "../../_config/images.ts";

/**
 * The Open Graph image of a page: a JPEG with its size and alt text, so previews
 * render at once and are described. Layouts choose the image with `storyShareImage`
 * or `siteShareImage` (_config/images.ts).
 */
export function ShareImage({ image }: { image: ShareImageData }) {
  return (
    <>
      <meta property="og:image" content={image.url} />
      <meta property="og:image:type" content="image/jpeg" />
      <meta property="og:image:width" content={String(image.width)} />
      <meta property="og:image:height" content={String(image.height)} />
      <meta property="og:image:alt" content={image.alt} />
    </>
  );
}
