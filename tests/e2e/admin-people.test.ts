// The admin's people journey in Chromium: the overview, a search, a role change, a merge of two
// identities of one person and its undo, each checked against the database; screenshots of the
// overview, the people list, a person's page and the projects page go to tests/e2e/screenshots/.
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { CHROMIUM_ARGS, chromiumPathOrThrow, startAppUnderTest, type AppUnderTest } from "./server";
import { queryRows, signedInPage } from "./session";
import { seriousAxeViolations } from "./axe";

const SHOTS = "tests/e2e/screenshots";
const ADMIN = { email: "ada@e2e.test", password: "ada-password-1" };
const CONTRIBUTOR = { email: "pat@e2e.test", password: "pat-password-1" };

/**
 * ada (admin), pat (contributor), ana (signed up) and ana-gh (imported from a git history, no
 * credentials, the same person). Work: "Reef labels" by ana-gh alone, "Buoy model" by ana-gh 30 %
 * with ana 70 %, "Tide notes" by ana alone, all in Ocean Datanet (maintained by nobody yet).
 */
async function seed(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("INSERT INTO users (email, handle, name, password_hash, role) VALUES ($1, 'ada', 'Ada Admin', $2, 'admin')", [ADMIN.email, await hashPassword(ADMIN.password)]);
    await client.query("INSERT INTO users (email, handle, name, password_hash) VALUES ($1, 'pat', 'Pat Quinn', $2)", [CONTRIBUTOR.email, await hashPassword(CONTRIBUTOR.password)]);
    await client.query("INSERT INTO users (email, handle, name, password_hash) VALUES ('ana@e2e.test', 'ana', 'Ana Pereira', $1)", [await hashPassword("ana-password-1")]);
    await client.query("INSERT INTO users (email, handle, name, is_imported) VALUES (NULL, 'ana-gh', 'Ana Pereira', true)");
    await client.query("INSERT INTO projects (slug, name, kind) VALUES ('ocean-datanet', 'Ocean Datanet', 'datanet'), ('reef-vision', 'Reef Vision', 'model')");
    const work = async (title: string, day: string, authors: [string, string][]) => {
      const { rows } = await client.query<{ id: number }>(
        "INSERT INTO contributions (project_id, title, kind, occurred_at) SELECT id, $1, 'data', $2::timestamptz FROM projects WHERE slug = 'ocean-datanet' RETURNING id",
        [title, day],
      );
      for (const [handle, share] of authors) {
        await client.query("INSERT INTO contribution_authors (contribution_id, user_id, share) SELECT $1, id, $2 FROM users WHERE handle = $3", [rows[0].id, share, handle]);
      }
    };
    await work("Reef labels", "2026-01-10T00:00:00Z", [["ana-gh", "1"]]);
    await work("Buoy model", "2026-01-12T00:00:00Z", [["ana-gh", "0.3"], ["ana", "0.7"]]);
    await work("Tide notes", "2026-01-14T00:00:00Z", [["ana", "1"]]);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    await client.end();
  }
}

let app: AppUnderTest;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const executablePath = chromiumPathOrThrow();
  app = await startAppUnderTest({ database: "e2e_admin_people", seed });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  page = await signedInPage(browser, app.baseUrl, ADMIN.email, ADMIN.password);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const authors = () =>
  queryRows<{ title: string; handle: string; share: string }>(
    app.databaseUrl,
    "SELECT c.title, u.handle, a.share::text AS share FROM contribution_authors a JOIN contributions c ON c.id = a.contribution_id JOIN users u ON u.id = a.user_id ORDER BY c.id, u.handle",
  );

const ORIGINAL = [
  { title: "Reef labels", handle: "ana-gh", share: "1.00000000" },
  { title: "Buoy model", handle: "ana", share: "0.70000000" },
  { title: "Buoy model", handle: "ana-gh", share: "0.30000000" },
  { title: "Tide notes", handle: "ana", share: "1.00000000" },
];

