import { communityChartLoader } from "~/actions/community-chart.server";

// GET /api/posts/:id/community.phone.svg: the forks panel's chart drawn for a phone.
export const loader = communityChartLoader("phone");
