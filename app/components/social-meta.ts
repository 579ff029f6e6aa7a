// Tags that let other sites show a page: Open Graph and Twitter cards, oEmbed discovery
// (docs/decisions/027). Used by route `meta` exports, which run in the browser too.
import type { MetaDescriptor } from "@remix-run/react";

/** oEmbed discovery (oEmbed §4): the page's own URL, asked of /oembed. */
export function oembedLink(origin: string, pageUrl: string, title: string): MetaDescriptor {
  return { tagName: "link", rel: "alternate", type: "application/json+oembed", href: `${origin}/oembed?url=${encodeURIComponent(pageUrl)}&format=json`, title };
}

export interface SocialCard {
  title: string;
  description: string;
  url: string;
  /** The chart as a PNG card (absolute, versioned), when the page has a forecast. */
  image: { url: string; alt: string } | null;
  /** The oEmbed answer for this page, when it has a forecast to embed. */
  oembed: string | null;
}

/** Open Graph and Twitter card tags for a page (og:type article), with oEmbed discovery. */
export function socialMeta(card: SocialCard): MetaDescriptor[] {
  const tags: MetaDescriptor[] = [
    { property: "og:type", content: "article" },
    { property: "og:site_name", content: "Forkcast" },
    { property: "og:title", content: card.title },
    { property: "og:description", content: card.description },
    { property: "og:url", content: card.url },
    { tagName: "link", rel: "canonical", href: card.url },
    // X/Twitter reads title, description and image from the Open Graph tags when its own are absent.
    { name: "twitter:card", content: card.image ? "summary_large_image" : "summary" },
  ];
  if (card.image) {
    tags.push(
      { property: "og:image", content: card.image.url },
      { property: "og:image:width", content: "1200" },
      { property: "og:image:height", content: "630" },
      { property: "og:image:alt", content: card.image.alt },
    );
  }
  if (card.oembed) tags.push({ tagName: "link", rel: "alternate", type: "application/json+oembed", href: card.oembed });
  return tags;
}
