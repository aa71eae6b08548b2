// The audit log's filters, kept in the URL. Each field is validated on its own, so a bad one is
// reported beside its input while the others keep their values.
import { z } from "zod";
import { handleSchema } from "./common";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** A UTC day or a datetime-local value, read as UTC. */
const instant = z
  .string()
  .trim()
  .refine((s) => (DAY.test(s) || MINUTE.test(s)) && Number.isFinite(Date.parse(DAY.test(s) ? `${s}T00:00:00Z` : `${s}Z`)), "Use a date like 2026-03-01 (UTC)");

/** An audit event id (bigint) as digits. */
const cursor = z.string().trim().regex(/^[1-9]\d{0,18}$/, "Not a valid cursor");

export const auditFilterFields = {
  actor: handleSchema,
  entityType: z.string().trim().regex(/^[a-z][a-z_]{0,39}$/, "Lower-case letters and _, like contribution or metric_params"),
  entityId: z.string().trim().regex(/^[A-Za-z0-9_:.-]{1,64}$/, "Letters, digits and _ : . - only, at most 64"),
  /** exact, or a prefix ending in * (campaign.*) */
  action: z.string().trim().regex(/^[a-z][a-z_.]{0,63}\*?$/, "Like campaign.update, or campaign.* for every campaign action"),
  from: instant,
  to: instant,
  before: cursor,
  after: cursor,
} as const;

export type AuditFilterKey = keyof typeof auditFilterFields;

export interface AuditFilter {
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  /** inclusive lower bound */
  from?: Date;
  /** exclusive upper bound: a bare day `to` covers that whole day */
  toExclusive?: Date;
  /** page of events older than this id */
  before?: bigint;
  /** page of events newer than this id */
  after?: bigint;
}

export interface ParsedAuditQuery {
  filter: AuditFilter;
  /** the raw values, to refill the form */
  values: Partial<Record<AuditFilterKey, string>>;
  fieldErrors: Record<string, string>;
}

const startOf = (s: string) => new Date(Date.parse(DAY.test(s) ? `${s}T00:00:00Z` : `${s}Z`));
/** The instant just after what `s` names: a day covers the whole day, a minute the whole minute. */
const endOf = (s: string) => new Date(startOf(s).getTime() + (DAY.test(s) ? 86_400_000 : s.length > 16 ? 1000 : 60_000));

export function parseAuditQuery(searchParams: Record<string, string | string[] | undefined>): ParsedAuditQuery {
  const values: ParsedAuditQuery["values"] = {};
  const fieldErrors: Record<string, string> = {};
  const ok: Partial<Record<AuditFilterKey, string>> = {};
  for (const key of Object.keys(auditFilterFields) as AuditFilterKey[]) {
    const raw = searchParams[key];
    const s = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
    if (s === "") continue;
    values[key] = s;
    const parsed = auditFilterFields[key].safeParse(s);
    if (parsed.success) ok[key] = parsed.data;
    else fieldErrors[key] = parsed.error.issues[0]?.message ?? "Not valid";
  }
  const from = ok.from ? startOf(ok.from) : undefined;
  const toExclusive = ok.to ? endOf(ok.to) : undefined;
  if (from && toExclusive && toExclusive.getTime() <= from.getTime()) fieldErrors.to = "The end of the range must be after its start";
  if (ok.before && ok.after) fieldErrors.before = "Page either older or newer, not both";
  return {
    values,
    fieldErrors,
    filter: {
      actor: ok.actor, entityType: ok.entityType, entityId: ok.entityId, action: ok.action, from, toExclusive,
      before: ok.before ? BigInt(ok.before) : undefined, after: ok.after ? BigInt(ok.after) : undefined,
    },
  };
}
