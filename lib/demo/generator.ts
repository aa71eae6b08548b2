// The demo community generator: pure and deterministic. Given a seed, a size and the end of the
// history (the caller passes the clock in), it yields the same rows on every run and machine.
// What it models, so that the dashboards built on it show something true:
// - a persistent core (~6.5% of contributors, 3–5 hubs among them) active most weeks, linking
//   mostly to others' work; the hubs' work is what many others build on;
// - incentive campaigns whose recruits link little and mostly leave within weeks of the end;
// - organic newcomers arriving steadily (a growing community), a few becoming regulars;
// - a closed link ring of five accounts that link to each other's work;
// - disputed links (some resolved), unconfirmed links, unreviewed and rejected contributions,
//   co-authored work, quieter weekends and a late-December dip.
// The heavy parts live in typed arrays (plan.ts); every table is a lazy iterable over them.
import { buildPlan } from "./plan";
import { campaignRows, DEMO_ACCOUNTS, projectMaintainerRows, projectRows, userRows } from "./rows-people";
import { contributionAuthorRows, contributionRows, disputeRows, linkRows } from "./rows-work";
import type { DemoCommunity, DemoOptions, DemoScale, DemoSummary } from "./types";

export { DEMO_ACCOUNTS };

/** The size `npm run db:seed` and the first run load: about 2,000 people over 2 years. */
export const DEMO_SIZE: DemoScale = { contributors: 2_000, years: 2, projects: 6, campaigns: 2 };

/** The benchmark size of DESIGN.md's quality bars. */
export const BENCH_SIZE: DemoScale = { contributors: 100_000, years: 3, projects: 12, campaigns: 6, contributions: 1_000_000, links: 3_000_000 };

export function generateDemoCommunity(opts: DemoOptions): DemoCommunity {
  const plan = buildPlan(opts);
  const { act, links, pop, cal } = plan;

  const perProject = new Int32Array(plan.projects.length);
  for (let i = 0; i < act.n; i++) perProject[act.project[i]]++;
  const recruits = new Int32Array(cal.campaigns.length);
  for (let u = 1; u <= pop.nUsers; u++) if (pop.campaign[u] >= 0) recruits[pop.campaign[u]]++;
  let projectMaintainers = 0;
  for (const m of plan.maintainers) projectMaintainers += m.length;

  const summary: DemoSummary = {
    startAt: cal.startAt,
    endAt: cal.endAt,
    weeks: cal.weeks,
    counts: {
      users: pop.nUsers,
      projects: plan.projects.length,
      projectMaintainers,
      campaigns: cal.campaigns.length,
      contributions: act.n,
      contributionAuthors: act.n + act.coAuthors.length,
      links: links.n,
      disputes: links.disputeLink.length + links.authorshipDisputes.length,
    },
    projects: plan.projects.map((p, i) => ({ id: i + 1, slug: p.slug, name: p.name, kind: p.kind, contributions: perProject[i], links: links.perProject[i] })),
    campaigns: cal.campaigns.map((c) => ({
      id: c.index + 1, name: c.spec.name, kind: c.spec.kind, projectId: c.project === null ? null : c.project + 1,
      startAt: c.startAt, endAt: c.endAt, recruits: recruits[c.index],
    })),
    accounts: DEMO_ACCOUNTS.map(({ userId, role, email, handle }) => ({ userId, role, email, handle })),
    coreUserIds: [...pop.core].sort((a, b) => a - b),
    hubUserIds: [...pop.hubs],
    ringUserIds: [...pop.ring],
  };

  return {
    summary,
    users: () => userRows(plan),
    projects: () => projectRows(plan),
    projectMaintainers: () => projectMaintainerRows(plan),
    campaigns: () => campaignRows(plan),
    contributions: () => contributionRows(plan),
    contributionAuthors: () => contributionAuthorRows(plan),
    links: () => linkRows(plan),
    disputes: () => disputeRows(plan),
  };
}
