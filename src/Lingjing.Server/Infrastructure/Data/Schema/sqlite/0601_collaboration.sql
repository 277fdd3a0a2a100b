-- Collaboration between enterprises: what an enterprise needs a partner for (collaboration_needs, with the history of
-- each need in collaboration_need_events) and what it offers to do for others (collaboration_offers). Lists of tags,
-- parks and enterprises are JSON arrays (EF Core's primitive collections on SQLite).
CREATE TABLE "collaboration_needs" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_collaboration_needs" PRIMARY KEY AUTOINCREMENT,
    "enterprise_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "tags" TEXT NOT NULL,
    "budget_min_yuan" INTEGER NULL,
    "budget_max_yuan" INTEGER NULL,
    "deadline" TEXT NULL,
    "partner_size" TEXT NOT NULL,
    "visibility" TEXT NOT NULL,
    "visible_park_ids" TEXT NOT NULL,
    "invited_enterprise_ids" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "created_by" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_collaboration_needs_enterprises_enterprise_id" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_collaboration_needs_status_created_at" ON "collaboration_needs" ("status", "created_at");
CREATE INDEX "ix_collaboration_needs_enterprise_id" ON "collaboration_needs" ("enterprise_id");

CREATE TABLE "collaboration_need_events" (
    "id" TEXT NOT NULL CONSTRAINT "pk_collaboration_need_events" PRIMARY KEY,
    "need_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "actor_user_id" TEXT NULL,
    "actor_name" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    CONSTRAINT "fk_collaboration_need_events_collaboration_needs_need_id" FOREIGN KEY ("need_id") REFERENCES "collaboration_needs" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_collaboration_need_events_need_id_at" ON "collaboration_need_events" ("need_id", "at");

CREATE TABLE "collaboration_offers" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_collaboration_offers" PRIMARY KEY AUTOINCREMENT,
    "enterprise_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "tags" TEXT NOT NULL,
    "price_min_yuan" INTEGER NULL,
    "price_max_yuan" INTEGER NULL,
    "examples" TEXT NOT NULL,
    "active" INTEGER NOT NULL,
    "created_by" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_collaboration_offers_enterprises_enterprise_id" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_collaboration_offers_active_segment" ON "collaboration_offers" ("active", "segment");
CREATE INDEX "ix_collaboration_offers_enterprise_id" ON "collaboration_offers" ("enterprise_id");
