import { describe, expect, test } from "vitest";
import { isCrossOriginWrite } from "@/lib/security/same-origin";

const req = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers({ host: "app.example:3000", ...headers }) });

describe("isCrossOriginWrite", () => {
  test("lets safe methods through whatever their origin", () => {
    expect(isCrossOriginWrite(req("GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isCrossOriginWrite(req("HEAD", { "sec-fetch-site": "cross-site" }))).toBe(false);
  });

  test("lets a POST from our own pages through", () => {
    expect(isCrossOriginWrite(req("POST", { origin: "http://app.example:3000", "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossOriginWrite(req("POST", { origin: "http://app.example:3000" }))).toBe(false);
  });

  test("refuses a POST from another site, a sibling subdomain or another port", () => {
    expect(isCrossOriginWrite(req("POST", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossOriginWrite(req("POST", { origin: "http://other.app.example:3000", "sec-fetch-site": "same-site" }))).toBe(true);
    expect(isCrossOriginWrite(req("DELETE", { origin: "http://app.example:4000" }))).toBe(true);
    expect(isCrossOriginWrite(req("POST", { origin: "null" }))).toBe(true);
  });

  test("trusts Sec-Fetch-Site over a matching Origin", () => {
    expect(isCrossOriginWrite(req("POST", { origin: "http://app.example:3000", "sec-fetch-site": "cross-site" }))).toBe(true);
  });

  test("compares the Origin with the host a reverse proxy forwarded", () => {
    const behindProxy = { host: "10.0.0.5:3000", "x-forwarded-host": "understory.example.org" };
    expect(isCrossOriginWrite(req("POST", { ...behindProxy, origin: "https://understory.example.org" }))).toBe(false);
    expect(isCrossOriginWrite(req("POST", { ...behindProxy, origin: "http://10.0.0.5:3000" }))).toBe(true);
  });

  test("lets a request with neither header through: it is not from a browser, so it holds no victim's cookie", () => {
    expect(isCrossOriginWrite(req("POST", {}))).toBe(false);
  });
});
