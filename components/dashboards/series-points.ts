// Shapes stored series for the charts: one PeriodPoint per period with a value per series key.
import type { SeriesPoint } from "@/lib/analytics/series";
import type { PeriodPoint, ShadedWindow } from "@/components/charts/types";
import type { CampaignWindow } from "@/lib/analytics/campaigns";
import type { ChartTableRow } from "@/components/charts/chart-frame";

export function toPeriodPoints(series: Record<string, SeriesPoint[]>, keys: readonly string[], scale: Record<string, number> = {}): {
  data: PeriodPoint[];
  isLastIncomplete: boolean;
} {
  const periods = new Map<string, PeriodPoint>();
  let lastIncomplete = false;
  for (const k of keys) {
    for (const p of series[k] ?? []) {
      let row = periods.get(p.period);
      if (!row) periods.set(p.period, (row = { period: p.period, values: {} }));
      row.values[k] = p.value === null ? null : p.value * (scale[k] ?? 1);
    }
  }
  const data = [...periods.values()].sort((a, b) => a.period.localeCompare(b.period));
  for (const k of keys) {
    const last = series[k]?.at(-1);
    if (last && !last.isComplete && last.period === data.at(-1)?.period) lastIncomplete = true;
  }
  for (const row of data) for (const k of keys) if (!(k in row.values)) row.values[k] = null;
  return { data, isLastIncomplete: lastIncomplete };
}

export function tableRows(data: PeriodPoint[], keys: readonly string[]): ChartTableRow[] {
  return data.map((p) => ({ period: p.period, ...Object.fromEntries(keys.map((k) => [k, p.values[k] ?? null])) }));
}

/** Campaign windows as period-label spans present in `data` (periods that overlap the campaign). */
export function campaignShading(campaigns: CampaignWindow[], data: PeriodPoint[], unit: "week" | "month"): ShadedWindow[] {
  if (data.length === 0) return [];
  const periodEnd = (label: string) => {
    const d = new Date(`${label}T00:00:00Z`);
    if (unit === "week") return d.getTime() + 7 * 86_400_000;
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  };
  const out: ShadedWindow[] = [];
  for (const c of campaigns) {
    const inside = data.filter((p) => Date.parse(`${p.period}T00:00:00Z`) < c.endAt.getTime() && periodEnd(p.period) > c.startAt.getTime());
    if (inside.length) out.push({ from: inside[0].period, to: inside.at(-1)!.period, name: c.name });
  }
  return out;
}
