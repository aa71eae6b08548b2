// The authorization matrix: for every entry point, what each actor gets. This table is the rule;
// discover.ts finds the entry points in the code and the tests fail on one without a row here.
// The target each actor acts on is described in world.ts (the contributor's own work in alpha).
//
// Columns: anonymous, contributor, other contributor, maintainer of another project (beta),
// maintainer (of alpha), admin, then for the REST API a revoked token and a token lacking the
// endpoint's scope (both the admin's, so that only the token itself can be the reason).
import * as permissions from "../../../lib/permissions";
import type { ActorName, Person, Status } from "./actors";

type Six = [anonymous: Status, contributor: Status, otherContributor: Status, otherMaintainer: Status, maintainer: Status, admin: Status];

export type PageGuard = "public" | "actor" | "maintainer" | "admin";
/** Role predicates of lib/permissions.ts that a page may check right after its guard. */
export type PagePredicate = "canImport" | "canExport" | "canViewAuditLog" | "canEditMetricParams";

export type Rule =
  /** /api/v1: bearer tokens. */
  | { kind: "api"; out: Record<ActorName, Status> }
  /** Session routes (app/api/admin): a bearer token never stands in for a session, so both token columns are 401. */
  | { kind: "sessionRoute"; out: Record<ActorName, Status> }
  /** Server actions: the session only; tokens do not apply. */
  | { kind: "action"; out: Record<Exclude<ActorName, "revokedToken" | "wrongScopeToken">, Status> }
  /**
   * Pages: the first guard call, then an optional role predicate (tests/unit/authz/page-guards.test.ts
   * reads them from the file); `target` narrows it for the page's own resource (the contributor's
   * work, an alpha campaign, ?project=alpha), as the page's data check decides (pages.test.ts).
   */
  | { kind: "page"; guard: PageGuard; predicate?: PagePredicate; target?: Partial<Record<Person, 404>>; note?: string }
  /** Open to everyone by design, and why. */
  | { kind: "public"; why: string; drive: boolean };

const six = ([anonymous, contributor, otherContributor, otherMaintainer, maintainer, admin]: Six) =>
  ({ anonymous, contributor, otherContributor, otherMaintainer, maintainer, admin });

const api = (...s: [...Six, revokedToken: Status, wrongScopeToken: Status]): Rule =>
  ({ kind: "api", out: { ...six(s.slice(0, 6) as Six), revokedToken: s[6], wrongScopeToken: s[7] } });
const sessionRoute = (...s: Six): Rule => ({ kind: "sessionRoute", out: { ...six(s), revokedToken: 401, wrongScopeToken: 401 } });
const action = (...s: Six): Rule => ({ kind: "action", out: six(s) });
const page = (guard: PageGuard, predicate?: PagePredicate, note?: string, target?: Partial<Record<Person, 404>>): Rule => ({ kind: "page", guard, predicate, note, target });
/** ?project=alpha: the other maintainer is not one of alpha's. */
const ALPHA_ONLY = { otherMaintainer: 404 } as const;
const DASHBOARD = "through loadDashboardContext, opened with ?project=alpha";

const AUTH_FORM = "the sign-in, sign-up and sign-out forms: anyone may use them (sign-in is rate-limited, sign-up answers alike for taken emails; tests/integration/auth.test.ts)";

