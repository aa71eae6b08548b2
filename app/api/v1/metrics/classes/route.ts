import { apiRoute } from "@/lib/api/route";
import { metricClassesEndpoint } from "@/lib/api/endpoints/metrics";
import { getMetricClasses } from "@/lib/api/handlers/metrics";

export const GET = apiRoute(metricClassesEndpoint, getMetricClasses);
