// Loads everything the metrics engine reads with streamed COPY reads (never ORM row objects per
// record): live contributions with their authors, links that are not removed, and campaigns.
// Withdrawn contributions are left out here, so every metric ignores them the same way.
import type { PoolClient } from "pg";
import { to as copyTo } from "pg-copy-streams";
import readline from "node:readline";
import { CAMPAIGN_KINDS, CONTRIBUTION_KINDS, CONTRIBUTION_STATUSES, LINK_STATUSES, LINK_TYPES } from "@/lib/metrics/codes";
import type { CampaignRow, ContributionRow, GraphInput, LinkRow } from "@/lib/metrics/graph";

/** Streams `COPY (query) TO STDOUT` (text format) and hands each row's fields to `onRow`. */
export async function copyRows(client: PoolClient, query: string, onRow: (fields: string[]) => void): Promise<number> {
  const stream = client.query(copyTo(`COPY (${query}) TO STDOUT`));
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    onRow(line.split("\t"));
    n++;
  }
  return n;
}

function indexer<T extends string>(values: readonly T[]) {
  const map = new Map<string, number>(values.map((v, i) => [v, i]));
  return (name: string) => {
    const i = map.get(name);
    if (i === undefined) throw new Error(`unexpected enum value ${name}`);
    return i;
  };
}

export async function loadGraphInput(client: PoolClient, onProgress?: (what: string, rows: number) => void): Promise<GraphInput> {
  const kindOf = indexer(CONTRIBUTION_KINDS);
  const statusOf = indexer(CONTRIBUTION_STATUSES);
  const linkTypeOf = indexer(LINK_TYPES);
  const linkStatusOf = indexer(LINK_STATUSES);
  const campaignKindOf = indexer(CAMPAIGN_KINDS);

  const contributions: ContributionRow[] = [];
  const byId = new Map<number, ContributionRow>();
  await copyRows(
    client,
    `SELECT id, (extract(epoch FROM occurred_at) * 1000)::bigint, project_id, kind, status FROM contributions WHERE deleted_at IS NULL ORDER BY id`,
    (f) => {
      const row: ContributionRow = { id: Number(f[0]), occurredAt: Number(f[1]), projectId: Number(f[2]), kind: kindOf(f[3]), status: statusOf(f[4]), authors: [] };
      contributions.push(row);
      byId.set(row.id, row);
    },
  );
  onProgress?.("contributions", contributions.length);

  const authorCount = await copyRows(
    client,
    `SELECT a.contribution_id, a.user_id, a.share FROM contribution_authors a JOIN contributions c ON c.id = a.contribution_id WHERE c.deleted_at IS NULL`,
    (f) => byId.get(Number(f[0]))?.authors.push({ contributorId: Number(f[1]), share: Number(f[2]) }),
  );
  onProgress?.("authors", authorCount);

  const links: LinkRow[] = [];
  await copyRows(client, `SELECT id, from_id, to_id, type, status FROM links WHERE status <> 'removed'`, (f) => {
    links.push({ id: Number(f[0]), from: Number(f[1]), to: Number(f[2]), type: linkTypeOf(f[3]), status: linkStatusOf(f[4]) });
  });
  onProgress?.("links", links.length);

  const campaigns: CampaignRow[] = [];
  await copyRows(
    client,
    `SELECT id, name, project_id, kind, (extract(epoch FROM start_at) * 1000)::bigint, (extract(epoch FROM end_at) * 1000)::bigint FROM campaigns`,
    (f) => {
      campaigns.push({
        id: Number(f[0]), name: unescapeCopyText(f[1]), projectId: f[2] === "\\N" ? null : Number(f[2]),
        kind: campaignKindOf(f[3]), startAt: Number(f[4]), endAt: Number(f[5]),
      });
    },
  );
  return { contributions, links, campaigns };
}

/** COPY's text format escapes backslash, tab, newline and carriage return. */
export function unescapeCopyText(s: string): string {
  if (s.indexOf("\\") === -1) return s; // the common case: nothing escaped
  return s.replace(/\\(.)/g, (_m, c: string) => ({ t: "\t", n: "\n", r: "\r", "\\": "\\" })[c] ?? c);
}
