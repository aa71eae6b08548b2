// The plan: everything about the demo community that needs memory, held in typed arrays. Rows are
// derived from it lazily (rows-people.ts, rows-work.ts), each from its own seeded stream, so any
// table can be iterated on its own, any number of times, with identical output.
import { type Activity, scaleToTarget, simulateActivity } from "./activity";
import { type Calendar, buildCalendar } from "./calendar";
import { type LinkPlan, planLinks } from "./linking";
import { nameOffset } from "./names";
import { MAINTAINER_ID, type Population, planPopulation, projectSpecs } from "./population";
import { Random } from "./random";
import type { DemoOptions } from "./types";
import type { ProjectSpec } from "./vocabulary";

export interface Plan {
  opts: DemoOptions;
  cal: Calendar;
  pop: Population;
  act: Activity;
  links: LinkPlan;
  projects: readonly ProjectSpec[];
  /** per project (index): maintainer user ids, the first one resolves its disputes */
  maintainers: number[][];
  /** rotation of the name grid for this seed */
  nameOffset: number;
}

/** The demo maintainer looks after the first and third projects (Ocean Datanet, Reef Vision). */
export const MAINTAINER_PROJECTS = [0, 2];

function chooseMaintainers(pop: Population, nProjects: number): number[][] {
  const out: number[][] = Array.from({ length: nProjects }, () => []);
  for (const p of MAINTAINER_PROJECTS) if (p < nProjects) out[p].push(MAINTAINER_ID);
  // every project also has a maintainer from its own persistent core (the imported maintainers)
  for (let p = 0; p < nProjects; p++) {
    const local = pop.core.find((u) => pop.home[u] === p && !out.some((m) => m.includes(u)));
    const fallback = pop.core.find((u) => !out.some((m) => m.includes(u)));
    const chosen = local ?? fallback;
    if (chosen !== undefined) out[p].push(chosen);
  }
  return out;
}

export function buildPlan(opts: DemoOptions): Plan {
  if (!Number.isInteger(opts.seed)) throw new RangeError("seed must be an integer");
  if (!Number.isFinite(opts.endAt)) throw new RangeError("endAt must be a finite epoch in milliseconds");
  if (!(opts.years > 0 && opts.years <= 20)) throw new RangeError("years must be in (0, 20]");
  const projects = projectSpecs(opts.projects);
  const cal = buildCalendar(opts.endAt, opts.years, opts.campaigns, projects.length);
  const pop = planPopulation(opts.seed, opts.contributors, projects.length, cal);
  if (opts.contributions !== undefined) scaleToTarget(pop, cal, opts.contributions);
  const act = simulateActivity(opts.seed, pop, cal, projects);
  const links = planLinks(opts.seed, pop, cal, act, opts.links);
  return {
    opts, cal, pop, act, links, projects,
    maintainers: chooseMaintainers(pop, projects.length),
    nameOffset: nameOffset(new Random(opts.seed, 4)),
  };
}

/** users who maintain some project (their role is maintainer) */
export function maintainerIds(plan: Plan): Set<number> {
  return new Set(plan.maintainers.flat());
}
