import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "../../lib/db";
import { getContributionNeighbourhood, getContributorNeighbourhood, GRAPH_BOUNDS, searchGraphFocus, type GraphScope } from "../../lib/analytics/graph-neighbourhood";
import { getCurrentRun } from "../../lib/analytics/runs";
import type { LinkStatus, LinkType } from "../../lib/generated/prisma/enums";
import { makeContribution, makeProject, makeUser } from "./factories";

// The graph, in project P unless marked (days of March 2026; → is "links to", newer to older):
//
//   y (dave, d1)  ←builds_on/confirmed─  a0 (alice, d2)  ←builds_on/confirmed─┐
//                                        ↑ cites/confirmed                     b1 (bob, d4)  the focus
//   z0 (erin, d3) ←builds_on/unconfirmed──────────────────────────────────────┘
//   b1 ← c2 (carol, d5) cites/unconfirmed        b1 ← e2 (erin ½ + carol ½, d5) fixes/confirmed; e2 → a0 cites
//   c2 ← d3 (dave, d6) reviews/disputed
//   b1 ← x  (dave, d5, project Q) builds_on/confirmed       only in the ecosystem scope
//   b1 ← w  (erin, d5, withdrawn) builds_on/confirmed       never
//   b1 ← r  (alice, d7) builds_on/removed                   never
//
// Link weights (w_type · κ): builds_on 1, fixes 0.75, reviews/cites 0.5; confirmed 1, unconfirmed ½,
// disputed 0. Around b1: older a0 (1) before z0 (0.5); newer e2 (0.75) before c2 (0.25).
const day = (d: number) => new Date(Date.UTC(2026, 2, d, 12));

let users: Record<"alice" | "bob" | "carol" | "dave" | "erin", number>;
let c: Record<"y" | "a0" | "z0" | "b1" | "c2" | "e2" | "d3" | "x" | "w" | "r", number>;
let P: GraphScope, Q: GraphScope, ALL: GraphScope;

async function link(from: number, to: number, type: LinkType, status: LinkStatus) {
  return prisma.link.create({ data: { fromId: from, toId: to, type, status } });
}

async function addRun(status: "succeeded" | "failed", hubs: Record<number, number>, scope: string) {
  const run = await prisma.metricRun.create({ data: { status, metricVersion: 1, paramsHash: "test", asOf: day(20) } });
  await prisma.metricContributorSummary.createMany({
    data: Object.values(users).map((userId) => ({
      runId: run.id, scope, userId, contributions: 1, attribution: 1, attributionShare: 0.2, contributionShare: 0.2, premium: 0,
      betweenness: hubs[userId] ?? 0, isHub: userId in hubs, passThrough: 0, pagerank: 1, visibility: 1, visibilityShare: 0.2, sources: [],
    })),
  });
}

