// The API tokens page in Chromium against the production build: a contributor creates a token, sees
// it once, uses it on the REST API, and revokes it, after which the API refuses it; an admin sees
// everyone's tokens. Screenshots land in tests/e2e/screenshots/.
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { createHash } from "node:crypto";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { CHROMIUM_ARGS, chromiumPathOrThrow, startAppUnderTest, type AppUnderTest } from "./server";
import { PEOPLE, seedJourneyFixture } from "./fixture";
import { queryRows, signedInPage } from "./session";
import { seriousAxeViolations } from "./axe";

const SHOTS = "tests/e2e/screenshots";
const ADMIN = { email: "ada@e2e.test", password: "ada-password-1" };
let app: AppUnderTest;
let browser: Browser;

async function seed(url: string) {
  await seedJourneyFixture(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("INSERT INTO users (email, handle, name, password_hash, role) VALUES ($1, 'ada', 'Ada Admin', $2, 'admin')", [ADMIN.email, await hashPassword(ADMIN.password)]);
  await client.end();
}

beforeAll(async () => {
  const executablePath = chromiumPathOrThrow();
  app = await startAppUnderTest({ database: "e2e_api_tokens", seed });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const api = (path: string, token: string) => fetch(`${app.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });

describe("API tokens page", () => {
  test("a contributor creates a token, sees it once, uses it, and revokes it", async () => {
    const page = await signedInPage(browser, app.baseUrl, PEOPLE.bob.email, PEOPLE.bob.password);
    await page.getByRole("link", { name: "API tokens" }).click();
    await page.waitForURL(/\/tokens$/);
    expect(await page.getByText("You have no tokens yet.").isVisible()).toBe(true);
    // metrics:read needs a maintainer: shown, but not grantable by a contributor.
    expect(await page.getByRole("checkbox", { name: /metrics:read/ }).isDisabled()).toBe(true);

    await page.getByRole("button", { name: "Create token" }).click();
    expect(await page.getByTestId("error-token-name").isVisible().catch(() => false) || (await page.getByLabel("Name").evaluate((el) => (el as HTMLInputElement).validity.valueMissing))).toBe(true);
    await page.getByLabel("Name").fill("Reef importer");
    await page.getByRole("checkbox", { name: /^write/ }).check();
    await page.getByRole("button", { name: "Create token" }).click();
    const value = page.getByTestId("new-token-value");
    await value.waitFor();
    const token = (await value.textContent())!.trim();
    expect(token).toMatch(/^us_[0-9a-f]{8}_[0-9a-f]{64}$/);
    const row = page.getByRole("row", { name: /Reef importer/ });
    expect(await row.textContent()).toContain(`${token.slice(0, 11)}_…`);
    expect(await row.textContent()).toContain("never");
    const stored = await queryRows<{ token_hash: string; scopes: string[]; prefix: string }>(app.databaseUrl, "SELECT token_hash, scopes, prefix FROM api_tokens");
    expect(stored).toEqual([{ token_hash: createHash("sha256").update(token).digest("hex"), scopes: ["read", "write"], prefix: token.slice(0, 11) }]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/api-tokens-created.png`, fullPage: true });

    const res = await api("/projects", token);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { slug: string }[] }).data.map((p) => p.slug)).toEqual(["ocean-datanet", "reef-vision"]);

    // Shown once: a fresh load of the page has only the prefix, and now a last-used time.
    await page.reload();
    expect(await page.getByTestId("new-token-value").count()).toBe(0);
    expect(await page.content()).not.toContain(token.slice(12));
    expect(await page.getByRole("row", { name: /Reef importer/ }).textContent()).toMatch(/UTC.*UTC/);

    await page.getByRole("button", { name: "Revoke Reef importer" }).click();
    await page.getByRole("button", { name: "Yes, revoke" }).click();
    await page.getByRole("row", { name: /Reef importer/ }).getByText("revoked").waitFor();
    await page.screenshot({ path: `${SHOTS}/api-tokens-revoked.png`, fullPage: true });
    const refused = await api("/projects", token);
    expect([refused.status, ((await refused.json()) as { error: { code: string } }).error.code]).toEqual([401, "invalid_token"]);
    const audit = await queryRows<{ action: string }>(app.databaseUrl, "SELECT action FROM audit_events WHERE entity_type = 'api_token' ORDER BY id");
    expect(audit.map((a) => a.action)).toEqual(["api_token.create", "api_token.revoke"]);
    await page.context().close();
  });

  test("an admin sees everyone's tokens and can grant metrics:read", async () => {
    const page = await signedInPage(browser, app.baseUrl, ADMIN.email, ADMIN.password);
    await page.goto(`${app.baseUrl}/tokens`);
    const others = page.getByRole("table", { name: "Everyone else’s API tokens" });
    expect(await others.getByRole("row", { name: /Reef importer/ }).textContent()).toContain("@bob");
    expect(await page.getByRole("checkbox", { name: /metrics:read/ }).isDisabled()).toBe(false);
    await page.screenshot({ path: `${SHOTS}/api-tokens-admin.png`, fullPage: true });
    await page.context().close();
  });

  test("serves the OpenAPI document without a token", async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/openapi.json`);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect([res.status, doc.openapi, Object.keys(doc.paths).length]).toEqual([200, "3.1.0", 18]);
  });
});
