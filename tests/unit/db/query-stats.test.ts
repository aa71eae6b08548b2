// The development query counter: statements are counted against the HTTP request they ran for,
// concurrent requests keep their own counts, and nothing is counted outside a request.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countQueriesPerRequest, countQuery, withQueryStats, type RequestQueryLog } from "@/lib/db/query-stats";

const lines: Parameters<RequestQueryLog>[0][] = [];
let server: http.Server;
let base: string;

beforeAll(async () => {
  countQueriesPerRequest((fields) => lines.push(fields));
  server = http.createServer(async (req, res) => {
    // Each request "runs" as many 2.5 ms statements as its path says, across awaits.
    const n = Number(req.url?.slice(1));
    for (let i = 0; i < n; i++) {
      await new Promise((r) => setTimeout(r, 1));
      countQuery(2.5);
    }
    res.end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("queries per request", () => {
  it("counts each request's statements apart, even when they overlap", async () => {
    await Promise.all([fetch(`${base}/3`).then((r) => r.text()), fetch(`${base}/7`).then((r) => r.text()), fetch(`${base}/0`).then((r) => r.text())]);
    await new Promise((r) => setTimeout(r, 20));
    const byUrl = Object.fromEntries(lines.map((l) => [l.url, [l.queries, l.queryMs, l.status]]));
    expect(byUrl).toEqual({ "/3": [3, 7.5, 200], "/7": [7, 17.5, 200], "/0": [0, 0, 200] });
  });

  it("ignores statements outside any request, and withQueryStats counts a block of its own", async () => {
    countQuery(100);
    const { result, stats } = withQueryStats(async () => {
      countQuery(1);
      await Promise.resolve();
      countQuery(2);
    });
    await result;
    expect(stats).toEqual({ queries: 2, ms: 3 });
  });
});
