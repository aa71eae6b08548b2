// CSV and JSON Lines imports of contributions and links, from the hand-written files in
// tests/fixtures/import: the exact refusals (line and reason), the exact rows that load, batches,
// audit events and the recompute request, and a second import of the same files changing nothing.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import path from "node:path";
import { prisma } from "../../lib/db";
import { startFileImport } from "../../lib/import/start";
import type { ImportSummary } from "../../lib/import/run";
import { makeProject, makeUser, rowCounts } from "./factories";

const FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "import");
let pool: pg.Pool;
let adminId: number;
let oceanId: number;

async function importFixture(name: string, kind: "contributions" | "links", source: string, batchRows?: number): Promise<ImportSummary> {
  const format = name.endsWith(".csv") ? "csv" : "jsonl";
  const started = await startFileImport(pool, { kind, format, source, filePath: path.join(FIXTURES, name), filename: name, actorId: adminId, batchRows });
  return started.done;
}

const strip = (s: ImportSummary) => ({ status: s.status, totalRows: s.totalRows, insertedRows: s.insertedRows, skippedRows: s.skippedRows, errorRows: s.errorRows, errors: s.errors, error: s.error });

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  adminId = (await makeUser({ role: "admin", handle: "root-admin" })).id;
  oceanId = (await makeProject({ slug: "ocean" })).id;
  await prisma.user.create({ data: { email: "carol@example.org", handle: "carol", name: "Carol Jansen" } });
});

afterAll(async () => {
  await pool.end();
});

const CSV_ERRORS = [
  { line: 5, reason: "project: no project with the slug “nowhere”" },
  { line: 6, reason: "occurred_at: Not a valid date" },
  { line: 7, reason: "authors: shares sum to 0.9, not 1" },
  { line: 8, reason: "external_id: “c1” is already used on line 2" },
  { line: 10, reason: "kind: must be one of data, model, code, review, documentation, research, coordination, support, other" },
  { line: 11, reason: "has 3 fields, the header has 9" },
];

