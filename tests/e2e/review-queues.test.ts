// A maintainer works the review queues in Chromium: accepts a contribution, rejects a dispute
// (the link goes back to confirmed), clears a link ring and, after the recompute, sees the ring
// members' credit go from 0 to their cascade values. A contributor is refused the page.
// Screenshots of each queue go to tests/e2e/screenshots/.
import { describe, test, expect, beforeAll, afterAll } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import { queryRows, signedInPage } from "./session";
import { CHROMIUM_ARGS, chromiumPathOrThrow, startAppUnderTest, type AppUnderTest } from "./server";
import { recomputeWith, REVIEW_PEOPLE, seedReviewFixture, UNREVIEWED_TITLE } from "./review-fixture";

const SHOTS = "tests/e2e/screenshots";
let app: AppUnderTest;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const executablePath = chromiumPathOrThrow();
  mkdirSync(SHOTS, { recursive: true });
  app = await startAppUnderTest({ database: "e2e_review", seed: seedReviewFixture });
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  page = await signedInPage(browser, app.baseUrl, REVIEW_PEOPLE.mona.email, REVIEW_PEOPLE.mona.password);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const query = <T,>(sql: string, params: unknown[] = []) => queryRows<T>(app.databaseUrl, sql, params);

describe("review queues", () => {
  test("a maintainer accepts an unreviewed contribution", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review" }).click();
    await page.waitForURL(/\/review$/);
    await expect.poll(() => page.getByTestId("weights-note").textContent()).toContain("accepted 1, unreviewed 0.5, rejected 0, quarantined 0");
    const row = page.locator("tr", { hasText: UNREVIEWED_TITLE });
    await expect.poll(() => row.textContent()).toContain("@carl");
    await page.screenshot({ path: `${SHOTS}/review-contributions.png`, fullPage: true });
    await page.getByRole("button", { name: `Accept “${UNREVIEWED_TITLE}”` }).click();
    await expect.poll(() => page.getByTestId("form-message").textContent()).toBe("1 contribution accepted. The numbers change after the next recompute.");
    const [c] = await query<{ status: string; version: number }>("SELECT status, version FROM contributions WHERE title = $1", [UNREVIEWED_TITLE]);
    expect(c).toEqual({ status: "accepted", version: 2 });
    const events = await query<{ action: string; handle: string }>(
      "SELECT e.action, u.handle FROM audit_events e JOIN users u ON u.id = e.actor_id WHERE e.action = 'contribution.accept'");
    expect(events).toEqual([{ action: "contribution.accept", handle: "mona" }]);
    await expect.poll(() => page.locator("tr", { hasText: UNREVIEWED_TITLE }).count()).toBe(0);
  });

  test("a maintainer rejects a dispute: the link is confirmed again", async () => {
    await page.getByRole("navigation", { name: "Review queues" }).getByRole("link", { name: /Disputes/ }).click();
    await page.waitForURL(/\/review\/disputes$/);
    const card = page.locator("article", { hasText: "The model never used the holdfast survey." });
    await expect.poll(() => card.textContent()).toContain("raised by @dora");
    await card.getByLabel("Resolution note").fill("The model card lists the survey among its training sets.");
    await page.screenshot({ path: `${SHOTS}/review-disputes.png`, fullPage: true });
    await card.getByRole("button", { name: "Reject the dispute (link back to confirmed)" }).click();
    await expect.poll(() => page.getByTestId("queue-empty").count()).toBe(1);
    const [d] = await query<{ resolution: string; resolution_note: string; handle: string; status: string }>(
      `SELECT d.resolution, d.resolution_note, u.handle, l.status FROM disputes d JOIN users u ON u.id = d.resolved_by_id JOIN links l ON l.id = d.link_id`);
    expect(d).toEqual({ resolution: "rejected", resolution_note: "The model card lists the survey among its training sets.", handle: "mona", status: "confirmed" });
  });

  test("a maintainer clears a link ring; after the recompute its members' credit shows", async () => {
    await page.getByRole("navigation", { name: "Review queues" }).getByRole("link", { name: /Link rings/ }).click();
    await page.waitForURL(/\/review\/rings$/);
    await expect.poll(() => page.getByTestId("ring-attribution-rina").textContent()).toBe("0.000");
    expect(await page.getByTestId("ring-attribution-rolf").textContent()).toBe("0.000");
    await page.getByText("Its 6 contributions").click();
    await page.screenshot({ path: `${SHOTS}/review-rings.png`, fullPage: true });
    await page.getByLabel("Note (optional)").fill("Two labmates calibrating one sensor.");
    await page.getByRole("button", { name: "Clear: genuine collaboration" }).click();
    await expect.poll(() => page.getByTestId("form-message").textContent()).toBe("Ring cleared: 6 contributions. The numbers change after the next recompute.");
    expect(await query("SELECT count(*)::int AS n FROM ring_reviews WHERE decision = 'cleared'")).toEqual([{ n: 6 }]);
    await recomputeWith(app.databaseUrl);
    await page.reload();
    await expect.poll(() => page.getByTestId("ring-attribution-rina").textContent()).toBe("1.665");
    expect(await page.getByTestId("ring-attribution-rolf").textContent()).toBe("1.335");
    await page.screenshot({ path: `${SHOTS}/review-rings-cleared.png`, fullPage: true });
  });

  test("a contributor gets the not-found page", async () => {
    const carl = await signedInPage(browser, app.baseUrl, REVIEW_PEOPLE.carl.email, REVIEW_PEOPLE.carl.password);
    const res = await carl.goto(`${app.baseUrl}/review/rings`);
    expect(res?.status()).toBe(404);
  });
});
