// The stress lab in Chromium on the demo community with its metrics computed: an admin runs a
// sybil ring, sees its gain, the rank agreement and the detector's verdict (checked against the
// engine run directly on the same rows), and nothing is stored; a refused input is explained
// beside its field; a maintainer runs on their own project only; a contributor gets no lab.
// Screenshots go to tests/e2e/screenshots/.
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import pg from "pg";
import { loadGraphInput } from "../../lib/jobs/load-graph";
import { parseParams } from "../../lib/metrics/params";
import { runStressScenario, type StressReport } from "../../lib/metrics/stress";
import { prepareStressInput } from "../../lib/stress/scope-input";
import { queryRows, signedInPage } from "./session";
import { CHROMIUM_ARGS, chromiumPathOrThrow, startAppUnderTest, type AppUnderTest } from "./server";
import { DEMO_AS_OF, seedDemoWithMetrics } from "./demo-fixture";
import { seriousAxeViolations } from "./axe";

const SHOTS = "tests/e2e/screenshots";
const PASSWORD = "understory-demo";
const RING = { kind: "sybil_ring", accounts: 5, contributionsEach: 4 } as const;
let app: AppUnderTest;
let browser: Browser;

beforeAll(async () => {
  const executablePath = chromiumPathOrThrow();
  mkdirSync(SHOTS, { recursive: true });
  app = await startAppUnderTest({ database: "e2e_stress", seed: seedDemoWithMetrics });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const signedIn = (email: string, width = 1280): Promise<Page> => signedInPage(browser, app.baseUrl, email, PASSWORD, width);
const query = <T,>(sql: string, params: unknown[] = []): Promise<T[]> => queryRows<T>(app.databaseUrl, sql, params);

/** What every stored table holds, as counts: a stress run must leave all of them as they were. */
async function tableCounts(): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1");
  const out: Record<string, number> = {};
  for (const { name } of tables) out[name] = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${pg.escapeIdentifier(name)}`))[0].n;
  return out;
}

/** The same scenario through the same pure steps, straight on the database rows. */
async function reference(projectId: number | null): Promise<StressReport> {
  const pool = new pg.Pool({ connectionString: app.databaseUrl, max: 1 });
  const client = await pool.connect();
  try {
    const input = await loadGraphInput(client);
    const params = parseParams({});
    const prepared = prepareStressInput(input, { projectId, ecosystemParams: params, asOfMs: DEMO_AS_OF });
    return runStressScenario(prepared.input, { ...RING, status: "accepted" }, params, DEMO_AS_OF);
  } finally {
    client.release();
    await pool.end();
  }
}

async function runScenario(page: Page) {
  await page.getByRole("button", { name: "Run scenario" }).click();
  await expect.poll(() => page.getByTestId("stress-report").count(), { timeout: 60_000 }).toBe(1);
  await expect.poll(() => page.getByTestId("stress-running").count(), { timeout: 60_000 }).toBe(0);
}

describe("stress lab", () => {
  test("an admin runs a sybil ring on the ecosystem and reads its gain, τ and the detector's verdict", async () => {
    const page = await signedIn("admin@understory.demo");
    const res = await page.goto(`${app.baseUrl}/dashboards/stress`);
    expect(res?.status()).toBe(200);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Stress lab · Whole ecosystem");
    expect(await page.getByRole("radio", { name: /Sybil ring/ }).isChecked()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const before = await tableCounts();

    // Refused first: the message sits beside the field, and nothing runs.
    await page.getByLabel("Accounts (s)").fill("1");
    await page.getByRole("button", { name: "Run scenario" }).click();
    await expect.poll(() => page.getByTestId("error-stress-accounts").textContent()).toBe("At least 2");
    expect(await page.getByTestId("stress-report").count()).toBe(0);

    await page.getByLabel("Accounts (s)").fill(String(RING.accounts));
    await page.getByLabel("Contributions each (c)").fill(String(RING.contributionsEach));
    await runScenario(page);
    const expected = await reference(null);
    expect(expected.sybilGain).not.toBeNull();
    expect(await page.getByTestId("stress-sybil-gain").textContent()).toBe(`${expected.sybilGain!.toFixed(2)}×`);
    expect(await page.getByTestId("stress-tau").textContent()).toBe(expected.rankAgreement.tau!.toFixed(3));
    expect(await page.getByTestId("stress-ring-flagged").textContent()).toBe(`${expected.sybil!.flagged} of ${RING.accounts} flagged`);
    expect(await page.getByTestId("stress-report").textContent()).toContain("sybil ring of 5 accounts × 4 contributions");
    // Every metric has a row with its explanation.
    expect(await page.getByTestId("stress-metrics").locator("tbody tr").count()).toBe(expected.metrics.length);
    // The form still shows the scenario that ran.
    expect(await page.getByRole("radio", { name: /Sybil ring/ }).isChecked()).toBe(true);
    expect(await page.getByLabel("Accounts (s)").inputValue()).toBe("5");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/stress-lab-sybil-ring.png`, fullPage: true });

    // A second scenario reuses the loaded graph; still nothing stored.
    await page.getByRole("radio", { name: /Weight sweep/ }).check();
    await page.getByLabel("Pass-through ρ").fill("0.6");
    await runScenario(page);
    await expect.poll(() => page.getByTestId("stress-run-info").textContent()).toContain("on the cached graph");
    expect(await page.getByRole("radio", { name: /Weight sweep/ }).isChecked()).toBe(true);
    expect(await tableCounts()).toEqual(before);
  });

  test("a maintainer runs on their own project, on a phone", async () => {
    const page = await signedIn("maintainer@understory.demo", 390);
    const [project] = await query<{ id: number; slug: string; name: string }>(
      "SELECT p.id, p.slug, p.name FROM projects p JOIN project_maintainers m ON m.project_id = p.id JOIN users u ON u.id = m.user_id WHERE u.email = 'maintainer@understory.demo' ORDER BY p.name LIMIT 1");
    await page.goto(`${app.baseUrl}/dashboards/stress`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Stress lab · ${project.name}`);
    await page.getByLabel("Accounts (s)").fill(String(RING.accounts));
    await page.getByLabel("Contributions each (c)").fill(String(RING.contributionsEach));
    await runScenario(page);
    const expected = await reference(project.id);
    expect(await page.getByTestId("stress-sybil-gain").textContent()).toBe(`${expected.sybilGain!.toFixed(2)}×`);
    await page.screenshot({ path: `${SHOTS}/stress-lab-phone.png`, fullPage: true });
    // A project they do not maintain is not found.
    const [other] = await query<{ slug: string }>(
      "SELECT slug FROM projects WHERE id NOT IN (SELECT project_id FROM project_maintainers m JOIN users u ON u.id = m.user_id WHERE u.email = 'maintainer@understory.demo') LIMIT 1");
    expect((await page.goto(`${app.baseUrl}/dashboards/stress?project=${other.slug}`))?.status()).toBe(404);
  });

  test("a contributor gets no stress lab", async () => {
    const page = await signedIn("contributor@understory.demo");
    expect((await page.goto(`${app.baseUrl}/dashboards/stress`))?.status()).toBe(404);
  });
});
