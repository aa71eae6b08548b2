// A tiny community for the review queues: project Kelp Atlas maintained by Mona, with one
// unreviewed contribution, one disputed link (raised by the target's author, with the audit events
// disputeLink writes) and a two-person link ring; then a real recompute, so the ring is found,
// quarantined and stored. Ring credit when cleared: 1.665 (rina) and 1.335 (rolf), see
// tests/integration/review-numbers.test.ts for the hand computation.
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { recomputeMetrics } from "../../lib/jobs/recompute";

export const REVIEW_PEOPLE = {
  mona: { email: "mona@e2e.test", password: "mona-password-1", handle: "mona", name: "Mona Reyes", role: "maintainer" },
  carl: { email: "carl@e2e.test", password: "carl-password-1", handle: "carl", name: "Carl Dube", role: "contributor" },
  dora: { email: "dora@e2e.test", password: "dora-password-1", handle: "dora", name: "Dora Ilves", role: "contributor" },
  eli: { email: "eli@e2e.test", password: "eli-password-1", handle: "eli", name: "Eli Moreau", role: "contributor" },
  rina: { email: "rina@e2e.test", password: "rina-password-1", handle: "rina", name: "Rina Sato", role: "contributor" },
  rolf: { email: "rolf@e2e.test", password: "rolf-password-1", handle: "rolf", name: "Rolf Berg", role: "contributor" },
} as const;

export const UNREVIEWED_TITLE = "Kelp density transects, spring";
export const AS_OF = Date.UTC(2026, 1, 2);

export async function seedReviewFixture(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    const uid: Record<string, number> = {};
    for (const p of Object.values(REVIEW_PEOPLE)) {
      const { rows } = await client.query<{ id: number }>("INSERT INTO users (email, handle, name, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        [p.email, p.handle, p.name, p.role, await hashPassword(p.password)]);
      uid[p.handle] = rows[0].id;
    }
    const { rows: [project] } = await client.query<{ id: number }>("INSERT INTO projects (slug, name, kind) VALUES ('kelp-atlas', 'Kelp Atlas', 'datanet') RETURNING id");
    await client.query("INSERT INTO project_maintainers (project_id, user_id) VALUES ($1, $2)", [project.id, uid.mona]);
    const work = async (handle: string, title: string, day: number) => {
      const { rows } = await client.query<{ id: number }>(
        "INSERT INTO contributions (project_id, title, kind, occurred_at, created_by_id, created_at) VALUES ($1, $2, 'data', $3, $4, $3) RETURNING id",
        [project.id, title, new Date(Date.UTC(2026, 0, day, 10)), uid[handle]]);
      await client.query("INSERT INTO contribution_authors (contribution_id, user_id, share) VALUES ($1, $2, 1)", [rows[0].id, uid[handle]]);
      return rows[0].id;
    };
    const link = async (from: number, to: number, status: string) =>
      (await client.query<{ id: number }>("INSERT INTO links (from_id, to_id, type, status) VALUES ($1, $2, 'builds_on', $3) RETURNING id", [from, to, status])).rows[0].id;

    const ring = [
      await work("rina", "Sensor calibration 1", 1), await work("rolf", "Sensor calibration 2", 2), await work("rina", "Sensor calibration 3", 3),
      await work("rolf", "Sensor calibration 4", 4), await work("rina", "Sensor calibration 5", 5), await work("rolf", "Sensor calibration 6", 6),
    ];
    for (let i = 1; i < ring.length; i++) await link(ring[i], ring[i - 1], "confirmed");
    await work("carl", UNREVIEWED_TITLE, 7);
    const survey = await work("dora", "Holdfast survey", 8);
    const model = await work("eli", "Canopy cover model", 9);
    const disputed = await link(model, survey, "confirmed");
    const { rows: [dispute] } = await client.query<{ id: number }>(
      "INSERT INTO disputes (subject, link_id, raised_by_id, reason) VALUES ('link', $1, $2, 'The model never used the holdfast survey.') RETURNING id", [disputed, uid.dora]);
    await client.query("UPDATE links SET status = 'disputed' WHERE id = $1", [disputed]);
    // The two events disputeLink records: the dispute, then the link as it was before.
    await client.query("INSERT INTO audit_events (actor_id, action, entity_type, entity_id, after) VALUES ($1, 'dispute.create', 'dispute', $2, '{}')", [uid.dora, String(dispute.id)]);
    await client.query("INSERT INTO audit_events (actor_id, action, entity_type, entity_id, before, after) VALUES ($1, 'link.dispute', 'link', $2, $3, $4)",
      [uid.dora, String(disputed), JSON.stringify({ id: disputed, status: "confirmed" }), JSON.stringify({ id: disputed, status: "disputed" })]);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    await client.end();
  }
  await recomputeWith(databaseUrl);
}

export async function recomputeWith(databaseUrl: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    await recomputeMetrics(pool, { asOfMs: AS_OF, threads: 1 });
  } finally {
    await pool.end();
  }
}
