import { describe, expect, test } from "vitest";
import { topBuilders } from "@/lib/metrics/run-contributors";
import { contribution, contributorIndex, graphOf, inWeek, link } from "./fixtures";

// Who builds on a contributor's work, as the profile shows it (stored by the recompute instead of
// counting every incoming link per request). Contributors: 1 (the hub), 2, 3, 4.
//   c10 (1), c11 (1, 2) — the hub's work.
//   c20 (2, week 2) → c10 confirmed, c20 → c11 unconfirmed: 2 links from 2 to 1 (1 confirmed);
//     for 2, c20 → c11 (co-authored by 2) is their own link and is left out.
//   c30 (3, 4; week 3) → c10 confirmed: one link, counted once per co-author (3 and 4).
//   c40 (4, week 5) → c11 disputed: 4 builds on 1 (and on 2) once more; disputed links still count.
//   c50 (1, week 6) → c20: the hub builds on 2.
//   c60 (3, week 7) → c10 removed: removed links are not in the graph.
describe("topBuilders", () => {
  const g = graphOf(
    [
      contribution(10, inWeek(0), [1]), contribution(11, inWeek(1), [1, 2]), contribution(20, inWeek(2), [2]),
      contribution(30, inWeek(3), [3, 4]), contribution(40, inWeek(5), [4]), contribution(50, inWeek(6), [1]), contribution(60, inWeek(7), [3]),
    ],
    [
      link(1, 20, 10, "builds_on", "confirmed"), link(2, 20, 11, "cites", "unconfirmed"), link(3, 30, 10, "builds_on", "confirmed"),
      link(4, 40, 11, "builds_on", "disputed"), link(5, 50, 20, "builds_on", "confirmed"), link(6, 60, 10, "builds_on", "removed"),
    ],
  );
  const of = (id: number, k = 10) => {
    const t = topBuilders(g, k);
    const u = contributorIndex(g, id);
    const out: [number, number, number, string][] = [];
    for (let c = t.start[u]; c < t.start[u + 1]; c++) out.push([g.contributorId[t.user[c]], t.links[c], t.confirmed[c], new Date(t.lastAt[c]).toISOString().slice(0, 10)]);
    return out;
  };

  test("counts links per builder, confirmed ones, the latest source; most links first, ties by the smaller id", () => {
    // 2: c20→c10, c20→c11 (1 confirmed, latest week 2); 4: c30→c10, c40→c11 (1 confirmed, week 5); 3: c30→c10
    expect(of(1)).toEqual([[2, 2, 1, "2024-01-15"], [4, 2, 1, "2024-02-05"], [3, 1, 1, "2024-01-22"]]);
    // 2's work: c11 (with 1) and c20. 4 → c11 (disputed); 1 → c20 (c50, confirmed). 2's own c20 → c11 is left out.
    expect(of(2)).toEqual([[1, 1, 1, "2024-02-12"], [4, 1, 0, "2024-02-05"]]);
    expect(of(3)).toEqual([]);
  });

  test("keeps the k strongest", () => {
    expect(of(1, 1)).toEqual([[2, 2, 1, "2024-01-15"]]);
  });
});
