import { describe, test, expect } from "vitest";
import pg from "pg";
import { prisma } from "../../lib/db";
import { loadGraphInput, unescapeCopyText } from "../../lib/jobs/load-graph";
import { buildGraph } from "../../lib/metrics/graph";
import { LINK_CONFIRMED, LINK_DISPUTED, STATUS_ACCEPTED } from "../../lib/metrics/codes";
import { makeContribution, makeProject, makeUser } from "./factories";

describe("loadGraphInput", () => {
  test("streams live contributions with co-authors, non-removed links and campaigns", async () => {
    const [a, b] = [await makeUser(), await makeUser()];
    const p = await makeProject();
    const t = (d: number) => new Date(Date.UTC(2026, 0, d));
    const c1 = await makeContribution({ projectId: p.id, authorIds: [a.id], occurredAt: t(1) });
    const c2 = await makeContribution({ projectId: p.id, authorIds: [a.id, b.id], occurredAt: t(2) });
    const gone = await makeContribution({ projectId: p.id, authorIds: [b.id], occurredAt: t(3), deleted: true });
    await prisma.contribution.update({ where: { id: c1.id }, data: { status: "accepted" } });
    await prisma.link.create({ data: { fromId: c2.id, toId: c1.id, type: "builds_on", status: "confirmed" } });
    await prisma.link.create({ data: { fromId: c2.id, toId: c1.id, type: "cites", status: "removed" } });
    await prisma.link.create({ data: { fromId: gone.id, toId: c1.id, type: "fixes", status: "disputed" } });
    await prisma.campaign.create({ data: { name: "Tab\there", kind: "airdrop", startAt: t(1), endAt: t(20) } });

    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
    const client = await pool.connect();
    try {
      const input = await loadGraphInput(client);
      expect(input.contributions.map((c) => [c.id, c.occurredAt, c.authors.length])).toEqual([
        [c1.id, t(1).getTime(), 1],
        [c2.id, t(2).getTime(), 2],
      ]);
      expect(input.contributions[0].status).toBe(STATUS_ACCEPTED);
      expect(input.contributions[1].authors.map((x) => x.share)).toEqual([0.5, 0.5]);
      // The link from the withdrawn contribution is loaded but dropped by buildGraph.
      expect(input.links.map((l) => l.status).sort()).toEqual([LINK_CONFIRMED, LINK_DISPUTED].sort());
      expect(input.campaigns[0]).toMatchObject({ name: "Tab\there", projectId: null });
      const g = buildGraph(input);
      expect([g.nC, g.nU, g.nE]).toEqual([2, 2, 1]);
    } finally {
      client.release();
      await pool.end();
    }
  });

  test("unescapes COPY text", () => {
    expect(unescapeCopyText("a\\tb\\\\c\\nd")).toBe("a\tb\\c\nd");
  });
});
