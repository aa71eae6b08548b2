-- The (run_id, scope, period_unit, period_start) index of metric_contributor_periods serves no
-- read: the dashboards read a contributor's rows (user_id = ANY …) and the exports read a scope in
-- (user_id, period_start) order, both by the primary key. Each run built it on ~17M rows at the
-- benchmark's size (half of the time ATTACH spends indexing the run's partition).
DROP INDEX "metric_contributor_periods_run_id_scope_period_unit_period__idx";
