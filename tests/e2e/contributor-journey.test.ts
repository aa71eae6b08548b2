// The contributor's journey in Chromium against the production build: sign up, log a contribution
// with a co-author, link it to earlier work, the target's author confirms, a third person disputes
// another link. Screenshots land in tests/e2e/screenshots/ for a person to look at.
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import pg from "pg";
import { CHROMIUM_ARGS, chromiumPathOrThrow, startAppUnderTest, type AppUnderTest } from "./server";
import { PEOPLE, seedJourneyFixture } from "./fixture";

const SHOTS = "tests/e2e/screenshots";
let app: AppUnderTest;
let browser: Browser;

beforeAll(async () => {
  const executablePath = chromiumPathOrThrow();
  mkdirSync(SHOTS, { recursive: true });
  app = await startAppUnderTest({ database: "e2e_journey", seed: seedJourneyFixture });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${app.baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/contributions/);
}

async function dbValue<T>(sql: string, params: unknown[] = []): Promise<T> {
  const client = new pg.Client({ connectionString: app.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows[0] as T;
  } finally {
    await client.end();
  }
}

describe("contributor journey", () => {
  test("an anonymous visitor is sent to the sign-in page", async () => {
    const page = await newPage();
    await page.goto(`${app.baseUrl}/contributions`);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/sign-in");
    await page.screenshot({ path: `${SHOTS}/01-sign-in.png` });
    await page.context().close();
  });

  test("sign up, log a contribution with a co-author, link it, confirm, dispute", async () => {
    const erin = await newPage();
    await erin.goto(`${app.baseUrl}/sign-up`);
    await erin.getByLabel("Name").fill("Erin Mwangi");
    await erin.getByLabel("Handle").fill("erin");
    await erin.getByLabel("Email").fill("erin@e2e.test");
    await erin.getByLabel("Password").fill("short");
    await erin.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => erin.getByTestId("error-password").textContent()).toBe("At least 10 characters");
    await erin.getByLabel("Password").fill("erin-password-1");
    await erin.getByRole("button", { name: "Create account" }).click();
    await erin.waitForURL(/\/contributions\/new/);

    // Refused first: errors appear beside their fields and nothing is stored.
    await erin.getByRole("button", { name: "Log contribution" }).click();
    await expect.poll(() => erin.getByTestId("error-title").textContent()).toBe("Title is required");
    expect(await erin.getByTestId("error-kind").textContent()).toBe("Choose a kind");
    await erin.screenshot({ path: `${SHOTS}/02-log-contribution-errors.png`, fullPage: true });
    expect((await dbValue<{ n: number }>("SELECT count(*)::int AS n FROM contributions")).n).toBe(3);

    await erin.getByLabel("Title").fill("Reef survey 2026 annotations");
    await erin.getByLabel("Kind").selectOption("data");
    await erin.getByLabel("Project").selectOption({ label: "Ocean Datanet" });
    await erin.getByLabel("When it happened (UTC)").fill("2026-02-01");
    await erin.getByLabel("Description (optional)").fill("Bounding boxes for 1,200 survey photos.");
    await erin.getByRole("button", { name: "Add a co-author" }).click();
    await erin.getByLabel("Co-author 1 handle").fill("bob");
    await erin.getByLabel("Co-author 1 share in percent").fill("30");
    expect(await erin.getByTestId("my-share").textContent()).toBe("@erin 70 %");
    await erin.screenshot({ path: `${SHOTS}/03-log-contribution-filled.png`, fullPage: true });
    await erin.getByRole("button", { name: "Log contribution" }).click();
    await erin.waitForURL(/\/contributions\/\d+\?created=1/);
    const authors = await erin.getByTestId("authors").textContent();
    expect(authors).toContain("@erin · 70 %");
    expect(authors).toContain("@bob · 30 %");

    // Link it to Bob's earlier survey through the search picker.
    await erin.getByLabel("Find the work this builds on").fill("reef survey");
    await erin.getByRole("button", { name: /Reef survey 2025, cleaned/ }).click();
    await erin.getByLabel("Note (optional)").fill("annotated his cleaned photos");
    await erin.getByRole("button", { name: "Add link" }).click();
    await expect.poll(() => erin.getByTestId("form-message").first().textContent()).toMatch(/Link added/);
    await expect.poll(() => erin.getByTestId("links-out").textContent()).toContain("Reef survey 2025, cleaned");
    expect(await erin.getByTestId("links-out").textContent()).toContain("unconfirmed");
    await erin.screenshot({ path: `${SHOTS}/04-contribution-linked.png`, fullPage: true });

    await erin.goto(`${app.baseUrl}/contributions`);
    expect(await erin.getByTestId("result-count").textContent()).toBe("1 contribution");
    await erin.screenshot({ path: `${SHOTS}/05-my-contributions.png`, fullPage: true });
    await erin.context().close();

    // Bob, the target's author, confirms from his inbox.
    const bob = await newPage();
    await signIn(bob, PEOPLE.bob.email, PEOPLE.bob.password);
    await bob.goto(`${app.baseUrl}/me`);
    const item = bob.getByTestId("awaiting-list").locator("li").filter({ hasText: "Reef survey 2026 annotations" });
    await bob.screenshot({ path: `${SHOTS}/06-inbox.png`, fullPage: true });
    await item.getByRole("button", { name: "Confirm" }).click();
    await expect.poll(async () => (await dbValue<{ status: string }>("SELECT status FROM links WHERE note = 'annotated his cleaned photos'")).status).toBe("confirmed");
    await bob.context().close();

    // Carol disputes Dave's link to her labels; a dispute needs a reason.
    const carol = await newPage();
    await signIn(carol, PEOPLE.carol.email, PEOPLE.carol.password);
    await carol.goto(`${app.baseUrl}/me`);
    const daves = carol.getByTestId("awaiting-list").locator("li").filter({ hasText: "Reef model v0" });
    await daves.getByRole("button", { name: "Dispute…" }).click();
    await daves.getByRole("button", { name: "Dispute link" }).click();
    await expect.poll(() => daves.locator("[data-testid^=error-reason]").textContent()).toBe("Say why in at least 10 characters");
    await daves.getByLabel("Why is this link wrong?").fill("The model was trained on a different tide data set.");
    await daves.getByRole("button", { name: "Dispute link" }).click();
    await expect.poll(async () => (await dbValue<{ status: string }>("SELECT status FROM links WHERE note = 'trained on these labels'")).status).toBe("disputed");
    const dispute = await dbValue<{ reason: string; handle: string }>("SELECT d.reason, u.handle FROM disputes d JOIN users u ON u.id = d.raised_by_id");
    expect(dispute).toEqual({ reason: "The model was trained on a different tide data set.", handle: "carol" });
    const tide = await dbValue<{ id: number }>("SELECT id FROM contributions WHERE title = 'Tide gauge labels'");
    await carol.goto(`${app.baseUrl}/contributions/${tide.id}`);
    expect(await carol.getByTestId("links-in").textContent()).toContain("disputed");
    await carol.screenshot({ path: `${SHOTS}/07-disputed-link.png`, fullPage: true });

    // Carol cannot edit Erin's work: the edit page does not exist for her.
    const erins = await dbValue<{ id: number }>("SELECT id FROM contributions WHERE title = 'Reef survey 2026 annotations'");
    const res = await carol.goto(`${app.baseUrl}/contributions/${erins.id}/edit`);
    expect(res?.status()).toBe(404);

    // Every write above left an audit event.
    const actions = await dbValue<{ a: string[] }>("SELECT array_agg(action ORDER BY id) AS a FROM audit_events");
    expect(actions.a).toEqual(["user.sign_up", "contribution.create", "link.create", "link.confirm", "dispute.create", "link.dispute"]);
    await carol.context().close();
  });
});
