// The graph explorer in Chromium against the production build: a maintainer picks a contribution
// through the search box, sees its lineage with the hub marked, follows a node to re-focus, then a
// person; a contributor and a maintainer of another project are refused. Screenshots land in
// tests/e2e/screenshots/.
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { CHROMIUM_ARGS, chromiumPathOrThrow, startAppUnderTest, type AppUnderTest } from "./server";
import { seriousAxeViolations } from "./axe";

const SHOTS = "tests/e2e/screenshots";
const MAINTAINER = { email: "mara@e2e.test", password: "mara-password-1" };
const CONTRIBUTOR = { email: "cleo@e2e.test", password: "cleo-password-1" };
let app: AppUnderTest;
let browser: Browser;

// Ocean Datanet (maintained by mara): ana's "Reef survey base" ← ben's "Cleaned reef survey"
// (builds on, confirmed) ← cleo's "Annotated reef survey" (builds on, unconfirmed) ← dan's "Reef
// model on annotations" (cites, confirmed). Reef Vision: dan's "Other project model" builds on
// cleo's work (not shown in Ocean Datanet). The newest run marks ben as a hub (betweenness 0.42).
async function seedGraphFixture(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    const user = async (handle: string, name: string, role: string, login?: { email: string; password: string }) => {
      const { rows } = await client.query<{ id: number }>(
        "INSERT INTO users (email, handle, name, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        [login?.email ?? `${handle}@e2e.test`, handle, name, role, login ? await hashPassword(login.password) : null],
      );
      return rows[0].id;
    };
    const mara = await user("mara", "Mara Lindgren", "maintainer", MAINTAINER);
    await user("cleo", "Cleo Baptiste", "contributor", CONTRIBUTOR);
    for (const [handle, name] of [["ana", "Ana Sousa"], ["ben", "Ben Adeyemi"], ["dan", "Dan Kowalski"]]) await user(handle, name, "contributor");
    await client.query(`INSERT INTO projects (slug, name, kind) VALUES ('ocean-datanet', 'Ocean Datanet', 'datanet'), ('reef-vision', 'Reef Vision', 'model')`);
    await client.query("INSERT INTO project_maintainers (project_id, user_id) SELECT id, $1 FROM projects WHERE slug = 'ocean-datanet'", [mara]);
    const contribution = async (handle: string, title: string, day: string, project: string) => {
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO contributions (project_id, title, kind, occurred_at, status, created_by_id)
         SELECT p.id, $2, 'data', $3::timestamptz, 'accepted', u.id FROM projects p, users u WHERE p.slug = $4 AND u.handle = $1 RETURNING id`,
        [handle, title, day, project],
      );
      await client.query("INSERT INTO contribution_authors (contribution_id, user_id, share) SELECT $1, id, 1 FROM users WHERE handle = $2", [rows[0].id, handle]);
      return rows[0].id;
    };
    const base = await contribution("ana", "Reef survey base", "2026-01-05T00:00:00Z", "ocean-datanet");
    const cleaned = await contribution("ben", "Cleaned reef survey", "2026-01-12T00:00:00Z", "ocean-datanet");
    const annotated = await contribution("cleo", "Annotated reef survey", "2026-01-19T00:00:00Z", "ocean-datanet");
    const model = await contribution("dan", "Reef model on annotations", "2026-01-26T00:00:00Z", "ocean-datanet");
    const other = await contribution("dan", "Other project model", "2026-01-27T00:00:00Z", "reef-vision");
    const link = (from: number, to: number, type: string, status: string) =>
      client.query("INSERT INTO links (from_id, to_id, type, status) VALUES ($1, $2, $3, $4)", [from, to, type, status]);
    await link(cleaned, base, "builds_on", "confirmed");
    await link(annotated, cleaned, "builds_on", "unconfirmed");
    await link(model, annotated, "cites", "confirmed");
    await link(other, annotated, "builds_on", "confirmed");
    // A finished run, so the dashboards show results, with ben as the project's hub.
    const { rows: [run] } = await client.query<{ id: number }>(
      `INSERT INTO metric_runs (status, metric_version, params_hash, as_of, finished_at, contributions, links, contributors)
       VALUES ('succeeded', 1, 'e2e', '2026-02-02T00:00:00Z', now(), 5, 4, 4) RETURNING id`,
    );
    await client.query(
      `INSERT INTO metric_contributor_summaries (run_id, scope, user_id, contributions, attribution, attribution_share, contribution_share,
         premium, betweenness, is_hub, pass_through, pagerank, visibility, visibility_share, sources)
       SELECT $1, 'project:' || p.id, u.id, 1, 1, 0.25, 0.25, 0, CASE WHEN u.handle = 'ben' THEN 0.42 ELSE 0 END, u.handle = 'ben', 0, 1, 1, 0.25, '[]'
       FROM users u, projects p WHERE p.slug = 'ocean-datanet' AND u.handle IN ('ana', 'ben', 'cleo', 'dan')`,
      [run.id],
    );
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const executablePath = chromiumPathOrThrow();
  mkdirSync(SHOTS, { recursive: true });
  app = await startAppUnderTest({ database: "e2e_graph", seed: seedGraphFixture });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signedIn(login: { email: string; password: string }, width = 1280): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
  await page.goto(`${app.baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(login.email);
  await page.getByLabel("Password").fill(login.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/contributions/);
  return page;
}

async function idOf(title: string): Promise<number> {
  const client = new pg.Client({ connectionString: app.databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ id: number }>("SELECT id FROM contributions WHERE title = $1", [title])).rows[0].id;
  } finally {
    await client.end();
  }
}

describe("graph explorer", () => {
  test("a maintainer searches, opens a contribution, follows a node and then a person", async () => {
    const page = await signedIn(MAINTAINER);
    await page.goto(`${app.baseUrl}/dashboards/graph`);
    await expect.poll(() => page.getByTestId("graph-start").textContent()).toContain("@ben");

    await page.getByRole("searchbox").fill("clean");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByTestId("graph-search-results").getByRole("link", { name: "Cleaned reef survey" }).click();
    const [base, cleaned, annotated, model] = await Promise.all(
      ["Reef survey base", "Cleaned reef survey", "Annotated reef survey", "Reef model on annotations"].map(idOf),
    );
    await page.waitForURL((u) => u.searchParams.get("contribution") === String(cleaned));
    // Depth 2 by default: the base it builds on, and two steps of newer work; never the other project's.
    for (const id of [base, cleaned, annotated, model]) expect(await page.getByTestId(`graph-node-c${id}`).count()).toBe(1);
    expect(await page.getByTestId("graph-svg").locator("a").count()).toBe(4);
    const table = page.getByTestId("graph-node-table");
    expect(await table.textContent()).not.toContain("Other project model");
    expect(await table.locator("tr", { hasText: "Cleaned reef survey" }).textContent()).toContain("hub 0.420");
    expect(await page.getByTestId("graph-edge-table").textContent()).toContain("unconfirmed");
    expect(await page.getByTestId("graph-legend").textContent()).toContain("by a hub");
    expect(await page.getByTestId("graph-truncated").count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/graph-explorer-contribution.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Re-focus by following a node in the picture.
    await page.getByTestId(`graph-node-c${annotated}`).click();
    await page.waitForURL((u) => u.searchParams.get("contribution") === String(annotated) && u.searchParams.get("depth") === "2");
    await expect.poll(() => page.getByTestId("graph-summary").textContent()).toContain("Annotated reef survey");
    expect(await page.getByTestId("graph-summary").textContent()).toContain("It links to 1 older work; 1 newer work links to it.");
    await page.screenshot({ path: `${SHOTS}/graph-explorer-refocused.png`, fullPage: true });

    // From an author to the person: who they build on, who builds on them.
    await page.getByTestId("graph-node-table").getByRole("link", { name: "@ben" }).click();
    await page.waitForURL((u) => u.searchParams.get("contributor") === "ben");
    await expect.poll(() => page.getByTestId("top-sources").textContent()).toContain("@ana");
    expect(await page.getByTestId("top-builders").textContent()).toContain("@cleo");
    expect(await page.getByTestId("graph-summary").textContent()).toContain("is a hub");
    await page.screenshot({ path: `${SHOTS}/graph-explorer-contributor.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();

    const phone = await signedIn(MAINTAINER, 390);
    await phone.goto(`${app.baseUrl}/dashboards/graph?contribution=${cleaned}`);
    await expect.poll(() => phone.getByTestId("graph-svg").count()).toBe(1);
    await phone.screenshot({ path: `${SHOTS}/graph-explorer-phone.png`, fullPage: true });
    await phone.context().close();
  });

  test("a contributor is refused, and a maintainer cannot open another project", async () => {
    const contributor = await signedIn(CONTRIBUTOR);
    expect((await contributor.goto(`${app.baseUrl}/dashboards/graph`))?.status()).toBe(404);
    await contributor.context().close();
    const maintainer = await signedIn(MAINTAINER);
    expect((await maintainer.goto(`${app.baseUrl}/dashboards/graph?project=reef-vision`))?.status()).toBe(404);
    const other = await idOf("Other project model");
    await maintainer.goto(`${app.baseUrl}/dashboards/graph?contribution=${other}`);
    await expect.poll(() => maintainer.getByTestId("graph-not-found").textContent()).toContain(`No contribution #${other} in Ocean Datanet`);
    await maintainer.context().close();
  });
});
