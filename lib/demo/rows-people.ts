// Rows for users, projects, project maintainers and campaigns, derived from the plan.
import { DAY_MS } from "./calendar";
import { personAt } from "./names";
import { type Plan, maintainerIds } from "./plan";
import { ADMIN_ID, CONTRIBUTOR_ID, MAINTAINER_ID, Persona } from "./population";
import { Random } from "./random";
import type { CampaignRow, DemoAccount, ProjectMaintainerRow, ProjectRow, UserRow } from "./types";

/** The three accounts one can sign in with (password set by the caller), ids 1–3. */
export const DEMO_ACCOUNTS: readonly (DemoAccount & { name: string })[] = [
  { userId: ADMIN_ID, role: "admin", email: "admin@understory.demo", handle: "demo-admin", name: "Ada Admin" },
  { userId: MAINTAINER_ID, role: "maintainer", email: "maintainer@understory.demo", handle: "demo-maintainer", name: "Mo Maintainer" },
  { userId: CONTRIBUTOR_ID, role: "contributor", email: "contributor@understory.demo", handle: "demo-contributor", name: "Cleo Contributor" },
];

export function* userRows(plan: Plan): Generator<UserRow> {
  const { pop, cal, act, opts } = plan;
  // accounts that signed up before the history starts, so every screen has them from day one
  const signedUpAt = cal.startAt - 30 * DAY_MS;
  for (const a of DEMO_ACCOUNTS) {
    yield { id: a.userId, email: a.email, handle: a.handle, name: a.name, passwordHash: opts.passwordHash, role: a.role, isImported: false, createdAt: signedUpAt };
  }
  const maintainers = maintainerIds(plan);
  let ringNumber = 0;
  for (let u = CONTRIBUTOR_ID + 1; u <= pop.nUsers; u++) {
    const rng = new Random(opts.seed, 10, u);
    let { name, handle } = personAt(u - CONTRIBUTOR_ID - 1, plan.nameOffset);
    if (pop.persona[u] === Persona.ring) {
      // sybil-style accounts: generated names, registered together
      ringNumber++;
      name = `Lumen Node ${ringNumber}`;
      handle = `lumen-node-${ringNumber}`;
    }
    const first = act.firstTime[u];
    const createdAt = Number.isNaN(first) ? cal.startAt : Math.max(cal.startAt - DAY_MS, first - rng.int(3 * DAY_MS));
    yield {
      id: u,
      // imported identities: many sources carry no email; the rest get an address that cannot exist
      email: rng.chance(0.4) ? null : `${handle}@example.invalid`,
      handle,
      name,
      passwordHash: null,
      role: maintainers.has(u) ? "maintainer" : "contributor",
      isImported: true,
      createdAt,
    };
  }
}

export function* projectRows(plan: Plan): Generator<ProjectRow> {
  const createdAt = plan.cal.startAt - 60 * DAY_MS;
  for (const [i, p] of plan.projects.entries()) {
    yield { id: i + 1, slug: p.slug, name: p.name, kind: p.kind, description: p.description, createdAt };
  }
}

export function* projectMaintainerRows(plan: Plan): Generator<ProjectMaintainerRow> {
  const createdAt = plan.cal.startAt - 30 * DAY_MS;
  for (const [p, users] of plan.maintainers.entries()) {
    for (const userId of users) yield { projectId: p + 1, userId, createdAt };
  }
}

export function* campaignRows(plan: Plan): Generator<CampaignRow> {
  for (const c of plan.cal.campaigns) {
    yield {
      id: c.index + 1,
      name: c.spec.name,
      kind: c.spec.kind,
      projectId: c.project === null ? null : c.project + 1,
      startAt: c.startAt,
      endAt: c.endAt,
      createdAt: c.startAt - 14 * DAY_MS,
    };
  }
}
