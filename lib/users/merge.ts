// Two identities of one person folded into one: the source's authorships move to the target and
// the source is deactivated (mergedIntoId set, sessions ended). The IdentityMerge row keeps what
// an undo needs. A claim is the same merge, from an imported, credential-less identity into the
// account someone signs in with.
import { prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/errors-zod";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { enqueueRecompute } from "@/lib/jobs/queue";
import { claimSchema, mergeSchema } from "@/lib/validation/people";
import { ADMIN_USER_SELECT, assertAnotherActiveAdmin, lockUsers, requirePeopleManager, resolvePerson, userSnapshot, type AdminUserRow } from "./admin-guards";
import { moveAuthorships } from "./merge-authorships";

export interface MergeResult {
  mergeId: number;
  sourceId: number;
  targetId: number;
  moved: number;
  coAuthored: number;
}

type Kind = "merge" | "claim";

const handleOf = (tx: Tx, id: number) => tx.user.findUnique({ where: { id }, select: { handle: true } }).then((u) => u?.handle ?? `#${id}`);

/** The refusals every merge shares, in the order an admin would want to hear them. */
async function assertMergeable(tx: Tx, actor: Actor, source: AdminUserRow, target: AdminUserRow, fields: { source: string; target: string }) {
  if (source.id === target.id) {
    throw new AppError("invalid_input", "Please correct the highlighted fields.", { [fields.target]: "An identity cannot be merged into itself" });
  }
  if (source.id === actor.id) throw new AppError("forbidden", "You cannot merge your own account into another: ask another admin.");
  if (source.mergedIntoId !== null) throw new AppError("conflict", `@${source.handle} is already merged into @${await handleOf(tx, source.mergedIntoId)}.`);
  if (target.mergedIntoId !== null) {
    throw new AppError("conflict", `@${target.handle} is itself merged into @${await handleOf(tx, target.mergedIntoId)}: merge into that identity instead.`);
  }
  if (target.deactivatedAt) throw new AppError("conflict", `@${target.handle} is deactivated: reactivate it first, or merge into an active identity.`);
  if (source.role === "admin" && !source.deactivatedAt) await assertAnotherActiveAdmin(tx, source.id, source.handle);
}

async function authorshipCount(tx: Tx, userId: number) {
  return tx.contributionAuthor.count({ where: { userId } });
}

async function performMerge(tx: Tx, actor: Actor, kind: Kind, source: AdminUserRow, target: AdminUserRow): Promise<MergeResult> {
  const [sourceCount, targetCount] = await Promise.all([authorshipCount(tx, source.id), authorshipCount(tx, target.id)]);
  const moved = await moveAuthorships(tx, source.id, target.id);
  const sourceAfter = await tx.user.update({
    where: { id: source.id },
    data: { deactivatedAt: source.deactivatedAt ?? new Date(), mergedIntoId: target.id, sessionVersion: { increment: 1 } },
    select: ADMIN_USER_SELECT,
  });
  const merge = await tx.identityMerge.create({
    data: {
      sourceId: source.id,
      targetId: target.id,
      moved: moved as unknown as object[],
      sourceBefore: { deactivatedAt: source.deactivatedAt?.toISOString() ?? null, role: source.role, mergedIntoId: null },
      createdById: actor.id,
    },
    select: { id: true },
  });
  const coAuthored = moved.filter((m) => m.targetShareBefore !== null).length;
  const targetRef = (contributions: number) => ({ id: target.id, handle: target.handle, contributions });
  await recordAudit(tx, {
    actorId: actor.id, action: kind === "claim" ? "user.claim" : "user.merge", entityType: "user", entityId: source.id,
    before: { source: userSnapshot(source, { contributions: sourceCount }), target: targetRef(targetCount) },
    after: {
      source: userSnapshot(sourceAfter, { contributions: 0 }),
      target: targetRef(targetCount + moved.length - coAuthored),
      merge: { id: merge.id, moved: moved.length, coAuthored },
    },
  });
  await enqueueRecompute(tx, `user.${kind}`);
  return { mergeId: merge.id, sourceId: source.id, targetId: target.id, moved: moved.length, coAuthored };
}

export async function mergeIdentities(actorOrNull: Actor | null, raw: unknown): Promise<MergeResult> {
  const actor = requirePeopleManager(actorOrNull);
  const input = parseOrThrow(mergeSchema, raw);
  return prisma.$transaction(async (tx) => {
    const [first, second] = await Promise.all([resolvePerson(tx, input.source, "source"), resolvePerson(tx, input.target, "target")]);
    await lockUsers(tx, [first.id, second.id]);
    // Re-read under the locks: what was read before them may have changed.
    const [source, target] = await Promise.all([resolvePerson(tx, { id: first.id }, "source"), resolvePerson(tx, { id: second.id }, "target")]);
    await assertMergeable(tx, actor, source, target, { source: "source", target: "target" });
    return performMerge(tx, actor, "merge", source, target);
  });
}

/** Attaches an imported identity (no credentials, never signed in) to a real account. */
export async function claimImportedIdentity(actorOrNull: Actor | null, raw: unknown): Promise<MergeResult> {
  const actor = requirePeopleManager(actorOrNull);
  const input = parseOrThrow(claimSchema, raw);
  return prisma.$transaction(async (tx) => {
    const [first, second] = await Promise.all([resolvePerson(tx, input.imported, "imported"), resolvePerson(tx, input.account, "account")]);
    await lockUsers(tx, [first.id, second.id]);
    const [imported, account] = await Promise.all([resolvePerson(tx, { id: first.id }, "imported"), resolvePerson(tx, { id: second.id }, "account")]);
    if (!imported.isImported) throw new AppError("conflict", `@${imported.handle} is not an imported identity: merge the two accounts instead.`);
    if (imported.passwordHash !== null) throw new AppError("conflict", `@${imported.handle} has a password: it is an account of its own, merge the two accounts instead.`);
    if (imported.id !== account.id && account.passwordHash === null) {
      throw new AppError("invalid_input", "Please correct the highlighted fields.", { account: `@${account.handle} has no password: an identity is claimed by an account someone signs in with` });
    }
    await assertMergeable(tx, actor, imported, account, { source: "imported", target: "account" });
    return performMerge(tx, actor, "claim", imported, account);
  });
}
