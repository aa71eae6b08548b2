// An admin imports a CSV of contributions with one bad row in Chromium: the upload, the import's
// page following it to the end, the counts and the per-row report, the history; and a contributor
// refused both the page and the upload route. Screenshots in tests/e2e/screenshots/.
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { mkdirSync } from "node:fs";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { ABANDONED_MESSAGE } from "../../lib/import/abandoned";
import { IMPORT_LOCK_NAMESPACE } from "../../lib/import/batch-row";
import { CHROMIUM_ARGS, chromiumPathOrThrow, startAppUnderTest, type AppUnderTest } from "./server";
import { PEOPLE, seedJourneyFixture } from "./fixture";
import { queryRows, signedInPage } from "./session";
import { seriousAxeViolations } from "./axe";

const SHOTS = "tests/e2e/screenshots";
const ADMIN = { email: "root@e2e.test", password: "root-password-1" };
let app: AppUnderTest;
let browser: Browser;

// Line 3 has a month 13; lines 2 and 4 load (bob@e2e.test is an existing account, ada is new).
const CSV = [
  "external_id,project,title,kind,occurred_at,authors",
  "e1,ocean-datanet,Survey upload,data,2026-01-10,Ada Lovelace <ada@example.org>",
  "e2,ocean-datanet,Labels upload,data,2026-13-01,ada@example.org",
  'e3,ocean-datanet,"Model upload, v2",model,2026-01-12,"ada@example.org=0.5; bob@e2e.test=0.5"',
  "",
].join("\n");

