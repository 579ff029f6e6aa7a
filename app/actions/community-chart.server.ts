// GET /api/posts/:id/community.svg and community.phone.svg: the forks panel's chart (every
// fork, the pooled aggregate), wide and drawn for a phone (docs/decisions/025). It changes with
// every fork and loses a removed one's line, so it is revalidated, never immutable.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { idSchema } from "../discussion/schemas";
import { notFound } from "../utils/errors";
import { runApi } from "./http.server";
import { assetResponse, SVG_HEADERS } from "./assets.server";

export function communityChartLoader(layout: "wide" | "phone") {
  return ({ params, context, request }: LoaderFunctionArgs) =>
    runApi(async () => {
      const id = idSchema.safeParse(params.id);
      if (!id.success) throw notFound("That post");
      const { posts, forks } = context.services;
      if (!await posts.exists(id.data)) throw notFound("That post");
      const community = await forks.community(id.data, await posts.forecastIdOf(id.data));
      const svg = layout === "phone" ? community?.svgNarrow : community?.svg;
      if (!svg) throw notFound("That post's community chart");
      return assetResponse(request, svg, SVG_HEADERS, "public");
    });
}
