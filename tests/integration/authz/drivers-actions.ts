// How each server action is called for one actor: a fresh target (world.ts), then the action with
// the form a browser would post. The session is the mocked one (session.ts).
import * as campaignActions from "../../../lib/campaigns/actions";
import * as contributionActions from "../../../lib/contributions/actions";
import * as exportActions from "../../../lib/export/actions";
import * as linkActions from "../../../lib/links/actions";
import * as paramActions from "../../../lib/params/actions";
import * as projectActions from "../../../lib/projects/actions";
import * as reviewActions from "../../../lib/review/actions";
import * as stressActions from "../../../lib/stress/actions";
import * as tokenActions from "../../../lib/tokens/actions";
import * as peopleActions from "../../../lib/users/admin-actions";
import { prisma } from "../../../lib/db";
import { createToken } from "../../../lib/tokens/mutations";
import { mergeIdentities } from "../../../lib/users/merge";
import { PARAM_PATHS } from "../../../lib/params/catalogue";
import { getAtPath } from "../../../lib/params/paths";
import { DEFAULT_PARAMS } from "../../../lib/metrics/params";
import { makeProject, makeUser } from "../factories";
import { alphaCampaign, contributorsDispute, contributorsLink, linkToContributor, ringInAlpha, workOf, type World } from "./world";

/** Prepares the target and returns the call; what it resolves to is read by actionStatus(). */
export type ActionDriver = (w: World) => Promise<() => Promise<unknown>>;

const EMPTY = { ok: false };

function form(fields: Record<string, string | number | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, String(x));
  return f;
}

type FormAction = (prev: never, form: FormData) => Promise<unknown>;
/** A form action posted with `fields`, computed from a fresh target. */
const post = (fn: FormAction, fields: (w: World) => Promise<Record<string, string | number | string[]>>): ActionDriver =>
  async (w) => {
    const f = form(await fields(w));
    return () => (fn as (prev: unknown, form: FormData) => Promise<unknown>)(EMPTY, f);
  };

let n = 0;
const campaignFields = (w: World) => ({ name: "Alpha sprint", kind: "hackathon", projectId: String(w.alpha.id), startAt: "2026-04-01", endAt: "2026-04-15" });
const contributionFields = (w: World) => ({ projectId: String(w.alpha.id), title: "Tide gauge labels", kind: "data", occurredAt: "2026-03-02", url: "", description: "" });
const freshUser = () => makeUser({ handle: `authz-user-${++n}` });

