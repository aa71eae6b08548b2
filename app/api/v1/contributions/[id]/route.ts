import { apiRoute } from "@/lib/api/route";
import { getContributionEndpoint, updateContributionEndpoint } from "@/lib/api/endpoints/contributions";
import { getContribution, updateContributionHandler } from "@/lib/api/handlers/contributions";

export const GET = apiRoute(getContributionEndpoint, getContribution);
export const PATCH = apiRoute(updateContributionEndpoint, updateContributionHandler);
