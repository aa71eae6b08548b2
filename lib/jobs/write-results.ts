// Writes an engine run's results with COPY, table by table, inside the caller's transaction.
// Rows carry the run id; the run is marked succeeded in the same transaction, so readers (who use
// the newest succeeded run) switch from the old results to the new ones atomically.

import type pg from "pg";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { copyFloat, copyInt, copyText, copyTime } from "@/lib/db/copy-text";
import type { Graph } from "@/lib/metrics/graph";
import { LIFECYCLE_STATES } from "@/lib/metrics/lifecycle";
import { periodStart } from "@/lib/metrics/periods";
import type { ScopeResults } from "@/lib/metrics/results";
import { defaultPartitionName, dropRunPartitions, PARTITIONED_RESULT_TABLES, runPartitionName } from "./run-partitions";

const CHUNK_ROWS = 5000;

function* chunked(lines: Iterable<string>, onRows: (n: number) => void): Generator<string> {
  let buffer: string[] = [];
  for (const line of lines) {
    buffer.push(line);
    if (buffer.length === CHUNK_ROWS) {
      yield buffer.join("");
      onRows(buffer.length);
      buffer = [];
    }
  }
  if (buffer.length) {
    yield buffer.join("");
    onRows(buffer.length);
  }
}

async function copyInto(client: pg.ClientBase, table: string, columns: string[], lines: Iterable<string>, onRows: (n: number) => void) {
  const sql = `COPY ${table} (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
  await pipeline(Readable.from(chunked(lines, onRows)), client.query(copyFrom(sql)));
}

const row = (fields: string[]) => fields.join("\t") + "\n";
const bool = (b: boolean) => (b ? "t" : "f");
const json = (v: unknown) => copyText(JSON.stringify(v));

/** Rows per scope, for the progress bar's total. */
export function countRows(s: ScopeResults): number {
  let n = s.summaries.length + s.classes.length;
  for (const u of s.units) n += u.series.length + u.cohorts.length + u.contributorPeriods.n + u.signals.length + Object.keys(u.documents).length;
  return n;
}

/** Indices of the rows sorted by (the contributor's database id, period), stable: the rows come by period. */
function byUserThenPeriod(g: Graph, contributor: Int32Array, n: number): Int32Array {
  const byId = Int32Array.from({ length: g.nU }, (_, u) => u).sort((a, b) => g.contributorId[a] - g.contributorId[b]);
  const rank = new Int32Array(g.nU);
  for (let r = 0; r < g.nU; r++) rank[byId[r]] = r;
  const start = new Int32Array(g.nU + 1);
  for (let k = 0; k < n; k++) start[rank[contributor[k]] + 1]++;
  for (let r = 0; r < g.nU; r++) start[r + 1] += start[r];
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[start[rank[contributor[k]]]++] = k;
  return order;
}

export async function writeScopeResults(client: pg.ClientBase, runId: number, g: Graph, s: ScopeResults, onRows: (n: number) => void): Promise<void> {
  const run = String(runId);
  const scope = copyText(s.scope);
  // Millions of contributor-period rows at benchmark size repeat a few hundred periods and user ids:
  // their text is made once.
  const ids = Array.from(g.contributorId, String);
  const userId = (u: number) => ids[u];
  for (const u of s.units) {
    const unit = u.unit;
    const periodText = new Map<number, string>();
    const start = (p: number) => {
      let t = periodText.get(p);
      if (t === undefined) periodText.set(p, (t = copyTime(periodStart(p, unit))));
      return t;
    };
    await copyInto(client, "metric_series", ["run_id", "scope", "period_unit", "metric", "segment", "period_start", "value", "is_complete"],
      (function* () {
        for (const r of u.series) yield row([run, scope, unit, copyText(r.metric), copyText(r.segment), start(r.period), copyFloat(r.value), bool(r.isComplete)]);
      })(), onRows);
    await copyInto(client, "metric_cohorts", ["run_id", "scope", "period_unit", "variant", "segment", "cohort_start", "offset", "cohort_size", "retained", "rate"],
      (function* () {
        for (const c of u.cohorts) yield row([run, scope, unit, c.variant, copyText(c.segment), start(c.cohortPeriod), String(c.offset), String(c.cohortSize), String(c.retained), copyFloat(c.rate)]);
      })(), onRows);
    const cp = u.contributorPeriods;
    // Into the run's unindexed partition (run-partitions.ts), in primary-key order (user, period):
    // the key's build at the end sorts runs that are already in order, and a contributor's rows
    // (what the profile and the exports read) sit together on disk.
    const order = byUserThenPeriod(g, cp.contributor, cp.n);
    const prefix = `${run}\t${scope}\t${unit}\t`;
    await copyInto(client, runPartitionName("metric_contributor_periods", runId), ["run_id", "scope", "period_unit", "user_id", "period_start", "state", "flow", "visibility"],
      (function* () {
        for (const k of order) {
          yield `${prefix}${userId(cp.contributor[k])}\t${start(cp.period[k])}\t${LIFECYCLE_STATES[cp.state[k]]}\t${copyFloat(cp.flow[k])}\t${copyFloat(cp.visibility[k])}\n`;
        }
      })(), onRows);
    await copyInto(client, "metric_signals", ["run_id", "scope", "period_unit", "code", "severity", "period_start", "message", "evidence"],
      (function* () {
        for (const x of u.signals) yield row([run, scope, unit, copyText(x.code), copyText(x.severity), start(x.period), copyText(x.message), json(x.evidence)]);
      })(), onRows);
    await copyInto(client, "metric_documents", ["run_id", "scope", "period_unit", "key", "data"],
      (function* () {
        for (const [key, data] of Object.entries(u.documents)) yield row([run, scope, unit, copyText(key), json(data)]);
      })(), onRows);
  }
  await copyInto(client, "metric_contributor_classes", ["run_id", "scope", "user_id", "class", "evidence"],
    (function* () {
      for (const c of s.classes) yield row([run, scope, userId(c.contributor), copyText(c.class), json(c.evidence)]);
    })(), onRows);
  await copyInto(client, "metric_contributor_summaries",
    ["run_id", "scope", "user_id", "contributions", "attribution", "attribution_share", "contribution_share", "premium", "betweenness", "is_hub", "pass_through", "pagerank", "visibility", "visibility_share", "sources"],
    (function* () {
      for (const m of s.summaries) {
        const sources = {
          sources: m.sources.sources.map((x) => ({ userId: g.contributorId[x.contributor], credit: x.credit })),
          links: m.sources.links,
          ...(m.sources.builders && {
            builders: m.sources.builders.map((b) => ({ userId: g.contributorId[b.contributor], links: b.links, confirmed: b.confirmed, lastAt: b.lastAt })),
          }),
        };
        yield row([
          run, scope, userId(m.contributor), copyInt(m.contributions), copyFloat(m.attribution) , copyFloat(m.attributionShare), copyFloat(m.contributionShare),
          copyFloat(m.premium), copyFloat(m.betweenness), bool(m.isHub), copyFloat(m.passThrough), copyFloat(m.pagerank), copyFloat(m.visibility),
          copyFloat(m.visibilityShare), json(sources),
        ]);
      }
    })(), onRows);
}

/**
 * Removes every result row of the given runs (there are no foreign keys: results are bulk data):
 * their partitions are dropped (one that is busy now is left for the next run), and the rows of
 * runs stored before partitioning, or restored, are deleted from the DEFAULT partition.
 */
export async function deleteRunResults(client: pg.ClientBase, runIds: number[]): Promise<void> {
  if (runIds.length === 0) return;
  await dropRunPartitions(client, runIds);
  for (const table of PARTITIONED_RESULT_TABLES) {
    await client.query(`DELETE FROM "${defaultPartitionName(table)}" WHERE run_id = ANY($1::int[])`, [runIds]);
  }
  for (const table of ["metric_series", "metric_cohorts", "metric_contributor_classes", "metric_signals", "metric_contributor_summaries", "metric_documents"]) {
    await client.query(`DELETE FROM ${table} WHERE run_id = ANY($1::int[])`, [runIds]);
  }
}
