// Which errors mean "the database is away" (503, retry) rather than a bug (500): the shapes Prisma 7's
// pg adapter and raw pg produced when the reliability test stopped PostgreSQL under load.
import { describe, test, expect } from "vitest";
import { isDatabaseBusy, isDatabaseUnavailable } from "../../lib/db-unavailable";

const adapterError = (cause: object) => Object.assign(new Error("Raw query failed."), { code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });

describe("isDatabaseUnavailable", () => {
  test.each([
    ["server unreachable (P1001)", Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" })],
    ["adapter: not reachable", adapterError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })],
    ["adapter: admin shutdown 57P01", adapterError({ kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" })],
    ["adapter: starting up 57P03", adapterError({ kind: "postgres", code: "57P03", message: "the database system is starting up" })],
    ["pg: connection error inside a transaction", new Error("Client has encountered a connection error and is not queryable")],
    ["pg: terminated", new Error("Connection terminated unexpectedly")],
    ["socket refused", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
  ])("%s → unavailable", (_, e) => expect(isDatabaseUnavailable(e)).toBe(true));

  test.each([
    ["unique violation", Object.assign(new Error("Unique constraint failed"), { code: "P2002" })],
    ["check violation", adapterError({ kind: "postgres", code: "23514", message: "violates check constraint" })],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["not an error", "oops"],
    ["null", null],
  ])("%s → not unavailable", (_, e) => expect(isDatabaseUnavailable(e)).toBe(false));
});

describe("isDatabaseBusy", () => {
  test("a pool or transaction-start timeout is busy, not unavailable", () => {
    const start = Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" });
    const pool = Object.assign(new Error("Timed out fetching a new connection from the connection pool."), { code: "P2024" });
    expect([isDatabaseBusy(start), isDatabaseBusy(pool), isDatabaseUnavailable(start), isDatabaseUnavailable(pool)]).toEqual([true, true, false, false]);
  });

  test("a transaction that timed out after it started is neither (its work may have been long, not queued)", () => {
    const expired = Object.assign(new Error("Transaction API error: Transaction already closed: A query cannot be executed on an expired transaction."), { code: "P2028" });
    expect([isDatabaseBusy(expired), isDatabaseUnavailable(expired)]).toEqual([false, false]);
  });
});
