// A git history as contributions and links: each commit a code contribution by its author
// (matched by email after .mailmap), external id "<source>:<commit hash>", and builds-on links
// from FileHistory. Commits stream in from git and load in batches; links only ever point to
// earlier commits, which an earlier batch or this one already stored.
import { AppError } from "@/lib/errors";
import { SHARE_UNITS } from "./authors";
import { countCommits, readGitLog, type GitCommit } from "./git-log";
import { FileHistory } from "./git-links";
import { loadContributionBatch, type ContributionRow } from "./load-contributions";
import { loadLinkBatch, type LinkRow } from "./load-links";
import { enqueueRecomputeSql, recordBatchAudit } from "./sql-effects";
import type { ImportWork } from "./run";
import { BATCH_ROWS } from "./file-import";

export interface GitImportOptions {
  repoPath: string;
  projectSlug: string;
  /** namespaces the commit hashes; "git" unless told */
  source: string;
  batchRows?: number;
}

const EARLIEST = Date.UTC(2000, 0, 1);
const EMAIL = /^[^\s@<>;,]+@[^\s@<>;,]+$/;

function title(subject: string): string {
  const clean = subject.replace(/[\u0000-\u001F\u007F]/g, " ").trim();
  return clean === "" ? "(no commit message)" : clean.length > 200 ? `${clean.slice(0, 199)}…` : clean;
}

/** Why a commit cannot become a contribution, or null. The same rules as any contribution's. */
function refusal(c: GitCommit): string | null {
  const short = c.hash.slice(0, 10);
  if (!EMAIL.test(c.email) || c.email.length > 254) return `commit ${short}: the author email “${c.email}” is not an email address`;
  const t = c.authoredAt.getTime();
  if (!Number.isFinite(t)) return `commit ${short}: the author date cannot be read`;
  if (t < EARLIEST) return `commit ${short}: authored ${c.authoredAt.toISOString()}, before 2000`;
  if (t > Date.now() + 86_400_000) return `commit ${short}: authored ${c.authoredAt.toISOString()}, in the future`;
  return null;
}

export function gitImportWork(opts: GitImportOptions): ImportWork {
  return async (ctx) => {
    const { rows: [project] } = await ctx.client.query<{ id: number; archived: boolean }>(
      "SELECT id, archived_at IS NOT NULL AS archived FROM projects WHERE slug = $1", [opts.projectSlug],
    );
    if (!project) throw new AppError("invalid_input", `No project with the slug “${opts.projectSlug}”.`);
    if (project.archived) throw new AppError("invalid_input", `The project “${opts.projectSlug}” is archived.`);
    const total = await countCommits(opts.repoPath);
    const batchRows = opts.batchRows ?? BATCH_ROWS;
    const history = new FileHistory();
    const authorIndex = new Map<string, number>();
    const ref = (hash: string) => `${opts.source}:${hash}`;
    let contributions: ContributionRow[] = [];
    let links: LinkRow[] = [];
    let batchNo = 0;
    for (const k of ["linksInserted", "linksSkipped", "linksDropped", "usersCreated"]) ctx.details[k] = 0;

    const flush = async () => {
      if (contributions.length === 0) return;
      const [rows, linkRows] = [contributions, links];
      contributions = [];
      links = [];
      batchNo++;
      await ctx.progress(`loading batch ${batchNo} (${rows.length.toLocaleString("en-US")} commits)`, ctx.counts.totalRows / Math.max(1, total), true);
      const r = await ctx.transaction(async () => {
        const c = await loadContributionBatch(ctx.client, rows, ctx.actorId);
        const l = await loadLinkBatch(ctx.client, linkRows, ctx.actorId);
        if (c.inserted + l.inserted > 0) {
          await recordBatchAudit(ctx.client, ctx.actorId, ctx.id, {
            importId: ctx.id, kind: "git", source: opts.source, project: opts.projectSlug, batch: batchNo,
            commits: [rows[0].line, rows[rows.length - 1].line], inserted: c.inserted, skipped: c.skipped, usersCreated: c.usersCreated,
            linksInserted: l.inserted, linksSkipped: l.skipped, linksRefused: l.errors.length,
          });
          await enqueueRecomputeSql(ctx.client, "import.git");
        }
        return { c, l };
      });
      ctx.counts.insertedRows += r.c.inserted;
      ctx.counts.skippedRows += r.c.skipped;
      ctx.details.usersCreated += r.c.usersCreated;
      ctx.details.linksInserted += r.l.inserted;
      ctx.details.linksSkipped += r.l.skipped;
      for (const e of r.l.errors) ctx.report.add({ line: e.line, reason: `link: ${e.reason}` });
      ctx.counts.errorRows = ctx.report.count;
    };

    for await (const commit of readGitLog(opts.repoPath)) {
      ctx.counts.totalRows++;
      const refused = refusal(commit);
      if (refused) {
        ctx.report.add({ line: commit.ordinal, reason: refused });
        ctx.counts.errorRows = ctx.report.count;
        continue;
      }
      let author = authorIndex.get(commit.email);
      if (author === undefined) authorIndex.set(commit.email, (author = authorIndex.size));
      const timeMs = commit.authoredAt.getTime();
      const buildsOn = history.visit({ hash: commit.hash, author, timeMs }, commit.files);
      ctx.details.linksDropped += buildsOn.dropped;
      contributions.push({
        line: commit.ordinal, externalId: ref(commit.hash), projectId: project.id, title: title(commit.subject), description: "",
        kind: "code", occurredAt: commit.authoredAt, url: null, status: "accepted",
        authors: [{ email: commit.email, name: commit.name || null, units: SHARE_UNITS }],
      });
      for (const t of buildsOn.targets) links.push({ line: commit.ordinal, fromRef: ref(commit.hash), toRef: ref(t.hash), type: "builds_on", note: "", status: "unconfirmed" });
      if (contributions.length >= batchRows) await flush();
      else if ((ctx.counts.totalRows & 1023) === 0) await ctx.progress(`reading commits (${ctx.counts.totalRows.toLocaleString("en-US")} of ${total.toLocaleString("en-US")})`, ctx.counts.totalRows / Math.max(1, total));
    }
    await flush();
    await ctx.progress("done", 1, true);
  };
}
