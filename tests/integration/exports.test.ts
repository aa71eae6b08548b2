// Every dataset in every format, read back (CSV parsed, JSON Lines parsed, Parquet read with
// hyparquet): the rows equal the stored results of the newest succeeded run, the metadata names
// the run, version, parameters, period definition and export time, and the filters apply.
// Dataset and hand-computed figures: export-fixture.ts.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import { columnsOf, DATASETS } from "../../lib/export/datasets";
import { flattenMetadata, type ExportMetadata } from "../../lib/export/metadata";
import { DATASET_IDS, FORMATS, type DatasetId, type ExportFormat } from "../../lib/export/types";
import { DEFAULT_PARAMS, paramsHash } from "../../lib/metrics/params";
import { isAppError } from "../../lib/errors";
import { parseExportRequest } from "../../lib/export/filters";
import { openExport } from "../../lib/export/open-export";
import { openSnapshot } from "../../lib/export/source";
import { computeFixture, EXPORTED_AT, exportBytes, scopeOf, seedFixture, type Fixture } from "./export-fixture";
import { readCsvTyped, readJsonl, readParquet, type ReadBack } from "./export-readers";

let fx: Fixture;

beforeAll(async () => {
  const seeded = await seedFixture();
  // Before any run there is nothing to export, and the refusal says so.
  const refusal = await exportBytes(seeded.pool, { dataset: "retention", format: "csv" }).catch((e: unknown) => e);
  expect(isAppError(refusal) && refusal.code === "not_found" && refusal.message).toMatch(/No metrics have been computed yet/);
  fx = await computeFixture(seeded);
});

afterAll(async () => {
  await fx?.pool.end();
});

async function readBack(format: ExportFormat, bytes: Buffer, dataset: DatasetId, pseudonymize = false): Promise<ReadBack> {
  if (format === "csv") return readCsvTyped(bytes.toString("utf8"), columnsOf(DATASETS[dataset], pseudonymize));
  if (format === "jsonl") return readJsonl(bytes.toString("utf8"));
  return readParquet(new Uint8Array(bytes));
}

/** The metadata as flat key → text, whatever the format carried it as. */
function flatMeta(format: ExportFormat, back: ReadBack): Record<string, string> {
  return format === "jsonl" ? Object.fromEntries(flattenMetadata(back.meta as unknown as ExportMetadata)) : (back.meta as Record<string, string>);
}

const q = (sql: string, params: unknown[]) => fx.pool.query(sql, params).then((r) => r.rows as Record<string, unknown>[]);
const DAY = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
const LAST_COMPLETE = "2026-02-09";

/** What each ecosystem weekly export must hold, read from the stored tables (lifecycle: by hand). */
async function expectedRows(dataset: DatasetId): Promise<Record<string, unknown>[]> {
  const run = fx.runId;
  const { alice, bob } = fx;
  switch (dataset) {
    case "retention":
      return q(`SELECT ${DAY("cohort_start")} AS cohort_start, variant, segment, "offset", cohort_size, retained, rate FROM metric_cohorts
        WHERE run_id = $1 AND scope = 'all' AND period_unit = 'week' AND segment = 'all' ORDER BY variant, cohort_start, "offset"`, [run]);
    case "lifecycle": {
      const rows = (u: { id: number; handle: string }, states: [string, string][]) =>
        states.map(([period_start, state]) => ({ user_id: u.id, handle: u.handle, period_start, state, is_active: ["new", "returning", "resurrecting"].includes(state), is_complete: period_start <= LAST_COMPLETE }));
      // G = 4 weeks: dormant while fewer than 4 weeks have passed since the last active week, then churned.
      return [
        ...rows(alice, [["2026-01-05", "new"], ["2026-01-12", "newly_dormant"], ["2026-01-19", "dormant"], ["2026-01-26", "resurrecting"], ["2026-02-02", "newly_dormant"], ["2026-02-09", "dormant"], ["2026-02-16", "dormant"]]),
        ...rows(bob, [["2026-01-12", "new"], ["2026-01-19", "newly_dormant"], ["2026-01-26", "dormant"], ["2026-02-02", "dormant"], ["2026-02-09", "churned"], ["2026-02-16", "churned"]]),
      ];
    }
    case "attribution-flow":
      return q(`SELECT p.user_id, u.handle, ${DAY("p.period_start")} AS period_start, p.flow, p.visibility, p.period_start <= '${LAST_COMPLETE}T00:00:00Z' AS is_complete
        FROM metric_contributor_periods p JOIN users u ON u.id = p.user_id WHERE run_id = $1 AND scope = 'all' AND period_unit = 'week' ORDER BY p.user_id, p.period_start`, [run]);
    case "attribution-series":
      return q(`SELECT ${DAY("period_start")} AS period_start, metric, value, is_complete FROM metric_series WHERE run_id = $1 AND scope = 'all'
        AND period_unit = 'week' AND segment = 'all' AND (metric LIKE 'attribution.%' OR metric LIKE 'concentration.%') ORDER BY period_start, metric`, [run]);
    case "classes":
      return q(`SELECT c.user_id, u.handle, c.class, c.evidence->>'birthLabel' AS birth_period, c.evidence FROM metric_contributor_classes c
        JOIN users u ON u.id = c.user_id WHERE run_id = $1 AND scope = 'all' ORDER BY c.user_id`, [run]);
    case "signals":
      return q(`SELECT id AS signal_id, ${DAY("period_start")} AS period_start, code, severity, message, evidence FROM metric_signals
        WHERE run_id = $1 AND scope = 'all' AND period_unit = 'week' ORDER BY period_start, id`, [run]);
  }
}

