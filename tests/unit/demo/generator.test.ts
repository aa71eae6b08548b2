import { createHash } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { BENCH_SIZE, DEMO_SIZE, generateDemoCommunity } from "@/lib/demo/generator";
import type { DemoCommunity, DemoOptions, DisputeRow, ProjectRow, UserRow } from "@/lib/demo/types";
import { KIND_MIX } from "@/lib/demo/vocabulary";
import { type CommunityRows, type CommunityStats, collectRows, communityStats, median } from "./community-stats";

const WEEK_MS = 7 * 86_400_000;
const G = 4;
const OPTS: DemoOptions = { ...DEMO_SIZE, seed: 42, endAt: Date.UTC(2026, 10, 22, 15, 30), passwordHash: "$argon2id$test-hash" };

function digest(c: DemoCommunity): string {
  const h = createHash("sha256");
  for (const table of [c.users(), c.projects(), c.projectMaintainers(), c.campaigns(), c.contributions(), c.contributionAuthors(), c.links(), c.disputes()]) {
    for (const row of table) h.update(JSON.stringify(row));
    h.update("|");
  }
  return h.digest("hex");
}

/** "0.3334" → 3334 basis points, exactly */
const basisPoints = (share: string) => Number(share.replace(".", ""));

describe("determinism", () => {
  test("the same seed and end yield identical rows; another seed yields other rows", () => {
    const small = { ...OPTS, contributors: 300, years: 1 };
    const a = digest(generateDemoCommunity(small));
    expect(digest(generateDemoCommunity(small))).toBe(a);
    expect(digest(generateDemoCommunity({ ...small, seed: 43 }))).not.toBe(a);
  });

  test("a table iterated twice yields the same rows (rows derive from the plan, not from iteration order)", () => {
    const c = generateDemoCommunity({ ...OPTS, contributors: 200, years: 1 });
    const links = [...c.links()];
    [...c.contributions()];
    expect([...c.links()]).toEqual(links);
  });

  test("refuses sizes it cannot model", () => {
    expect(() => generateDemoCommunity({ ...OPTS, contributors: 10 })).toThrow(RangeError);
    expect(() => generateDemoCommunity({ ...OPTS, projects: 40 })).toThrow(RangeError);
  });

  test("the benchmark preset names the sizes of DESIGN.md's quality bars", () => {
    expect(BENCH_SIZE).toMatchObject({ contributors: 100_000, contributions: 1_000_000, links: 3_000_000, years: 3, campaigns: 6 });
  });
});