beforeAll(async () => {
  // one after another, so user ids follow the alphabet (ties are broken by the lower id)
  const made = [];
  for (const handle of ["alice", "bob", "carol", "dave", "erin"]) made.push(await makeUser({ handle }));
  users = { alice: made[0].id, bob: made[1].id, carol: made[2].id, dave: made[3].id, erin: made[4].id };
  const p = await makeProject();
  const q = await makeProject();
  const mk = (title: string, authors: number[], d: number, opts: { projectId?: number; deleted?: boolean } = {}) =>
    makeContribution({ projectId: opts.projectId ?? p.id, authorIds: authors, occurredAt: day(d), title, deleted: opts.deleted }).then((r) => r.id);
  c = {
    y: await mk("Yard survey", [users.dave], 1),
    a0: await mk("Alpha labels", [users.alice], 2),
    z0: await mk("Zeta cleaning", [users.erin], 3),
    b1: await mk("Beta model", [users.bob], 4),
    c2: await mk("Cross-check of beta", [users.carol], 5),
    e2: await mk("Edge-case fixes", [users.erin, users.carol], 5),
    d3: await mk("Design review", [users.dave], 6),
    x: await mk("X-project reuse", [users.dave], 5, { projectId: q.id }),
    w: await mk("Withdrawn reuse", [users.erin], 5, { deleted: true }),
    r: await mk("Retracted reuse", [users.alice], 7),
  };
  await link(c.a0, c.y, "builds_on", "confirmed");
  await link(c.b1, c.a0, "builds_on", "confirmed");
  await link(c.b1, c.z0, "builds_on", "unconfirmed");
  await link(c.c2, c.b1, "cites", "unconfirmed");
  await link(c.e2, c.b1, "fixes", "confirmed");
  await link(c.e2, c.a0, "cites", "confirmed");
  await link(c.d3, c.c2, "reviews", "disputed");
  await link(c.x, c.b1, "builds_on", "confirmed");
  await link(c.w, c.b1, "builds_on", "confirmed");
  await link(c.r, c.b1, "builds_on", "removed");
  const scope = `project:${p.id}`;
  // Hubs come from the newest succeeded run only: bob in an older run, carol in a failed newer one.
  await addRun("succeeded", { [users.bob]: 0.9 }, scope);
  await addRun("succeeded", { [users.alice]: 0.5 }, scope);
  await addRun("failed", { [users.carol]: 0.7 }, scope);
  const run = await getCurrentRun();
  P = { projectId: p.id, scope, runId: run!.id };
  Q = { projectId: q.id, scope: `project:${q.id}`, runId: run!.id };
  ALL = { projectId: null, scope: "all", runId: run!.id };
});

const nodesOf = (n: { nodes: { id: number; depth: number }[] } | null) => n?.nodes.map((x) => [x.id, x.depth]);
const edgesOf = (n: { edges: { fromId: number; toId: number; type: string; status: string }[] } | null) =>
  n?.edges.map((e) => `${e.fromId}>${e.toId} ${e.type} ${e.status}`).sort();

