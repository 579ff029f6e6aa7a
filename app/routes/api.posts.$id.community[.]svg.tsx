import { communityChartLoader } from "~/actions/community-chart.server";

// GET /api/posts/:id/community.svg: the forks panel's chart for wider columns.
export const loader = communityChartLoader("wide");
