// On first run (no users at all) the demo community is loaded so that every screen has something
// true to show. SEED_DEMO=0 skips it, for a real deployment.
import pg from "pg";
import { seedDemoCommunity } from "../../lib/demo/seed";

export const DEMO_ACCOUNTS = {
  password: "understory-demo",
  accounts: [
    { role: "admin", email: "admin@understory.demo" },
    { role: "maintainer", email: "maintainer@understory.demo" },
    { role: "contributor", email: "contributor@understory.demo" },
  ],
};

export async function seedDemoIfEmpty(connectionString: string): Promise<string | null> {
  if (process.env.SEED_DEMO === "0") return null;
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT count(*)::text AS n FROM users");
    if (Number(rows[0].n) > 0) return null;
  } finally {
    await client.end();
  }
  console.log("First run: loading the demo community…");
  const r = await seedDemoCommunity(connectionString, { size: "demo" });
  if (!r) return null;
  const n = (x: number) => x.toLocaleString("en-US");
  return `Loaded the demo community (seed ${r.seed}, ${r.startAt.slice(0, 10)} → ${r.endAt.slice(0, 10)}): ${n(r.counts.users)} people, ` +
    `${n(r.counts.contributions)} contributions, ${n(r.counts.links)} links across ${r.projects.length} projects, ${r.campaigns.length} incentive campaigns.`;
}
