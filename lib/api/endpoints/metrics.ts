import { defineEndpoint } from "../endpoint";
import {
  classesQuerySchema, classesResponseSchema, cohortsQuerySchema, cohortsResponseSchema, contributorsQuerySchema, contributorsResponseSchema,
  seriesQuerySchema, seriesResponseSchema, signalsQuerySchema, signalsResponseSchema,
} from "../schemas/metrics";

const tag = "Metrics";
const who = "Maintainers for their projects, admins for the ecosystem and every project; from the newest succeeded run.";

export const metricSeriesEndpoint = defineEndpoint({
  operationId: "getMetricSeries", method: "GET", path: "/metrics/series", tag, scope: "metrics:read", status: 200,
  summary: "Per-period series", description: who, query: seriesQuerySchema, response: seriesResponseSchema,
});

export const metricCohortsEndpoint = defineEndpoint({
  operationId: "getMetricCohorts", method: "GET", path: "/metrics/cohorts", tag, scope: "metrics:read", status: 200,
  summary: "Retention cohorts", description: who, query: cohortsQuerySchema, response: cohortsResponseSchema,
});

export const metricContributorsEndpoint = defineEndpoint({
  operationId: "getMetricContributors", method: "GET", path: "/metrics/contributors", tag, scope: "metrics:read", status: 200,
  summary: "Contributor summaries", description: `Top contributors by one measure. ${who}`, query: contributorsQuerySchema, response: contributorsResponseSchema,
});

export const metricClassesEndpoint = defineEndpoint({
  operationId: "getMetricClasses", method: "GET", path: "/metrics/classes", tag, scope: "metrics:read", status: 200,
  summary: "Contributor classes with evidence", description: who, query: classesQuerySchema, response: classesResponseSchema,
});

export const metricSignalsEndpoint = defineEndpoint({
  operationId: "getMetricSignals", method: "GET", path: "/metrics/signals", tag, scope: "metrics:read", status: 200,
  summary: "Early-warning signals", description: who, query: signalsQuerySchema, response: signalsResponseSchema,
});
