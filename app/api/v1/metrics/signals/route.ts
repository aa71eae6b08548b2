import { apiRoute } from "@/lib/api/route";
import { metricSignalsEndpoint } from "@/lib/api/endpoints/metrics";
import { getMetricSignals } from "@/lib/api/handlers/metrics";

export const GET = apiRoute(metricSignalsEndpoint, getMetricSignals);