describe("the demo community", () => {
  let community: DemoCommunity;
  let rows: CommunityRows;
  let stats: CommunityStats;
  let users: UserRow[];
  let projects: ProjectRow[];
  let disputes: DisputeRow[];
  const timeOf = new Map<number, number>();

  beforeAll(() => {
    community = generateDemoCommunity(OPTS);
    rows = collectRows(community);
    stats = communityStats(rows, community.summary.startAt);
    users = [...community.users()];
    projects = [...community.projects()];
    disputes = [...community.disputes()];
    for (const c of rows.contributions) timeOf.set(c.id, c.occurredAt);
  });

  test("has the demo size: about 2,000 people, 6 projects, 2 campaigns, tens of thousands of contributions", () => {
    const { counts } = community.summary;
    expect(counts.users).toBe(2_001);
    expect(stats.made.size).toBeGreaterThan(1_950);
    expect(projects.map((p) => p.kind).sort()).toEqual(["agent", "code", "datanet", "datanet", "datanet", "model"]);
    expect(counts.campaigns).toBe(2);
    expect(counts.contributions).toBe(rows.contributions.length);
    expect(counts.links).toBe(rows.links.length);
    expect(rows.contributions.length).toBeGreaterThan(15_000);
    expect(rows.links.length).toBeGreaterThan(rows.contributions.length * 0.8);
  });

  test("ids ascend with time, within [start, endAt], so every later id may link to every earlier one", () => {
    const out = rows.contributions.filter((c, i) => c.id !== i + 1 || (i > 0 && c.occurredAt < rows.contributions[i - 1].occurredAt));
    expect(out).toEqual([]);
    expect(rows.contributions[0].occurredAt).toBeGreaterThanOrEqual(community.summary.startAt);
    expect(rows.contributions.at(-1)?.occurredAt).toBeLessThanOrEqual(OPTS.endAt);
  });

  test("every link goes strictly backward in (occurredAt, id), carries its endpoints' times, and is unique", () => {
    const bad = rows.links.filter((l) => {
      const from = timeOf.get(l.fromId) ?? NaN;
      const to = timeOf.get(l.toId) ?? NaN;
      const isBackward = from > to || (from === to && l.fromId > l.toId);
      return !isBackward || l.fromOccurredAt !== from || l.toOccurredAt !== to;
    });
    expect(bad).toEqual([]);
    expect(new Set(rows.links.map((l) => `${l.fromId}:${l.toId}:${l.type}`)).size).toBe(rows.links.length);
  });

  test("the shares of each contribution are 4-decimal strings in (0, 1] summing to exactly 1", () => {
    expect(rows.authors.filter((a) => !/^[01]\.\d{4}$/.test(a.share) || basisPoints(a.share) <= 0 || basisPoints(a.share) > 10_000)).toEqual([]);
    const sum = new Map<number, number>();
    for (const a of rows.authors) sum.set(a.contributionId, (sum.get(a.contributionId) ?? 0) + basisPoints(a.share));
    expect(sum.size).toBe(rows.contributions.length);
    expect([...sum.values()].filter((total) => total !== 10_000)).toEqual([]);
    const coAuthored = [...stats.authorsOf.values()].filter((a) => a.length > 1).length / rows.contributions.length;
    expect(coAuthored).toBeGreaterThan(0.06);
    expect(coAuthored).toBeLessThan(0.15);
  });

  test("handles are valid and unique; only the three demo accounts have credentials", () => {
    expect(new Set(users.map((u) => u.handle)).size).toBe(users.length);
    for (const u of users) expect(u.handle).toMatch(/^[a-z0-9][a-z0-9_-]{1,38}$/);
    const emails = users.flatMap((u) => (u.email ? [u.email] : []));
    expect(new Set(emails).size).toBe(emails.length);
    const withPassword = users.filter((u) => u.passwordHash !== null);
    expect(withPassword.map((u) => [u.email, u.role, u.passwordHash])).toEqual([
      ["admin@understory.demo", "admin", OPTS.passwordHash],
      ["maintainer@understory.demo", "maintainer", OPTS.passwordHash],
      ["contributor@understory.demo", "contributor", OPTS.passwordHash],
    ]);
    for (const u of users.slice(3)) {
      expect(u.isImported).toBe(true);
      expect(u.email === null || u.email.endsWith("@example.invalid")).toBe(true);
    }
  });

  test("contributions: kinds fit their project, mostly accepted, some unreviewed, a few rejected, imports carry ids", () => {
    const kindOf = new Map(projects.map((p) => [p.id, p.kind]));
    const status = { accepted: 0, unreviewed: 0, rejected: 0, quarantined: 0 };
    const misfits = rows.contributions.filter((c) =>
      !KIND_MIX[kindOf.get(c.projectId) ?? "community"].some(([k]) => k === c.kind) ||
      c.title.length === 0 || c.title.length > 200 || (c.source === "manual") !== (c.externalId === null));
    expect(misfits).toEqual([]);
    for (const c of rows.contributions) status[c.status]++;
    const n = rows.contributions.length;
    expect(status.accepted / n).toBeGreaterThan(0.8);
    expect(status.unreviewed / n).toBeGreaterThan(0.02);
    expect(status.rejected / n).toBeGreaterThan(0.01);
    expect(status.rejected / n).toBeLessThan(0.08);
  });

  test("the persistent core (5–8%) is active in most weeks of its tenure and links mostly to others' work", () => {
    const { coreUserIds, weeks, startAt } = community.summary;
    expect(coreUserIds.length / stats.made.size).toBeGreaterThanOrEqual(0.05);
    expect(coreUserIds.length / stats.made.size).toBeLessThanOrEqual(0.08);
    const activeShare = coreUserIds.map((u) => {
      const born = Math.floor(((stats.birth.get(u) ?? 0) - startAt) / WEEK_MS);
      return (stats.activeWeeks.get(u)?.size ?? 0) / (weeks - born);
    });
    expect(median(activeShare)).toBeGreaterThan(0.75);
    expect(activeShare.filter((s) => s >= 0.6).length / activeShare.length).toBeGreaterThan(0.9);
    const made = coreUserIds.reduce((a, u) => a + (stats.made.get(u) ?? 0), 0);
    const linked = coreUserIds.reduce((a, u) => a + (stats.linkedToOthers.get(u) ?? 0), 0);
    expect(linked / made).toBeGreaterThan(0.6);
  });

  test("campaign recruits link little (mean linking ratio < 0.2) and most are gone within G = 4 weeks of the campaign's end", () => {
    const firstProject = new Map<number, number>();
    for (const c of rows.contributions) for (const u of stats.authorsOf.get(c.id) ?? []) if (!firstProject.has(u)) firstProject.set(u, c.projectId);
    for (const campaign of community.summary.campaigns) {
      // recruited = born inside the window (in the campaign's project, when it has one), as METRICS.md §2
      const recruits = [...stats.birth].filter(([u, t]) => t >= campaign.startAt && t < campaign.endAt && (campaign.projectId === null || firstProject.get(u) === campaign.projectId)).map(([u]) => u);
      expect(recruits.length).toBeGreaterThan(100);
      // linking ratio per contributor (METRICS.md §8), averaged over the recruits
      const ratios = recruits.map((u) => (stats.linkedToOthers.get(u) ?? 0) / (stats.made.get(u) ?? 1));
      expect(ratios.reduce((a, b) => a + b, 0) / ratios.length).toBeLessThan(0.2);
      const endWeek = Math.floor((campaign.endAt - community.summary.startAt) / WEEK_MS);
      const gone = recruits.filter((u) => Math.max(...(stats.activeWeeks.get(u) ?? [])) < endWeek + G);
      expect(gone.length / recruits.length).toBeGreaterThan(0.75);
    }
  });

  test("campaign weeks show a burst of active contributors over the weeks before", () => {
    const activePerWeek = new Array<number>(community.summary.weeks).fill(0);
    for (const weeks of stats.activeWeeks.values()) for (const w of weeks) activePerWeek[w]++;
    for (const c of community.summary.campaigns) {
      const start = Math.floor((c.startAt - community.summary.startAt) / WEEK_MS);
      const before = median(activePerWeek.slice(start - 8, start));
      expect(Math.max(...activePerWeek.slice(start, start + 3))).toBeGreaterThan(1.5 * before);
    }
  });

  test("3–5 hubs receive links from others far above the median contributor", () => {
    const { hubUserIds } = community.summary;
    expect(hubUserIds.length).toBeGreaterThanOrEqual(3);
    expect(hubUserIds.length).toBeLessThanOrEqual(5);
    const inDegrees = [...stats.made.keys()].map((u) => stats.inDegree.get(u) ?? 0);
    const typical = Math.max(1, median(inDegrees));
    for (const hub of hubUserIds) expect(stats.inDegree.get(hub) ?? 0).toBeGreaterThan(50 * typical);
    const top = [...stats.inDegree].sort((a, b) => b[1] - a[1]).slice(0, hubUserIds.length).map(([u]) => u);
    expect(top.sort()).toEqual([...hubUserIds].sort());
  });

  test("a ring of 4–6 accounts links mostly to itself, reciprocally, with at least 5 links", () => {
    const ring = new Set(community.summary.ringUserIds);
    expect(ring.size).toBeGreaterThanOrEqual(4);
    expect(ring.size).toBeLessThanOrEqual(6);
    let internal = 0;
    let out = 0;
    const pairs = new Set<string>();
    for (const l of rows.links) {
      const to = stats.authorsOf.get(l.toId) ?? [];
      for (const u of stats.authorsOf.get(l.fromId) ?? []) {
        if (!ring.has(u)) continue;
        for (const w of to) {
          if (w === u) continue;
          out++;
          if (ring.has(w)) (internal++, pairs.add(`${u}>${w}`));
        }
      }
    }
    const reciprocal = [...pairs].filter((p) => pairs.has(p.split(">").reverse().join(">"))).length;
    expect(internal).toBeGreaterThanOrEqual(5);
    expect(internal / out).toBeGreaterThanOrEqual(0.8);
    expect(reciprocal / pairs.size).toBeGreaterThanOrEqual(0.5);
  });

  test("links: mostly builds-on, every type present, statuses mixed, 1–2% disputed with a reason, some resolved", () => {
    const types = new Map<string, number>();
    const statuses = new Map<string, number>();
    for (const l of rows.links) {
      types.set(l.type, (types.get(l.type) ?? 0) + 1);
      statuses.set(l.status, (statuses.get(l.status) ?? 0) + 1);
    }
    expect([...types.keys()].sort()).toEqual(["builds_on", "cites", "fixes", "reviews"]);
    expect(Math.max(...types.values())).toBe(types.get("builds_on"));
    expect(statuses.get("confirmed") ?? 0).toBeGreaterThan(rows.links.length / 2);
    expect(statuses.get("unconfirmed") ?? 0).toBeGreaterThan(rows.links.length / 20);
    const linkDisputes = disputes.filter((d) => d.subject === "link");
    expect(linkDisputes.length / rows.links.length).toBeGreaterThanOrEqual(0.01);
    expect(linkDisputes.length / rows.links.length).toBeLessThanOrEqual(0.02);
    const statusOf = new Map(rows.links.map((l) => [l.id, l.status]));
    for (const d of disputes) {
      expect(d.reason.trim().length).toBeGreaterThanOrEqual(3);
      expect((d.linkId === null) !== (d.contributionId === null)).toBe(true);
      expect(d.resolution === "open").toBe(d.resolvedById === null && d.resolvedAt === null);
      if (d.subject === "link" && d.resolution === "open") expect(statusOf.get(d.linkId ?? 0)).toBe("disputed");
    }
    expect(linkDisputes.filter((d) => d.resolution !== "open").length).toBeGreaterThan(10);
  });

  test("fewer contributions at weekends and in late December", () => {
    const perWeekday = new Array<number>(7).fill(0);
    for (const c of rows.contributions) perWeekday[new Date(c.occurredAt).getUTCDay()]++;
    const weekend = (perWeekday[0] + perWeekday[6]) / 2;
    const weekday = perWeekday.slice(1, 6).reduce((a, b) => a + b, 0) / 5;
    expect(weekend).toBeLessThan(0.5 * weekday);
    const perWeek = new Array<number>(community.summary.weeks).fill(0);
    for (const c of rows.contributions) perWeek[Math.floor((c.occurredAt - community.summary.startAt) / WEEK_MS)]++;
    // the week holding 2025-12-25 against the four weeks before it
    const christmas = Math.floor((Date.UTC(2025, 11, 25) - community.summary.startAt) / WEEK_MS);
    expect(perWeek[christmas]).toBeLessThan(0.7 * median(perWeek.slice(christmas - 5, christmas - 1)));
  });

  test("the demo contributor has work, links in and out, and a link to their work awaiting confirmation", () => {
    const mine = new Set(rows.contributions.filter((c) => (stats.authorsOf.get(c.id) ?? []).includes(3)).map((c) => c.id));
    expect(mine.size).toBeGreaterThan(10);
    const incoming = rows.links.filter((l) => mine.has(l.toId) && !mine.has(l.fromId));
    expect(incoming.length).toBeGreaterThan(3);
    expect(rows.links.filter((l) => mine.has(l.fromId) && !mine.has(l.toId)).length).toBeGreaterThan(3);
    expect(incoming.some((l) => l.status === "unconfirmed")).toBe(true);
  });

  test("the demo maintainer maintains two projects; every maintainer has the maintainer role", () => {
    const maintainers = [...community.projectMaintainers()];
    expect(maintainers.filter((m) => m.userId === 2).length).toBe(2);
    const roleOf = new Map(users.map((u) => [u.id, u.role]));
    for (const m of maintainers) expect(roleOf.get(m.userId)).toBe("maintainer");
    expect(new Set(maintainers.map((m) => m.projectId)).size).toBe(projects.length);
  });
});
