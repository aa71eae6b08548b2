import { apiRoute } from "@/lib/api/route";
import { metricCohortsEndpoint } from "@/lib/api/endpoints/metrics";
import { getMetricCohorts } from "@/lib/api/handlers/metrics";

export const GET = apiRoute(metricCohortsEndpoint, getMetricCohorts);
