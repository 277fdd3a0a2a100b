-- The government's catalogue of matters (conditions, materials, legal time limit, form), applied for through the same
-- application engine as policies: an application is for a policy or for a matter, so policy_id becomes optional. SQLite
-- cannot drop a NOT NULL, so the three tables of the engine are rebuilt (children first, so no cascade ever fires) and
-- renamed back, which also points the children's foreign keys at the rebuilt parent.
CREATE TABLE "matters" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_matters" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "title_zh" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "department_zh" TEXT NOT NULL,
    "department_en" TEXT NOT NULL,
    "conditions_zh" TEXT NOT NULL,
    "conditions_en" TEXT NOT NULL,
    "materials" TEXT NOT NULL,
    "form_fields" TEXT NOT NULL,
    "legal_days" INTEGER NOT NULL,
    "certificate_title_zh" TEXT NULL,
    "certificate_title_en" TEXT NULL,
    "certificate_valid_years" INTEGER NULL,
    "published" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);
CREATE UNIQUE INDEX "ix_matters_code" ON "matters" ("code");
CREATE INDEX "ix_matters_category" ON "matters" ("category");

CREATE TABLE "applications_rebuilt" (
    "id" TEXT NOT NULL CONSTRAINT "pk_policy_applications" PRIMARY KEY,
    "policy_id" INTEGER NULL,
    "matter_id" INTEGER NULL,
    "enterprise_id" INTEGER NOT NULL,
    "submitted_by" TEXT NULL,
    "status" TEXT NOT NULL,
    "automatic" INTEGER NOT NULL,
    "contact_name" TEXT NOT NULL,
    "contact_phone" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "profile_snapshot" TEXT NOT NULL,
    "rule_audit" TEXT NULL,
    "form_answers" TEXT NULL,
    "due_on" TEXT NULL,
    "decision_reason" TEXT NULL,
    "rejection_reason" TEXT NULL,
    "amount_yuan" INTEGER NULL,
    "paid_on" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_policy_applications_policies_policy_id" FOREIGN KEY ("policy_id") REFERENCES "policies" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_policy_applications_matters_matter_id" FOREIGN KEY ("matter_id") REFERENCES "matters" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_policy_applications_enterprises_enterprise_id" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises" ("id") ON DELETE CASCADE
);
INSERT INTO "applications_rebuilt" ("id", "policy_id", "enterprise_id", "submitted_by", "status", "automatic", "contact_name", "contact_phone",
    "statement", "profile_snapshot", "rule_audit", "rejection_reason", "decision_reason", "amount_yuan", "paid_on", "created_at", "updated_at")
SELECT "id", "policy_id", "enterprise_id", "submitted_by", "status", "automatic", "contact_name", "contact_phone",
    "statement", "profile_snapshot", "rule_audit", "rejection_reason", "rejection_reason", "amount_yuan", "paid_on", "created_at", "updated_at"
FROM "policy_applications";

CREATE TABLE "application_events_rebuilt" (
    "id" TEXT NOT NULL CONSTRAINT "pk_policy_application_events" PRIMARY KEY,
    "application_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "actor_user_id" TEXT NULL,
    "actor_name" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    CONSTRAINT "fk_policy_application_events_policy_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "applications_rebuilt" ("id") ON DELETE CASCADE
);
INSERT INTO "application_events_rebuilt" SELECT "id", "application_id", "status", "at", "actor_user_id", "actor_name", "note" FROM "policy_application_events";

CREATE TABLE "application_materials_rebuilt" (
    "id" TEXT NOT NULL CONSTRAINT "pk_policy_application_materials" PRIMARY KEY,
    "application_id" TEXT NOT NULL,
    "requirement" TEXT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "uploaded_at" TEXT NOT NULL,
    CONSTRAINT "fk_policy_application_materials_policy_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "applications_rebuilt" ("id") ON DELETE CASCADE
);
INSERT INTO "application_materials_rebuilt" ("id", "application_id", "file_name", "content_type", "size_bytes", "uploaded_at")
SELECT "id", "application_id", "file_name", "content_type", "size_bytes", "uploaded_at" FROM "policy_application_materials";

DROP TABLE "policy_application_events";
DROP TABLE "policy_application_materials";
DROP TABLE "policy_applications";
ALTER TABLE "applications_rebuilt" RENAME TO "policy_applications";
ALTER TABLE "application_events_rebuilt" RENAME TO "policy_application_events";
ALTER TABLE "application_materials_rebuilt" RENAME TO "policy_application_materials";

CREATE UNIQUE INDEX "ix_policy_applications_policy_id_enterprise_id" ON "policy_applications" ("policy_id", "enterprise_id");
CREATE INDEX "ix_policy_applications_enterprise_id_created_at" ON "policy_applications" ("enterprise_id", "created_at");
CREATE INDEX "ix_policy_applications_status_created_at" ON "policy_applications" ("status", "created_at");
CREATE INDEX "ix_policy_applications_matter_id" ON "policy_applications" ("matter_id");
CREATE INDEX "ix_policy_applications_due_on" ON "policy_applications" ("due_on");
CREATE INDEX "ix_policy_application_events_application_id_at" ON "policy_application_events" ("application_id", "at");
CREATE INDEX "ix_policy_application_materials_application_id" ON "policy_application_materials" ("application_id");

-- Electronic certificates issued with a matter's approval: their content's hash is signed by the server's key and
-- recorded in the decision record, so anyone can check one on the public verification page.
CREATE TABLE "certificates" (
    "id" TEXT NOT NULL CONSTRAINT "pk_certificates" PRIMARY KEY,
    "number" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "matter_id" INTEGER NOT NULL,
    "enterprise_id" INTEGER NOT NULL,
    "holder_zh" TEXT NOT NULL,
    "holder_en" TEXT NOT NULL,
    "title_zh" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "issued_at" TEXT NOT NULL,
    "valid_until" TEXT NULL,
    "content_hash" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    CONSTRAINT "fk_certificates_policy_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "policy_applications" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_certificates_matters_matter_id" FOREIGN KEY ("matter_id") REFERENCES "matters" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_certificates_enterprises_enterprise_id" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_certificates_number" ON "certificates" ("number");
CREATE UNIQUE INDEX "ix_certificates_application_id" ON "certificates" ("application_id");
CREATE INDEX "ix_certificates_enterprise_id" ON "certificates" ("enterprise_id");
CREATE INDEX "ix_certificates_matter_id" ON "certificates" ("matter_id");
