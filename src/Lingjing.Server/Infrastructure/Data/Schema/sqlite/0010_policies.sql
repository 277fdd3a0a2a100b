-- Public policy services: policies, their stored matches, applications (and no-application
-- entitlements), the application timeline and attached materials.
CREATE TABLE "policies" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_policies" PRIMARY KEY AUTOINCREMENT,
    "title_zh" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "department_zh" TEXT NOT NULL,
    "department_en" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "summary_zh" TEXT NOT NULL,
    "summary_en" TEXT NOT NULL,
    "full_text" TEXT NOT NULL,
    "valid_from" TEXT NOT NULL,
    "valid_until" TEXT NOT NULL,
    "benefit_amount_yuan" INTEGER NULL,
    "benefit_formula" TEXT NULL,
    "benefit_note_zh" TEXT NOT NULL,
    "benefit_note_en" TEXT NOT NULL,
    "guide_targets" TEXT NOT NULL,
    "guide_conditions" TEXT NOT NULL,
    "guide_materials" TEXT NOT NULL,
    "application_deadline" TEXT NULL,
    "guide_contact" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "eligible_count" INTEGER NOT NULL,
    "matched_at" TEXT NULL,
    "published_at" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);
CREATE INDEX "ix_policies_status_category" ON "policies" ("status", "category");

CREATE TABLE "policy_matches" (
    "policy_id" INTEGER NOT NULL,
    "enterprise_id" INTEGER NOT NULL,
    "matched_at" TEXT NOT NULL,
    CONSTRAINT "pk_policy_matches" PRIMARY KEY ("policy_id", "enterprise_id"),
    CONSTRAINT "fk_policy_matches_policies_policy_id" FOREIGN KEY ("policy_id") REFERENCES "policies" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_policy_matches_enterprises_enterprise_id" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises" ("id") ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX "ix_policy_matches_enterprise_id" ON "policy_matches" ("enterprise_id");

CREATE TABLE "policy_applications" (
    "id" TEXT NOT NULL CONSTRAINT "pk_policy_applications" PRIMARY KEY,
    "policy_id" INTEGER NOT NULL,
    "enterprise_id" INTEGER NOT NULL,
    "submitted_by" TEXT NULL,
    "status" TEXT NOT NULL,
    "automatic" INTEGER NOT NULL,
    "contact_name" TEXT NOT NULL,
    "contact_phone" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "profile_snapshot" TEXT NOT NULL,
    "rule_audit" TEXT NULL,
    "rejection_reason" TEXT NULL,
    "amount_yuan" INTEGER NULL,
    "paid_on" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_policy_applications_policies_policy_id" FOREIGN KEY ("policy_id") REFERENCES "policies" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_policy_applications_enterprises_enterprise_id" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_policy_applications_policy_id_enterprise_id" ON "policy_applications" ("policy_id", "enterprise_id");
CREATE INDEX "ix_policy_applications_enterprise_id_created_at" ON "policy_applications" ("enterprise_id", "created_at");
CREATE INDEX "ix_policy_applications_status_created_at" ON "policy_applications" ("status", "created_at");

CREATE TABLE "policy_application_events" (
    "id" TEXT NOT NULL CONSTRAINT "pk_policy_application_events" PRIMARY KEY,
    "application_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "actor_user_id" TEXT NULL,
    "actor_name" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    CONSTRAINT "fk_policy_application_events_policy_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "policy_applications" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_policy_application_events_application_id_at" ON "policy_application_events" ("application_id", "at");

CREATE TABLE "policy_application_materials" (
    "id" TEXT NOT NULL CONSTRAINT "pk_policy_application_materials" PRIMARY KEY,
    "application_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "uploaded_at" TEXT NOT NULL,
    CONSTRAINT "fk_policy_application_materials_policy_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "policy_applications" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_policy_application_materials_application_id" ON "policy_application_materials" ("application_id");
