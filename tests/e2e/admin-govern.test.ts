// Governance in Chromium: an admin changes a metric parameter (a refused value is explained
// beside its field first) and reads the change, before and after, in the audit log; a maintainer
// creates a campaign for their project and cannot reach the admin pages. Screenshots of the
// campaigns, parameters and audit pages go to tests/e2e/screenshots/.
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { queryRows, signedInPage } from "./session";
import { CHROMIUM_ARGS, chromiumPathOrThrow, startAppUnderTest, type AppUnderTest } from "./server";
import { seriousAxeViolations } from "./axe";

const SHOTS = "tests/e2e/screenshots";
const PEOPLE = {
  admin: { email: "ada@govern.test", handle: "ada", name: "Ada Admin", role: "admin", password: "ada-password-1" },
  maintainer: { email: "max@govern.test", handle: "max", name: "Max Maintainer", role: "maintainer", password: "max-password-1" },
  contributor: { email: "cleo@govern.test", handle: "cleo", name: "Cleo Contributor", role: "contributor", password: "cleo-password-1" },
} as const;
let app: AppUnderTest;
let browser: Browser;

async function seed(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const p of Object.values(PEOPLE)) {
      await client.query("INSERT INTO users (email, handle, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)", [p.email, p.handle, p.name, p.role, await hashPassword(p.password)]);
    }
    await client.query(`INSERT INTO projects (slug, name, kind) VALUES ('ocean-datanet', 'Ocean Datanet', 'datanet'), ('reef-vision', 'Reef Vision', 'model')`);
    await client.query(`INSERT INTO project_maintainers (project_id, user_id) SELECT p.id, u.id FROM projects p, users u WHERE p.slug = 'ocean-datanet' AND u.handle = 'max'`);
    await client.query(`INSERT INTO campaigns (name, kind, project_id, start_at, end_at) VALUES ('Genesis airdrop', 'airdrop', NULL, '2026-01-01Z', '2026-02-01Z')`);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const executablePath = chromiumPathOrThrow();
  mkdirSync(SHOTS, { recursive: true });
  app = await startAppUnderTest({ database: "e2e_govern", seed });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const signedIn = (who: keyof typeof PEOPLE): Promise<Page> => signedInPage(browser, app.baseUrl, PEOPLE[who].email, PEOPLE[who].password);
const query = <T,>(sql: string, params: unknown[] = []): Promise<T[]> => queryRows<T>(app.databaseUrl, sql, params);

