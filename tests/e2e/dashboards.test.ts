// The maintainer's dashboards in Chromium on the demo community: every page renders stored
// numbers, a few of them checked against the engine run directly on the same rows, filters in the
// URL change them, and people without the role are refused. Screenshots go to tests/e2e/screenshots/.
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import type { EngineOutput } from "../../lib/metrics/run-engine";
import { formatValue } from "../../components/charts/format";
import { queryRows, signedInPage } from "./session";
import { CHROMIUM_ARGS, chromiumPathOrThrow, startAppUnderTest, type AppUnderTest } from "./server";
import { engineReference, seedDemoWithMetrics } from "./demo-fixture";
import { seriousAxeViolations } from "./axe";

const SHOTS = "tests/e2e/screenshots";
const PASSWORD = "understory-demo";
let app: AppUnderTest;
let browser: Browser;
let engine: EngineOutput;

beforeAll(async () => {
  const executablePath = chromiumPathOrThrow();
  mkdirSync(SHOTS, { recursive: true });
  app = await startAppUnderTest({ database: "e2e_dashboards", seed: seedDemoWithMetrics });
  engine = await engineReference(app.databaseUrl);
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const signedIn = (email: string, width = 1280): Promise<Page> => signedInPage(browser, app.baseUrl, email, PASSWORD, width);
const query = <T,>(sql: string, params: unknown[] = []): Promise<T[]> => queryRows<T>(app.databaseUrl, sql, params);

/** The engine's value of a series at its last complete period. */
function lastComplete(scope: string, unit: "week" | "month", metric: string): number | null {
  const s = engine.scopes.find((x) => x.scope === scope)!.units.find((u) => u.unit === unit)!;
  const rows = s.series.filter((r) => r.metric === metric && r.segment === "all" && r.isComplete);
  return rows.at(-1)?.value ?? null;
}

function headline(page: Page, label: string) {
  return page.getByTestId("headlines").locator("div", { has: page.getByText(label, { exact: true }) }).locator("p").nth(1);
}

const PAGES = ["", "/retention", "/lifecycle", "/attribution", "/hubs", "/coherence", "/recognition", "/participation"];

describe("dashboards", () => {
  test("an admin sees every page with stored numbers that match the engine's", async () => {
    const page = await signedIn("admin@understory.demo");
    await page.goto(`${app.baseUrl}/dashboards`);
    const active = lastComplete("all", "week", "lifecycle.active");
    expect(active).toBeGreaterThan(50);
    await expect.poll(() => headline(page, "Active contributors").textContent()).toBe(formatValue(active, "integer"));
    const gini = lastComplete("all", "week", "concentration.attribution.gini");
    expect(await headline(page, "Gini of credit").textContent()).toBe(formatValue(gini, "number"));
    // The demo's link ring is found and shown as a signal with its evidence.
    await expect.poll(() => page.getByTestId("signal-link_ring").count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/dashboards-overview.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    for (const path of PAGES.slice(1)) {
      const res = await page.goto(`${app.baseUrl}/dashboards${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await page.getByTestId("no-run").count(), path).toBe(0);
      expect(await page.locator("figure").count(), path).toBeGreaterThan(0);
      expect(await seriousAxeViolations(page), path).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/dashboards${path.replace("/", "-")}.png`, fullPage: true });
    }
  });

  test("the attribution page lists the engine's top contributors by visibility", async () => {
    const page = await signedIn("admin@understory.demo");
    await page.goto(`${app.baseUrl}/dashboards/attribution`);
    const all = engine.scopes.find((s) => s.scope === "all")!;
    const top = [...all.summaries].sort((a, b) => b.visibility - a.visibility || engine.graph.contributorId[a.contributor] - engine.graph.contributorId[b.contributor])[0];
    const [user] = await query<{ handle: string }>("SELECT handle FROM users WHERE id = $1", [engine.graph.contributorId[top.contributor]]);
    const first = page.getByTestId("top-visibility").locator("tbody tr").first();
    await expect.poll(() => first.locator("td").nth(1).textContent()).toContain(`@${user.handle}`);
    expect(await first.locator("td").nth(2).textContent()).toBe(formatValue(top.visibility, "number"));
  });

  test("filters live in the URL: a project and monthly periods change the numbers", async () => {
    const page = await signedIn("maintainer@understory.demo");
    const [project] = await query<{ id: number; slug: string }>(
      "SELECT p.id, p.slug FROM projects p JOIN project_maintainers m ON m.project_id = p.id JOIN users u ON u.id = m.user_id WHERE u.email = 'maintainer@understory.demo' ORDER BY p.name LIMIT 1");
    await page.goto(`${app.baseUrl}/dashboards?project=${project.slug}&unit=month`);
    const monthly = lastComplete(`project:${project.id}`, "month", "lifecycle.active");
    const weekly = lastComplete(`project:${project.id}`, "week", "lifecycle.active");
    expect(monthly).not.toBe(weekly);
    await expect.poll(() => headline(page, "Active contributors").textContent()).toBe(formatValue(monthly, "integer"));
    // The filter form submits to the same page with the choices in the query string.
    await page.getByLabel("Period").selectOption("week");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL((u) => u.searchParams.get("unit") === "week" && u.searchParams.get("project") === project.slug);
    await expect.poll(() => headline(page, "Active contributors").textContent()).toBe(formatValue(weekly, "integer"));
    // A maintainer cannot read the ecosystem or a project they do not maintain: the first falls back to theirs, the second is not found.
    const [other] = await query<{ slug: string }>(
      "SELECT slug FROM projects WHERE id NOT IN (SELECT project_id FROM project_maintainers m JOIN users u ON u.id = m.user_id WHERE u.email = 'maintainer@understory.demo') LIMIT 1");
    const res = await page.goto(`${app.baseUrl}/dashboards?project=${other.slug}`);
    expect(res?.status()).toBe(404);
    await page.goto(`${app.baseUrl}/dashboards`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).not.toContain("Whole ecosystem");
  });

  test("a contributor gets no dashboard, and no dashboard link", async () => {
    const page = await signedIn("contributor@understory.demo");
    expect(await page.getByRole("link", { name: "Dashboards" }).count()).toBe(0);
    for (const path of PAGES) {
      const res = await page.goto(`${app.baseUrl}/dashboards${path}`);
      expect(res?.status(), path).toBe(404);
    }
  });

  test("a contributor's profile shows their stored credit, sources and class, on a phone too", async () => {
    const page = await signedIn("contributor@understory.demo", 390);
    const [me] = await query<{ id: number; handle: string }>("SELECT id, handle FROM users WHERE email = 'contributor@understory.demo'");
    await page.getByRole("link", { name: "My profile" }).click();
    await page.waitForURL(new RegExp(`/people/${me.handle}$`));
    const all = engine.scopes.find((s) => s.scope === "all")!;
    const u = all.summaries.find((s) => engine.graph.contributorId[s.contributor] === me.id)!;
    const card = page.getByTestId("profile-figures").locator("div", { has: page.getByText("Attribution (whole history)", { exact: true }) }).locator("p").nth(1);
    expect(await card.textContent()).toBe(formatValue(u.attribution, "number"));
    expect(await page.getByTestId("class-evidence").count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/profile-phone.png`, fullPage: true });
    // Another contributor's class is not theirs to see.
    const [other] = await query<{ handle: string }>("SELECT u.handle FROM users u JOIN contribution_authors a ON a.user_id = u.id WHERE u.id <> $1 AND u.password_hash IS NULL LIMIT 1", [me.id]);
    await page.goto(`${app.baseUrl}/people/${other.handle}`);
    expect(await page.getByTestId("class-evidence").count()).toBe(0);
  });
});
