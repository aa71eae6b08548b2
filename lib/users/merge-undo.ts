// Undoing a merge puts every moved authorship back exactly (shares to the last digit) and returns
// the source to its state before the merge. It is refused when any moved contribution's authors
// changed since, because then "exactly as before" is no longer something an undo can promise.
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/errors-zod";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record";
import { enqueueRecompute } from "@/lib/jobs/queue";
import { mergeIdSchema } from "@/lib/validation/people";
import { ADMIN_USER_SELECT, lockUsers, resolvePerson, requirePeopleManager, userSnapshot } from "./admin-guards";
import { authorFingerprints, lockContributions, restoreAuthorships, type MovedAuthorship } from "./merge-authorships";

interface SourceBefore {
  deactivatedAt: string | null;
  role: Role;
}

export async function undoMerge(actorOrNull: Actor | null, raw: unknown): Promise<{ mergeId: number; restored: number }> {
  const actor = requirePeopleManager(actorOrNull);
  const { mergeId } = parseOrThrow(mergeIdSchema, raw);
  return prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM identity_merges WHERE id = ${mergeId} FOR UPDATE`;
    if (!locked) throw new AppError("not_found", "This merge does not exist.");
    const merge = await tx.identityMerge.findUniqueOrThrow({ where: { id: mergeId } });
    if (merge.revertedAt) throw new AppError("conflict", "This merge was already undone.");
    await lockUsers(tx, [merge.sourceId, merge.targetId]);
    const [source, target] = await Promise.all([resolvePerson(tx, { id: merge.sourceId }, "source"), resolvePerson(tx, { id: merge.targetId }, "target")]);
    if (source.mergedIntoId !== merge.targetId) throw new AppError("conflict", `@${source.handle} is no longer merged into @${target.handle}.`);
    if (target.mergedIntoId !== null) {
      throw new AppError("conflict", `@${target.handle} was merged into another identity since: undo that merge first.`);
    }
    const moved = merge.moved as unknown as MovedAuthorship[];
    const ids = moved.map((m) => m.contributionId);
    await lockContributions(tx, ids);
    const now = await authorFingerprints(tx, ids);
    const changed = moved.filter((m) => now.get(m.contributionId) !== m.authorsAfter).map((m) => m.contributionId);
    if (changed.length) {
      const list = changed.slice(0, 5).map((id) => `#${id}`).join(", ") + (changed.length > 5 ? ` and ${changed.length - 5} more` : "");
      throw new AppError("conflict", `The authors of ${changed.length === 1 ? "contribution" : "contributions"} ${list} changed since the merge, so it cannot be undone exactly. Restore those authors first, or leave the merge in place.`);
    }
    await restoreAuthorships(tx, source.id, target.id, moved);
    const before = merge.sourceBefore as unknown as SourceBefore;
    const sourceAfter = await tx.user.update({
      where: { id: source.id },
      data: {
        deactivatedAt: before.deactivatedAt ? new Date(before.deactivatedAt) : null,
        role: before.role,
        mergedIntoId: null,
        sessionVersion: { increment: 1 },
      },
      select: ADMIN_USER_SELECT,
    });
    await tx.identityMerge.update({ where: { id: mergeId }, data: { revertedAt: new Date(), revertedById: actor.id } });
    const coAuthored = moved.filter((m) => m.targetShareBefore !== null).length;
    await recordAudit(tx, {
      actorId: actor.id, action: "user.merge_undo", entityType: "user", entityId: source.id,
      before: { source: userSnapshot(source), target: { id: target.id, handle: target.handle }, merge: { id: mergeId, moved: moved.length, coAuthored } },
      after: { source: userSnapshot(sourceAfter), target: { id: target.id, handle: target.handle }, merge: { id: mergeId, revertedBy: actor.id } },
    });
    await enqueueRecompute(tx, "user.merge_undo");
    return { mergeId, restored: moved.length };
  });
}
