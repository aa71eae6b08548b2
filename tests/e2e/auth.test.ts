// Sign-in, sign-out and the guards, over HTTP against the production build.
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { CHROMIUM_ARGS, chromiumPathOrThrow, startAppUnderTest, type AppUnderTest } from "./server";
import { PEOPLE, seedJourneyFixture } from "./fixture";

let app: AppUnderTest;
let browser: Browser;

beforeAll(async () => {
  const executablePath = chromiumPathOrThrow();
  app = await startAppUnderTest({ database: "e2e_auth", seed: seedJourneyFixture });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Every page under app/(app), discovered from the files so that a new page is covered at once. */
function appPages(): string[] {
  const root = path.join("app", "(app)");
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === "page.tsx") out.push("/" + path.relative(root, dir).split(path.sep).map((s) => (s.startsWith("[") ? "1" : s)).join("/"));
    }
  };
  walk(root);
  return [...out, "/"];
}

describe("guards", () => {
  test("every app page sends an anonymous visitor to sign in", async () => {
    const pages = appPages();
    expect(pages).toEqual(expect.arrayContaining(["/contributions", "/contributions/new", "/contributions/1", "/contributions/1/edit", "/me"]));
    for (const p of pages) {
      const res = await fetch(`${app.baseUrl}${p}`, { redirect: "manual" });
      expect([p, res.status]).toEqual([p, 307]);
      expect(new URL(res.headers.get("location") ?? "", app.baseUrl).pathname).toBe("/sign-in");
    }
  });

  test("a forged session cookie gets past the proxy but not past the page's own check", async () => {
    const res = await fetch(`${app.baseUrl}/contributions`, { redirect: "manual", headers: { cookie: "authjs.session-token=forged" } });
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get("location") ?? "", app.baseUrl).pathname).toBe("/sign-in");
  });

  test("security headers are set on every response", async () => {
    const res = await fetch(`${app.baseUrl}/sign-in`);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });
});

describe("sign in and out", () => {
  test("a wrong password and an unknown email get the same answer; sign out ends the session", async () => {
    const page = await (await browser.newContext()).newPage();
    const attempt = async (email: string, password: string) => {
      await page.goto(`${app.baseUrl}/sign-in`);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
    };
    await attempt(PEOPLE.dave.email, "not-his-password");
    await expect.poll(() => page.getByTestId("form-message").textContent()).toBe("The email or password is not right.");
    await attempt("nobody@e2e.test", "whatever-password");
    await expect.poll(() => page.getByTestId("form-message").textContent()).toBe("The email or password is not right.");
    await attempt(PEOPLE.dave.email, PEOPLE.dave.password);
    await page.waitForURL(/\/contributions$/);
    expect(await page.getByTestId("whoami").textContent()).toContain("@dave");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${app.baseUrl}/me`);
    await expect.poll(() => new URL(page.url()).pathname).toBe("/sign-in");
    await page.context().close();
  });

  test("after 3 failed attempts an account is throttled, even with the right password", async () => {
    const page = await (await browser.newContext()).newPage();
    for (let i = 0; i < 3; i++) {
      await page.goto(`${app.baseUrl}/sign-in`);
      await page.getByLabel("Email").fill(PEOPLE.carol.email);
      await page.getByLabel("Password").fill(`wrong-${i}-password`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect.poll(() => page.getByTestId("form-message").textContent()).toBe("The email or password is not right.");
    }
    await page.goto(`${app.baseUrl}/sign-in`);
    await page.getByLabel("Email").fill(PEOPLE.carol.email);
    await page.getByLabel("Password").fill(PEOPLE.carol.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByTestId("form-message").textContent()).toBe("Too many failed attempts. Wait a few minutes and try again.");
    await page.context().close();
  });

  test("no password or secret appears in the server's logs", async () => {
    const logs = app.logs.join("");
    for (const secret of [PEOPLE.dave.password, PEOPLE.carol.password, "e2e-secret-e2e-secret"]) expect(logs).not.toContain(secret);
  });
});
