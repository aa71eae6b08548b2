import { defineEndpoint } from "../endpoint";
import { idParamsSchema } from "../schemas/common";
import { campaignPageSchema, campaignSchema, createCampaignBodySchema, listCampaignsQuerySchema, updateCampaignBodySchema } from "../schemas/campaigns";

const tag = "Campaigns";

export const listCampaignsEndpoint = defineEndpoint({
  operationId: "listCampaigns", method: "GET", path: "/campaigns", tag, scope: "read", status: 200,
  summary: "List incentive campaigns", query: listCampaignsQuerySchema, response: campaignPageSchema,
});

export const createCampaignEndpoint = defineEndpoint({
  operationId: "createCampaign", method: "POST", path: "/campaigns", tag, scope: "write", status: 201, idempotent: true,
  summary: "Create a campaign", description: "Admins anywhere; a maintainer for a project they maintain (never ecosystem-wide).",
  body: createCampaignBodySchema, response: campaignSchema,
});

export const getCampaignEndpoint = defineEndpoint({
  operationId: "getCampaign", method: "GET", path: "/campaigns/{id}", tag, scope: "read", status: 200,
  summary: "Read a campaign", params: idParamsSchema, response: campaignSchema,
});

export const updateCampaignEndpoint = defineEndpoint({
  operationId: "updateCampaign", method: "PATCH", path: "/campaigns/{id}", tag, scope: "write", status: 200,
  summary: "Edit a campaign", description: "Who may create it may edit it, on its project and on the one it moves to; fields left out keep their values.",
  params: idParamsSchema, body: updateCampaignBodySchema, response: campaignSchema,
});
