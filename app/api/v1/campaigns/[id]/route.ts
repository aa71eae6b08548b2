import { apiRoute } from "@/lib/api/route";
import { getCampaignEndpoint, updateCampaignEndpoint } from "@/lib/api/endpoints/campaigns";
import { getCampaign, updateCampaignHandler } from "@/lib/api/handlers/campaigns";

export const GET = apiRoute(getCampaignEndpoint, getCampaign);
export const PATCH = apiRoute(updateCampaignEndpoint, updateCampaignHandler);
