// The per-token rate limit, through a real route: a burst of 3, refilled at 60 a minute (set
// before any module reads the environment). The clock is frozen so that refills happen only when
// the test moves it, however slow the machine.
import { vi, describe, test, expect, beforeAll } from "vitest";

vi.hoisted(() => {
  process.env.API_RATE_LIMIT_BURST = "3";
  process.env.API_RATE_LIMIT_PER_MINUTE = "60";
});

import { GET as listGET } from "../../app/api/v1/projects/route";
import { makeUser } from "./factories";
import { call, expectError, tokenFor } from "./api-helpers";

let first: string, second: string;

beforeAll(async () => {
  const user = await makeUser({ handle: "busy" });
  [first, second] = await Promise.all([tokenFor(user, ["read"]), tokenFor(user, ["read"])]);
});

describe("rate limit", () => {
  test("answers 429 with Retry-After once a token's bucket is empty; another token is unaffected", async () => {
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(t0);
    const seen = [];
    for (let i = 0; i < 3; i++) {
      const res = await call(listGET, { path: "/projects", token: first });
      seen.push([res.status, res.headers.get("ratelimit-limit"), res.headers.get("ratelimit-remaining")]);
    }
    expect(seen).toEqual([[200, "3", "2"], [200, "3", "1"], [200, "3", "0"]]);
    const limited = await call(listGET, { path: "/projects", token: first });
    expectError(limited, 429, "rate_limited", "Too many requests with this token: retry in 1 s.");
    expect([limited.headers.get("retry-after"), limited.headers.get("ratelimit-remaining")]).toEqual(["1", "0"]);
    expect((await call(listGET, { path: "/projects", token: second })).status).toBe(200);
    vi.setSystemTime(t0 + 999);
    expectError(await call(listGET, { path: "/projects", token: first }), 429, "rate_limited");
    vi.setSystemTime(t0 + 2000);
    expect((await call(listGET, { path: "/projects", token: first })).status).toBe(200);
    vi.useRealTimers();
  });
});
