// The answer to an idempotent create whose write committed but whose answer was never stored (the
// database went away between the two, or the process died): the created record read back, exactly
// as the create's handler answers. Only creates whose answer is that record are listed; for the
// others such a key stays "in progress" (409) until it expires.
import type { Actor } from "@/lib/auth/actor";
import { getContributionView } from "./queries/contributions";
import { getLinkView } from "./queries/links";

export interface ReadBack {
  /** the create's success status */
  status: number;
  /** the audit entity type of the created record */
  entityType: string;
  read(entityId: number): Promise<unknown | null>;
}

const READERS: Record<string, { entityType: string; read: (actor: Actor, id: number) => Promise<unknown | null> }> = {
  createContribution: { entityType: "contribution", read: getContributionView },
  createLink: { entityType: "link", read: getLinkView },
};

export function readBackFor(operationId: string, status: number, actor: Actor): ReadBack | undefined {
  const reader = READERS[operationId];
  return reader && { status, entityType: reader.entityType, read: (id) => reader.read(actor, id) };
}
