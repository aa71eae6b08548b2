// What every dashboard page needs first: the actor (maintainer or admin, else not found), the
// filters from the URL, the scope they may read, and the run whose results are shown.
import "server-only";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { parseDashboardFilters, type DashboardFilters } from "@/lib/validation/dashboard";
import { listCampaignWindows, type CampaignWindow } from "./campaigns";
import { getCurrentRun, getRunningRun, isRecomputeQueued, type RunInfo, type RunningInfo } from "./runs";
import { resolveScopeOrThrow, type ScopeOption } from "./scope";

export interface DashboardContext {
  actor: Actor;
  filters: DashboardFilters;
  selected: ScopeOption;
  options: ScopeOption[];
  run: RunInfo | null;
  running: RunningInfo | null;
  isQueued: boolean;
  campaigns: CampaignWindow[];
}

export async function loadDashboardContext(searchParams: Promise<Record<string, string | string[] | undefined>>): Promise<DashboardContext> {
  const actor = await requirePageRole("maintainer");
  const filters = parseDashboardFilters(await searchParams);
  let resolved;
  try {
    resolved = await resolveScopeOrThrow(actor, filters.project);
  } catch (e) {
    if (isAppError(e)) notFound();
    throw e;
  }
  const [run, running, isQueued, campaigns] = await Promise.all([
    getCurrentRun(), getRunningRun(), isRecomputeQueued(), listCampaignWindows(resolved.selected.projectId),
  ]);
  return { actor, filters: { ...filters, project: resolved.selected.slug }, ...resolved, run, running, isQueued, campaigns };
}
