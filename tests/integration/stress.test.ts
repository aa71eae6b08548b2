import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import { prisma } from "../../lib/db";
import type { Actor } from "../../lib/auth/actor";
import { recomputeMetrics } from "../../lib/jobs/recompute";
import { resetStressGraphCache } from "../../lib/stress/graph-cache";
import { runStress } from "../../lib/stress/run-stress";
import type { StressActionResult, StressRunView } from "../../lib/stress/types";
import { actorOf, makeContribution, makeProject, makeUser } from "./factories";

// Dataset S: projects P (maintained by m) and Q (by mq); everything accepted, minting 1.
//   c1 a, P, Mon 2026-01-05 10:00
//   c2 b, P, Mon 2026-01-12 10:00 → c1 builds-on confirmed
//   c3 c, Q, Tue 2026-01-20 10:00 → c2 builds-on confirmed (crosses from Q into P)
// As of the metric run, Mon 2026-02-02 00:00 UTC; the lab's 4 weeks are (01-05 00:00, 02-02 00:00].
// Ecosystem cascade (ρ 0.3): c3 passes 0.3 and keeps 0.7; c2 holds 1.3, passes 0.39, keeps 0.91;
// c1 keeps 1.39. a 1.39, b 0.91, c 0.7; total 3, passed 0.69.
// Project P: c3 and its link leave; c2 passes 0.3: a 1.3, b 0.7; total 2.
const AS_OF = Date.UTC(2026, 1, 2);
const at = (day: number) => new Date(Date.UTC(2026, 0, day, 10));

let pool: pg.Pool;
let admin: Actor;
let maintainer: Actor;
let otherMaintainer: Actor;
let contributor: Actor;
let projectlessMaintainer: Actor;
let P: { id: number; slug: string };
let Q: { id: number; slug: string };
let firstRunId: number;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  const [a, b, c, m, mq, k, lone, boss] = [
    await makeUser(), await makeUser(), await makeUser(), await makeUser({ role: "maintainer" }), await makeUser({ role: "maintainer" }),
    await makeUser(), await makeUser({ role: "maintainer" }), await makeUser({ role: "admin" }),
  ];
  P = await makeProject({ maintainerIds: [m.id] });
  Q = await makeProject({ maintainerIds: [mq.id] });
  const c1 = await makeContribution({ projectId: P.id, authorIds: [a.id], occurredAt: at(5) });
  const c2 = await makeContribution({ projectId: P.id, authorIds: [b.id], occurredAt: at(12) });
  const c3 = await makeContribution({ projectId: Q.id, authorIds: [c.id], occurredAt: at(20) });
  await prisma.contribution.updateMany({ data: { status: "accepted" } });
  await prisma.link.create({ data: { fromId: c2.id, toId: c1.id, type: "builds_on", status: "confirmed" } });
  await prisma.link.create({ data: { fromId: c3.id, toId: c2.id, type: "builds_on", status: "confirmed" } });
  firstRunId = (await recomputeMetrics(pool, { asOfMs: AS_OF })).runId;
  [admin, maintainer, otherMaintainer, contributor, projectlessMaintainer] = await Promise.all([boss, m, mq, k, lone].map((u) => actorOf(u)));
});

afterAll(async () => {
  await resetStressGraphCache();
  await pool.end();
});

const SYBILS = { kind: "sybil_ring", accounts: "2", contributionsEach: "2", status: "accepted" };

