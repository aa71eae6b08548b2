// Campaign endpoints over lib/campaigns/mutations (canManageCampaign, audit and recompute there).
import { createCampaign, updateCampaign } from "@/lib/campaigns/mutations";
import { ApiError } from "../errors";
import { decodeCursorOrThrow, toPage } from "../cursor";
import type { EndpointHandler } from "../endpoint";
import type { createCampaignEndpoint, getCampaignEndpoint, listCampaignsEndpoint, updateCampaignEndpoint } from "../endpoints/campaigns";
import { getCampaignView, listCampaignRows, toCampaignView } from "../queries/campaigns";
import type { CampaignView } from "../schemas/campaigns";

async function viewOrThrow(id: number): Promise<CampaignView> {
  const view = await getCampaignView(id);
  if (!view) throw new ApiError("not_found", "This campaign does not exist.");
  return view;
}

export const listCampaigns: EndpointHandler<typeof listCampaignsEndpoint> = async ({ query }) => {
  const rows = await listCampaignRows(query, decodeCursorOrThrow(query.cursor));
  return toPage(rows, query.limit, toCampaignView);
};

export const getCampaign: EndpointHandler<typeof getCampaignEndpoint> = async ({ params }) => viewOrThrow(params.id);

export const createCampaignHandler: EndpointHandler<typeof createCampaignEndpoint> = async ({ actor, body }) => {
  const { id } = await createCampaign(actor, body);
  return viewOrThrow(id);
};

export const updateCampaignHandler: EndpointHandler<typeof updateCampaignEndpoint> = async ({ actor, params, body }) => {
  const current = await viewOrThrow(params.id);
  await updateCampaign(actor, {
    id: params.id,
    name: body.name ?? current.name,
    kind: body.kind ?? current.kind,
    projectId: body.projectId === undefined ? current.projectId : body.projectId,
    startAt: body.startAt ?? current.startAt,
    endAt: body.endAt ?? current.endAt,
  });
  return viewOrThrow(params.id);
};
