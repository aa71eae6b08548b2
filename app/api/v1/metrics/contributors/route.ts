import { apiRoute } from "@/lib/api/route";
import { metricContributorsEndpoint } from "@/lib/api/endpoints/metrics";
import { getMetricContributors } from "@/lib/api/handlers/metrics";

export const GET = apiRoute(metricContributorsEndpoint, getMetricContributors);