function runOf(result: StressActionResult): StressRunView {
  if (!result.ok || !result.run) throw new Error(`refused: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.run;
}

function metric(view: StressRunView, key: string) {
  const m = view.report.metrics.find((x) => x.key === key);
  if (!m) throw new Error(`no metric ${key}`);
  return m;
}

/** Every table's row count and a hash of its rows, and every sequence's position. */
async function databaseState(): Promise<Record<string, string>> {
  const { rows: tables } = await pool.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1");
  const state: Record<string, string> = {};
  for (const { name } of tables) {
    const id = pg.escapeIdentifier(name);
    const { rows } = await pool.query<{ n: number; h: string | null }>(`SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM ${id} t`);
    state[name] = `${rows[0].n} rows, ${rows[0].h ?? "empty"}`;
  }
  const { rows: seqs } = await pool.query<{ name: string; v: string | null }>("SELECT sequencename AS name, last_value::text AS v FROM pg_sequences WHERE schemaname = current_schema()");
  for (const s of seqs) state[`sequence ${s.name}`] = s.v ?? "unused";
  return state;
}

describe("stress lab runs", () => {
  test("a sybil ring on the ecosystem: hand-checked gain, rank agreement and metrics", async () => {
    // 2 sybils × 2 rounds: 4 contributions minting 1, 2 links inside the ring (each round-1 post
    // passes 0.3 to the other's round-0 post), so all 4 stay with the sybils: s1 = s2 = 2.
    // Share 4/7 of attribution, 2/5 of contributors: gain (4/7)/(2/5) = 10/7. Two internal links,
    // fewer than the detector's 5: not flagged.
    // τ-b over {a, b, c, s1, s2}: before (1.39, 0.91, 0.7, 0, 0), after (1.39, 0.91, 0.7, 2, 2):
    // 3 concordant, 6 discordant, one pair tied on both sides: (3 − 6)/√(9 · 9) = −1/3.
    const view = runOf(await runStress(admin, { project: "all", ...SYBILS }));
    expect(view.scope).toEqual({ slug: "all", name: "Whole ecosystem" });
    expect([view.runId, view.asOf, view.contributions, view.links, view.quarantined]).toEqual([firstRunId, new Date(AS_OF).toISOString(), 3, 2, 0]);
    const r = view.report;
    expect(r.added).toEqual({ contributions: 4, contributors: 2, links: 2 });
    expect(r.sybilGain).toBeCloseTo(10 / 7, 12);
    expect(r.sybil).toMatchObject({ accounts: 2, populationShare: 2 / 5, flagged: 0, isRingDetected: false });
    expect(r.sybil?.attributionShare).toBeCloseTo(4 / 7, 12);
    expect(r.rankAgreement.compared).toBe(5);
    expect(r.rankAgreement.tau).toBeCloseTo(-1 / 3, 12);
    expect(metric(view, "contributors")).toMatchObject({ before: 3, after: 5, delta: 2 });
    expect(metric(view, "total_minted")).toMatchObject({ before: 3, after: 7, delta: 4 });
    expect(metric(view, "passed_share").before).toBeCloseTo(0.69 / 3, 12);
    expect(metric(view, "passed_share").after).toBeCloseTo(1.29 / 7, 12);
    expect(view.ring).toEqual({ maxSize: 10, minLinks: 5 });
  });

  test("a project's run sees only its contributions and the links between them", async () => {
    // P alone: a 1.3, b 0.7. The sybils join P (the window's most common project): 4 of 6 credited,
    // 2 of 4 contributors: gain (4/6)/(2/4) = 4/3. τ-b over {a, b, s1, s2}: 1 concordant,
    // 4 discordant, one pair tied on both sides: (1 − 4)/√(5 · 5) = −3/5.
    const view = runOf(await runStress(maintainer, { project: P.slug, ...SYBILS }));
    expect(view.scope.slug).toBe(P.slug);
    expect([view.contributions, view.links]).toEqual([2, 1]);
    expect(metric(view, "contributors")).toMatchObject({ before: 2, after: 4 });
    expect(metric(view, "total_minted")).toMatchObject({ before: 2, after: 6 });
    expect(metric(view, "passed_share").before).toBeCloseTo(0.3 / 2, 12);
    expect(view.report.sybilGain).toBeCloseTo(4 / 3, 12);
    expect(view.report.rankAgreement.tau).toBeCloseTo(-3 / 5, 12);
  });

  test("a weight sweep of ρ = 0 keeps all credit where it was minted", async () => {
    // Before: Gini of (1.39, 0.91, 0.7) = Σ|x_i − x_j| / (2n² x̄) · n/(n−1) = (2 · 1.38 / 18) · 3/2 = 0.23.
    // After: everyone holds 1: Gini 0, nothing passed, τ undefined (one side constant).
    const view = runOf(await runStress(admin, { project: "all", kind: "weight_sweep", rho: "0", d: "" }));
    expect(view.report.scenario).toEqual({ kind: "weight_sweep", rho: 0 });
    expect(view.base.rho).toBe(0.3);
    expect(metric(view, "gini").before).toBeCloseTo(0.23, 12);
    expect(metric(view, "gini").after).toBeCloseTo(0, 12);
    expect(metric(view, "passed_share").after).toBe(0);
    expect(view.report.rankAgreement.tau).toBeNull();
    expect(view.report.sybil).toBeNull();
  });

  test("a maintainer's \"all\" is their own project, never the ecosystem", async () => {
    const view = runOf(await runStress(maintainer, { project: "all", kind: "dispute_storm", percent: "100" }));
    expect(view.scope.slug).toBe(P.slug);
    expect(view.report.disputedLinks).toBe(1);
  });

  test("writes nothing: every table, the audit log and every sequence are unchanged", async () => {
    const before = await databaseState();
    expect(Object.keys(before)).toEqual(expect.arrayContaining(["contributions", "links", "audit_events", "metric_runs", "jobs"]));
    const audit = await prisma.auditEvent.count();
    for (const scope of ["all", P.slug, Q.slug]) {
      for (const values of [
        SYBILS,
        { kind: "sybil_ring", accounts: "12", contributionsEach: "6", status: "unreviewed" },
        { kind: "surge", k: "3", seed: "7" },
        { kind: "dispute_storm", percent: "50", seed: "2" },
        { kind: "weight_sweep", rho: "0.9", d: "0.5", "typeWeights.builds_on": "2", "typeWeights.cites": "0" },
      ]) {
        runOf(await runStress(admin, { project: scope, ...values }));
      }
    }
    await runStress(contributor, { project: "all", ...SYBILS });
    await runStress(admin, { project: "all", kind: "surge", k: "x" });
    expect(await databaseState()).toEqual(before);
    expect(await prisma.auditEvent.count()).toBe(audit);
  });
});

describe("stress lab refusals", () => {
  test("an anonymous visitor and a contributor are refused before anything is read", async () => {
    expect(await runStress(null, { project: "all", ...SYBILS })).toEqual({ ok: false, message: "Please sign in.", values: { project: "all", ...SYBILS } });
    const r = await runStress(contributor, { project: "all", ...SYBILS });
    expect(r).toMatchObject({ ok: false, message: "The stress lab is for project maintainers and admins." });
    expect(r.run).toBeUndefined();
    // Even with malformed input, the refusal is about the role, not the fields.
    expect(await runStress(contributor, { kind: "nonsense" })).toMatchObject({ ok: false, message: "The stress lab is for project maintainers and admins." });
  });

  test("a maintainer of another project, or of none, is refused", async () => {
    expect(await runStress(otherMaintainer, { project: P.slug, ...SYBILS })).toMatchObject({ ok: false, message: "No such project, or not one you maintain." });
    expect(await runStress(projectlessMaintainer, { project: "all", ...SYBILS })).toMatchObject({ ok: false, message: "Dashboards are for maintainers of a project and for admins." });
    expect(await runStress(admin, { project: "no-such-project", ...SYBILS })).toMatchObject({ ok: false, message: "No such project, or not one you maintain." });
    // Their own project works.
    expect(runOf(await runStress(otherMaintainer, { project: Q.slug, ...SYBILS })).scope.slug).toBe(Q.slug);
  });

  test("malformed input gets a message per field, and the values back", async () => {
    const sent = { project: "all", kind: "sybil_ring", accounts: "1", contributionsEach: "many", status: "accepted" };
    expect(await runStress(admin, sent)).toEqual({
      ok: false, message: "Please correct the highlighted fields.", values: sent,
      fieldErrors: { accounts: "At least 2", contributionsEach: "Enter a number" },
    });
    expect(await runStress(admin, { project: "all", kind: "dispute_storm", percent: "101" })).toMatchObject({ ok: false, fieldErrors: { percent: "At most 100" } });
    expect(await runStress(admin, { project: "all", kind: "drop_tables" })).toMatchObject({ ok: false, fieldErrors: { kind: "Choose one of the four scenarios" } });
    expect(await runStress(admin, { project: "all", kind: "weight_sweep" })).toMatchObject({ ok: false, message: expect.stringMatching(/^Set at least one of ρ, d/) });
  });
});

describe("the graph cache", () => {
  test("reuses the loaded graph for the same metric run and reloads after a new one", async () => {
    const again = runOf(await runStress(admin, { project: "all", ...SYBILS }));
    expect(again.timings.isCached).toBe(true);
    expect(again.timings.loadMs).toBe(0);
    // A new contribution, then a new run: the next scenario starts from the new graph.
    const d = await makeUser();
    await makeContribution({ projectId: Q.id, authorIds: [d.id], occurredAt: at(26) });
    const second = await recomputeMetrics(pool, { asOfMs: AS_OF });
    const fresh = runOf(await runStress(admin, { project: "all", ...SYBILS }));
    expect(fresh.runId).toBe(second.runId);
    expect(fresh.timings.isCached).toBe(false);
    expect(fresh.contributions).toBe(4);
    expect(metric(fresh, "contributors").before).toBe(4);
  });

  test("no metric run yet: a clear message, not an error", async () => {
    await prisma.metricRun.updateMany({ data: { status: "failed" } });
    expect(await runStress(admin, { project: "all", ...SYBILS })).toMatchObject({ ok: false, message: expect.stringMatching(/^No metrics run has finished yet/) });
  });
});
