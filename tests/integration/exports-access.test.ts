// Who may export, through the download route and the form's action, and pseudonymized identities:
// stable per secret, the HMAC the docs name, free of ids and handles, and not a plain hash of them.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createHash, createHmac, hkdfSync } from "node:crypto";
import type { Actor } from "../../lib/auth/actor";

const session = vi.hoisted(() => {
  process.env.AUTH_SECRET = "export-test-secret-export-test-secret-0123";
  return { actor: null as Actor | null };
});
vi.mock("../../lib/auth/session", () => ({ getSessionActor: async () => session.actor }));

import { GET } from "../../app/api/admin/exports/route";
import { prepareExportAction } from "../../lib/export/actions";
import { DATASETS } from "../../lib/export/datasets";
import { prisma } from "../../lib/db";
import { actorOf, auditCount, makeUser } from "./factories";
import { computeFixture, exportBytes, SECRET, seedFixture, type Fixture } from "./export-fixture";
import { readCsvTyped, readJsonl, readParquet } from "./export-readers";

let fx: Fixture;
let admin: Actor;
let maintainer: Actor;
let contributor: Actor;

beforeAll(async () => {
  fx = await computeFixture(await seedFixture());
  admin = await actorOf(await makeUser({ role: "admin", handle: "root-admin" }));
  const m = await makeUser({ role: "maintainer", handle: "alpha-maintainer" });
  await prisma.projectMaintainer.create({ data: { projectId: fx.alpha.id, userId: m.id } });
  maintainer = await actorOf(m);
  contributor = await actorOf(await makeUser({ handle: "plain-contributor" }));
});

afterAll(async () => {
  await fx?.pool.end();
});

const get = (query: string) => GET(new Request(`http://localhost/api/admin/exports?${query}`));