describe("governance", () => {
  test("an admin changes the pass-through ρ and sees the change, before and after, in the audit log", async () => {
    const page = await signedIn("admin");
    expect((await page.goto(`${app.baseUrl}/admin/parameters`))?.status()).toBe(200);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Metric parameters · Ecosystem default");
    expect(await page.getByTestId("apply-status-label").textContent()).toBe("No metrics yet");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/govern-parameters.png`, fullPage: true });
    await page.screenshot({ path: `${SHOTS}/govern-parameters-top.png` });

    // Refused first: the message sits beside the field and nothing is stored.
    const rho = page.getByLabel("Pass-through ρ");
    expect(await rho.inputValue()).toBe("0.3");
    await rho.fill("1.5");
    await page.getByRole("button", { name: "Save parameters" }).click();
    await expect.poll(() => page.getByTestId("error-passThrough").textContent()).toBe("At most 1");
    expect(await query("SELECT id FROM metric_param_sets")).toEqual([]);

    await page.getByLabel("Pass-through ρ").fill("0.4");
    await page.getByRole("button", { name: "Save parameters" }).click();
    await page.waitForURL(/saved=updated/);
    expect(await page.getByTestId("saved-message").textContent()).toContain("Parameters saved");
    expect(await page.getByTestId("apply-status-label").textContent()).toBe("Recompute queued");
    const [set] = await query<{ project_id: number | null; rho: number; hash: string }>("SELECT project_id, (params->>'passThrough')::float8 AS rho, hash FROM metric_param_sets");
    expect(set.project_id).toBeNull();
    expect(set.rho).toBe(0.4);
    expect(await page.getByTestId("saved-hash").textContent()).toBe(set.hash);
    expect(await page.getByLabel("Pass-through ρ").inputValue()).toBe("0.4");
    expect((await query<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE kind = 'metrics.recompute' AND status = 'queued'"))[0].n).toBe(1);

    // A project without a set of its own follows the ecosystem's, ρ = 0.4 included.
    await page.getByLabel("Parameter set", { exact: true }).selectOption({ label: "Ocean Datanet" });
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/scope=\d+/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Metric parameters · Ocean Datanet");
    expect(await page.getByText("This project follows the ecosystem's parameters.", { exact: false }).count()).toBe(1);
    expect(await page.getByLabel("Pass-through ρ").inputValue()).toBe("0.4");
    expect(await page.getByTestId("saved-hash").textContent()).toBe(set.hash);

    // The audit log, filtered in the URL by the form.
    await page.goto(`${app.baseUrl}/admin/audit`);
    await page.getByLabel("Action").fill("metric_params.*");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/action=metric_params/);
    const events = page.getByTestId("audit-events").locator("li");
    expect(await events.count()).toBe(1);
    const event = events.first();
    expect(await event.getByTestId("audit-action").textContent()).toBe("metric_params.update");
    expect(await event.getByRole("link", { name: "@ada" }).count()).toBe(1);
    // Only what changed is listed open: the hash, ρ and where the set comes from (in jsonb's key order).
    const changed = event.getByTestId("audit-diff").locator("tbody tr");
    const rows = await changed.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? "").trim())));
    expect(rows).toEqual([
      ["hashchanged", expect.stringMatching(/^[0-9a-f]{16}$/) as unknown as string, set.hash],
      ["params.passThroughchanged", "0.3", "0.4"],
      ["sourcechanged", "defaults", "own"],
    ]);
    expect(await event.getByText(/unchanged fields/).textContent()).toBe("52 unchanged fields");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/govern-audit.png`, fullPage: true });
    // A reader opens the folded unchanged fields.
    await event.getByText(/unchanged fields/).click();
    await page.screenshot({ path: `${SHOTS}/govern-audit-open.png` });
    await page.context().close();
  });

  test("a maintainer creates a campaign for their project and cannot reach the admin pages", async () => {
    const page = await signedIn("maintainer");
    expect((await page.goto(`${app.baseUrl}/admin/parameters`))?.status()).toBe(404);
    expect((await page.goto(`${app.baseUrl}/admin/audit`))?.status()).toBe(404);
    expect((await page.goto(`${app.baseUrl}/campaigns`))?.status()).toBe(200);
    // The ecosystem campaign is listed, but only admins manage it.
    expect(await page.getByTestId("campaign-table").getByText("admins manage").count()).toBe(1);
    await page.getByRole("link", { name: "New campaign" }).click();
    await page.waitForURL(/\/campaigns\/new/);
    // Maintainers get no ecosystem option, and their single project is preselected.
    expect(await page.getByLabel("Runs in").locator("option").allTextContents()).toEqual(["Choose…", "Ocean Datanet"]);
    await page.getByLabel("Name").fill("Spring labelling bounty");
    await page.getByLabel("Kind").selectOption("bounty");
    await page.getByLabel("Starts (UTC)").fill("2026-03-01T00:00");
    await page.getByLabel("Ends (UTC, exclusive)").fill("2026-02-01T00:00");
    await page.getByRole("button", { name: "Create campaign" }).click();
    await expect.poll(() => page.getByTestId("error-endAt").textContent()).toBe("The end must be after the start");
    await page.screenshot({ path: `${SHOTS}/govern-campaign-form.png` });
    expect(await query("SELECT id FROM campaigns WHERE name = 'Spring labelling bounty'")).toEqual([]);
    await page.getByLabel("Ends (UTC, exclusive)").fill("2026-04-01T00:00");
    await page.getByRole("button", { name: "Create campaign" }).click();
    await page.waitForURL(/\/campaigns\?saved=created/);
    const row = page.getByTestId("campaign-table").locator("tr", { hasText: "Spring labelling bounty" });
    expect(await row.locator("td").allTextContents()).toEqual(["Spring labelling bounty", "Bounty", "Ocean Datanet", "1 Mar 2026, 00:00 UTC", "1 Apr 2026, 00:00 UTC", expect.stringMatching(/^(Upcoming|Running|Ended)$/) as unknown as string, "Edit"]);
    const stored = await query<{ kind: string; slug: string; start_at: Date; end_at: Date }>(
      "SELECT c.kind, p.slug, c.start_at, c.end_at FROM campaigns c JOIN projects p ON p.id = c.project_id WHERE c.name = 'Spring labelling bounty'",
    );
    expect(stored).toEqual([{ kind: "bounty", slug: "ocean-datanet", start_at: new Date("2026-03-01T00:00:00Z"), end_at: new Date("2026-04-01T00:00:00Z") }]);
    const audit = await query<{ action: string; handle: string }>("SELECT a.action, u.handle FROM audit_events a JOIN users u ON u.id = a.actor_id WHERE a.entity_type = 'campaign'");
    expect(audit).toEqual([{ action: "campaign.create", handle: "max" }]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/govern-campaigns.png`, fullPage: true });

    // Edit, then delete: each write is audited.
    await row.getByRole("link", { name: "Edit Spring labelling bounty" }).click();
    await page.waitForURL(/\/campaigns\/\d+\/edit/);
    await page.getByLabel("Name").fill("Spring labelling sprint");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(/saved=updated/);
    expect(await page.getByTestId("campaign-table").getByText("Spring labelling sprint").count()).toBe(1);
    await page.getByRole("link", { name: "Edit Spring labelling sprint" }).click();
    await page.getByRole("button", { name: "Delete campaign…" }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await page.waitForURL(/saved=deleted/);
    expect(await page.getByTestId("campaign-table").getByText("Spring labelling sprint").count()).toBe(0);
    expect(await query("SELECT a.action FROM audit_events a WHERE a.entity_type = 'campaign' ORDER BY a.id")).toEqual([
      { action: "campaign.create" }, { action: "campaign.update" }, { action: "campaign.delete" },
    ]);
    await page.context().close();
  });

  test("a contributor reaches none of these pages", async () => {
    const page = await signedIn("contributor");
    for (const path of ["/campaigns", "/campaigns/new", "/admin/parameters", "/admin/audit"]) {
      expect((await page.goto(`${app.baseUrl}${path}`))?.status(), path).toBe(404);
    }
    await page.context().close();
  });
});