describe.each(FORMATS)("%s exports", (format) => {
  test.each(DATASET_IDS)("%s: rows equal the stored results, with the metadata", async (dataset) => {
    const { bytes, exp } = await exportBytes(fx.pool, { dataset, format });
    const back = await readBack(format, bytes, dataset);
    const expected = await expectedRows(dataset);
    expect(expected.length).toBeGreaterThan(0);
    expect(back.header).toEqual(DATASETS[dataset].columns.map((c) => c.name));
    expect(back.rows).toEqual(expected);
    expect(exp.rowsWritten()).toBe(expected.length);

    const meta = flatMeta(format, back);
    expect(meta).toMatchObject({
      dataset, format, metric_version: "1", run_id: String(fx.runId), run_as_of: "2026-02-16T12:00:00.000Z",
      params_hash: paramsHash(DEFAULT_PARAMS), run_params_hash: paramsHash(DEFAULT_PARAMS), params_unchanged_since_run: "true",
      "period.unit": "week", "period.last_complete_period": LAST_COMPLETE, "period.current_period": "2026-02-16", "period.dormancy_gap_periods": "4",
      "period.visibility_decay_per_period": "0.1", "filters.project": "all", "filters.scope": "all", pseudonymized: "false",
      exported_at: EXPORTED_AT.toISOString(),
    });
    expect(meta["period.definition"]).toContain("Monday 00:00 UTC");
    expect(JSON.parse(meta.params)).toEqual(DEFAULT_PARAMS);
    expect(exp.filename).toBe(`understory-${dataset}-all${DATASETS[dataset].filters.unit ? "-week" : ""}-run${fx.runId}-20260217T093000Z.${format}`);
    if (format === "parquet") {
      expect(meta.row_count).toBe(String(expected.length));
      expect(JSON.parse(meta["understory.metadata"]).columns.map((c: { name: string }) => c.name)).toEqual(back.header);
    }
  });
});

describe("the parameters a file names", () => {
  test("are the run's own, even after an admin changed the stored ones", async () => {
    const changed = { ...DEFAULT_PARAMS, passThrough: 0.45 };
    await fx.pool.query("INSERT INTO metric_param_sets (project_id, params, hash, updated_at) VALUES (NULL, $1, $2, now())", [JSON.stringify(changed), paramsHash(changed)]);
    try {
      const { bytes } = await exportBytes(fx.pool, { dataset: "signals", format: "jsonl" });
      const meta = flatMeta("jsonl", await readBack("jsonl", bytes, "signals"));
      expect(JSON.parse(meta.params)).toEqual(DEFAULT_PARAMS);
      expect(meta).toMatchObject({ params_hash: paramsHash(DEFAULT_PARAMS), run_params_hash: paramsHash(DEFAULT_PARAMS), params_unchanged_since_run: "false" });
    } finally {
      await fx.pool.query("DELETE FROM metric_param_sets");
    }
  });
});