describe("contributions", () => {
  test("CSV (BOM, CRLF, quoted commas, quotes and line breaks): bad rows reported by line, good rows loaded", async () => {
    const before = await rowCounts();
    const summary = await importFixture("contributions.csv", "contributions", "acme", 2);
    expect(strip(summary)).toEqual({ status: "succeeded", totalRows: 9, insertedRows: 3, skippedRows: 0, errorRows: 6, errors: CSV_ERRORS, error: null });
    expect(summary.details).toEqual({ authorships: 4, usersCreated: 2 });

    const rows = await prisma.contribution.findMany({
      where: { source: "import", externalId: { startsWith: "acme:" } },
      orderBy: { id: "asc" },
      select: {
        externalId: true, projectId: true, title: true, kind: true, occurredAt: true, url: true, description: true, status: true, createdById: true,
        authors: { select: { share: true, user: { select: { email: true } } }, orderBy: { share: "desc" } },
      },
    });
    expect(rows.map((r) => ({ ...r, authors: r.authors.map((a) => `${a.user.email}=${a.share.toString()}`) }))).toEqual([
      { externalId: "acme:c1", projectId: oceanId, title: "Reef survey 2025", kind: "data", occurredAt: new Date("2026-01-10T00:00:00Z"), url: "https://example.org/reef", description: "", status: "accepted", createdById: adminId, authors: ["ada@example.org=1"] },
      { externalId: "acme:c2", projectId: oceanId, title: "Tide labels, cleaned", kind: "data", occurredAt: new Date("2026-01-12T08:30:00Z"), url: null, description: 'Two lines:\r\nfirst and "second"', status: "unreviewed", createdById: adminId, authors: ["ada@example.org=0.6", "bob@example.org=0.4"] },
      { externalId: "acme:c6", projectId: oceanId, title: "Review of the labels", kind: "review", occurredAt: new Date("2026-01-16T00:00:00Z"), url: null, description: "", status: "unreviewed", createdById: adminId, authors: ["carol@example.org=1"] },
    ]);
    const people = await prisma.user.findMany({ where: { email: { endsWith: "@example.org" } }, orderBy: { email: "asc" }, select: { email: true, handle: true, name: true, isImported: true, passwordHash: true, role: true } });
    expect(people).toEqual([
      { email: "ada@example.org", handle: "ada", name: "Ada Lovelace", isImported: true, passwordHash: null, role: "contributor" },
      { email: "bob@example.org", handle: "bob", name: "bob", isImported: true, passwordHash: null, role: "contributor" },
      { email: "carol@example.org", handle: "carol", name: "Carol Jansen", isImported: false, passwordHash: null, role: "contributor" },
    ]);
    // batches of 2 valid rows: c1+c2 in the first, c6 in the second; one audit event each
    const audit = await prisma.auditEvent.findMany({ where: { entityType: "import_batch", entityId: String(summary.id) }, orderBy: { id: "asc" }, select: { action: true, actorId: true, after: true } });
    expect(audit).toEqual([
      { action: "import.batch", actorId: adminId, after: { importId: summary.id, kind: "contributions", format: "csv", source: "acme", batch: 1, lines: [2, 3], inserted: 2, skipped: 0, refused: 0, authorships: 3, usersCreated: 2 } },
      { action: "import.batch", actorId: adminId, after: { importId: summary.id, kind: "contributions", format: "csv", source: "acme", batch: 2, lines: [9, 9], inserted: 1, skipped: 0, refused: 6, authorships: 1, usersCreated: 0 } },
    ]);
    const after = await rowCounts();
    expect({ contributions: after.contributions - before.contributions, authors: after.authors - before.authors, audit: after.audit - before.audit }).toEqual({ contributions: 3, authors: 4, audit: 2 });
    const job = await prisma.job.findFirst({ where: { kind: "metrics.recompute", status: "queued" }, select: { payload: true } });
    expect(job?.payload).toEqual({ reasons: ["import.contributions"] });
    const batch = await prisma.importBatch.findUniqueOrThrow({ where: { id: summary.id } });
    expect(batch).toMatchObject({ kind: "contributions", format: "csv", filename: "contributions.csv", source: "acme", status: "succeeded", phase: "done", progress: 1, totalRows: 9, insertedRows: 3, skippedRows: 0, errorRows: 6, errors: CSV_ERRORS, createdById: adminId });
    expect(batch.finishedAt).not.toBeNull();
  });

  test("JSON Lines: typed values, numeric ids, names and shares; bad lines reported", async () => {
    const summary = await importFixture("contributions.jsonl", "contributions", "lab");
    expect(strip(summary)).toEqual({
      status: "succeeded", totalRows: 7, insertedRows: 2, skippedRows: 0, errorRows: 5, error: null,
      errors: [
        { line: 3, reason: "not valid JSON" },
        { line: 4, reason: "each line must be one JSON object" },
        { line: 6, reason: "unknown key “colour”" },
        { line: 7, reason: "title: is required; occurred_at: Cannot be in the future" },
        { line: 8, reason: "authors: dana@example.org has no share (with several authors every one needs a share; they sum to 1)" },
      ],
    });
    const rows = await prisma.contribution.findMany({
      where: { externalId: { startsWith: "lab:" } }, orderBy: { id: "asc" },
      select: { externalId: true, title: true, kind: true, occurredAt: true, description: true, url: true, authors: { select: { share: true, user: { select: { email: true, name: true } } }, orderBy: { share: "asc" } } },
    });
    expect(rows.map((r) => ({ ...r, authors: r.authors.map((a) => `${a.user.name} <${a.user.email}>=${a.share.toString()}`) }))).toEqual([
      { externalId: "lab:j1", title: "Model card", kind: "documentation", occurredAt: new Date("2026-02-01T10:00:00Z"), description: "", url: null, authors: ["Dana Scully <dana@example.org>=0.25", "Ada Lovelace <ada@example.org>=0.75"] },
      { externalId: "lab:42", title: "Numbered id", kind: "research", occurredAt: new Date("2026-02-02T00:00:00Z"), description: "imported from the lab wiki", url: null, authors: ["Dana Scully <dana@example.org>=1"] },
    ]);
  });

  test("importing the same files again changes nothing: every row already present, no audit event", async () => {
    const before = { ...(await rowCounts()), users: await prisma.user.count() };
    const csv = await importFixture("contributions.csv", "contributions", "acme");
    const jsonl = await importFixture("contributions.jsonl", "contributions", "lab");
    expect(strip(csv)).toEqual({ status: "succeeded", totalRows: 9, insertedRows: 0, skippedRows: 3, errorRows: 6, errors: CSV_ERRORS, error: null });
    expect([jsonl.insertedRows, jsonl.skippedRows, jsonl.errorRows]).toEqual([0, 2, 5]);
    expect({ ...(await rowCounts()), users: await prisma.user.count() }).toEqual(before);
  });

  test("the same external id under another source is another contribution", async () => {
    const summary = await importFixture("contributions.csv", "contributions", "mirror", 1000);
    expect([summary.insertedRows, summary.skippedRows, summary.details.usersCreated]).toEqual([3, 0, 0]);
    await prisma.contribution.deleteMany({ where: { externalId: { startsWith: "mirror:" } } });
  });
});