export const ACTION_DRIVERS: Record<string, ActionDriver> = {
  "action lib/campaigns/actions.ts#createCampaignAction": post(campaignActions.createCampaignAction, async (w) => campaignFields(w)),
  "action lib/campaigns/actions.ts#updateCampaignAction": post(campaignActions.updateCampaignAction, async (w) => ({ id: (await alphaCampaign(w)).id, ...campaignFields(w) })),
  "action lib/campaigns/actions.ts#deleteCampaignAction": post(campaignActions.deleteCampaignAction, async (w) => ({ id: (await alphaCampaign(w)).id })),
  "action lib/contributions/actions.ts#createContributionAction": post(contributionActions.createContributionAction, async (w) => contributionFields(w)),
  "action lib/contributions/actions.ts#updateContributionAction": post(contributionActions.updateContributionAction, async (w) => ({ id: (await workOf(w, "contributor")).id, version: "1", ...contributionFields(w) })),
  "action lib/contributions/actions.ts#withdrawContributionAction": post(contributionActions.withdrawContributionAction, async (w) => ({ id: (await workOf(w, "contributor")).id })),
  "action lib/contributions/actions.ts#searchLinkTargetsAction": async (w) => {
    await workOf(w, "otherContributor");
    const from = await workOf(w, "contributor");
    return () => contributionActions.searchLinkTargetsAction(from.id, "");
  },
  "action lib/export/actions.ts#prepareExportAction": post(exportActions.prepareExportAction, async () => ({ dataset: "lifecycle", format: "csv", project: "alpha" })),
  "action lib/links/actions.ts#createLinkAction": post(linkActions.createLinkAction, async (w) => {
    const older = await workOf(w, "otherContributor");
    const mine = await workOf(w, "contributor");
    return { fromId: mine.id, toId: older.id, type: "builds_on", note: "" };
  }),
  "action lib/links/actions.ts#confirmLinkAction": post(linkActions.confirmLinkAction, async (w) => ({ linkId: (await linkToContributor(w)).id })),
  "action lib/links/actions.ts#disputeLinkAction": post(linkActions.disputeLinkAction, async (w) => ({ linkId: (await linkToContributor(w)).id, reason: "These labels were not used." })),
  "action lib/links/actions.ts#removeLinkAction": post(linkActions.removeLinkAction, async (w) => ({ linkId: (await contributorsLink(w)).id })),
  "action lib/params/actions.ts#saveMetricParamsAction": post(paramActions.saveMetricParamsAction, async () => ({
    scope: "ecosystem", ...Object.fromEntries(PARAM_PATHS.map((p) => [p, String(getAtPath({ ...DEFAULT_PARAMS, passThrough: 0.4 }, p))])),
  })),
  "action lib/params/actions.ts#resetMetricParamsAction": post(paramActions.resetMetricParamsAction, async () => ({ scope: "ecosystem" })),
  "action lib/projects/actions.ts#createProjectAction": post(projectActions.createProjectAction, async () => ({ slug: `authz-form-${++n}`, name: "Form project", kind: "datanet", description: "" })),
  "action lib/projects/actions.ts#updateProjectAction": post(projectActions.updateProjectAction, async () => {
    const p = await makeProject();
    return { id: p.id, slug: p.slug, name: "Renamed", kind: "datanet", description: "" };
  }),
  "action lib/projects/actions.ts#setArchivedAction": post(projectActions.setArchivedAction, async () => ({ projectId: (await makeProject()).id, archive: "1" })),
  "action lib/projects/actions.ts#addMaintainerAction": post(projectActions.addMaintainerAction, async () => ({ projectId: (await makeProject()).id, handle: "authz-othermaintainer" })),
  "action lib/projects/actions.ts#removeMaintainerAction": post(projectActions.removeMaintainerAction, async (w) => {
    const p = await makeProject({ maintainerIds: [w.actors.otherMaintainer.id] });
    return { projectId: p.id, userId: w.actors.otherMaintainer.id };
  }),
  "action lib/review/actions.ts#decideContributionsAction": post(reviewActions.decideContributionsAction, async (w) => ({ row: `accept:${(await workOf(w, "contributor")).id}:1` })),
  "action lib/review/actions.ts#resolveDisputeAction": post(reviewActions.resolveDisputeAction, async (w) => ({ disputeId: (await contributorsDispute(w)).id, outcome: "reject", note: "The notebook shows it was used." })),
  "action lib/review/actions.ts#decideRingAction": post(reviewActions.decideRingAction, async (w) => ({ contributionIds: (await ringInAlpha(w)).contributionIds.join(","), decision: "clear", note: "Checked: a real collaboration." })),
  "action lib/stress/actions.ts#runStressAction": post(stressActions.runStressAction, async () => ({ project: "alpha", kind: "sybil_ring", accounts: "2", contributionsEach: "2", status: "accepted" })),
  "action lib/tokens/actions.ts#createTokenAction": post(tokenActions.createTokenAction, async () => ({ name: "laptop", scopes: ["read", "write"] })),
  "action lib/tokens/actions.ts#revokeTokenAction": post(tokenActions.revokeTokenAction, async (w) => ({ tokenId: (await createToken(w.actors.contributor, { name: `spare ${++n}`, scopes: ["read"] })).id })),
  "action lib/users/admin-actions.ts#changeRoleAction": post(peopleActions.changeRoleAction, async () => ({ userId: (await freshUser()).id, role: "maintainer" })),
  "action lib/users/admin-actions.ts#deactivateUserAction": post(peopleActions.deactivateUserAction, async () => ({ userId: (await freshUser()).id })),
  "action lib/users/admin-actions.ts#reactivateUserAction": post(peopleActions.reactivateUserAction, async () => {
    const u = await freshUser();
    await prisma.user.update({ where: { id: u.id }, data: { deactivatedAt: new Date() } });
    return { userId: u.id };
  }),
  "action lib/users/admin-actions.ts#mergeIdentitiesAction": post(peopleActions.mergeIdentitiesAction, async () => ({ source: (await freshUser()).id, target: (await freshUser()).handle })),
  "action lib/users/admin-actions.ts#claimIdentityAction": post(peopleActions.claimIdentityAction, async () => {
    const imported = await freshUser();
    await prisma.user.update({ where: { id: imported.id }, data: { isImported: true } });
    const account = await makeUser({ handle: `authz-account-${++n}`, passwordHash: "not-a-real-hash" });
    return { imported: imported.id, account: account.handle };
  }),
  "action lib/users/admin-actions.ts#undoMergeAction": post(peopleActions.undoMergeAction, async (w) => {
    const { mergeId } = await mergeIdentities(w.actors.admin, { source: String((await freshUser()).id), target: (await freshUser()).handle });
    return { mergeId };
  }),
};
