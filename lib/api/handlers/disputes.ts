// Dispute resolution through lib/review (rules, audit of the dispute and the link, recompute there).
import { resolveDispute } from "@/lib/review/dispute-resolution";
import type { EndpointHandler } from "../endpoint";
import type { resolveDisputeEndpoint } from "../endpoints/disputes";
import { getDisputeView } from "../queries/disputes";
import { getLinkView } from "../queries/links";

export const resolveDisputeHandler: EndpointHandler<typeof resolveDisputeEndpoint> = async ({ actor, params, body }) => {
  await resolveDispute(actor, { disputeId: params.id, ...body });
  const dispute = await getDisputeView(params.id);
  if (!dispute) throw new Error(`dispute ${params.id} vanished right after being resolved`);
  return { dispute, link: dispute.linkId === null ? null : await getLinkView(actor, dispute.linkId) };
};
