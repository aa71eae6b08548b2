// A CSV or JSON Lines file of contributions or links: read as a stream, each row validated with
// its line number, the good rows gathered into batches (BATCH_ROWS) that load in one transaction
// each, with one audit event and a recompute request per batch that wrote anything.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { AppError } from "@/lib/errors";
import { loadContributionBatch, type ContributionRow } from "./load-contributions";
import { loadLinkBatch, type LinkRow } from "./load-links";
import { fastContributionRow, fastLinkRow } from "./fast-rows";
import { readRowBatches, type ImportFormat, type ImportKind } from "./records";
import { contributionRowSchema, describeIssues, linkRowSchema } from "./schemas";
import { enqueueRecomputeSql, recordBatchAudit } from "./sql-effects";
import type { RowError } from "./report";
import type { ImportContext, ImportWork } from "./run";

export const BATCH_ROWS = 50_000;

export interface FileImportOptions {
  kind: ImportKind;
  format: ImportFormat;
  /** namespaces the external ids: stored as "<source>:<external id>" */
  source: string;
  filePath: string;
  batchRows?: number;
}

interface ProjectRef {
  id: number;
  archived: boolean;
}

async function loadProjects(ctx: ImportContext): Promise<Map<string, ProjectRef>> {
  const { rows } = await ctx.client.query<{ id: number; slug: string; archived: boolean }>("SELECT id, slug, archived_at IS NOT NULL AS archived FROM projects");
  return new Map(rows.map((r) => [r.slug, { id: r.id, archived: r.archived }]));
}

/** Turns validated input into loader rows, or says why not; remembers what it saw for duplicates. */
function contributionValidator(source: string, projects: Map<string, ProjectRef>) {
  const firstLine = new Map<string, number>();
  return (line: number, value: Record<string, unknown>): ContributionRow | string => {
    let r = fastContributionRow(value);
    if (!r) {
      const parsed = contributionRowSchema.safeParse(value);
      if (!parsed.success) return describeIssues(parsed.error);
      r = parsed.data;
    }
    const project = projects.get(r.project);
    if (!project) return `project: no project with the slug “${r.project}”`;
    if (project.archived) return `project: “${r.project}” is archived`;
    const externalId = `${source}:${r.external_id}`;
    const earlier = firstLine.get(externalId);
    if (earlier !== undefined) return `external_id: “${r.external_id}” is already used on line ${earlier}`;
    firstLine.set(externalId, line);
    return {
      line, externalId, projectId: project.id, title: r.title, description: r.description, kind: r.kind,
      occurredAt: r.occurred_at, url: r.url, status: r.status, authors: r.authors,
    };
  };
}

function linkValidator(source: string) {
  const firstLine = new Map<string, number>();
  return (line: number, value: Record<string, unknown>): LinkRow | string => {
    let r = fastLinkRow(value);
    if (!r) {
      const parsed = linkRowSchema.safeParse(value);
      if (!parsed.success) return describeIssues(parsed.error);
      r = parsed.data;
    }
    const fromRef = `${r.from_source ?? source}:${r.from}`;
    const toRef = `${r.to_source ?? source}:${r.to}`;
    if (fromRef === toRef) return "a contribution cannot link to itself";
    const key = `${fromRef}\n${toRef}\n${r.type}`;
    const earlier = firstLine.get(key);
    if (earlier !== undefined) return `the same link (${r.type.replace("_", " ")}) is already on line ${earlier}`;
    firstLine.set(key, line);
    return { line, fromRef, toRef, type: r.type, note: r.note, status: r.status };
  };
}

export function fileImportWork(opts: FileImportOptions): ImportWork {
  return async (ctx) => {
    const size = (await stat(opts.filePath)).size;
    if (size === 0) throw new AppError("invalid_input", "The file is empty.");
    const stream = createReadStream(opts.filePath, { encoding: "utf8", highWaterMark: 1 << 20 });
    const batchRows = opts.batchRows ?? BATCH_ROWS;
    const validate = opts.kind === "contributions" ? contributionValidator(opts.source, await loadProjects(ctx)) : linkValidator(opts.source);
    let pending: (ContributionRow | LinkRow)[] = [];
    let batchNo = 0;
    let refusedSinceFlush = 0;

    const flush = async () => {
      const rows = pending;
      pending = [];
      batchNo++;
      const refusedBefore = refusedSinceFlush;
      refusedSinceFlush = 0;
      if (rows.length === 0) return;
      await ctx.progress(`loading batch ${batchNo} (${rows.length.toLocaleString("en-US")} rows)`, stream.bytesRead / size, true);
      const result = await ctx.transaction(async () => {
        let inserted: number;
        let skipped: number;
        let extra: Record<string, number> = {};
        let refused: RowError[] = [];
        if (opts.kind === "contributions") {
          const r = await loadContributionBatch(ctx.client, rows as ContributionRow[], ctx.actorId);
          ({ inserted, skipped } = r);
          extra = { authorships: r.authorships, usersCreated: r.usersCreated };
        } else {
          const r = await loadLinkBatch(ctx.client, rows as LinkRow[], ctx.actorId);
          ({ inserted, skipped } = r);
          refused = r.errors;
        }
        if (inserted > 0) {
          await recordBatchAudit(ctx.client, ctx.actorId, ctx.id, {
            importId: ctx.id, kind: opts.kind, format: opts.format, source: opts.source, batch: batchNo,
            lines: [rows[0].line, rows[rows.length - 1].line], inserted, skipped, refused: refused.length + refusedBefore, ...extra,
          });
          await enqueueRecomputeSql(ctx.client, `import.${opts.kind}`);
        }
        return { inserted, skipped, extra, refused };
      });
      // Counted once the batch is committed: a batch that rolled back loaded nothing.
      for (const e of result.refused) ctx.report.add(e);
      ctx.counts.insertedRows += result.inserted;
      ctx.counts.skippedRows += result.skipped;
      ctx.counts.errorRows = ctx.report.count;
      for (const [k, v] of Object.entries(result.extra)) ctx.details[k] = (ctx.details[k] ?? 0) + v;
    };

    // The next batch is read and validated while the previous one loads (its transaction runs on
    // the import's connection in PostgreSQL's process): at most two batches are held at a time.
    let loading: Promise<void> | null = null;
    const startFlush = async () => {
      if (loading) await loading;
      loading = flush();
      loading.catch(() => {}); // awaited below; this only keeps it from counting as unhandled meanwhile
    };
    try {
      for await (const raws of readRowBatches(opts.kind, opts.format, stream)) {
        for (const raw of raws) {
          ctx.counts.totalRows++;
          const row = "error" in raw ? raw.error : validate(raw.line, raw.value);
          if (typeof row === "string") {
            ctx.report.add({ line: raw.line, reason: row });
            ctx.counts.errorRows = ctx.report.count;
            refusedSinceFlush++;
          } else {
            pending.push(row);
            if (pending.length >= batchRows) await startFlush();
          }
          if ((ctx.counts.totalRows & 1023) === 0) await ctx.progress(`reading rows (${ctx.counts.totalRows.toLocaleString("en-US")})`, stream.bytesRead / size);
        }
      }
      await startFlush();
      await loading;
    } finally {
      // Never leave a batch running on the connection when the import ends (or fails).
      if (loading) await (loading as Promise<void>).catch(() => {});
      stream.destroy();
    }
    await ctx.progress("done", 1, true);
  };
}
