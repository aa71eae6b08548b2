import { apiRoute } from "@/lib/api/route";
import { metricSeriesEndpoint } from "@/lib/api/endpoints/metrics";
import { getMetricSeries } from "@/lib/api/handlers/metrics";

export const GET = apiRoute(metricSeriesEndpoint, getMetricSeries);
