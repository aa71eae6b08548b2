// PostgreSQL COPY text format for the demo's rows: one line per row, tab-separated, `\N` for NULL.
// Backslash, tab, newline and carriage return inside a value must be escaped or they would end the
// field or the row; everything else (commas, quotes, any Unicode) passes through as is.
import type {
  CampaignRow, ContributionAuthorRow, ContributionRow, DemoCommunity, DemoTable, DisputeRow, LinkRow,
  ProjectMaintainerRow, ProjectRow, UserRow,
} from "./types";

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

export function copyText(value: string | null): string {
  if (value === null) return "\\N";
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : value;
}

export function copyInt(value: number | null): string {
  return value === null ? "\\N" : String(value);
}

const DAY_MS = 86_400_000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** days since 1970-01-01 → "YYYY-MM-DD" (Hinnant's civil_from_days; integer arithmetic only) */
function civilDate(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/**
 * epoch ms → ISO 8601 in UTC ("2026-11-22T08:05:09.042Z"), which timestamptz reads whatever the
 * session TimeZone. The same text as Date#toISOString for years 0–9999, without a Date per value:
 * millions of timestamps go through here on the benchmark load.
 */
export function copyTime(ms: number | null): string {
  if (ms === null) return "\\N";
  const t = Math.floor(ms);
  const days = Math.floor(t / DAY_MS);
  let r = t - days * DAY_MS;
  const h = Math.floor(r / 3_600_000);
  r -= h * 3_600_000;
  const m = Math.floor(r / 60_000);
  r -= m * 60_000;
  const sec = Math.floor(r / 1000);
  const milli = r - sec * 1000;
  return `${civilDate(days)}T${pad2(h)}:${pad2(m)}:${pad2(sec)}.${milli < 10 ? "00" : milli < 100 ? "0" : ""}${milli}Z`;
}

export interface CopyTable {
  table: DemoTable;
  /** the SQL table name */
  name: string;
  columns: readonly string[];
  /** COPY lines, each ending in a newline */
  lines: () => Iterable<string>;
}

function* mapLines<R>(rows: Iterable<R>, line: (row: R) => string): Generator<string> {
  for (const row of rows) yield line(row) + "\n";
}

const userLine = (r: UserRow) =>
  [r.id, copyText(r.email), copyText(r.handle), copyText(r.name), copyText(r.passwordHash), r.role, r.isImported ? "t" : "f", copyTime(r.createdAt)].join("\t");
const projectLine = (r: ProjectRow) => [r.id, copyText(r.slug), copyText(r.name), r.kind, copyText(r.description), copyTime(r.createdAt)].join("\t");
const maintainerLine = (r: ProjectMaintainerRow) => [r.projectId, r.userId, copyTime(r.createdAt)].join("\t");
const campaignLine = (r: CampaignRow) =>
  [r.id, copyText(r.name), r.kind, copyInt(r.projectId), copyTime(r.startAt), copyTime(r.endAt), copyTime(r.createdAt)].join("\t");
const contributionLine = (r: ContributionRow) =>
  [
    r.id, r.projectId, copyText(r.title), copyText(r.description), r.kind, copyTime(r.occurredAt), copyText(r.url), r.status, r.source,
    copyText(r.externalId), r.createdById, copyTime(r.createdAt), copyTime(r.updatedAt), copyTime(r.deletedAt),
  ].join("\t");
const authorLine = (r: ContributionAuthorRow) => `${r.contributionId}\t${r.userId}\t${r.share}`;
// the hot one (3M rows at benchmark size): a template, no intermediate array
const linkLine = (r: LinkRow) =>
  `${r.id}\t${r.fromId}\t${r.toId}\t${r.type}\t${r.status}\t${copyText(r.note)}\t${copyTime(r.fromOccurredAt)}\t${copyTime(r.toOccurredAt)}\t${r.createdById}\t${copyTime(r.createdAt)}\t${copyTime(r.updatedAt)}`;
const disputeLine = (r: DisputeRow) =>
  [
    r.id, r.subject, copyInt(r.linkId), copyInt(r.contributionId), r.raisedById, copyText(r.reason), r.resolution, copyText(r.resolutionNote),
    copyInt(r.resolvedById), copyTime(r.createdAt), copyTime(r.resolvedAt),
  ].join("\t");

/** The tables in foreign-key order, each with its columns and its COPY lines. */
export function copyTables(c: DemoCommunity): CopyTable[] {
  return [
    { table: "users", name: "users", columns: ["id", "email", "handle", "name", "password_hash", "role", "is_imported", "created_at"], lines: () => mapLines(c.users(), userLine) },
    { table: "projects", name: "projects", columns: ["id", "slug", "name", "kind", "description", "created_at"], lines: () => mapLines(c.projects(), projectLine) },
    { table: "projectMaintainers", name: "project_maintainers", columns: ["project_id", "user_id", "created_at"], lines: () => mapLines(c.projectMaintainers(), maintainerLine) },
    { table: "campaigns", name: "campaigns", columns: ["id", "name", "kind", "project_id", "start_at", "end_at", "created_at"], lines: () => mapLines(c.campaigns(), campaignLine) },
    {
      table: "contributions", name: "contributions",
      columns: ["id", "project_id", "title", "description", "kind", "occurred_at", "url", "status", "source", "external_id", "created_by_id", "created_at", "updated_at", "deleted_at"],
      lines: () => mapLines(c.contributions(), contributionLine),
    },
    { table: "contributionAuthors", name: "contribution_authors", columns: ["contribution_id", "user_id", "share"], lines: () => mapLines(c.contributionAuthors(), authorLine) },
    {
      table: "links", name: "links",
      columns: ["id", "from_id", "to_id", "type", "status", "note", "from_occurred_at", "to_occurred_at", "created_by_id", "created_at", "updated_at"],
      lines: () => mapLines(c.links(), linkLine),
    },
    {
      table: "disputes", name: "disputes",
      columns: ["id", "subject", "link_id", "contribution_id", "raised_by_id", "reason", "resolution", "resolution_note", "resolved_by_id", "created_at", "resolved_at"],
      lines: () => mapLines(c.disputes(), disputeLine),
    },
  ];
}
