// An admin downloads exports in Chromium from /admin/exports on the demo community, and the test
// reads the downloaded files: a CSV parsed and a Parquet file read with hyparquet, both equal to
// the stored results of the run the page names. A refused filter shows beside its field; people
// without the role get the not-found page and a 403 from the route.
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { mkdirSync, readFileSync } from "node:fs";
import { DATASETS } from "../../lib/export/datasets";
import { readCsvTyped, readParquet } from "../integration/export-readers";
import { queryRows, signedInPage } from "./session";
import { CHROMIUM_ARGS, chromiumPathOrThrow, startAppUnderTest, type AppUnderTest } from "./server";
import { seedDemoWithMetrics } from "./demo-fixture";

const SHOTS = "tests/e2e/screenshots";
const PASSWORD = "understory-demo";
let app: AppUnderTest;
let browser: Browser;

beforeAll(async () => {
  const executablePath = chromiumPathOrThrow();
  mkdirSync(SHOTS, { recursive: true });
  app = await startAppUnderTest({ database: "e2e_admin_export", seed: seedDemoWithMetrics });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const signedIn = (email: string): Promise<Page> => signedInPage(browser, app.baseUrl, email, PASSWORD);
const query = <T,>(sql: string, params: unknown[] = []): Promise<T[]> => queryRows<T>(app.databaseUrl, sql, params);

async function download(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByRole("button", { name: "Download" }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path!) };
}

describe("admin exports", () => {
  test("an admin downloads retention as CSV and lifecycle as Parquet, equal to the stored results", async () => {
    const [run] = await query<{ id: number }>("SELECT id FROM metric_runs WHERE status = 'succeeded' ORDER BY id DESC LIMIT 1");
    const page = await signedIn("admin@understory.demo");
    await page.goto(`${app.baseUrl}/admin/exports`);
    await expect(page.getByTestId("export-run").textContent()).resolves.toContain(`Run ${run.id}`);
    await page.screenshot({ path: `${SHOTS}/admin-exports.png`, fullPage: true });

    await page.getByLabel("Dataset", { exact: true }).selectOption("retention");
    await page.getByLabel("Format", { exact: true }).selectOption("csv");
    await page.getByLabel("Retention variant").selectOption("unbounded");
    const csv = await download(page);
    expect(csv.name).toMatch(new RegExp(`^understory-retention-all-week-unbounded-run${run.id}-\\d{8}T\\d{6}Z\\.csv$`));
    const cohorts = readCsvTyped(csv.bytes.toString("utf8"), DATASETS.retention.columns);
    expect(cohorts.meta).toMatchObject({ run_id: String(run.id), metric_version: "1", "period.unit": "week", "filters.variant": "unbounded" });
    const stored = await query<{ cohort_start: string; offset: number; retained: number; rate: number }>(
      `SELECT to_char(cohort_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS cohort_start, "offset", retained, rate FROM metric_cohorts
       WHERE run_id = $1 AND scope = 'all' AND period_unit = 'week' AND variant = 'unbounded' AND segment = 'all' ORDER BY cohort_start, "offset"`, [run.id]);
    expect(stored.length).toBeGreaterThan(100);
    expect(cohorts.rows.map((r) => [r.cohort_start, r.offset, r.retained, r.rate])).toEqual(stored.map((s) => [s.cohort_start, s.offset, s.retained, s.rate]));

    await page.getByLabel("Dataset", { exact: true }).selectOption("lifecycle");
    await expect(page.getByLabel("Retention variant").isDisabled()).resolves.toBe(true);
    await page.getByLabel("Format", { exact: true }).selectOption("parquet");
    await page.getByLabel("Period", { exact: true }).selectOption("month");
    await page.getByTestId("pseudonymize").check();
    const parquet = await download(page);
    expect(parquet.name).toMatch(/^understory-lifecycle-all-month-pseudonymized-run\d+-\d{8}T\d{6}Z\.parquet$/);
    const lifecycle = await readParquet(new Uint8Array(parquet.bytes));
    expect(lifecycle.meta).toMatchObject({ run_id: String(run.id), pseudonymized: "true", "period.unit": "month" });
    expect(lifecycle.header).toEqual(["contributor", "period_start", "state", "is_active", "is_complete"]);
    // Every stored active month is in the file, one row per contributor and month.
    const [active] = await query<{ n: number }>(
      "SELECT count(*)::int AS n FROM metric_contributor_periods WHERE run_id = $1 AND scope = 'all' AND period_unit = 'month' AND state IN ('new', 'returning', 'resurrecting')", [run.id]);
    expect(lifecycle.rows.filter((r) => r.is_active).length).toBe(active.n);
    const [handles] = await query<{ handle: string }>("SELECT handle FROM users ORDER BY id LIMIT 1");
    expect(parquet.bytes.includes(Buffer.from(handles.handle))).toBe(false);
    await page.screenshot({ path: `${SHOTS}/admin-exports-after-download.png`, fullPage: true });
  });

  test("a refused filter shows beside its field and nothing downloads", async () => {
    const page = await signedIn("admin@understory.demo");
    await page.goto(`${app.baseUrl}/admin/exports`);
    await page.getByLabel("Dataset", { exact: true }).selectOption("signals");
    await page.getByLabel("Periods starting from (UTC)").fill("2026-05-01");
    await page.getByLabel("Periods starting until (UTC)").fill("2026-01-01");
    await page.getByRole("button", { name: "Download" }).click();
    await expect(page.getByTestId("error-to").textContent()).resolves.toBe("The end date is before the start date");
    // The form keeps what was chosen, and offers no download.
    await expect(page.getByLabel("Dataset", { exact: true }).inputValue()).resolves.toBe("signals");
    await expect(page.getByLabel("Periods starting from (UTC)").inputValue()).resolves.toBe("2026-05-01");
    await expect(page.getByLabel("Newcomer segment").isDisabled()).resolves.toBe(true);
    expect(await page.getByTestId("download-link").count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/admin-exports-refused.png`, fullPage: true });
  });

  test("a maintainer gets the not-found page and the route refuses them", async () => {
    const page = await signedIn("maintainer@understory.demo");
    const res = await page.goto(`${app.baseUrl}/admin/exports`);
    expect(res?.status()).toBe(404);
    const api = await page.request.get(`${app.baseUrl}/api/admin/exports?dataset=retention&format=csv`);
    expect(api.status()).toBe(403);
    expect((await api.json()).error.message).toBe("Exports are for admins.");
  });
});
