-- Verified facts: the enterprise facts that decide money change only through review. An
-- enterprise's declared change waits in enterprise_fact_changes until its park operator or the
-- government approves or rejects it; every verified change is a row of enterprise_fact_history.
-- registered_at: when the registry facts were imported (their provenance until a change is verified).
ALTER TABLE "enterprises" ADD COLUMN "registered_at" TEXT NULL;
UPDATE "enterprises" SET "registered_at" = "updated_at";

CREATE TABLE "enterprise_fact_changes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_enterprise_fact_changes" PRIMARY KEY,
    "enterprise_id" INTEGER NOT NULL,
    "fact" TEXT NOT NULL,
    "old_value" TEXT NOT NULL,
    "new_value" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "proposed_by" TEXT NULL,
    "proposed_by_name" TEXT NOT NULL,
    "proposed_at" TEXT NOT NULL,
    "decided_by" TEXT NULL,
    "decided_by_name" TEXT NULL,
    "decided_by_role" TEXT NULL,
    "decided_at" TEXT NULL,
    "reason" TEXT NULL,
    CONSTRAINT "fk_enterprise_fact_changes_enterprises_enterprise_id" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_enterprise_fact_changes_enterprise_id_status" ON "enterprise_fact_changes" ("enterprise_id", "status");
CREATE INDEX "ix_enterprise_fact_changes_status_proposed_at" ON "enterprise_fact_changes" ("status", "proposed_at");

CREATE TABLE "enterprise_fact_history" (
    "id" TEXT NOT NULL CONSTRAINT "pk_enterprise_fact_history" PRIMARY KEY,
    "enterprise_id" INTEGER NOT NULL,
    "fact" TEXT NOT NULL,
    "old_value" TEXT NOT NULL,
    "new_value" TEXT NOT NULL,
    "provenance" TEXT NOT NULL,
    "change_id" TEXT NULL,
    "declared_by_name" TEXT NOT NULL,
    "actor_user_id" TEXT NULL,
    "actor_name" TEXT NOT NULL,
    "actor_role" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    CONSTRAINT "fk_enterprise_fact_history_enterprises_enterprise_id" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_enterprise_fact_history_enterprise_id_fact_at" ON "enterprise_fact_history" ("enterprise_id", "fact", "at");
