// Resource rules, pure so that each is unit-tested on its own. Pages, actions and handlers call
// these after requireActor/requireRole; nothing else decides who may do what.
import { hasRole, type Actor } from "@/lib/auth/actor";

export interface ContributionAccess {
  projectId: number;
  authorIds: number[];
  createdById: number | null;
  deletedAt: Date | null;
}

export function isMaintainerOf(actor: Actor, projectId: number): boolean {
  return actor.role === "admin" || (actor.role === "maintainer" && actor.maintainedProjectIds.includes(projectId));
}

/** Withdrawn contributions stay visible to their authors, the project's maintainers and admins. */
export function canViewContribution(actor: Actor, c: ContributionAccess): boolean {
  if (!c.deletedAt) return true;
  return c.authorIds.includes(actor.id) || c.createdById === actor.id || isMaintainerOf(actor, c.projectId);
}

/** Authors edit and withdraw their own work; nobody edits withdrawn work. */
export function canEditContribution(actor: Actor, c: ContributionAccess): boolean {
  if (c.deletedAt) return false;
  return c.authorIds.includes(actor.id) || c.createdById === actor.id;
}

/** A link starts from work of one's own: only its authors say what it builds on. */
export function canLinkFrom(actor: Actor, from: ContributionAccess): boolean {
  return !from.deletedAt && from.authorIds.includes(actor.id);
}

/** Confirming a link is the target's authors' word that the credit is due. */
export function canConfirmLink(actor: Actor, target: ContributionAccess): boolean {
  return target.authorIds.includes(actor.id);
}

/** The target's authors, and the target project's maintainers, may dispute a link. */
export function canDisputeLink(actor: Actor, target: ContributionAccess): boolean {
  return target.authorIds.includes(actor.id) || isMaintainerOf(actor, target.projectId);
}

/** A link's creator may take it back. */
export function canRemoveLink(actor: Actor, link: { createdById: number | null }, from: ContributionAccess): boolean {
  return link.createdById === actor.id || from.authorIds.includes(actor.id) || actor.role === "admin";
}

export function canSeeAllProjects(actor: Actor): boolean {
  return hasRole(actor, "admin");
}

/** The ecosystem-wide dashboards, every project at once: admins. */
export function canViewEcosystemMetrics(actor: Actor): boolean {
  return hasRole(actor, "admin");
}

/** A project's dashboards: its maintainers and admins. */
export function canViewProjectMetrics(actor: Actor, projectId: number): boolean {
  return isMaintainerOf(actor, projectId);
}

/**
 * A contributor's class (persistent, transactional, …) is a judgement about a person: they see
 * their own, and so do maintainers and admins, who act on it; other contributors do not.
 */
export function canSeeContributorClass(actor: Actor, personId: number): boolean {
  return actor.id === personId || hasRole(actor, "maintainer");
}

// ---- Admin and data (issue 5). Admins run the ecosystem; maintainers review their projects.

/** People (roles, deactivation, claims, merges), projects and their maintainers: admins. */
export function canManagePeople(actor: Actor): boolean {
  return hasRole(actor, "admin");
}

export function canManageProjects(actor: Actor): boolean {
  return hasRole(actor, "admin");
}

/** Campaigns: admins anywhere; a maintainer for their own project's campaigns (never ecosystem-wide ones). */
export function canManageCampaign(actor: Actor, projectId: number | null): boolean {
  if (projectId === null) return hasRole(actor, "admin");
  return isMaintainerOf(actor, projectId);
}

/** Metric parameters, ecosystem default or one project's: admins (they change every number). */
export function canEditMetricParams(actor: Actor): boolean {
  return hasRole(actor, "admin");
}

/** Accepting or rejecting a contribution, resolving a dispute about it, clearing or confirming a
 * ring member: the contribution's project maintainers and admins. A party to a dispute does not
 * judge it (see canResolveDispute). */
export function canReviewInProject(actor: Actor, projectId: number): boolean {
  return isMaintainerOf(actor, projectId);
}

export function canResolveDispute(actor: Actor, dispute: { raisedById: number }, targetProjectId: number): boolean {
  return dispute.raisedById !== actor.id && isMaintainerOf(actor, targetProjectId);
}

/** Imports, exports and the audit log: admins. */
export function canImport(actor: Actor): boolean {
  return hasRole(actor, "admin");
}

export function canExport(actor: Actor): boolean {
  return hasRole(actor, "admin");
}

export function canViewAuditLog(actor: Actor): boolean {
  return hasRole(actor, "admin");
}

/** API tokens: everyone manages their own; admins see and revoke anyone's. */
export function canManageToken(actor: Actor, token: { userId: number }): boolean {
  return token.userId === actor.id || hasRole(actor, "admin");
}

/** Accepting or rejecting a contribution: its project's maintainers and admins, never its own
 * authors (raising one's own work from half to full weight is not a review). */
export function canReviewContribution(actor: Actor, c: ContributionAccess): boolean {
  return canReviewInProject(actor, c.projectId) && !c.authorIds.includes(actor.id);
}

/** Clearing or confirming a link ring's contributions in a project: its maintainers and admins,
 * except the ring's own members, who would be clearing themselves. */
export function canReviewRing(actor: Actor, ring: { members: number[] }, projectId: number): boolean {
  return canReviewInProject(actor, projectId) && !ring.members.includes(actor.id);
}
