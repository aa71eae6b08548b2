-- DropIndex
DROP INDEX "links_to_id_idx";

-- CreateIndex
CREATE INDEX "links_to_id_from_occurred_at_from_id_idx" ON "links"("to_id", "from_occurred_at", "from_id");

-- Hand-written (Prisma cannot express a B-tree operator class): handle prefix search in the graph
-- explorer (`handle LIKE 'ab%'`) on any server collation; the unique index on handle serves it only
-- under the C collation the embedded server uses.
CREATE INDEX "users_handle_pattern_idx" ON "users" ("handle" text_pattern_ops);
