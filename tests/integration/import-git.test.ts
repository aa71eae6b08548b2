// The git import on a small repository built here: known authors (one with two emails joined by
// .mailmap), known files and dates, so the contributions, their authors and the builds-on links
// are known exactly. DESIGN.md: a commit builds on the last earlier commit by another author that
// touched the same file; one link per distinct target.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { prisma } from "../../lib/db";
import { startGitImport } from "../../lib/import/start";
import { makeProject, makeUser, rowCounts } from "./factories";

let pool: pg.Pool;
let repo: string;
let projectId: number;
const hashes: Record<string, string> = {};

const ADA_OLD = ["Ada L.", "ada@old.example"];
const ADA = ["Ada Lovelace", "ada@example.org"];
const BOB = ["Bob Okafor", "bob@example.org"];
const CAROL = ["Carol Jansen", "carol@example.org"];

/** One commit appending to files, authored at `authored`, committed in the order of the calls. */
function commit(key: string, [name, email]: string[], authored: string, files: string[], subject: string, committed: string) {
  for (const f of files) appendFileSync(path.join(repo, f), `${key}\n`);
  execFileSync("git", ["-C", repo, "add", ...files]);
  execFileSync("git", ["-C", repo, "commit", "-q", "-m", subject], {
    env: { ...process.env, GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_AUTHOR_DATE: authored, GIT_COMMITTER_NAME: "CI", GIT_COMMITTER_EMAIL: "ci@example.org", GIT_COMMITTER_DATE: committed },
  });
  hashes[key] = execFileSync("git", ["-C", repo, "rev-parse", "HEAD"]).toString().trim();
}

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  projectId = (await makeProject({ slug: "engine" })).id;
  repo = mkdtempSync(path.join(os.tmpdir(), "understory-git-"));
  execFileSync("git", ["init", "-q", "-b", "main", repo]);
  // Ada committed under an old address first; the mailmap (not committed: git reads the working
  // tree's) folds it into her current identity.
  writeFileSync(path.join(repo, ".mailmap"), "Ada Lovelace <ada@example.org> <ada@old.example>\n");
  commit("c1", ADA_OLD, "2026-03-01T10:00:00Z", ["a.txt"], "Start the engine", "2026-03-01T10:00:00Z");
  commit("c2", BOB, "2026-03-02T10:00:00Z", ["b.txt"], "Add the bench", "2026-03-02T10:00:00Z");
  commit("c3", ADA, "2026-03-03T10:00:00Z", ["a.txt"], "Tune the engine", "2026-03-03T10:00:00Z");
  commit("c4", BOB, "2026-03-04T10:00:00Z", ["a.txt", "b.txt"], "Wire the bench to the engine", "2026-03-04T10:00:00Z");
  commit("c5", CAROL, "2026-03-05T10:00:00Z", ["a.txt", "b.txt"], "Document both", "2026-03-05T10:00:00Z");
  commit("c6", ADA, "2026-03-06T10:00:00Z", ["b.txt"], "Bench fixes", "2026-03-06T10:00:00Z");
  commit("c7", CAROL, "2026-03-07T10:00:00Z", ["a.txt"], "More docs", "2026-03-07T10:00:00Z");
  // Rebased work: authored before c7 but committed after it. Building on c7 would point forward
  // in time, so that link is dropped.
  commit("c8", BOB, "2026-03-06T12:00:00Z", ["a.txt"], "Rebased engine fix", "2026-03-08T10:00:00Z");
  // Bob already has an account: his commits are credited to it.
  await makeUser({ handle: "bob-okafor" }).then((u) => prisma.user.update({ where: { id: u.id }, data: { email: "bob@example.org" } }));
});

afterAll(async () => {
  await pool.end();
  rmSync(repo, { recursive: true, force: true });
});

