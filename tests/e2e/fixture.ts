// A small, fixed community for the contributor journey: three people with passwords, two projects,
// earlier work to link to, and one link waiting to be disputed.
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";

export const PEOPLE = {
  bob: { email: "bob@e2e.test", password: "bob-password-1", handle: "bob", name: "Bob Okafor" },
  carol: { email: "carol@e2e.test", password: "carol-password-1", handle: "carol", name: "Carol Jansen" },
  dave: { email: "dave@e2e.test", password: "dave-password-1", handle: "dave", name: "Dave Lindqvist" },
} as const;

export async function seedJourneyFixture(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const p of Object.values(PEOPLE)) {
      await client.query("INSERT INTO users (email, handle, name, password_hash) VALUES ($1, $2, $3, $4)", [p.email, p.handle, p.name, await hashPassword(p.password)]);
    }
    await client.query(`INSERT INTO projects (slug, name, kind) VALUES ('ocean-datanet', 'Ocean Datanet', 'datanet'), ('reef-vision', 'Reef Vision', 'model')`);
    const contribution = async (handle: string, title: string, day: string, project: string) => {
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO contributions (project_id, title, kind, occurred_at, status, created_by_id)
         SELECT p.id, $2, 'data', $3::timestamptz, 'accepted', u.id FROM projects p, users u WHERE p.slug = $4 AND u.handle = $1 RETURNING id`,
        [handle, title, day, project],
      );
      await client.query("INSERT INTO contribution_authors (contribution_id, user_id, share) SELECT $1, id, 1 FROM users WHERE handle = $2", [rows[0].id, handle]);
      return rows[0].id;
    };
    await contribution("bob", "Reef survey 2025, cleaned", "2026-01-10T00:00:00Z", "ocean-datanet");
    const tide = await contribution("carol", "Tide gauge labels", "2026-01-12T00:00:00Z", "ocean-datanet");
    const model = await contribution("dave", "Reef model v0", "2026-01-15T00:00:00Z", "reef-vision");
    await client.query("INSERT INTO links (from_id, to_id, type, note, created_by_id) SELECT $1, $2, 'builds_on', 'trained on these labels', id FROM users WHERE handle = 'dave'", [model, tide]);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    await client.end();
  }
}
