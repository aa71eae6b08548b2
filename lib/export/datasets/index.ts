// The exportable datasets, in the order the admin page lists them.
import type { DatasetDef, DatasetId } from "../types";
import { attributionFlowDataset } from "./attribution-flow";
import { attributionSeriesDataset } from "./attribution-series";
import { classesDataset } from "./classes";
import { lifecycleDataset } from "./lifecycle";
import { retentionDataset } from "./retention";
import { signalsDataset } from "./signals";

export const DATASETS: Record<DatasetId, DatasetDef> = {
  retention: retentionDataset,
  lifecycle: lifecycleDataset,
  "attribution-flow": attributionFlowDataset,
  "attribution-series": attributionSeriesDataset,
  classes: classesDataset,
  signals: signalsDataset,
};

/** Columns as written: identity columns become one pseudonym column when pseudonymizing. */
export function columnsOf(d: DatasetDef, pseudonymize: boolean) {
  return pseudonymize && d.pseudonymColumns.length > 0 ? d.pseudonymColumns : d.columns;
}
