-- Safety of collaboration (issue 14, point 7): who may start a conversation with an enterprise or institution (anyone
-- when it has no row, same_park, partners or nobody); reports of needs, offers and messages (one per reporting side and
-- target: report_key unique) with the moderator's decision; suspensions of an author until a time.
CREATE TABLE "collaboration_contact_rules" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_collaboration_contact_rules" PRIMARY KEY AUTOINCREMENT,
    "enterprise_id" INTEGER NULL,
    "institution_id" INTEGER NULL,
    "who" TEXT NOT NULL,
    "updated_by" TEXT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "ck_collaboration_contact_rules_one_owner" CHECK (("enterprise_id" IS NULL) <> ("institution_id" IS NULL)),
    CONSTRAINT "fk_collaboration_contact_rules_enterprises_enterprise_id" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_collaboration_contact_rules_institutions_institution_id" FOREIGN KEY ("institution_id") REFERENCES "institutions" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_collaboration_contact_rules_enterprise_id" ON "collaboration_contact_rules" ("enterprise_id");
CREATE UNIQUE INDEX "ix_collaboration_contact_rules_institution_id" ON "collaboration_contact_rules" ("institution_id");

CREATE TABLE "collaboration_reports" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_collaboration_reports" PRIMARY KEY AUTOINCREMENT,
    "target_kind" TEXT NOT NULL,
    "target_id" INTEGER NOT NULL,
    "author_enterprise_id" INTEGER NULL,
    "author_institution_id" INTEGER NULL,
    "author_park_id" INTEGER NULL,
    "reporter_enterprise_id" INTEGER NULL,
    "reporter_institution_id" INTEGER NULL,
    "reporter_user_id" TEXT NULL,
    "report_key" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "excerpt" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "decided_by_name" TEXT NULL,
    "decided_at" TEXT NULL,
    "decision" TEXT NULL
);
CREATE UNIQUE INDEX "ix_collaboration_reports_report_key" ON "collaboration_reports" ("report_key");
CREATE INDEX "ix_collaboration_reports_status_created_at" ON "collaboration_reports" ("status", "created_at");
CREATE INDEX "ix_collaboration_reports_author_park_id_status" ON "collaboration_reports" ("author_park_id", "status");
CREATE INDEX "ix_collaboration_reports_target_kind_target_id" ON "collaboration_reports" ("target_kind", "target_id");

CREATE TABLE "collaboration_suspensions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_collaboration_suspensions" PRIMARY KEY AUTOINCREMENT,
    "enterprise_id" INTEGER NULL,
    "institution_id" INTEGER NULL,
    "until" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "by_name" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    CONSTRAINT "fk_collaboration_suspensions_enterprises_enterprise_id" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_collaboration_suspensions_institutions_institution_id" FOREIGN KEY ("institution_id") REFERENCES "institutions" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_collaboration_suspensions_enterprise_id_until" ON "collaboration_suspensions" ("enterprise_id", "until");
CREATE INDEX "ix_collaboration_suspensions_institution_id_until" ON "collaboration_suspensions" ("institution_id", "until");
