// PostgreSQL COPY text format for the demo's rows: one line per row, tab-separated, `\N` for NULL.
// Backslash, tab, newline and carriage return inside a value must be escaped or they would end the
// field or the row; everything else (commas, quotes, any Unicode) passes through as is.
import type {
  CampaignRow, ContributionAuthorRow, ContributionRow, DemoCommunity, DemoTable, DisputeRow, LinkRow,
  ProjectMaintainerRow, ProjectRow, UserRow,
} from "./types";

import { copyInt, copyText, copyTime } from "@/lib/db/copy-text";

export { copyInt, copyText, copyTime };

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