describe("getContributionNeighbourhood", () => {
  test("depth 1: the older work the focus links to and the newer work linking to it, strongest first, alternating sides", async () => {
    const n = await getContributionNeighbourhood(P, c.b1, 1);
    expect(nodesOf(n)).toEqual([[c.b1, 0], [c.a0, -1], [c.e2, 1], [c.z0, -1], [c.c2, 1]]);
    expect(edgesOf(n)).toEqual([
      `${c.b1}>${c.a0} builds_on confirmed`, `${c.b1}>${c.z0} builds_on unconfirmed`, `${c.c2}>${c.b1} cites unconfirmed`,
      `${c.e2}>${c.a0} cites confirmed`, `${c.e2}>${c.b1} fixes confirmed`,
    ].sort());
    expect(n?.isTruncated).toBe(false);
    expect(n?.degree).toEqual({ older: 2, newer: 2 });
    expect(n?.edges.find((e) => e.fromId === c.c2)?.weight).toBe(0.25);
  });

  test("depth 2 adds the second step on each side, disputed links included with their status", async () => {
    const n = await getContributionNeighbourhood(P, c.b1, 2);
    expect(nodesOf(n)).toEqual([[c.b1, 0], [c.a0, -1], [c.e2, 1], [c.z0, -1], [c.c2, 1], [c.y, -2], [c.d3, 2]]);
    expect(edgesOf(n)).toEqual([
      `${c.a0}>${c.y} builds_on confirmed`, `${c.b1}>${c.a0} builds_on confirmed`, `${c.b1}>${c.z0} builds_on unconfirmed`,
      `${c.c2}>${c.b1} cites unconfirmed`, `${c.d3}>${c.c2} reviews disputed`, `${c.e2}>${c.a0} cites confirmed`, `${c.e2}>${c.b1} fixes confirmed`,
    ].sort());
  });

  test("never returns withdrawn contributions or removed links", async () => {
    const n = await getContributionNeighbourhood(ALL, c.b1, 2);
    const ids = n!.nodes.map((x) => x.id);
    expect(ids).not.toContain(c.w);
    expect(ids).not.toContain(c.r);
    expect(await getContributionNeighbourhood(P, c.w, 1)).toBeNull();
    expect(n!.degree).toEqual({ older: 2, newer: 3 });
  });

  test("keeps to the project: other projects' work appears only in the ecosystem scope, and a focus elsewhere is not found", async () => {
    expect(nodesOf(await getContributionNeighbourhood(ALL, c.b1, 1))).toEqual([[c.b1, 0], [c.a0, -1], [c.x, 1], [c.z0, -1], [c.e2, 1], [c.c2, 1]]);
    expect(await getContributionNeighbourhood(Q, c.b1, 1)).toBeNull();
    expect(nodesOf(await getContributionNeighbourhood(Q, c.x, 2))).toEqual([[c.x, 0]]);
  });

  test("stops at the node limit, keeping the strongest on each side, and says so", async () => {
    const n = await getContributionNeighbourhood(P, c.b1, 2, { maxNodes: 3 });
    expect(nodesOf(n)).toEqual([[c.b1, 0], [c.a0, -1], [c.e2, 1]]);
    expect(n?.isTruncated).toBe(true);
  });

  test("marks the work of the newest succeeded run's hubs, with their betweenness", async () => {
    const n = await getContributionNeighbourhood(P, c.b1, 1);
    const byId = new Map(n!.nodes.map((x) => [x.id, x]));
    expect(byId.get(c.a0)).toMatchObject({ isHub: true, authors: [{ handle: "alice", isHub: true, betweenness: 0.5, share: 1 }] });
    expect(byId.get(c.b1)?.isHub).toBe(false);
    expect(byId.get(c.e2)?.authors.map((a) => [a.handle, a.share, a.isHub])).toEqual([["carol", 0.5, false], ["erin", 0.5, false]]);
    const noRun = await getContributionNeighbourhood({ ...P, runId: null }, c.b1, 1);
    expect(noRun!.nodes.every((x) => !x.isHub && x.authors.every((a) => a.betweenness === null))).toBe(true);
  });

  test("with a date window, neighbours outside it are left out but the focus stays", async () => {
    const n = await getContributionNeighbourhood({ ...P, from: "2026-03-02", to: "2026-03-04" }, c.b1, 2);
    expect(nodesOf(n)).toEqual([[c.b1, 0], [c.a0, -1], [c.z0, -1]]);
    expect(n?.degree).toEqual({ older: 2, newer: 0 });
  });

  test(`draws at most ${GRAPH_BOUNDS.maxNodes} nodes around a popular contribution: the newest builders among equal links`, async () => {
    const p = await makeProject();
    const hub = await makeContribution({ projectId: p.id, authorIds: [users.alice], occurredAt: day(1) });
    const base = Date.UTC(2026, 3, 1);
    await prisma.contribution.createMany({
      data: Array.from({ length: 160 }, (_, i) => ({ projectId: p.id, title: `Builder ${i}`, kind: "data" as const, occurredAt: new Date(base + i * 3_600_000) })),
    });
    const builders = await prisma.contribution.findMany({ where: { projectId: p.id, title: { startsWith: "Builder" } }, select: { id: true, occurredAt: true }, orderBy: { occurredAt: "desc" } });
    await prisma.link.createMany({ data: builders.map((b) => ({ fromId: b.id, toId: hub.id, type: "builds_on" as const, status: "confirmed" as const })) });
    const n = await getContributionNeighbourhood({ projectId: p.id, scope: `project:${p.id}`, runId: null }, hub.id, 2);
    expect(n!.nodes).toHaveLength(GRAPH_BOUNDS.maxNodes);
    expect(n!.isTruncated).toBe(true);
    expect(n!.nodes.slice(1).map((x) => x.id)).toEqual(builders.slice(0, GRAPH_BOUNDS.maxNodes - 1).map((b) => b.id));
    expect(n!.edges).toHaveLength(GRAPH_BOUNDS.maxNodes - 1);
    expect(n!.degree).toEqual({ older: 0, newer: 160 });
  });
});