describe("git import", () => {
  test("commits become code contributions by their (mailmapped) authors, linked by file history", async () => {
    const before = await rowCounts();
    const summary = await (await startGitImport(pool, { repoPath: repo, projectSlug: "engine", source: "git", actorId: null, batchRows: 3 })).done;
    expect({ status: summary.status, total: summary.totalRows, inserted: summary.insertedRows, skipped: summary.skippedRows, errors: summary.errors })
      .toEqual({ status: "succeeded", total: 8, inserted: 8, skipped: 0, errors: [] });
    expect(summary.details).toEqual({ linksInserted: 4, linksSkipped: 0, linksDropped: 1, usersCreated: 2 });

    const rows = await prisma.contribution.findMany({
      where: { projectId }, orderBy: { id: "asc" },
      select: { externalId: true, title: true, kind: true, status: true, source: true, occurredAt: true, authors: { select: { share: true, user: { select: { email: true, name: true, isImported: true } } } } },
    });
    const key = (externalId: string | null) => Object.entries(hashes).find(([, h]) => `git:${h}` === externalId)?.[0];
    expect(rows.map((r) => [key(r.externalId), r.title, r.kind, r.status, r.source, r.occurredAt.toISOString(), r.authors.map((a) => `${a.user.name} <${a.user.email}> ${a.share}`)])).toEqual([
      ["c1", "Start the engine", "code", "accepted", "import", "2026-03-01T10:00:00.000Z", ["Ada Lovelace <ada@example.org> 1"]],
      ["c2", "Add the bench", "code", "accepted", "import", "2026-03-02T10:00:00.000Z", ["User 2 <bob@example.org> 1"]],
      ["c3", "Tune the engine", "code", "accepted", "import", "2026-03-03T10:00:00.000Z", ["Ada Lovelace <ada@example.org> 1"]],
      ["c4", "Wire the bench to the engine", "code", "accepted", "import", "2026-03-04T10:00:00.000Z", ["User 2 <bob@example.org> 1"]],
      ["c5", "Document both", "code", "accepted", "import", "2026-03-05T10:00:00.000Z", ["Carol Jansen <carol@example.org> 1"]],
      ["c6", "Bench fixes", "code", "accepted", "import", "2026-03-06T10:00:00.000Z", ["Ada Lovelace <ada@example.org> 1"]],
      ["c7", "More docs", "code", "accepted", "import", "2026-03-07T10:00:00.000Z", ["Carol Jansen <carol@example.org> 1"]],
      ["c8", "Rebased engine fix", "code", "accepted", "import", "2026-03-06T12:00:00.000Z", ["User 2 <bob@example.org> 1"]],
    ]);
    const imported = await prisma.user.findMany({ where: { isImported: true }, orderBy: { email: "asc" }, select: { email: true, handle: true, passwordHash: true } });
    expect(imported).toEqual([
      { email: "ada@example.org", handle: "ada", passwordHash: null },
      { email: "carol@example.org", handle: "carol", passwordHash: null },
    ]);
    const links = await prisma.link.findMany({ orderBy: { id: "asc" }, select: { type: true, status: true, from: { select: { externalId: true } }, to: { select: { externalId: true } } } });
    // c3 follows Ada's own c1 (same person by the mailmap): no link. c4 on a.txt builds on c3
    // (b.txt was Bob's own). c5 on both files builds on c4, once. c6 on b.txt builds on c5. c7 on
    // a.txt: its last commit c5 is Carol's own, so the last by another author, c4. c8 would build
    // on c7, authored later: dropped.
    expect(links.map((l) => `${key(l.from.externalId)}→${key(l.to.externalId)} ${l.type} ${l.status}`)).toEqual([
      "c4→c3 builds_on unconfirmed", "c5→c4 builds_on unconfirmed", "c6→c5 builds_on unconfirmed", "c7→c4 builds_on unconfirmed",
    ]);
    const after = await rowCounts();
    expect([after.contributions - before.contributions, after.links - before.links, after.audit - before.audit]).toEqual([8, 4, 3]);
    const audit = await prisma.auditEvent.findMany({ where: { entityType: "import_batch", entityId: String(summary.id) }, orderBy: { id: "asc" }, select: { actorId: true, after: true } });
    expect(audit.map((a) => a.after)).toEqual([
      { importId: summary.id, kind: "git", source: "git", project: "engine", batch: 1, commits: [1, 3], inserted: 3, skipped: 0, usersCreated: 1, linksInserted: 0, linksSkipped: 0, linksRefused: 0 },
      { importId: summary.id, kind: "git", source: "git", project: "engine", batch: 2, commits: [4, 6], inserted: 3, skipped: 0, usersCreated: 1, linksInserted: 3, linksSkipped: 0, linksRefused: 0 },
      { importId: summary.id, kind: "git", source: "git", project: "engine", batch: 3, commits: [7, 8], inserted: 2, skipped: 0, usersCreated: 0, linksInserted: 1, linksSkipped: 0, linksRefused: 0 },
    ]);
    expect(await prisma.importBatch.findUniqueOrThrow({ where: { id: summary.id }, select: { kind: true, format: true, filename: true, status: true, totalRows: true, insertedRows: true } }))
      .toEqual({ kind: "git", format: "git", filename: repo, status: "succeeded", totalRows: 8, insertedRows: 8 });
  });

  test("importing the same history again changes nothing", async () => {
    const before = { ...(await rowCounts()), users: await prisma.user.count() };
    const summary = await (await startGitImport(pool, { repoPath: repo, projectSlug: "engine", source: "git", actorId: null })).done;
    expect([summary.status, summary.insertedRows, summary.skippedRows, summary.details.linksInserted, summary.details.linksSkipped]).toEqual(["succeeded", 0, 8, 0, 4]);
    expect({ ...(await rowCounts()), users: await prisma.user.count() }).toEqual(before);
  });

  test("an unknown project or a folder that is not a repository fails with the reason", async () => {
    const noProject = await (await startGitImport(pool, { repoPath: repo, projectSlug: "nope", source: "git", actorId: null })).done;
    expect([noProject.status, noProject.error]).toEqual(["failed", "No project with the slug “nope”."]);
    const notRepo = mkdtempSync(path.join(os.tmpdir(), "understory-norepo-"));
    const summary = await (await startGitImport(pool, { repoPath: notRepo, projectSlug: "engine", source: "git", actorId: null })).done;
    expect(summary.status).toBe("failed");
    expect(summary.error).toMatch(/^Not a git repository with commits: /);
    rmSync(notRepo, { recursive: true, force: true });
  });
});
