// Small helpers the e2e files share: a signed-in page in a fresh browser context, and a direct
// read of the app's database (to compare what a page shows with what is stored).
import type { Browser, Page } from "playwright-core";
import pg from "pg";

export async function signedInPage(browser: Browser, baseUrl: string, email: string, password: string, width = 1280): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/contributions/);
  return page;
}

export async function queryRows<T>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