describe("getContributorNeighbourhood", () => {
  // Projection around bob (share-weighted, disputed links and withdrawn work left out):
  // bob→alice 1 (b1→a0), bob→erin 1 (b1→z0); carol→bob 1 + ½ (c2, e2), erin→bob ½ (e2).
  // Depth 2 from carol, erin, alice: alice→dave 1 (a0→y); carol→alice ½ and erin→alice ½ (e2→a0)
  // stay inside the inner ring; d3→c2 is disputed, so dave is reached only through alice.
  test("depth 1: the people bob builds on and who build on him, weighted, strongest first", async () => {
    const n = await getContributorNeighbourhood(P, "bob", 1);
    expect(n?.nodes.map((x) => [x.handle, x.depth, x.sourceWeight, x.builderWeight])).toEqual([
      ["bob", 0, 0, 0], ["carol", 1, 0, 1.5], ["erin", 1, 1, 0.5], ["alice", 1, 1, 0],
    ]);
    const h = (id: number) => Object.entries(users).find(([, v]) => v === id)![0];
    expect(n?.edges.map((e) => `${h(e.fromUserId)}>${h(e.toUserId)} ${e.weight} ${e.links}`).sort()).toEqual([
      "bob>alice 1 1", "bob>erin 1 1", "carol>bob 1.5 2", "erin>bob 0.5 1",
    ]);
    expect(n?.isTruncated).toBe(false);
    expect(n?.nodes.find((x) => x.handle === "alice")).toMatchObject({ isHub: true, betweenness: 0.5 });
  });

  test("depth 2: an outer ring reached through the inner one, ties within a ring left out", async () => {
    const n = await getContributorNeighbourhood(P, "bob", 2);
    expect(n?.nodes.map((x) => [x.handle, x.depth])).toEqual([["bob", 0], ["carol", 1], ["erin", 1], ["alice", 1], ["dave", 2]]);
    const h = (id: number) => Object.entries(users).find(([, v]) => v === id)![0];
    expect(n?.edges.map((e) => `${h(e.fromUserId)}>${h(e.toUserId)} ${e.weight}`).sort()).toEqual([
      "alice>dave 1", "bob>alice 1", "bob>erin 1", "carol>bob 1.5", "erin>bob 0.5",
    ]);
  });

  test("keeps to the scope and to counted links: the ecosystem adds dave through project Q's reuse, nobody else does", async () => {
    const n = await getContributorNeighbourhood(ALL, "bob", 1);
    // dave and alice tie on weight and links: the lower user id (alice) first
    expect(n?.nodes.map((x) => [x.handle, x.builderWeight])).toEqual([["bob", 0], ["carol", 1.5], ["erin", 0.5], ["alice", 0], ["dave", 1]]);
    expect(await getContributorNeighbourhood(Q, "bob", 1)).toBeNull();
    expect(await getContributorNeighbourhood(P, "nobody", 1)).toBeNull();
  });

  test("stops at the node limit and says so", async () => {
    const n = await getContributorNeighbourhood(P, "bob", 2, { maxNodes: 2 });
    expect(n?.nodes.map((x) => x.handle)).toEqual(["bob", "carol"]);
    expect(n?.isTruncated).toBe(true);
    expect(n?.edges.map((e) => e.weight)).toEqual([1.5]);
  });
});

describe("searchGraphFocus", () => {
  test("finds people by handle prefix and work by #id, title prefix or a word inside, within the scope", async () => {
    expect((await searchGraphFocus(P, "@Er")).contributors.map((x) => x.handle)).toEqual(["erin"]);
    expect((await searchGraphFocus(P, `#${c.b1}`)).contributions.map((x) => x.id)).toEqual([c.b1]);
    expect((await searchGraphFocus(P, `#${c.x}`)).contributions).toEqual([]);
    expect((await searchGraphFocus(P, "beta")).contributions.map((x) => x.title)).toEqual(["Beta model", "Cross-check of beta"]);
    expect((await searchGraphFocus(P, "reuse")).contributions.map((x) => x.title)).toEqual(["Retracted reuse"]);
    expect((await searchGraphFocus(ALL, "reuse")).contributions.map((x) => x.title).sort()).toEqual(["Retracted reuse", "X-project reuse"]);
    expect((await searchGraphFocus(Q, "d")).contributors.map((x) => x.handle)).toEqual(["dave"]);
    expect(await searchGraphFocus(P, "50%_")).toEqual({ contributors: [], contributions: [] });
  });
});
