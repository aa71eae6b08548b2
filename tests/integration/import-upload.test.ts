// The upload path behind /api/admin/imports: refusals for anonymous visitors and every role below
// admin (nothing written, no import started), bad options and sizes as 4xx, an admin's upload
// streamed to a temporary file and imported in the background, and an import left "running" by a
// dead process marked failed.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import { readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { prisma } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { acceptImportUpload } from "../../lib/import/upload";
import { markAbandonedImportsSql, ABANDONED_MESSAGE } from "../../lib/import/abandoned";
import { IMPORT_LOCK_NAMESPACE } from "../../lib/import/batch-row";
import { sweepAbandonedImports } from "../../lib/import/queries";
import { actorOf, makeProject, makeUser } from "./factories";

const CSV = readFileSync(path.join(import.meta.dirname, "..", "fixtures", "import", "contributions.csv"));
let pool: pg.Pool;

const body = (bytes: Uint8Array) => new ReadableStream<Uint8Array>({ start(c) { c.enqueue(bytes); c.close(); } });
const params = (over: Record<string, string> = {}) => new URLSearchParams({ kind: "contributions", format: "csv", source: "upload", filename: "contributions.csv", ...over });
const tempUploads = () => readdirSync(os.tmpdir()).filter((f) => f.startsWith("understory-import-")).length;

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, message: e.message, fieldErrors: e.fieldErrors };
    throw e;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  await makeProject({ slug: "ocean" });
});

afterAll(async () => {
  await pool.end();
});

describe("refusals", () => {
  test("anonymous, contributor and maintainer are refused before the body is read", async () => {
    const contributor = await actorOf(await makeUser({ role: "contributor" }));
    const maintainer = await actorOf(await makeUser({ role: "maintainer" }));
    const temps = tempUploads();
    expect(await refusal(acceptImportUpload(null, { params: params(), contentLength: null, body: body(CSV) }, pool))).toEqual({ code: "unauthenticated", message: "Please sign in.", fieldErrors: undefined });
    for (const actor of [contributor, maintainer]) {
      expect(await refusal(acceptImportUpload(actor, { params: params(), contentLength: null, body: body(CSV) }, pool))).toEqual({ code: "forbidden", message: "Imports are for admins.", fieldErrors: undefined });
    }
    expect([await prisma.importBatch.count(), await prisma.contribution.count(), tempUploads()]).toEqual([0, 0, temps]);
  });

  test("bad options, an empty or a too large file: 400 with the reason, no import", async () => {
    const admin = await actorOf(await makeUser({ role: "admin" }));
    expect(await refusal(acceptImportUpload(admin, { params: params({ kind: "people", source: "Bad Source!" }), contentLength: null, body: body(CSV) }, pool))).toEqual({
      code: "invalid_input", message: "Please correct the highlighted fields.",
      fieldErrors: { kind: "Choose contributions or links", source: "1–63 characters: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit" },
    });
    expect(await refusal(acceptImportUpload(admin, { params: params(), contentLength: null, body: body(new Uint8Array()) }, pool))).toMatchObject({ code: "invalid_input", message: "The file is empty." });
    expect(await refusal(acceptImportUpload(admin, { params: params(), contentLength: "999999999999", body: body(CSV) }, pool))).toMatchObject({ code: "invalid_input", message: "The file is larger than 256 MB." });
    expect(await refusal(acceptImportUpload(admin, { params: params(), contentLength: String(CSV.length + 1), body: body(CSV) }, pool))).toMatchObject({ code: "invalid_input", message: "The upload was incomplete: please send the file again." });
    // A body longer than the limit is cut off while streaming.
    const temps = tempUploads();
    expect(await refusal(acceptImportUpload(admin, { params: params(), contentLength: null, body: body(CSV) }, pool, 100))).toMatchObject({ code: "invalid_input", message: "The file is larger than 0 MB." });
    expect([await prisma.importBatch.count(), tempUploads()]).toEqual([0, temps]);
  });
});

describe("an admin's upload", () => {
  test("is stored in a temporary file, imported in the background, and the file removed after", async () => {
    const adminUser = await makeUser({ role: "admin" });
    const { id } = await acceptImportUpload(await actorOf(adminUser), { params: params(), contentLength: String(CSV.length), body: body(CSV) }, pool);
    let batch = await prisma.importBatch.findUniqueOrThrow({ where: { id } });
    for (let i = 0; i < 400 && batch.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      batch = await prisma.importBatch.findUniqueOrThrow({ where: { id } });
    }
    expect(batch).toMatchObject({ kind: "contributions", format: "csv", filename: "contributions.csv", status: "succeeded", totalRows: 9, insertedRows: 3, skippedRows: 0, errorRows: 6, createdById: adminUser.id });
    expect((batch.errors as { line: number }[]).map((e) => e.line)).toEqual([5, 6, 7, 8, 10, 11]);
    // The file goes once the import's promise settles, just after the row is written.
    for (let i = 0; i < 100 && tempUploads() > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(os.tmpdir()).filter((f) => f.startsWith("understory-import-"))).toEqual([]);
  });
});

describe("abandoned imports", () => {
  test("a running import whose connection is gone is marked failed; one whose lock is held is left alone", async () => {
    const dead = await prisma.importBatch.create({ data: { kind: "links", format: "csv", filename: "dead.csv", status: "running", phase: "loading batch 2" } });
    const alive = await prisma.importBatch.create({ data: { kind: "links", format: "csv", filename: "alive.csv", status: "running" } });
    const holder = await pool.connect();
    await holder.query("SELECT pg_advisory_lock($1, $2)", [IMPORT_LOCK_NAMESPACE, alive.id]);
    expect(await markAbandonedImportsSql(pool)).toEqual([dead.id]);
    expect(await prisma.importBatch.findMany({ where: { id: { in: [dead.id, alive.id] } }, orderBy: { id: "asc" }, select: { status: true, error: true } })).toEqual([
      { status: "failed", error: ABANDONED_MESSAGE },
      { status: "running", error: null },
    ]);
    // The pages' sweep (through Prisma) sees the same: the held one stays running until its lock goes.
    await sweepAbandonedImports();
    expect((await prisma.importBatch.findUniqueOrThrow({ where: { id: alive.id } })).status).toBe("running");
    await holder.query("SELECT pg_advisory_unlock($1, $2)", [IMPORT_LOCK_NAMESPACE, alive.id]);
    holder.release();
    await sweepAbandonedImports();
    expect(await prisma.importBatch.findUniqueOrThrow({ where: { id: alive.id }, select: { status: true, error: true } })).toEqual({ status: "failed", error: ABANDONED_MESSAGE });
  });
});