async function seed(url: string) {
  await seedJourneyFixture(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("INSERT INTO users (email, handle, name, password_hash, role) VALUES ($1, 'root', 'Rosa Admin', $2, 'admin')", [ADMIN.email, await hashPassword(ADMIN.password)]);
  await client.end();
}

beforeAll(async () => {
  const executablePath = chromiumPathOrThrow();
  mkdirSync(SHOTS, { recursive: true });
  app = await startAppUnderTest({ database: "e2e_admin_import", seed });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("admin import", () => {
  test("an admin uploads a CSV with one bad row and sees the result and the error report", async () => {
    const page = await signedInPage(browser, app.baseUrl, ADMIN.email, ADMIN.password);
    await page.goto(`${app.baseUrl}/admin/imports`);
    await expect.poll(() => page.getByRole("heading", { name: "Imports" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("No imports yet.").isVisible()).toBe(true);

    // The source is required: the server says so beside the field.
    await page.getByLabel("File", { exact: true }).setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await page.screenshot({ path: `${SHOTS}/admin-imports.png`, fullPage: true });
    await page.getByRole("button", { name: "Upload and import" }).click();
    await expect.poll(() => page.getByTestId("error-source").textContent()).toContain("1–63 characters");

    await page.getByLabel("Source").fill("e2e-sheet");
    await page.getByRole("button", { name: "Upload and import" }).click();
    await page.waitForURL(/\/admin\/imports\/\d+$/);
    await expect.poll(() => page.getByTestId("import-status").textContent(), { timeout: 20_000 }).toBe("succeeded");
    expect(await page.getByTestId("count-total").textContent()).toBe("3");
    expect(await page.getByTestId("count-inserted").textContent()).toBe("2");
    expect(await page.getByTestId("count-skipped").textContent()).toBe("0");
    expect(await page.getByTestId("count-errors").textContent()).toBe("1");
    const report = await page.getByTestId("import-errors").locator("tbody tr").allTextContents();
    expect(report).toEqual(["3occurred_at: Not a valid date"]);
    await expect.poll(() => page.getByText("source e2e-sheet").isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/admin-import-report.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    const rows = await queryRows<{ external_id: string; title: string; authors: string }>(app.databaseUrl,
      `SELECT c.external_id, c.title, string_agg(u.email || '=' || a.share::text, ', ' ORDER BY u.email) AS authors
         FROM contributions c JOIN contribution_authors a ON a.contribution_id = c.id JOIN users u ON u.id = a.user_id
        WHERE c.source = 'import' GROUP BY c.id ORDER BY c.id`);
    expect(rows).toEqual([
      { external_id: "e2e-sheet:e1", title: "Survey upload", authors: "ada@example.org=1.00000000" },
      { external_id: "e2e-sheet:e3", title: "Model upload, v2", authors: "ada@example.org=0.50000000, bob@e2e.test=0.50000000" },
    ]);

    // The same file again: everything already present, nothing written.
    await page.goto(`${app.baseUrl}/admin/imports`);
    await page.getByLabel("File", { exact: true }).setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await page.getByLabel("Source").fill("e2e-sheet");
    await page.getByRole("button", { name: "Upload and import" }).click();
    await page.waitForURL(/\/admin\/imports\/\d+$/);
    await expect.poll(() => page.getByTestId("import-status").textContent(), { timeout: 20_000 }).toBe("succeeded");
    expect(await page.getByTestId("count-skipped").textContent()).toBe("2");
    expect(await page.getByTestId("count-inserted").textContent()).toBe("0");

    await page.goto(`${app.baseUrl}/admin/imports`);
    const history = await page.getByTestId("import-history").locator("tbody tr").allTextContents();
    expect(history.length).toBe(2);
    expect(history[0]).toContain("#2 Contributions");
    expect(history[1]).toContain("#1 Contributions");
    await page.screenshot({ path: `${SHOTS}/admin-imports-history.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });

  test("a running import shows its progress; once its process is gone it is marked failed", async () => {
    const client = new pg.Client({ connectionString: app.databaseUrl });
    await client.connect();
    // An import "running" in another process: its row, and the advisory lock that process would hold.
    const { rows: [batch] } = await client.query<{ id: number }>(
      `INSERT INTO import_batches (kind, format, filename, status, phase, progress, total_rows, inserted_rows)
       VALUES ('links', 'jsonl', 'big-links.jsonl', 'running', 'loading batch 3 (50,000 rows)', 0.4, 120000, 100000) RETURNING id`);
    await client.query("SELECT pg_advisory_lock($1, $2)", [IMPORT_LOCK_NAMESPACE, batch.id]);
    const page = await signedInPage(browser, app.baseUrl, ADMIN.email, ADMIN.password);
    await page.goto(`${app.baseUrl}/admin/imports/${batch.id}`);
    expect(await page.getByTestId("import-status").textContent()).toBe("running");
    expect(await page.getByTestId("import-phase").textContent()).toBe("40 % · loading batch 3 (50,000 rows)");
    expect(await page.getByRole("progressbar", { name: "Import progress" }).getAttribute("aria-valuenow")).toBe("40");
    await page.screenshot({ path: `${SHOTS}/admin-import-running.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The process dies: its connection, and so its lock, goes. The page, still polling, shows it failed.
    await client.end();
    await expect.poll(() => page.getByTestId("import-status").textContent(), { timeout: 20_000 }).toBe("failed");
    expect(await page.getByTestId("import-failure").textContent()).toBe(ABANDONED_MESSAGE);
    await page.context().close();
  });

  test("a contributor gets the not-found page and a 403 from the upload route", async () => {
    const page = await signedInPage(browser, app.baseUrl, PEOPLE.bob.email, PEOPLE.bob.password);
    const res = await page.goto(`${app.baseUrl}/admin/imports`);
    expect(res?.status()).toBe(404);
    const upload = await page.request.post(`${app.baseUrl}/api/admin/imports?kind=contributions&format=csv&source=x&filename=a.csv`, { data: CSV });
    expect(upload.status()).toBe(403);
    expect(await upload.json()).toEqual({ error: { code: "forbidden", message: "Imports are for admins." } });
    const anonymous = await fetch(`${app.baseUrl}/api/admin/imports?kind=contributions&format=csv&source=x&filename=a.csv`, { method: "POST", body: CSV });
    expect(anonymous.status).toBe(401);
    expect((await queryRows<{ n: string }>(app.databaseUrl, "SELECT count(*) AS n FROM import_batches"))[0].n).toBe("3");
    await page.context().close();
  });
});
