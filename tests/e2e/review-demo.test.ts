// The review queues on the demo community, as an admin and as the demo maintainer: the demo's
// link ring is listed with the members the recompute stored, a maintainer's queue holds only their
// projects' work, and the pages read well at full size (screenshots in tests/e2e/screenshots/).
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { mkdirSync } from "node:fs";
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
  app = await startAppUnderTest({ database: "e2e_review_demo", seed: seedDemoWithMetrics });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const query = <T,>(sql: string, params: unknown[] = []) => queryRows<T>(app.databaseUrl, sql, params);

describe("review queues on the demo community", () => {
  test("an admin sees the stored link rings with their members", async () => {
    const [doc] = await query<{ data: { rings: { members: number[] }[] } }>(
      `SELECT d.data FROM metric_documents d WHERE d.key = 'gaming' AND d.scope = 'all' AND d.period_unit = 'week'
       AND d.run_id = (SELECT max(id) FROM metric_runs WHERE status = 'succeeded')`);
    expect(doc.data.rings.length).toBeGreaterThan(0);
    const handles = await query<{ handle: string }>("SELECT handle FROM users WHERE id = ANY($1) ORDER BY id", [doc.data.rings[0].members]);
    const page = await signedInPage(browser, app.baseUrl, "admin@understory.demo", PASSWORD);
    await page.goto(`${app.baseUrl}/review/rings`);
    await expect.poll(() => page.locator("article[data-testid^='ring-']").count()).toBe(doc.data.rings.length);
    const title = await page.locator("article[data-testid^='ring-'] h2").first().textContent();
    expect(title).toBe(`Ring of ${handles.length}: ${handles.map((h) => `@${h.handle}`).join(", ")}`);
    await page.screenshot({ path: `${SHOTS}/review-demo-rings.png`, fullPage: true });
    await page.goto(`${app.baseUrl}/review/disputes`);
    await expect.poll(() => page.locator("article[data-testid^='dispute-']").count()).toBe(20);
    await page.screenshot({ path: `${SHOTS}/review-demo-disputes.png` });
  });

  test("the demo maintainer's queue holds only their projects' unreviewed work", async () => {
    const [{ n }] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM contributions c JOIN project_maintainers pm ON pm.project_id = c.project_id JOIN users u ON u.id = pm.user_id
       WHERE u.email = 'maintainer@understory.demo' AND c.status = 'unreviewed' AND c.deleted_at IS NULL`);
    const page = await signedInPage(browser, app.baseUrl, "maintainer@understory.demo", PASSWORD);
    await page.goto(`${app.baseUrl}/review`);
    await expect.poll(() => page.getByTestId("result-count").textContent()).toBe(`${n} contributions, the longest-waiting first`);
    await page.screenshot({ path: `${SHOTS}/review-demo-contributions.png` });
  });
});
