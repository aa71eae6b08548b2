// The run dashboards read (the newest succeeded one) and the one in progress, if any, so pages can
// show "recomputing: writing results, 72 %" beside results that stay served meanwhile.
import { prisma } from "@/lib/db";
import { noteRun } from "./run-memo";

export interface RunInfo {
  id: number;
  asOf: Date;
  finishedAt: Date | null;
  paramsHash: string;
  metricVersion: number;
  durationMs: number | null;
  contributions: number;
  links: number;
  contributors: number;
}

export interface RunningInfo {
  id: number;
  phase: string | null;
  progress: number;
  startedAt: Date | null;
}

export async function getCurrentRun(): Promise<RunInfo | null> {
  const run = await prisma.metricRun.findFirst({
    where: { status: "succeeded" },
    orderBy: { id: "desc" },
    select: { id: true, asOf: true, finishedAt: true, paramsHash: true, metricVersion: true, durationMs: true, contributions: true, links: true, contributors: true },
  });
  if (run) noteRun(run);
  return run;
}

export async function getRunningRun(): Promise<RunningInfo | null> {
  return prisma.metricRun.findFirst({
    where: { status: "running" },
    orderBy: { id: "desc" },
    select: { id: true, phase: true, progress: true, startedAt: true },
  });
}

/** Is a recompute queued (writes since the last run)? */
export async function isRecomputeQueued(): Promise<boolean> {
  return (await prisma.job.count({ where: { kind: "metrics.recompute", status: "queued" } })) > 0;
}