describe("admin people journey", () => {
  test("the overview shows the real counts, each linking to its section", async () => {
    await page.goto(`${app.baseUrl}/admin`);
    await page.getByRole("heading", { name: "Admin overview" }).waitFor();
    expect(await page.getByTestId("overview-active-people").locator("p").nth(1).textContent()).toBe("4");
    expect(await page.getByTestId("overview-imported").textContent()).toContain("1 not yet claimed");
    expect(await page.getByTestId("overview-contributions").locator("p").nth(1).textContent()).toBe("3");
    expect(await page.getByTestId("overview-unreviewed-contributions").locator("p").nth(1).textContent()).toBe("3");
    expect(await page.getByTestId("overview-last-run").textContent()).toContain("No run yet.");
    const nav = page.getByRole("navigation", { name: "Admin sections" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Overview", "People", "Projects", "Campaigns", "Metric parameters", "Imports", "Exports", "API tokens", "Audit log"]);
    expect(await nav.getByRole("link", { name: "Overview" }).getAttribute("aria-current")).toBe("page");
    await page.screenshot({ path: `${SHOTS}/admin-overview.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId("overview-imported").click();
    await page.waitForURL(/\/admin\/people\?state=imported$/);
    expect(await page.getByTestId("result-count").textContent()).toBe("1 person");
  });

  test("searches a person and changes their role; their old session ends", async () => {
    await page.goto(`${app.baseUrl}/admin/people`);
    expect(await page.getByTestId("result-count").textContent()).toBe("4 people");
    await page.getByLabel("Search handle, name or email").fill("pereira");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=pereira/);
    expect(await page.getByTestId("result-count").textContent()).toBe("2 people");
    await page.screenshot({ path: `${SHOTS}/admin-people.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    const pat = await signedInPage(browser, app.baseUrl, CONTRIBUTOR.email, CONTRIBUTOR.password);
    const denied = await pat.goto(`${app.baseUrl}/admin/people`);
    expect(denied?.status()).toBe(404);

    await page.getByLabel("Search handle, name or email").fill("pat@e2e");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=pat%40e2e/);
    await page.getByTestId("person-row-pat").getByRole("link", { name: "Pat Quinn" }).click();
    await page.waitForURL(/\/admin\/people\/\d+$/);
    await page.getByTestId("role-form").getByLabel("Role").selectOption("maintainer");
    await page.getByRole("button", { name: "Change role" }).click();
    await expect.poll(() => page.getByTestId("role-form").getByTestId("form-message").textContent()).toBe("Role changed to maintainer. Their sessions have ended.");
    const [row] = await queryRows<{ role: string; session_version: number }>(app.databaseUrl, "SELECT role, session_version FROM users WHERE handle = 'pat'");
    expect(row).toEqual({ role: "maintainer", session_version: 1 });
    const [audit] = await queryRows<{ action: string; before: { role: string }; after: { role: string } }>(app.databaseUrl, "SELECT action, before, after FROM audit_events ORDER BY id DESC LIMIT 1");
    expect([audit.action, audit.before.role, audit.after.role]).toEqual(["user.role_change", "contributor", "maintainer"]);
    // pat's browser still holds the old session: it no longer counts
    const res = await pat.goto(`${app.baseUrl}/contributions`);
    expect(new URL(res!.url()).pathname).toBe("/sign-in");
    await pat.context().close();
  });

  test("merges the imported identity into the account, shares added, then undoes it exactly", async () => {
    expect(await authors()).toEqual(ORIGINAL);
    await page.goto(`${app.baseUrl}/admin/people?q=ana-gh`);
    await page.getByTestId("person-row-ana-gh").getByRole("link").click();
    await page.waitForURL(/\/admin\/people\/\d+$/);
    const form = page.getByTestId("merge-form-into-other");
    await form.getByLabel("Merge @ana-gh into another identity: the handle of the one that stays").fill("@ana");
    await form.getByRole("button", { name: "Merge…" }).click();
    await form.getByRole("button", { name: "Merge", exact: true }).click();
    // the page turns into the merged identity's page: the forms give way to the merge's record
    await page.getByText("This identity is merged: undo the merge below to change it.").waitFor();
    expect(await authors()).toEqual([
      { title: "Reef labels", handle: "ana", share: "1.00000000" },
      { title: "Buoy model", handle: "ana", share: "1.00000000" },
      { title: "Tide notes", handle: "ana", share: "1.00000000" },
    ]);
    expect(await page.getByTestId("person-facts").textContent()).toContain("merged into @ana");
    await page.screenshot({ path: `${SHOTS}/admin-person-merged.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    const history = page.getByTestId("merge-history");
    expect(await history.textContent()).toContain("2 authorships moved, 1 co-authored (shares added)");
    await history.getByRole("button", { name: "Undo…" }).click();
    await history.getByRole("button", { name: "Undo", exact: true }).click();
    await expect.poll(() => history.textContent()).toMatch(/Undone .* by @ada/);
    expect(await authors()).toEqual(ORIGINAL);
    const [source] = await queryRows<{ deactivated_at: Date | null; merged_into_id: number | null }>(app.databaseUrl, "SELECT deactivated_at, merged_into_id FROM users WHERE handle = 'ana-gh'");
    expect(source).toEqual({ deactivated_at: null, merged_into_id: null });
    const actions = await queryRows<{ action: string }>(app.databaseUrl, "SELECT action FROM audit_events WHERE entity_type = 'user' ORDER BY id");
    expect(actions.map((a) => a.action)).toEqual(["user.role_change", "user.merge", "user.merge_undo"]);
    const [job] = await queryRows<{ reasons: string[] }>(app.databaseUrl, "SELECT payload->'reasons' AS reasons FROM jobs WHERE kind = 'metrics.recompute' AND status = 'queued'");
    expect([...job.reasons].sort()).toEqual(["user.merge", "user.merge_undo"]);
    await page.getByTestId("claim-form").waitFor();
    // the likely duplicate is offered the right way round: the imported identity goes to the account
    expect(await page.getByTestId("duplicates").getByRole("button").textContent()).toBe("Attach @ana-gh to @ana…");
    await page.screenshot({ path: `${SHOTS}/admin-person.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test("the projects page lists contribution counts and makes a promoted maintainer", async () => {
    await page.goto(`${app.baseUrl}/admin/projects`);
    expect(await page.getByTestId("project-row-ocean-datanet").textContent()).toContain("3");
    await page.screenshot({ path: `${SHOTS}/admin-projects.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "New project" }).click();
    await page.waitForURL(/\/admin\/projects\/new$/);
    await page.getByLabel("Name", { exact: true }).fill("Kelp Watch");
    await page.getByLabel("Slug", { exact: true }).fill("ocean-datanet");
    await page.getByLabel("Kind", { exact: true }).selectOption("datanet");
    await page.getByRole("button", { name: "Create project" }).click();
    await expect.poll(() => page.getByTestId("error-slug").textContent()).toBe("“ocean-datanet” is already the slug of Ocean Datanet");
    await page.getByLabel("Slug", { exact: true }).fill("kelp-watch");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.waitForURL(/\/admin\/projects\/\d+\?created=1$/);
    const add = page.getByTestId("add-maintainer-form");
    await add.getByLabel("Handle").fill("ana");
    await add.getByRole("button", { name: "Add maintainer" }).click();
    await expect.poll(() => add.getByTestId("error-maintainer-handle").textContent()).toBe("@ana is a contributor: tick “Promote to maintainer” to make them one");
    await add.getByLabel(/Promote to maintainer/).check();
    await add.getByRole("button", { name: "Add maintainer" }).click();
    await expect.poll(() => add.getByTestId("form-message").textContent()).toBe("Added, and promoted to maintainer (their sessions have ended).");
    await page.getByTestId("maintainers").getByText("@ana").waitFor();
    const [ana] = await queryRows<{ role: string }>(app.databaseUrl, "SELECT role FROM users WHERE handle = 'ana'");
    expect(ana.role).toBe("maintainer");
    await page.screenshot({ path: `${SHOTS}/admin-project.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
