import { apiRoute } from "@/lib/api/route";
import { createContributionEndpoint, listContributionsEndpoint } from "@/lib/api/endpoints/contributions";
import { createContributionHandler, listContributions } from "@/lib/api/handlers/contributions";

export const GET = apiRoute(listContributionsEndpoint, listContributions);
export const POST = apiRoute(createContributionEndpoint, createContributionHandler);
