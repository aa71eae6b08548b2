import { apiRoute } from "@/lib/api/route";
import { createCampaignEndpoint, listCampaignsEndpoint } from "@/lib/api/endpoints/campaigns";
import { createCampaignHandler, listCampaigns } from "@/lib/api/handlers/campaigns";

export const GET = apiRoute(listCampaignsEndpoint, listCampaigns);
export const POST = apiRoute(createCampaignEndpoint, createCampaignHandler);