describe("the download route", () => {
  test("refuses anyone but an admin before reading any filter, and records nothing", async () => {
    const before = await auditCount();
    for (const [actor, status, code] of [[null, 401, "unauthenticated"], [contributor, 403, "forbidden"], [maintainer, 403, "forbidden"]] as const) {
      session.actor = actor;
      const res = await get("dataset=lifecycle&format=csv&project=alpha");
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toBe(code);
      // Even a malformed request gets the same refusal: the filters are not looked at first.
      expect((await get("dataset=bogus")).status).toBe(status);
    }
    expect(await auditCount()).toBe(before);
  });

  test("streams the file to an admin with a filename that says what and when, and audits the download", async () => {
    session.actor = admin;
    const before = await auditCount();
    const res = await get("dataset=lifecycle&format=csv&project=alpha&pseudonymize=1");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="understory-lifecycle-alpha-week-pseudonymized-run${fx.runId}-\\d{8}T\\d{6}Z\\.csv"$`));
    const back = readCsvTyped(await res.text(), DATASETS.lifecycle.pseudonymColumns);
    expect(back.header).toEqual(["contributor", "period_start", "state", "is_active", "is_complete"]);
    expect(back.rows).toHaveLength(13);
    expect(back.meta["filters.project"]).toBe("alpha");
    expect(await auditCount()).toBe(before + 1);
    const event = await prisma.auditEvent.findFirst({ where: { action: "export.download" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorId: admin.id, entityType: "metric_run", entityId: String(fx.runId) });
    expect(event?.after).toMatchObject({ dataset: "lifecycle", format: "csv", pseudonymized: true, filters: { project: "alpha", unit: "week" } });
  });

  test("answers bad filters with 400 and a message per field, an unknown project with 404", async () => {
    session.actor = admin;
    const bad = await get("dataset=classes&format=parquet&unit=month&to=2026-13-01");
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.code).toBe("invalid_input");
    expect(Object.keys(body.error.fieldErrors)).toEqual(["to"]);
    const notApplicable = await (await get("dataset=signals&format=csv&variant=exact")).json();
    expect(notApplicable.error.fieldErrors).toEqual({ variant: "The variant applies to retention cohorts only." });
    const missing = await get("dataset=retention&format=csv&project=gamma");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toBe("No such project, or not one you maintain.");
  });
});

describe("the export form's action", () => {
  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };

  test("hands an admin the download URL of a valid request, and field messages for an invalid one", async () => {
    session.actor = admin;
    const ok = await prepareExportAction({ ok: false }, form({ dataset: "retention", format: "parquet", project: "all", unit: "month", from: "", to: "", segment: "organic", variant: "both" }));
    expect(ok).toMatchObject({ ok: true, message: `Your download from run ${fx.runId} is starting.`, downloadUrl: "/api/admin/exports?dataset=retention&format=parquet&unit=month&segment=organic" });
    const refused = await prepareExportAction({ ok: false }, form({ dataset: "lifecycle", format: "csv", segment: "campaign" }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { segment: "The newcomer segment applies to retention cohorts only." } });
    expect(refused.downloadUrl).toBeUndefined();
  });

  test("refuses a maintainer and a contributor", async () => {
    for (const actor of [maintainer, contributor]) {
      session.actor = actor;
      expect(await prepareExportAction({ ok: false }, form({ dataset: "retention", format: "csv" }))).toMatchObject({ ok: false, message: "Exports are for admins." });
    }
  });
});

describe("pseudonymized identities", () => {
  const expectedPseudonym = (secret: string, id: number) =>
    `p_${createHmac("sha256", Buffer.from(hkdfSync("sha256", secret, "understory-export-pseudonyms", "v1", 32))).update(`user:${id}`).digest("hex").slice(0, 16)}`;

  test("are the documented keyed HMAC, stable across exports and formats, and free of ids and handles", async () => {
    const first = await exportBytes(fx.pool, { dataset: "attribution-flow", format: "csv", pseudonymize: "1" });
    const again = await exportBytes(fx.pool, { dataset: "attribution-flow", format: "csv", pseudonymize: "1" });
    const text = first.bytes.toString();
    const back = readCsvTyped(text, DATASETS["attribution-flow"].pseudonymColumns);
    const alice = expectedPseudonym(SECRET, fx.alice.id);
    const bob = expectedPseudonym(SECRET, fx.bob.id);
    expect([...new Set(back.rows.map((r) => r.contributor))]).toEqual([alice, bob]);
    expect(readCsvTyped(again.bytes.toString(), DATASETS["attribution-flow"].pseudonymColumns).rows).toEqual(back.rows);
    const parquet = await readParquet(new Uint8Array((await exportBytes(fx.pool, { dataset: "classes", format: "parquet", pseudonymize: "1" })).bytes));
    expect(parquet.header).toEqual(["contributor", "class", "birth_period", "evidence"]);
    expect(parquet.rows.map((r) => r.contributor)).toEqual([alice, bob]);
    expect(parquet.meta.pseudonymized).toBe("true");
    for (const handle of ["alice-export", "bob-export"]) expect(text).not.toContain(handle);
    expect(back.header).not.toContain("user_id");
    // Not an unkeyed hash of the id or the handle, which anyone could recompute by trying them all.
    for (const guess of [String(fx.alice.id), `user:${fx.alice.id}`, "alice-export"]) {
      expect(alice.slice(2)).not.toBe(createHash("sha256").update(guess).digest("hex").slice(0, 16));
    }
  });

  test("change with the secret, and replace link-ring members in signal evidence", async () => {
    const other = "another-secret-another-secret-another-9876";
    const back = readJsonl((await exportBytes(fx.pool, { dataset: "signals", format: "jsonl", pseudonymize: "1" }, other)).bytes.toString());
    expect(back.rows).toHaveLength(1);
    expect(back.rows[0].evidence).toEqual({ members: [expectedPseudonym(other, fx.alice.id), expectedPseudonym(other, fx.bob.id)], links: 5, internalShare: 0.9, reciprocity: 1 });
    expect(expectedPseudonym(other, fx.alice.id)).not.toBe(expectedPseudonym(SECRET, fx.alice.id));
    expect(back.meta.pseudonymization).toContain("HMAC-SHA256");
    const plain = readJsonl((await exportBytes(fx.pool, { dataset: "signals", format: "jsonl" })).bytes.toString());
    expect(plain.rows[0].evidence).toMatchObject({ members: [fx.alice.id, fx.bob.id] });
  });

  test("are refused without a server secret", async () => {
    await expect(exportBytes(fx.pool, { dataset: "classes", format: "csv", pseudonymize: "1" }, "")).rejects.toThrow("Pseudonymized exports need AUTH_SECRET");
  });
});
