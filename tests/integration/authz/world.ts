// The cast and the ground they act on. The target of each entry point is fresh for each actor
// (drivers.ts makes it), so that an allowed request cannot change what the next actor meets.
//   alpha: maintained by `maintainer`; beta: maintained by `otherMaintainer`.
//   contributor, otherContributor: plain contributors who both work in alpha.
//   admin: the ecosystem's admin.
// Tokens: each person has one with every scope their role may hold. The revoked token and the
// tokens lacking one scope are the admin's, so that the token is the only reason for a refusal.
import { prisma } from "../../../lib/db";
import type { Prisma } from "../../../lib/generated/prisma/client";
import type { Actor } from "../../../lib/auth/actor";
import { createToken, revokeToken } from "../../../lib/tokens/mutations";
import { scopesAllowedFor, TOKEN_SCOPES, type TokenScope } from "../../../lib/tokens/scopes";
import { createLink, disputeLink } from "../../../lib/links/mutations";
import { createCampaign } from "../../../lib/campaigns/mutations";
import { actorOf, makeContribution, makeProject, makeUser } from "../factories";
import { PEOPLE, type Person } from "./actors";

export interface World {
  actors: Record<Person, Actor>;
  alpha: { id: number; slug: string };
  beta: { id: number; slug: string };
  tokens: Record<Person, string>;
  revokedToken: string;
  /** the admin's tokens, each lacking the named scope */
  lacking: Record<TokenScope, string>;
  runId: number;
}

const ROLES: Record<Person, "contributor" | "maintainer" | "admin"> = {
  contributor: "contributor", otherContributor: "contributor", otherMaintainer: "maintainer", maintainer: "maintainer", admin: "admin",
};

export async function buildWorld(): Promise<World> {
  const users = {} as Record<Person, { id: number }>;
  for (const p of PEOPLE) users[p] = await makeUser({ role: ROLES[p], handle: `authz-${p.toLowerCase()}` });
  const alpha = await makeProject({ slug: "alpha", maintainerIds: [users.maintainer.id] });
  const beta = await makeProject({ slug: "beta", maintainerIds: [users.otherMaintainer.id] });
  const actors = {} as Record<Person, Actor>;
  for (const p of PEOPLE) actors[p] = await actorOf(users[p]);
  const tokens = {} as Record<Person, string>;
  for (const p of PEOPLE) tokens[p] = (await createToken(actors[p], { name: "full", scopes: scopesAllowedFor(actors[p].role) })).token;
  const revoked = await createToken(actors.admin, { name: "revoked", scopes: [...TOKEN_SCOPES] });
  await revokeToken(actors.admin, { tokenId: revoked.id });
  const lacking = {} as Record<TokenScope, string>;
  for (const s of TOKEN_SCOPES) lacking[s] = (await createToken(actors.admin, { name: `no ${s}`, scopes: TOKEN_SCOPES.filter((x) => x !== s) })).token;
  // A finished metric run with no results: exports and the metrics API answer with empty data,
  // the stress lab and ring decisions find a run to start from.
  const run = await prisma.metricRun.create({
    data: { status: "succeeded", metricVersion: 1, paramsHash: "authz", asOf: new Date(), startedAt: new Date(), finishedAt: new Date() },
  });
  return { actors, alpha, beta, tokens, revokedToken: revoked.token, lacking, runId: run.id };
}

// ---- Fresh targets, written as their owners would write them (bypassing no rule).

/** Work in alpha by one person; later calls are newer, so a link from a later one is valid. */
export async function workOf(w: World, who: Person) {
  return makeContribution({ projectId: w.alpha.id, authorIds: [w.actors[who].id] });
}

/** The contributor's link from their work to the other contributor's older work. */
export async function contributorsLink(w: World) {
  const older = await workOf(w, "otherContributor");
  const mine = await workOf(w, "contributor");
  return createLink(w.actors.contributor, { fromId: mine.id, toId: older.id, type: "builds_on", note: "" });
}

/** The other contributor's link to the contributor's older work (the contributor is the target's author). */
export async function linkToContributor(w: World) {
  const target = await workOf(w, "contributor");
  const from = await workOf(w, "otherContributor");
  return createLink(w.actors.otherContributor, { fromId: from.id, toId: target.id, type: "builds_on", note: "" });
}

/** The contributor's open dispute of a link to their work. */
export async function contributorsDispute(w: World) {
  const link = await linkToContributor(w);
  await disputeLink(w.actors.contributor, { linkId: link.id, reason: "I never published this." });
  return prisma.dispute.findFirstOrThrow({ where: { linkId: link.id, resolvedAt: null } });
}

export async function alphaCampaign(w: World) {
  return createCampaign(w.actors.maintainer, { name: "Alpha bounty", kind: "bounty", projectId: String(w.alpha.id), startAt: "2026-01-01", endAt: "2026-02-01" });
}

/** A ring of the contributor's and the other contributor's work, stored as the newest run's gaming document lists it. */
export async function ringInAlpha(w: World) {
  const a = await workOf(w, "contributor");
  const b = await workOf(w, "otherContributor");
  const ring = {
    members: [w.actors.contributor.id, w.actors.otherContributor.id], internalLinks: 2, internalShare: 1, reciprocity: 1,
    directedPairs: 2, reciprocalPairs: 1, linkIds: [], contributionIds: [a.id, b.id].sort((x, y) => x - y),
  };
  const key = { runId_scope_periodUnit_key: { runId: w.runId, scope: "all", periodUnit: "week", key: "gaming" } };
  const doc = await prisma.metricDocument.findUnique({ where: key });
  const rings = [...(((doc?.data as { rings?: Prisma.InputJsonValue[] } | null)?.rings) ?? []), ring];
  await prisma.metricDocument.upsert({ where: key, create: { runId: w.runId, scope: "all", periodUnit: "week", key: "gaming", data: { rings } }, update: { data: { rings } } });
  return ring;
}
