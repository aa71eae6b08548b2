// Plain data shapes shared by the charts. Nothing here knows what a metric is.

export interface ChartSeries {
  /** Key into each point's `values`. */
  key: string;
  label: string;
  /** Defaults to the palette colour of the series' position. */
  color?: string;
}

/** One period on the x axis, with one value per series key (null: no value for that period). */
export interface PeriodPoint {
  period: string;
  values: Record<string, number | null>;
}

/** A shaded span of periods, e.g. an incentive campaign; `from` and `to` are period labels present in the data. */
export interface ShadedWindow {
  from: string;
  to: string;
  name: string;
}

export interface XYPoint {
  x: number;
  y: number;
}