describe("links", () => {
  test("CSV: endpoints by (source, external id); forward, self, missing and duplicate links refused", async () => {
    const summary = await importFixture("links.csv", "links", "acme");
    expect(strip(summary)).toEqual({
      status: "succeeded", totalRows: 9, insertedRows: 4, skippedRows: 0, errorRows: 5, error: null,
      errors: [
        { line: 4, reason: "links point from newer to older work: acme:c1 (2026-01-10T00:00:00.000Z) is not later than acme:c2 (2026-01-12T08:30:00.000Z)" },
        { line: 5, reason: "a contribution cannot link to itself" },
        { line: 6, reason: "to: no imported contribution acme:c9" },
        { line: 7, reason: "the same link (builds on) is already on line 2" },
        { line: 8, reason: "status: must be unconfirmed or confirmed" },
      ],
    });
    const links = await prisma.link.findMany({
      orderBy: { id: "asc" },
      select: { type: true, status: true, note: true, createdById: true, from: { select: { externalId: true } }, to: { select: { externalId: true } } },
    });
    expect(links.map((l) => [l.from.externalId, l.to.externalId, l.type, l.status, l.note, l.createdById])).toEqual([
      ["acme:c2", "acme:c1", "builds_on", "confirmed", "uses the survey", adminId],
      ["acme:c6", "acme:c2", "reviews", "unconfirmed", "", adminId],
      ["acme:c6", "acme:c1", "cites", "unconfirmed", "", adminId],
      ["lab:j1", "acme:c1", "cites", "unconfirmed", "model card, cites the survey", adminId],
    ]);
    const audit = await prisma.auditEvent.findMany({ where: { entityType: "import_batch", entityId: String(summary.id) }, select: { after: true } });
    expect(audit).toEqual([{ after: { importId: summary.id, kind: "links", format: "csv", source: "acme", batch: 1, lines: [2, 10], inserted: 4, skipped: 0, refused: 5 } }]);
  });

  test("JSON Lines: a link already present is skipped, bad lines reported", async () => {
    const summary = await importFixture("links.jsonl", "links", "acme");
    expect(strip(summary)).toEqual({
      status: "succeeded", totalRows: 6, insertedRows: 2, skippedRows: 1, errorRows: 3, error: null,
      errors: [
        { line: 3, reason: "type: must be one of builds_on, cites, reviews, fixes" },
        { line: 4, reason: "to: is required" },
        { line: 5, reason: "links point from newer to older work: lab:j1 (2026-02-01T10:00:00.000Z) is not later than lab:42 (2026-02-02T00:00:00.000Z)" },
      ],
    });
    const added = await prisma.link.findMany({ orderBy: { id: "asc" }, skip: 4, select: { type: true, note: true, from: { select: { externalId: true } }, to: { select: { externalId: true } } } });
    expect(added.map((l) => [l.from.externalId, l.to.externalId, l.type, l.note])).toEqual([
      ["acme:c6", "acme:c1", "builds_on", ""],
      ["lab:42", "lab:j1", "builds_on", "same lab"],
    ]);
  });

  test("a link to a withdrawn contribution is refused; importing the links again changes nothing", async () => {
    const before = await rowCounts();
    const again = await importFixture("links.csv", "links", "acme");
    expect([again.insertedRows, again.skippedRows, again.errorRows]).toEqual([0, 4, 5]);
    expect(await rowCounts()).toEqual(before);
    await prisma.contribution.update({ where: { source_externalId: { source: "import", externalId: "acme:c6" } }, data: { deletedAt: new Date() } });
    const withdrawn = await importFixture("links.jsonl", "links", "acme");
    expect(withdrawn.errors[0]).toEqual({ line: 1, reason: "from: acme:c6 was withdrawn" });
    await prisma.contribution.update({ where: { source_externalId: { source: "import", externalId: "acme:c6" } }, data: { deletedAt: null } });
  });
});

describe("files that cannot be imported", () => {
  test("an unknown column stops the import before any row, with the reason on the batch", async () => {
    const summary = await importFixture("links-bad-header.csv", "links", "acme");
    expect(strip(summary)).toEqual({
      status: "failed", totalRows: 0, insertedRows: 0, skippedRows: 0, errorRows: 0, errors: [],
      error: "Line 1: unknown column “weight” (columns for links: from, to, type, note, status, from_source, to_source).",
    });
    expect(await prisma.importBatch.findUniqueOrThrow({ where: { id: summary.id }, select: { status: true, error: true } })).toEqual({ status: "failed", error: summary.error });
  });

  test("a CSV of contributions without its required columns", async () => {
    const summary = await importFixture("links.csv", "contributions", "acme");
    expect(summary.error).toBe("Line 1: unknown column “from” (columns for contributions: external_id, project, title, kind, occurred_at, authors, url, description, status).");
  });
});
