// Hand-computed datasets shared by the attribution, flow and visibility tests.

import { contributionOf, inWeek, link } from "./fixtures";

// Dataset (ρ = 0.3, default weights). Contributors Ana 1, Bo 2, Cy 3, Di 4.
//   A 10  week 0 Mon 12:00  Ana            accepted    m = 1
//   B 11  week 0 Tue        Bo             accepted    m = 1
//   C 12  week 1 Mon 00:00  Cy ½ + Ana ½   unreviewed  m = 0.5   (exactly on the week boundary)
//   D 13  week 1 Wed        Di             rejected    m = 0
//   E 14  week 2 Tue 12:00  Bo             accepted    m = 1
//   F 15  week 2 Tue 12:00  Di             accepted    m = 1     (same instant as E)
// Links: L1 D→C builds-on confirmed (1)      L2 E→C builds-on confirmed (1)
//        L3 E→A cites unconfirmed (0.25)     L4 E→B fixes disputed (0)
//        L5 E→F reviews confirmed (0.5)      L6 F→B builds-on unconfirmed (0.5)
//        L7 C→A builds-on confirmed (1)
// E and F tie in time and E (lower index) links to F, so F must be processed after E.
// By hand: E holds 1, out-weight 1.75, passes 0.3: C 6/35, A 3/70, F 3/35; keeps 0.7.
//   F holds 38/35, passes 57/175 to B, keeps 0.76.  D holds 0.
//   C holds 0.5 + 6/35 = 47/70, passes 141/700 to A, keeps 0.47.
//   B holds 1 + 57/175 = 232/175, no out-link, keeps all.  A holds 1 + 3/70 + 141/700 = 871/700.
export const cascadeRows = [
  contributionOf(10, inWeek(0, 0.5), [[1, 1]]),
  contributionOf(11, inWeek(0, 1), [[2, 1]]),
  contributionOf(12, inWeek(1, 0), [[3, 0.5], [1, 0.5]], { status: "unreviewed" }),
  contributionOf(13, inWeek(1, 2), [[4, 1]], { status: "rejected" }),
  contributionOf(14, inWeek(2, 1.5), [[2, 1]]),
  contributionOf(15, inWeek(2, 1.5), [[4, 1]]),
];
export const cascadeLinks = [
  link(1, 13, 12), link(2, 14, 12), link(3, 14, 10, "cites", "unconfirmed"), link(4, 14, 11, "fixes", "disputed"),
  link(5, 14, 15, "reviews"), link(6, 15, 11, "builds_on", "unconfirmed"), link(7, 12, 10),
];
