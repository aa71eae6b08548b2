// Contribution endpoints: reads from lib/api/queries, writes through the app's own mutations so
// that rules, audit and recompute are the form's.
import type { Actor } from "@/lib/auth/actor";
import { createContribution, updateContribution } from "@/lib/contributions/mutations";
import { ApiError } from "../errors";
import { decodeCursorOrThrow, toPage } from "../cursor";
import type { EndpointHandler } from "../endpoint";
import type { createContributionEndpoint, getContributionEndpoint, listContributionsEndpoint, updateContributionEndpoint } from "../endpoints/contributions";
import { createdContributionView, getContributionView, listContributionRows, toContributionView } from "../queries/contributions";
import type { ContributionView } from "../schemas/contributions";

async function viewOrThrow(actor: Actor, id: number): Promise<ContributionView> {
  const view = await getContributionView(actor, id);
  if (!view) throw new ApiError("not_found", "This contribution does not exist.");
  return view;
}

/** The mutation reads the form's shape: co-authors as parallel handle and share lists. */
function toFormInput(f: { projectId: number; title: string; kind: string; occurredAt: string; url?: string | null; description?: string; coAuthors?: { handle: string; sharePercent: number }[] }) {
  return {
    projectId: f.projectId, title: f.title, kind: f.kind, occurredAt: f.occurredAt, url: f.url ?? "", description: f.description ?? "",
    coAuthorHandle: (f.coAuthors ?? []).map((c) => c.handle), coAuthorShare: (f.coAuthors ?? []).map((c) => String(c.sharePercent)),
  };
}

export const listContributions: EndpointHandler<typeof listContributionsEndpoint> = async ({ actor, query }) => {
  const rows = await listContributionRows(actor, query, decodeCursorOrThrow(query.cursor));
  return toPage(rows, query.limit, toContributionView);
};

export const getContribution: EndpointHandler<typeof getContributionEndpoint> = async ({ actor, params }) => viewOrThrow(actor, params.id);

// Answered from what the transaction wrote (no read back: three queries less per create).
export const createContributionHandler: EndpointHandler<typeof createContributionEndpoint> = async ({ actor, body }) =>
  createdContributionView(await createContribution(actor, toFormInput(body), "api"));

export const updateContributionHandler: EndpointHandler<typeof updateContributionEndpoint> = async ({ actor, params, body }) => {
  const current = await viewOrThrow(actor, params.id);
  // Left-out co-authors keep their shares; the caller (an author) keeps the rest, as in the form.
  // A caller who is not an author sends none, so the mutation answers with its own refusal.
  const isAuthor = current.authors.some((a) => a.userId === actor.id);
  const keptCoAuthors = isAuthor ? current.authors.filter((a) => a.userId !== actor.id).map((a) => ({ handle: a.handle, sharePercent: Math.round(a.share * 10_000) / 100 })) : [];
  const coAuthors = body.coAuthors ?? keptCoAuthors;
  const merged = {
    projectId: body.projectId ?? current.projectId,
    title: body.title ?? current.title,
    kind: body.kind ?? current.kind,
    occurredAt: body.occurredAt ?? current.occurredAt,
    url: body.url === undefined ? current.url : body.url,
    description: body.description ?? current.description,
    coAuthors,
  };
  await updateContribution(actor, { id: params.id, version: body.version, ...toFormInput(merged) });
  return viewOrThrow(actor, params.id);
};
