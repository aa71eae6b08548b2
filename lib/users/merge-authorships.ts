// The authorship rows a merge moves and an undo puts back, in bulk SQL (an imported identity can
// author thousands of contributions). Shares travel as numeric text so an undo restores them to
// the last digit.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** One moved authorship, as IdentityMerge.moved keeps it. */
export interface MovedAuthorship {
  contributionId: number;
  /** the source's share, numeric text */
  share: string;
  /** the target's share before the merge where both co-authored the contribution, else null */
  targetShareBefore: string | null;
  /** every author of the contribution right after the merge ("userId:share" by user id), so an undo can tell whether anything changed since */
  authorsAfter: string;
}

/** Locks the contributions a user authors: an edit of their authors waits for the merge. */
async function lockAuthoredContributions(tx: Tx, userId: number): Promise<void> {
  await tx.$queryRaw`
    SELECT c.id FROM contributions c
    WHERE c.id IN (SELECT contribution_id FROM contribution_authors WHERE user_id = ${userId})
    ORDER BY c.id FOR UPDATE`;
}

export async function lockContributions(tx: Tx, ids: number[]): Promise<void> {
  if (ids.length) await tx.$queryRaw`SELECT id FROM contributions WHERE id = ANY(${ids}::int[]) ORDER BY id FOR UPDATE`;
}

/** Each contribution's authors as one comparable string ("3:0.50000000,7:0.50000000"). */
export async function authorFingerprints(tx: Tx, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await tx.$queryRaw<{ contributionId: number; authors: string }[]>`
    SELECT contribution_id AS "contributionId",
           string_agg(user_id::text || ':' || share::text, ',' ORDER BY user_id) AS authors
    FROM contribution_authors WHERE contribution_id = ANY(${ids}::int[])
    GROUP BY contribution_id`;
  return new Map(rows.map((r) => [r.contributionId, r.authors]));
}

/**
 * Moves every authorship of `sourceId` to `targetId`. Where both co-author a contribution the
 * target keeps one row whose share is the sum of the two, so each contribution's shares still
 * sum to what they did.
 */
export async function moveAuthorships(tx: Tx, sourceId: number, targetId: number): Promise<MovedAuthorship[]> {
  await lockAuthoredContributions(tx, sourceId);
  const rows = await tx.$queryRaw<{ contributionId: number; share: string; targetShareBefore: string | null; title: string; overflows: boolean }[]>`
    SELECT s.contribution_id AS "contributionId", s.share::text AS share, t.share::text AS "targetShareBefore",
           c.title, (COALESCE(t.share, 0) + s.share) > 1 AS overflows
    FROM contribution_authors s
    JOIN contributions c ON c.id = s.contribution_id
    LEFT JOIN contribution_authors t ON t.contribution_id = s.contribution_id AND t.user_id = ${targetId}
    WHERE s.user_id = ${sourceId}
    ORDER BY s.contribution_id`;
  const overflow = rows.find((r) => r.overflows);
  if (overflow) {
    throw new AppError("conflict", `Their shares of “${overflow.title}” (#${overflow.contributionId}) add up to more than 100 %: fix its authors first.`);
  }
  await tx.$executeRaw`
    UPDATE contribution_authors t SET share = t.share + s.share
    FROM contribution_authors s
    WHERE s.user_id = ${sourceId} AND t.user_id = ${targetId} AND t.contribution_id = s.contribution_id`;
  await tx.$executeRaw`
    DELETE FROM contribution_authors s USING contribution_authors t
    WHERE s.user_id = ${sourceId} AND t.user_id = ${targetId} AND t.contribution_id = s.contribution_id`;
  await tx.$executeRaw`UPDATE contribution_authors SET user_id = ${targetId} WHERE user_id = ${sourceId}`;
  const after = await authorFingerprints(tx, rows.map((r) => r.contributionId));
  return rows.map((r) => ({
    contributionId: r.contributionId,
    share: r.share,
    targetShareBefore: r.targetShareBefore,
    authorsAfter: after.get(r.contributionId) ?? "",
  }));
}

/** Puts the moved authorships back: the source's rows with their shares, the target's shares as they were. */
export async function restoreAuthorships(tx: Tx, sourceId: number, targetId: number, moved: MovedAuthorship[]): Promise<void> {
  const coAuthored = moved.filter((m) => m.targetShareBefore !== null);
  const reassigned = moved.filter((m) => m.targetShareBefore === null).map((m) => m.contributionId);
  if (coAuthored.length) {
    await tx.$executeRaw`
      UPDATE contribution_authors t SET share = m.before
      FROM unnest(${coAuthored.map((m) => m.contributionId)}::int[], ${coAuthored.map((m) => m.targetShareBefore)}::numeric[]) AS m(contribution_id, before)
      WHERE t.contribution_id = m.contribution_id AND t.user_id = ${targetId}`;
    await tx.$executeRaw`
      INSERT INTO contribution_authors (contribution_id, user_id, share)
      SELECT m.contribution_id, ${sourceId}, m.share
      FROM unnest(${coAuthored.map((m) => m.contributionId)}::int[], ${coAuthored.map((m) => m.share)}::numeric[]) AS m(contribution_id, share)`;
  }
  if (reassigned.length) {
    await tx.$executeRaw`
      UPDATE contribution_authors SET user_id = ${sourceId}
      WHERE user_id = ${targetId} AND contribution_id = ANY(${reassigned}::int[])`;
  }
}
