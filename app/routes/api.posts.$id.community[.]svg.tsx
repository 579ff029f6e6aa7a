import type { LoaderFunctionArgs } from "@remix-run/node";
import { idSchema } from "~/discussion/schemas";
import { notFound } from "~/utils/errors";
import { runApi } from "~/actions/http.server";
import { assetResponse, SVG_HEADERS } from "~/actions/assets.server";

// GET /api/posts/:id/community.svg: the forks panel's chart (every fork, the pooled aggregate).
// It changes with every fork and loses a removed one's line, so it is revalidated, never immutable.
export async function loader({ params, context, request }: LoaderFunctionArgs) {
  return runApi(async () => {
    const id = idSchema.safeParse(params.id);
    if (!id.success) throw notFound("That post");
    const { posts, forks } = context.services;
    if (!posts.exists(id.data)) throw notFound("That post");
    const community = await forks.community(id.data, posts.forecastIdOf(id.data));
    if (!community?.svg) throw notFound("That post's community chart");
    return assetResponse(request, community.svg, SVG_HEADERS, "public");
  });
}
