// Rows for contributions, their authors, links and disputes, derived from the plan. Per-row
// details (titles, delays, notes) come from a stream seeded by the row's own id, so they do not
// depend on which other rows were read before.
import { DAY_MS } from "./calendar";
import { ACCEPTED, CONFIRMED, DISPUTED, KINDS, LINK_STATUSES, LINK_TYPES, OPEN, REJECTED, REMOVED, RESOLUTIONS, STATUSES, UPHELD } from "./codes";
import type { Plan } from "./plan";
import { CONTRIBUTOR_ID } from "./population";
import { Random, mix3 } from "./random";
import type { ContributionAuthorRow, ContributionRow, DisputeRow, LinkRow } from "./types";
import { DISPUTE_REASONS, LINK_NOTES, RESOLUTION_NOTES, contributionDescription, contributionTitle } from "./vocabulary";

const MINUTE_MS = 60_000;
const AUTHORSHIP_REASONS = ["My share of this work is higher than recorded.", "I should be listed as a co-author of this batch."];

/** basis points → "0.5000": exact decimal text, no float rounding */
export function shareText(bp: number): string {
  return `${Math.floor(bp / 10000)}.${String(bp % 10000).padStart(4, "0")}`;
}

/** When contribution i was logged: minutes to days after the work, never after endAt. */
function loggedAt(plan: Plan, i: number): number {
  const h = mix3(plan.opts.seed, 20, i);
  return Math.min(plan.cal.endAt, plan.act.time[i] + 10 * MINUTE_MS + (h % (3 * DAY_MS)));
}

export function* contributionRows(plan: Plan): Generator<ContributionRow> {
  const { act, cal, opts, projects } = plan;
  for (let i = 0; i < act.n; i++) {
    const rng = new Random(opts.seed, 11, i);
    const project = projects[act.project[i]];
    const kind = KINDS[act.kind[i]];
    const createdAt = loggedAt(plan, i);
    const reviewed = act.status[i] === ACCEPTED || act.status[i] === REJECTED;
    const updatedAt = reviewed ? Math.min(cal.endAt, createdAt + rng.between(1, 6 * 24) * 3_600_000) : createdAt;
    // the demo accounts logged their own work by hand; everyone else's was imported
    const isManual = act.author[i] <= CONTRIBUTOR_ID;
    yield {
      id: i + 1,
      projectId: act.project[i] + 1,
      title: contributionTitle(rng, kind, project),
      description: contributionDescription(rng),
      kind,
      occurredAt: act.time[i],
      url: rng.chance(0.5) ? `${project.urlBase}/${1000 + i}` : null,
      status: STATUSES[act.status[i]],
      source: isManual ? "manual" : "import",
      externalId: isManual ? null : `${project.slug}-${i + 1}`,
      createdById: act.author[i],
      createdAt,
      updatedAt,
      deletedAt: act.withdrawn[i] ? Math.min(cal.endAt, updatedAt + DAY_MS) : null,
    };
  }
}

export function* contributionAuthorRows(plan: Plan): Generator<ContributionAuthorRow> {
  const { act } = plan;
  for (let i = 0; i < act.n; i++) {
    yield { contributionId: i + 1, userId: act.author[i], share: shareText(act.primaryBp[i]) };
    for (let k = act.coStart[i]; k < act.coStart[i + 1]; k++) {
      yield { contributionId: i + 1, userId: act.coAuthors[k], share: shareText(act.coShareBp[k]) };
    }
  }
}

/** A link is made with its source contribution or within hours after it was logged. */
function linkCreatedAt(plan: Plan, k: number): number {
  const h = mix3(plan.opts.seed, 21, k);
  return Math.min(plan.cal.endAt, loggedAt(plan, plan.links.from[k]) + (h % (6 * 3_600_000)));
}

export function* linkRows(plan: Plan): Generator<LinkRow> {
  const { act, links, cal, opts } = plan;
  for (let k = 0; k < links.n; k++) {
    const h = mix3(opts.seed, 22, k);
    const createdAt = linkCreatedAt(plan, k);
    const status = links.status[k];
    // confirmed, disputed and removed links were touched again after they were made
    const touched = status === CONFIRMED || status === DISPUTED || status === REMOVED;
    yield {
      id: k + 1,
      fromId: links.from[k] + 1,
      toId: links.to[k] + 1,
      type: LINK_TYPES[links.type[k]],
      status: LINK_STATUSES[status],
      note: h % 100 < 8 ? LINK_NOTES[(h >>> 8) % LINK_NOTES.length] : "",
      fromOccurredAt: act.time[links.from[k]],
      toOccurredAt: act.time[links.to[k]],
      createdById: act.author[links.from[k]],
      createdAt,
      updatedAt: touched ? Math.min(cal.endAt, createdAt + ((h >>> 12) % (10 * DAY_MS))) : createdAt,
    };
  }
}

export function* disputeRows(plan: Plan): Generator<DisputeRow> {
  const { act, links, cal, opts, maintainers } = plan;
  let id = 0;
  for (let d = 0; d < links.disputeLink.length; d++) {
    const rng = new Random(opts.seed, 13, d);
    const k = links.disputeLink[d];
    const target = links.to[k];
    const resolver: number | undefined = maintainers[act.project[target]][0];
    const createdAt = Math.min(cal.endAt, linkCreatedAt(plan, k) + rng.between(1, 10 * 24) * 3_600_000);
    const resolution = links.disputeResolution[d];
    const resolvedAt = resolution === OPEN ? null : Math.min(cal.endAt, createdAt + rng.between(1, 14) * DAY_MS);
    yield {
      id: ++id,
      subject: "link",
      linkId: k + 1,
      contributionId: null,
      // the target's author, or now and then the project's maintainer (never the link's own author)
      raisedById: rng.chance(0.85) || resolver === undefined || resolver === act.author[links.from[k]] ? act.author[target] : resolver,
      reason: rng.pick(DISPUTE_REASONS),
      resolution: RESOLUTIONS[resolution],
      resolutionNote: resolution === OPEN ? "" : resolution === UPHELD ? RESOLUTION_NOTES.upheld : RESOLUTION_NOTES.rejected,
      resolvedById: resolution === OPEN ? null : resolver ?? null,
      createdAt,
      resolvedAt,
    };
  }
  for (let j = 0; j < links.authorshipDisputes.length; j++) {
    const rng = new Random(opts.seed, 14, j);
    const c = links.authorshipDisputes[j];
    const resolver: number | undefined = maintainers[act.project[c]][0];
    const createdAt = Math.min(cal.endAt, loggedAt(plan, c) + rng.between(2, 20) * DAY_MS);
    // authorship disputes end open or dismissed: upholding one would mean rewriting the shares
    const isOpen = rng.chance(0.4) || resolver === undefined;
    yield {
      id: ++id,
      subject: "authorship",
      linkId: null,
      contributionId: c + 1,
      raisedById: act.coAuthors[act.coStart[c]],
      reason: rng.pick(AUTHORSHIP_REASONS),
      resolution: isOpen ? "open" : "rejected",
      resolutionNote: isOpen ? "" : "Shares were agreed on when the work was logged.",
      resolvedById: isOpen ? null : resolver ?? null,
      createdAt,
      resolvedAt: isOpen ? null : Math.min(cal.endAt, createdAt + rng.between(1, 10) * DAY_MS),
    };
  }
}
