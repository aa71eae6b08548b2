import { describe, test, expect } from "vitest";
import type { Actor } from "../../lib/auth/actor";
import { canConfirmLink, canDisputeLink, canEditContribution, canLinkFrom, canRemoveLink, canViewContribution, isMaintainerOf } from "../../lib/permissions";

const actor = (id: number, role: Actor["role"] = "contributor", projects: number[] = []): Actor => ({ id, role, handle: `u${id}`, name: `U${id}`, maintainedProjectIds: projects });
const work = (authorIds: number[], deleted = false) => ({ projectId: 7, authorIds, createdById: authorIds[0] ?? null, deletedAt: deleted ? new Date() : null });

describe("permissions", () => {
  test("maintainers maintain only their projects; admins every project", () => {
    expect(isMaintainerOf(actor(1, "maintainer", [7]), 7)).toBe(true);
    expect(isMaintainerOf(actor(1, "maintainer", [8]), 7)).toBe(false);
    expect(isMaintainerOf(actor(1, "contributor", [7]), 7)).toBe(false);
    expect(isMaintainerOf(actor(1, "admin"), 7)).toBe(true);
  });

  test("withdrawn work is visible to its authors and the project's maintainers only", () => {
    expect(canViewContribution(actor(2), work([1]))).toBe(true);
    expect(canViewContribution(actor(2), work([1], true))).toBe(false);
    expect(canViewContribution(actor(1), work([1], true))).toBe(true);
    expect(canViewContribution(actor(3, "maintainer", [7]), work([1], true))).toBe(true);
    expect(canViewContribution(actor(3, "maintainer", [9]), work([1], true))).toBe(false);
  });

  test("only authors edit and link from their work, and never withdrawn work", () => {
    expect(canEditContribution(actor(1), work([1, 2]))).toBe(true);
    expect(canEditContribution(actor(2), work([1, 2]))).toBe(true);
    expect(canEditContribution(actor(3, "admin"), work([1]))).toBe(false);
    expect(canEditContribution(actor(1), work([1], true))).toBe(false);
    expect(canLinkFrom(actor(2), work([1]))).toBe(false);
    expect(canLinkFrom(actor(1), work([1], true))).toBe(false);
  });

  test("the target's authors confirm; they and the project's maintainers dispute", () => {
    expect(canConfirmLink(actor(1), work([1]))).toBe(true);
    expect(canConfirmLink(actor(3, "maintainer", [7]), work([1]))).toBe(false);
    expect(canDisputeLink(actor(3, "maintainer", [7]), work([1]))).toBe(true);
    expect(canDisputeLink(actor(3, "maintainer", [8]), work([1]))).toBe(false);
    expect(canDisputeLink(actor(4), work([1]))).toBe(false);
  });

  test("a link's creator, the source's authors and admins remove it", () => {
    expect(canRemoveLink(actor(5), { createdById: 5 }, work([1]))).toBe(true);
    expect(canRemoveLink(actor(1), { createdById: 5 }, work([1]))).toBe(true);
    expect(canRemoveLink(actor(6), { createdById: 5 }, work([1]))).toBe(false);
    expect(canRemoveLink(actor(6, "admin"), { createdById: 5 }, work([1]))).toBe(true);
  });
});
