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
