// The common case of a row, checked without zod: at a million rows the zod schemas (with their
// issue bookkeeping and the closures of every check) were the largest part of an import's CPU
// time. Each function accepts exactly what its schema in schemas.ts accepts and returns the same
// output, or returns null whenever anything is off, and the caller then runs the zod schema, so
// every refused row still gets the schema's own message. tests/unit/import/fast-rows.test.ts
// compares both on valid and invalid rows.
import { ContributionKind, LinkType } from "@/lib/generated/prisma/enums";
import { parseAuthorList } from "./authors";
import type { ContributionRowInput, LinkRowInput } from "./schemas";

const CONTRIBUTION_KEYS = new Set(["external_id", "project", "title", "kind", "occurred_at", "authors", "url", "description", "status"]);
const LINK_KEYS = new Set(["from", "to", "type", "note", "status", "from_source", "to_source"]);
const KINDS = new Set<string>(Object.values(ContributionKind));
const LINK_TYPES = new Set<string>(Object.values(LinkType));
const CONTRIBUTION_STATUSES = new Set(["unreviewed", "accepted", "rejected"]);
const LINK_STATUSES = new Set(["unconfirmed", "confirmed"]);

/** control characters externalIdSchema refuses */
const ID_CONTROL = /[\u0000-\u001F\u007F]/;
/** control characters text() refuses (tab and line breaks allowed) */
const TEXT_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const URL_RE = /^https?:\/\/[^\s]+$/i;
const SOURCE_RE = /^[a-z0-9][a-z0-9._-]{0,62}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MINUTES = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const EARLIEST = Date.UTC(2000, 0, 1);

function onlyKeys(value: Record<string, unknown>, known: Set<string>): boolean {
  for (const k in value) if (!known.has(k)) return false;
  return true;
}

function externalId(v: unknown): string | null {
  const s = typeof v === "number" && Number.isSafeInteger(v) ? String(v) : v;
  if (typeof s !== "string") return null;
  const t = s.trim();
  return t.length >= 1 && t.length <= 200 && !ID_CONTROL.test(t) ? t : null;
}

/** text(max) of lib/validation/common.ts; undefined stays undefined */
function text(v: unknown, max: number): string | null | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "string") return null;
  const t = v.trim();
  return t.length <= max && !TEXT_CONTROL.test(t) ? t : null;
}

/** occurredAtSchema of lib/validation/contributions.ts */
function occurredAt(v: unknown): Date | null {
  if (typeof v !== "string") return null;
  const s = v.trim();
  if (s.length === 0) return null;
  const iso = DATE_ONLY.test(s) ? `${s}T00:00:00Z` : DATE_MINUTES.test(s) ? `${s}Z` : s;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms) || ms < EARLIEST || ms > Date.now() + 86_400_000) return null;
  return new Date(ms);
}

export function fastContributionRow(value: Record<string, unknown>): ContributionRowInput | null {
  if (!onlyKeys(value, CONTRIBUTION_KEYS)) return null;
  const external_id = externalId(value.external_id);
  if (external_id === null) return null;
  if (typeof value.project !== "string") return null;
  const project = value.project.trim().toLowerCase();
  if (project.length === 0) return null;
  const title = text(value.title, 200);
  if (!title) return null;
  const kind = value.kind;
  if (typeof kind !== "string" || !KINDS.has(kind)) return null;
  const occurred_at = occurredAt(value.occurred_at);
  if (occurred_at === null) return null;
  const authors = parseAuthorList(value.authors);
  if (typeof authors === "string") return null;
  let url: string | null = null;
  if (value.url !== undefined) {
    if (typeof value.url !== "string") return null;
    url = value.url.trim();
    if (url.length > 2000 || !URL_RE.test(url)) return null;
  }
  const description = text(value.description, 10_000);
  if (description === null) return null;
  const status = value.status === undefined ? "unreviewed" : value.status;
  if (typeof status !== "string" || !CONTRIBUTION_STATUSES.has(status)) return null;
  return {
    external_id, project, title, kind: kind as ContributionRowInput["kind"], occurred_at, authors, url,
    description: description ?? "", status: status as ContributionRowInput["status"],
  };
}

function sourceName(v: unknown): string | null | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "string") return null;
  const s = v.trim().toLowerCase();
  return SOURCE_RE.test(s) ? s : null;
}

export function fastLinkRow(value: Record<string, unknown>): LinkRowInput | null {
  if (!onlyKeys(value, LINK_KEYS)) return null;
  const from = externalId(value.from);
  const to = externalId(value.to);
  if (from === null || to === null) return null;
  const type = value.type === undefined ? "builds_on" : value.type;
  if (typeof type !== "string" || !LINK_TYPES.has(type)) return null;
  const note = text(value.note, 500);
  if (note === null) return null;
  const status = value.status === undefined ? "unconfirmed" : value.status;
  if (typeof status !== "string" || !LINK_STATUSES.has(status)) return null;
  const from_source = sourceName(value.from_source);
  const to_source = sourceName(value.to_source);
  if (from_source === null || to_source === null) return null;
  const out: LinkRowInput = { from, to, type: type as LinkRowInput["type"], note: note ?? "", status: status as LinkRowInput["status"] };
  if (from_source !== undefined) out.from_source = from_source;
  if (to_source !== undefined) out.to_source = to_source;
  return out;
}
