// Link endpoints: creation, confirmation, disputes and removal through lib/links/mutations.
import type { Actor } from "@/lib/auth/actor";
import { confirmLink, createLink, disputeLink, removeLink } from "@/lib/links/mutations";
import { ApiError } from "../errors";
import { decodeCursorOrThrow, toPage } from "../cursor";
import type { EndpointHandler } from "../endpoint";
import type { confirmLinkEndpoint, createLinkEndpoint, disputeLinkEndpoint, getLinkEndpoint, listLinksEndpoint, removeLinkEndpoint } from "../endpoints/links";
import { createdLinkView, getLinkView, listLinkRows, toLinkView } from "../queries/links";
import type { LinkView } from "../schemas/links";

async function viewOrThrow(actor: Actor, id: number): Promise<LinkView> {
  const view = await getLinkView(actor, id);
  if (!view) throw new ApiError("not_found", "This link does not exist.");
  return view;
}

export const listLinks: EndpointHandler<typeof listLinksEndpoint> = async ({ actor, query }) => {
  const rows = await listLinkRows(actor, query, decodeCursorOrThrow(query.cursor));
  return toPage(rows, query.limit, toLinkView);
};

export const getLink: EndpointHandler<typeof getLinkEndpoint> = async ({ actor, params }) => viewOrThrow(actor, params.id);

export const createLinkHandler: EndpointHandler<typeof createLinkEndpoint> = async ({ actor, body }) => {
  const link = await createLink(actor, { fromId: body.fromId, toId: body.toId, type: body.type, note: body.note ?? "" });
  // A new link is answered from the row its transaction wrote (no read back); a removed link taken
  // up again is read back, for its dispute history.
  return link.revived ? viewOrThrow(actor, link.id) : createdLinkView(link);
};

export const confirmLinkHandler: EndpointHandler<typeof confirmLinkEndpoint> = async ({ actor, params }) => {
  await confirmLink(actor, { linkId: params.id });
  return viewOrThrow(actor, params.id);
};

export const disputeLinkHandler: EndpointHandler<typeof disputeLinkEndpoint> = async ({ actor, params, body }) => {
  await disputeLink(actor, { linkId: params.id, reason: body.reason });
  const link = await viewOrThrow(actor, params.id);
  if (!link.openDispute) throw new Error(`link ${params.id} has no open dispute right after being disputed`);
  return { link, dispute: link.openDispute };
};

export const removeLinkHandler: EndpointHandler<typeof removeLinkEndpoint> = async ({ actor, params }) => {
  await removeLink(actor, { linkId: params.id });
  return viewOrThrow(actor, params.id);
};
