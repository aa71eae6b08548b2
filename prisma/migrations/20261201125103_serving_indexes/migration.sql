-- CreateIndex
CREATE INDEX "contributions_project_id_kind_id_idx" ON "contributions"("project_id", "kind", "id");

-- CreateIndex
CREATE INDEX "metric_contributor_summaries_run_id_scope_betweenness_idx" ON "metric_contributor_summaries"("run_id", "scope", "betweenness");

-- CreateIndex
CREATE INDEX "metric_contributor_summaries_run_id_scope_visibility_idx" ON "metric_contributor_summaries"("run_id", "scope", "visibility");

-- CreateIndex
CREATE INDEX "metric_contributor_summaries_run_id_scope_premium_idx" ON "metric_contributor_summaries"("run_id", "scope", "premium");