describe("hand-computed numbers and filters", () => {
  test("attribution flow and visibility carry the cascade's figures (ρ 0.3, d 0.1)", async () => {
    const back = readJsonl((await exportBytes(fx.pool, { dataset: "attribution-flow", format: "jsonl" })).bytes.toString());
    const at = (u: number, p: string) => back.rows.find((r) => r.user_id === u && r.period_start === p)!;
    // c2 mints 0.5 and passes 0.15 to c1: alice's week of Jan 12 is 0.15 flow, visibility 0.9·1 + 0.15.
    expect(at(fx.alice.id, "2026-01-12").flow).toBeCloseTo(0.15, 12);
    expect(at(fx.alice.id, "2026-01-12").visibility).toBeCloseTo(1.05, 12);
    expect(at(fx.bob.id, "2026-01-12").flow).toBeCloseTo(0.35, 12);
    // c3 (unreviewed, 0.5) two weeks later: 1.05·0.9² + 0.5.
    expect(at(fx.alice.id, "2026-01-26").visibility).toBeCloseTo(1.05 * 0.81 + 0.5, 12);
    const series = readJsonl((await exportBytes(fx.pool, { dataset: "attribution-series", format: "jsonl" })).bytes.toString());
    const total = (p: string) => series.rows.find((r) => r.metric === "attribution.flow_total" && r.period_start === p)!.value as number;
    expect([total("2026-01-05"), total("2026-01-12"), total("2026-01-26")].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([1, 0.5, 0.5]);
  });

  test("lifecycle states add up to the lifecycle counts the dashboard shows", async () => {
    const back = readJsonl((await exportBytes(fx.pool, { dataset: "lifecycle", format: "jsonl" })).bytes.toString());
    const series = await q(`SELECT metric, ${DAY("period_start")} AS p, value FROM metric_series WHERE run_id = $1 AND scope = 'all' AND period_unit = 'week'
      AND segment = 'all' AND metric IN ('lifecycle.new', 'lifecycle.newly_dormant', 'lifecycle.churned', 'lifecycle.resurrecting')`, [fx.runId]);
    expect(series.length).toBeGreaterThan(0);
    for (const s of series) {
      const state = String(s.metric).slice("lifecycle.".length);
      expect(back.rows.filter((r) => r.period_start === s.p && r.state === state).length, `${s.metric} ${s.p}`).toBe(s.value);
    }
  });

  test("the date range, project, period unit, segment and variant filters apply", async () => {
    const lifecycle = readJsonl((await exportBytes(fx.pool, { dataset: "lifecycle", format: "jsonl", from: "2026-01-20", to: "2026-02-09" })).bytes.toString());
    expect(lifecycle.rows.map((r) => [r.handle, r.period_start, r.state])).toEqual([
      ["alice-export", "2026-01-26", "resurrecting"], ["alice-export", "2026-02-02", "newly_dormant"], ["alice-export", "2026-02-09", "dormant"],
      ["bob-export", "2026-01-26", "dormant"], ["bob-export", "2026-02-02", "dormant"], ["bob-export", "2026-02-09", "churned"],
    ]);
    expect(lifecycle.meta.filters).toEqual({ project: "all", scope: "all", unit: "week", from: "2026-01-20", to: "2026-02-09", segment: "all", variant: "both" });

    // In alpha alice is active only in the week of Jan 5: churned 4 weeks later.
    const alpha = readJsonl((await exportBytes(fx.pool, { dataset: "lifecycle", format: "jsonl", project: "alpha" })).bytes.toString());
    expect(alpha.rows.filter((r) => r.user_id === fx.alice.id).map((r) => r.state)).toEqual(["new", "newly_dormant", "dormant", "dormant", "churned", "churned", "churned"]);
    expect(alpha.meta.filters).toMatchObject({ project: "alpha", scope: `project:${fx.alpha.id}` });

    const monthly = readJsonl((await exportBytes(fx.pool, { dataset: "lifecycle", format: "jsonl", unit: "month" })).bytes.toString());
    expect(monthly.rows.map((r) => [r.handle, r.period_start, r.state, r.is_complete])).toEqual([
      ["alice-export", "2026-01-01", "new", true], ["alice-export", "2026-02-01", "newly_dormant", false],
      ["bob-export", "2026-01-01", "new", true], ["bob-export", "2026-02-01", "newly_dormant", false],
    ]);
    expect(monthly.meta).toMatchObject({ period: { unit: "month", dormancy_gap_periods: 3, current_period: "2026-02-01", last_complete_period: "2026-01-01" } });

    const cohorts = readCsvTyped((await exportBytes(fx.pool, { dataset: "retention", format: "csv", variant: "exact", segment: "organic", from: "2026-01-06" })).bytes.toString(), DATASETS.retention.columns);
    const stored = await q(`SELECT "offset", retained FROM metric_cohorts WHERE run_id = $1 AND scope = 'all' AND period_unit = 'week' AND variant = 'exact'
      AND segment = 'organic' AND cohort_start = '2026-01-12T00:00:00Z' ORDER BY "offset"`, [fx.runId]);
    expect(stored.length).toBeGreaterThan(0);
    expect(cohorts.rows.map((r) => [r.cohort_start, r.variant, r.segment, r.offset, r.retained])).toEqual(stored.map((s) => ["2026-01-12", "exact", "organic", s.offset, s.retained]));
    // bob's cohort (week of Jan 12): in the birth week only, never after.
    expect(cohorts.rows.map((r) => r.retained)).toEqual([1, ...Array(cohorts.rows.length - 1).fill(0)]);
    expect(cohorts.meta["filters.segment"]).toBe("organic");

    const signals = readJsonl((await exportBytes(fx.pool, { dataset: "signals", format: "jsonl", to: "2026-02-02" })).bytes.toString());
    expect(signals.rows).toEqual([]);
  });

  test("an empty selection is still a readable file with its metadata, in every format", async () => {
    for (const format of FORMATS) {
      const { bytes } = await exportBytes(fx.pool, { dataset: "signals", format, from: "2030-01-01" });
      const back = await readBack(format, bytes, "signals");
      expect(back.rows).toEqual([]);
      expect(flatMeta(format, back).run_id).toBe(String(fx.runId));
    }
  });

  test("filters a dataset does not take, and malformed ones, are refused with a message per field", async () => {
    const refusal = (input: Record<string, string>) => exportBytes(fx.pool, input).then(() => null, (e: unknown) => (isAppError(e) ? { code: e.code, fields: e.fieldErrors } : e));
    expect(await refusal({ dataset: "lifecycle", format: "csv", segment: "organic" })).toEqual({ code: "invalid_input", fields: { segment: "The newcomer segment applies to retention cohorts only." } });
    expect(await refusal({ dataset: "classes", format: "csv", unit: "month" })).toMatchObject({ code: "invalid_input", fields: { unit: expect.stringContaining("weekly") } });
    expect(await refusal({ dataset: "classes", format: "csv", from: "2026-01-01" })).toMatchObject({ fields: { from: expect.stringContaining("no date range") } });
    expect(await refusal({ dataset: "retention", format: "xlsx" })).toMatchObject({ fields: { format: "Choose a format: csv, jsonl or parquet" } });
    expect(await refusal({ dataset: "retention", format: "csv", from: "2026-02-30" })).toMatchObject({ fields: { from: "Not a real date" } });
    expect(await refusal({ dataset: "retention", format: "csv", from: "2026-02-01", to: "2026-01-01" })).toMatchObject({ fields: { to: "The end date is before the start date" } });
    expect(await refusal({ dataset: "retention", format: "csv", colour: "red" })).toMatchObject({ code: "invalid_input", fields: { form: expect.stringContaining("colour") } });
    expect(await refusal({ dataset: "retention", format: "csv", project: "nope" })).toMatchObject({ code: "not_found" });
  });
});

describe("the snapshot the rows are read from", () => {
  test("an export keeps the rows of its run even if they are deleted while it streams", async () => {
    const req = parseExportRequest({ dataset: "signals", format: "jsonl" });
    const exp = await openExport(fx.pool, req, await scopeOf(fx.pool, "all"), { exportedAt: EXPORTED_AT });
    await fx.pool.query("DELETE FROM metric_signals WHERE run_id = $1", [fx.runId]);
    const chunks: Buffer[] = [];
    for await (const c of exp.body) chunks.push(Buffer.from(c));
    expect(readJsonl(Buffer.concat(chunks).toString()).rows.map((r) => r.code)).toEqual(["link_ring"]);
    // A new export sees the deletion.
    expect(readJsonl((await exportBytes(fx.pool, { dataset: "signals", format: "jsonl" })).bytes.toString()).rows).toEqual([]);
  });

  test("a download abandoned mid-COPY gives its connection up instead of returning it to the pool mid-stream", async () => {
    const snapshot = await openSnapshot(fx.pool);
    const rows = snapshot.rows("SELECT g, repeat('x', 200) FROM generate_series(1, 200000) g", 1000);
    const first = await rows.next();
    expect((first.value as string[][]).length).toBe(1000);
    expect((first.value as string[][])[0][0]).toBe("1");
    await rows.return(undefined);
    await snapshot.close();
    // The pool still answers, on a clean connection.
    const { rows: check } = await fx.pool.query("SELECT 1 AS ok, current_setting('transaction_isolation') AS iso");
    expect(check[0]).toEqual({ ok: 1, iso: "read committed" });
  });

  test("when every export connection is busy, the next export is told to try again, not left hanging", async () => {
    const small = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, connectionTimeoutMillis: 200 });
    try {
      const held = await openSnapshot(small);
      const refusal = await exportBytes(small, { dataset: "classes", format: "csv" }).catch((e: unknown) => e);
      expect(isAppError(refusal) && [refusal.code, refusal.status, refusal.message]).toEqual(["unavailable", 503, "Too many exports are running at once: please try again in a minute."]);
      await held.close();
      expect((await exportBytes(small, { dataset: "classes", format: "csv" })).exp.rowsWritten()).toBe(2);
    } finally {
      await small.end();
    }
  });
});