export const MATRIX: Record<string, Rule> = {
  // ---- REST API (/api/v1), bearer tokens
  "GET /api/v1/contributions": api(401, 200, 200, 200, 200, 200, 401, 403),
  "POST /api/v1/contributions": api(401, 201, 201, 201, 201, 201, 401, 403),
  "POST /api/v1/contributions/batch": api(401, 201, 201, 201, 201, 201, 401, 403),
  // The contributor's withdrawn work: its authors, alpha's maintainers and admins (canViewContribution).
  "GET /api/v1/contributions/[id]": api(401, 200, 404, 404, 200, 200, 401, 403),
  // Only authors edit (canEditContribution): not the project's maintainer, not an admin.
  "PATCH /api/v1/contributions/[id]": api(401, 200, 403, 403, 403, 403, 401, 403),
  "GET /api/v1/links": api(401, 200, 200, 200, 200, 200, 401, 403),
  // From the contributor's work to the other contributor's: only the from-side's authors (canLinkFrom).
  "POST /api/v1/links": api(401, 201, 403, 403, 403, 403, 401, 403),
  "GET /api/v1/links/[id]": api(401, 200, 200, 200, 200, 200, 401, 403),
  // The contributor's own link: its creator and admins take it back (canRemoveLink).
  "DELETE /api/v1/links/[id]": api(401, 200, 403, 403, 403, 200, 401, 403),
  // The other contributor's link to the contributor's work: the target's authors confirm (canConfirmLink).
  "POST /api/v1/links/[id]/confirm": api(401, 200, 403, 403, 403, 403, 401, 403),
  // Same link: the target's authors and alpha's maintainers and admins dispute (canDisputeLink).
  "POST /api/v1/links/[id]/disputes": api(401, 201, 403, 403, 201, 201, 401, 403),
  // The contributor's dispute of that link: alpha's maintainers and admins, never the raiser (canResolveDispute).
  "POST /api/v1/disputes/[id]/resolution": api(401, 403, 403, 403, 200, 200, 401, 403),
  "GET /api/v1/projects": api(401, 200, 200, 200, 200, 200, 401, 403),
  "POST /api/v1/projects": api(401, 403, 403, 403, 403, 201, 401, 403),
  "GET /api/v1/projects/[id]": api(401, 200, 200, 200, 200, 200, 401, 403),
  "PATCH /api/v1/projects/[id]": api(401, 403, 403, 403, 403, 200, 401, 403),
  "GET /api/v1/campaigns": api(401, 200, 200, 200, 200, 200, 401, 403),
  // An alpha campaign: alpha's maintainers and admins (canManageCampaign).
  "POST /api/v1/campaigns": api(401, 403, 403, 403, 201, 201, 401, 403),
  "GET /api/v1/campaigns/[id]": api(401, 200, 200, 200, 200, 200, 401, 403),
  "PATCH /api/v1/campaigns/[id]": api(401, 403, 403, 404, 200, 200, 401, 403),
  // ?project=alpha: alpha's maintainers and admins; beta's maintainer is told alpha is not theirs.
  "GET /api/v1/metrics/series": api(401, 403, 403, 404, 200, 200, 401, 403),
  "GET /api/v1/metrics/cohorts": api(401, 403, 403, 404, 200, 200, 401, 403),
  "GET /api/v1/metrics/contributors": api(401, 403, 403, 404, 200, 200, 401, 403),
  "GET /api/v1/metrics/classes": api(401, 403, 403, 404, 200, 200, 401, 403),
  "GET /api/v1/metrics/signals": api(401, 403, 403, 404, 200, 200, 401, 403),
  // The API reference describes and grants nothing.
  "GET /api/v1/openapi.json": api(200, 200, 200, 200, 200, 200, 200, 200),
  "GET /api/auth/[...nextauth]": { kind: "public", why: "Auth.js's own endpoints (session, csrf, providers): they answer everyone and grant only what a valid sign-in earns", drive: false },
  "POST /api/auth/[...nextauth]": { kind: "public", why: "Auth.js's own endpoints (credentials callback with CSRF token, sign-out)", drive: false },

  // ---- Session routes
  // Admin with a dataset but no run results: an empty file, still 200.
  "GET /api/admin/exports": sessionRoute(401, 403, 403, 403, 403, 200),
  // The admin's request carries an empty file: 400 after the guard let it through (uploads are import-upload.test.ts's).
  "POST /api/admin/imports": sessionRoute(401, 403, 403, 403, 403, 400),

  // ---- Server actions
  "action lib/auth/actions.ts#signInAction": { kind: "public", why: AUTH_FORM, drive: false },
  "action lib/auth/actions.ts#signUpAction": { kind: "public", why: AUTH_FORM, drive: false },
  "action lib/auth/actions.ts#signOutAction": { kind: "public", why: AUTH_FORM, drive: false },
  "action lib/campaigns/actions.ts#createCampaignAction": action(401, 403, 403, 403, 200, 200),
  "action lib/campaigns/actions.ts#updateCampaignAction": action(401, 403, 403, 404, 200, 200),
  "action lib/campaigns/actions.ts#deleteCampaignAction": action(401, 403, 403, 404, 200, 200),
  "action lib/contributions/actions.ts#createContributionAction": action(401, 200, 200, 200, 200, 200),
  "action lib/contributions/actions.ts#updateContributionAction": action(401, 200, 403, 403, 403, 403),
  "action lib/contributions/actions.ts#withdrawContributionAction": action(401, 200, 403, 403, 403, 403),
  // The link picker from the contributor's work: an empty list for anyone else (read as 401/403 here).
  "action lib/contributions/actions.ts#searchLinkTargetsAction": action(401, 200, 403, 403, 403, 403),
  "action lib/export/actions.ts#prepareExportAction": action(401, 403, 403, 403, 403, 200),
  "action lib/links/actions.ts#createLinkAction": action(401, 200, 403, 403, 403, 403),
  "action lib/links/actions.ts#confirmLinkAction": action(401, 200, 403, 403, 403, 403),
  "action lib/links/actions.ts#disputeLinkAction": action(401, 200, 403, 403, 200, 200),
  "action lib/links/actions.ts#removeLinkAction": action(401, 200, 403, 403, 403, 200),
  "action lib/params/actions.ts#saveMetricParamsAction": action(401, 403, 403, 403, 403, 200),
  "action lib/params/actions.ts#resetMetricParamsAction": action(401, 403, 403, 403, 403, 200),
  "action lib/projects/actions.ts#createProjectAction": action(401, 403, 403, 403, 403, 200),
  "action lib/projects/actions.ts#updateProjectAction": action(401, 403, 403, 403, 403, 200),
  "action lib/projects/actions.ts#setArchivedAction": action(401, 403, 403, 403, 403, 200),
  "action lib/projects/actions.ts#addMaintainerAction": action(401, 403, 403, 403, 403, 200),
  "action lib/projects/actions.ts#removeMaintainerAction": action(401, 403, 403, 403, 403, 200),
  // The contributor's own work: never its author (canReviewContribution).
  "action lib/review/actions.ts#decideContributionsAction": action(401, 403, 403, 403, 200, 200),
  "action lib/review/actions.ts#resolveDisputeAction": action(401, 403, 403, 403, 200, 200),
  // A ring of the contributor and the other contributor in alpha: never its members (canReviewRing).
  "action lib/review/actions.ts#decideRingAction": action(401, 403, 403, 403, 200, 200),
  "action lib/stress/actions.ts#runStressAction": action(401, 403, 403, 404, 200, 200),
  "action lib/tokens/actions.ts#createTokenAction": action(401, 200, 200, 200, 200, 200),
  // The contributor's token: its owner and admins (canManageToken); anyone else is told it does not exist.
  "action lib/tokens/actions.ts#revokeTokenAction": action(401, 200, 404, 404, 404, 200),
  "action lib/users/admin-actions.ts#changeRoleAction": action(401, 403, 403, 403, 403, 200),
  "action lib/users/admin-actions.ts#deactivateUserAction": action(401, 403, 403, 403, 403, 200),
  "action lib/users/admin-actions.ts#reactivateUserAction": action(401, 403, 403, 403, 403, 200),
  "action lib/users/admin-actions.ts#mergeIdentitiesAction": action(401, 403, 403, 403, 403, 200),
  "action lib/users/admin-actions.ts#claimIdentityAction": action(401, 403, 403, 403, 403, 200),
  "action lib/users/admin-actions.ts#undoMergeAction": action(401, 403, 403, 403, 403, 200),

  // ---- Pages
  "page /": page("actor", undefined, "sends a signed-in visitor on to /contributions"),
  "page /sign-in": page("public"),
  "page /sign-up": page("public"),
  "page /contributions": page("actor"),
  "page /contributions/new": page("actor"),
  // The contributor's withdrawn work: its authors, alpha's maintainers and admins (canViewContribution).
  "page /contributions/[id]": page("actor", undefined, "the contributor's withdrawn work", { otherContributor: 404, otherMaintainer: 404 }),
  // The contributor's work: only its authors edit (canEditContribution).
  "page /contributions/[id]/edit": page("actor", undefined, "the contributor's work", { otherContributor: 404, otherMaintainer: 404, maintainer: 404, admin: 404 }),
  "page /me": page("actor"),
  "page /people/[handle]": page("actor", undefined, "the contributor's profile"),
  "page /definitions": page("actor"),
  "page /tokens": page("actor"),
  "page /dashboards": page("maintainer", undefined, DASHBOARD, ALPHA_ONLY),
  "page /dashboards/attribution": page("maintainer", undefined, DASHBOARD, ALPHA_ONLY),
  "page /dashboards/coherence": page("maintainer", undefined, DASHBOARD, ALPHA_ONLY),
  "page /dashboards/graph": page("maintainer", undefined, DASHBOARD, ALPHA_ONLY),
  "page /dashboards/hubs": page("maintainer", undefined, DASHBOARD, ALPHA_ONLY),
  "page /dashboards/lifecycle": page("maintainer", undefined, DASHBOARD, ALPHA_ONLY),
  "page /dashboards/participation": page("maintainer", undefined, DASHBOARD, ALPHA_ONLY),
  "page /dashboards/recognition": page("maintainer", undefined, DASHBOARD, ALPHA_ONLY),
  "page /dashboards/retention": page("maintainer", undefined, DASHBOARD, ALPHA_ONLY),
  "page /dashboards/stress": page("maintainer", undefined, DASHBOARD, ALPHA_ONLY),
  "page /review": page("maintainer"),
  "page /review/disputes": page("maintainer"),
  "page /review/rings": page("maintainer"),
  "page /campaigns": page("maintainer"),
  "page /campaigns/new": page("maintainer"),
  // An alpha campaign: beta's maintainer cannot manage it (getManageableCampaign).
  "page /campaigns/[id]/edit": page("maintainer", undefined, "an alpha campaign", ALPHA_ONLY),
  "page /admin": page("admin"),
  "page /admin/audit": page("admin", "canViewAuditLog"),
  "page /admin/exports": page("admin", "canExport"),
  "page /admin/imports": page("actor", "canImport"),
  "page /admin/imports/[id]": page("actor", "canImport"),
  "page /admin/parameters": page("admin", "canEditMetricParams"),
  "page /admin/people": page("admin"),
  "page /admin/people/[id]": page("admin"),
  "page /admin/projects": page("admin"),
  "page /admin/projects/new": page("admin"),
  "page /admin/projects/[id]": page("admin"),
};

