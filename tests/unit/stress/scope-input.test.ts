import { describe, expect, test } from "vitest";
import { STATUS_ACCEPTED, STATUS_QUARANTINED, STATUS_REJECTED } from "@/lib/metrics/codes";
import type { GraphInput } from "@/lib/metrics/graph";
import { DEFAULT_PARAMS } from "@/lib/metrics/params";
import { prepareStressInput } from "@/lib/stress/scope-input";
import { campaign, contributionOf, DAY_MS, link, W0 } from "../metrics/fixtures";

// Dataset P1. Project 1: contributors 1 and 2 take turns building on each other's last post, days
// 0..5 (c1..c6, links [1]..[5]): 5 internal links, both directions, nothing outside, so a ring
// (internal share 1, reciprocity 1, ≥ 5 links). c3 was rejected by a maintainer. Project 2: 3's c7
// (day 1) and 4's c8 (day 2) → c7 [6]. 4's c9 (project 1, day 3) → c7 [7] crosses projects.
// Campaigns: 1 for the ecosystem, 2 for project 1, 3 for project 2.
const day = (d: number) => W0 + d * DAY_MS;
const dataset: GraphInput = {
  contributions: [
    contributionOf(1, day(0), [[1, 1]]), contributionOf(2, day(1), [[2, 1]]), contributionOf(3, day(2), [[1, 1]], { status: "rejected" }),
    contributionOf(4, day(3), [[2, 1]]), contributionOf(5, day(4), [[1, 1]]), contributionOf(6, day(5), [[2, 1]]),
    contributionOf(7, day(1), [[3, 1]], { projectId: 2 }), contributionOf(8, day(2), [[4, 1]], { projectId: 2 }),
    contributionOf(9, day(3), [[4, 1]]),
  ],
  links: [link(1, 2, 1), link(2, 3, 2), link(3, 4, 3), link(4, 5, 4), link(5, 6, 5), link(6, 8, 7), link(7, 9, 7)],
  campaigns: [campaign(1, day(0), day(9)), campaign(2, day(0), day(9), 1), campaign(3, day(0), day(9), 2)],
};
const asOf = day(10);

function deepFreeze<T>(x: T): T {
  if (x && typeof x === "object") {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

const statuses = (input: GraphInput) => input.contributions.map((c) => [c.id, c.status]);

describe("prepareStressInput", () => {
  test("quarantines a detected ring's work as the recompute does; a rejection stands", () => {
    const frozen = deepFreeze(structuredClone(dataset));
    const { input, quarantined } = prepareStressInput(frozen, { projectId: null, ecosystemParams: DEFAULT_PARAMS, asOfMs: asOf });
    const Q = STATUS_QUARANTINED;
    expect(statuses(input)).toEqual([[1, Q], [2, Q], [3, STATUS_REJECTED], [4, Q], [5, Q], [6, Q], [7, STATUS_ACCEPTED], [8, STATUS_ACCEPTED], [9, STATUS_ACCEPTED]]);
    expect(quarantined).toBe(5);
    expect(input.links).toHaveLength(7);
    expect(input.campaigns).toHaveLength(3);
    expect(frozen).toEqual(dataset);
  });

  test("contributions a maintainer cleared keep their status, as in the recompute", () => {
    const { input, quarantined } = prepareStressInput(dataset, { projectId: null, ecosystemParams: DEFAULT_PARAMS, asOfMs: asOf, clearedContributionIds: [1, 4] });
    const Q = STATUS_QUARANTINED;
    expect(statuses(input)).toEqual([[1, dataset.contributions[0].status], [2, Q], [3, STATUS_REJECTED], [4, dataset.contributions[3].status], [5, Q], [6, Q], [7, STATUS_ACCEPTED], [8, STATUS_ACCEPTED], [9, STATUS_ACCEPTED]]);
    expect(quarantined).toBe(3);
  });

  test("a ring not yet complete at asOf is left alone", () => {
    // As of day 3.5 the ring has 3 internal links, fewer than the 5 the detector needs.
    const { input, quarantined } = prepareStressInput(dataset, { projectId: null, ecosystemParams: DEFAULT_PARAMS, asOfMs: day(3.5) });
    expect(quarantined).toBe(0);
    expect(input.contributions).toEqual(dataset.contributions);
  });

  test("a project keeps its own contributions, the links inside it, and its and the ecosystem's campaigns", () => {
    const p2 = prepareStressInput(dataset, { projectId: 2, ecosystemParams: DEFAULT_PARAMS, asOfMs: asOf });
    expect(p2.input.contributions.map((c) => c.id)).toEqual([7, 8]);
    expect(p2.input.links.map((l) => l.id)).toEqual([6]);
    expect(p2.input.campaigns.map((c) => c.id)).toEqual([1, 3]);
    expect(p2.quarantined).toBe(0);

    // Project 1 keeps the ring (detected on the whole ecosystem) and c9, whose link leaves the project.
    const p1 = prepareStressInput(dataset, { projectId: 1, ecosystemParams: DEFAULT_PARAMS, asOfMs: asOf });
    expect(p1.input.contributions.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 9]);
    expect(p1.input.links.map((l) => l.id)).toEqual([1, 2, 3, 4, 5]);
    expect(p1.input.campaigns.map((c) => c.id)).toEqual([1, 2]);
    expect(p1.quarantined).toBe(5);
  });

  test("an empty graph stays empty", () => {
    const empty = { contributions: [], links: [], campaigns: [] };
    expect(prepareStressInput(empty, { projectId: 3, ecosystemParams: DEFAULT_PARAMS, asOfMs: asOf })).toEqual({ input: empty, quarantined: 0 });
  });
});
