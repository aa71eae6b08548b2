// Every endpoint of /api/v1, the source of the OpenAPI document. A route file serves each; a test
// checks that the two lists match.
import type { EndpointSpec } from "../endpoint";
import * as contributions from "./contributions";
import * as links from "./links";
import * as disputes from "./disputes";
import * as projects from "./projects";
import * as campaigns from "./campaigns";
import * as metrics from "./metrics";

const isSpec = (v: unknown): v is EndpointSpec => typeof v === "object" && v !== null && "operationId" in v && "method" in v;

export const ENDPOINTS: EndpointSpec[] = [contributions, links, disputes, projects, campaigns, metrics].flatMap((m) => Object.values(m).filter(isSpec));