const RANK = { contributor: 0, otherContributor: 0, otherMaintainer: 1, maintainer: 1, admin: 2 } as const;
const NEEDED = { actor: 0, maintainer: 1, admin: 2 } as const;

/**
 * A page's outcome for a visitor and each person: no session is redirected to /sign-in (401), a
 * role below the guard's or a predicate that says no is notFound() (404), then the target's rule.
 * `predicateAllows` evaluates the page's predicate (a role rule from lib/permissions.ts).
 */
export function pageRow(rule: Extract<Rule, { kind: "page" }>): Record<"anonymous" | Person, Status> {
  // The page predicates are role rules: a stand-in actor of the person's role answers them.
  const role = (p: Person) => (RANK[p] === 2 ? "admin" : RANK[p] === 1 ? "maintainer" : "contributor");
  const predicateAllows = (p: Person) => !rule.predicate || permissions[rule.predicate]({ id: 0, role: role(p), handle: p, name: p, maintainedProjectIds: [] });
  const row = { anonymous: rule.guard === "public" ? 200 : 401 } as Record<"anonymous" | Person, Status>;
  for (const p of Object.keys(RANK) as Person[]) {
    const passes = rule.guard === "public" || (RANK[p] >= NEEDED[rule.guard] && predicateAllows(p));
    row[p] = passes ? (rule.target?.[p] ?? 200) : 404;
  }
  return row;
}
