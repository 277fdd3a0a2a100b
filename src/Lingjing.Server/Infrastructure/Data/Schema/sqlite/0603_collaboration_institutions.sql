-- Service institutions take part in collaboration (issue 14, point 2): an institution publishes offers, is proposed
-- agreements and rates them, through its staff (the InstitutionStaff role, users.institution_id). An offer and the
-- partner of an agreement are therefore an enterprise or an institution, exactly one of them; a rating names the side
-- that gave it (client or partner) instead of the rater's enterprise.
--
-- SQLite cannot make a column nullable in place: the three tables are rebuilt. The scripts run in a transaction, where
-- foreign keys stay on, so the ratings (which reference the agreements) are set aside first and dropping the old
-- agreements cascades to nothing.
INSERT INTO roles (id, name, normalized_name, concurrency_stamp) VALUES
  ('00000000-0000-0000-0000-00000000A006', 'InstitutionStaff', 'INSTITUTIONSTAFF', 'a006');
ALTER TABLE "users" ADD COLUMN "institution_id" INTEGER NULL;

CREATE TEMP TABLE "ratings_before_0603" AS
SELECT r.*, CASE WHEN r."rater_enterprise_id" = a."client_enterprise_id" THEN 'client' ELSE 'partner' END AS "side"
FROM "collaboration_agreement_ratings" r JOIN "collaboration_agreements" a ON a."id" = r."agreement_id";
DROP TABLE "collaboration_agreement_ratings";

CREATE TABLE "collaboration_agreements_0603" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_collaboration_agreements" PRIMARY KEY AUTOINCREMENT,
    "need_id" INTEGER NOT NULL,
    "client_enterprise_id" INTEGER NOT NULL,
    "partner_enterprise_id" INTEGER NULL,
    "partner_institution_id" INTEGER NULL,
    "what" TEXT NOT NULL,
    "amount_band" TEXT NOT NULL,
    "starts_on" TEXT NOT NULL,
    "ends_on" TEXT NULL,
    "status" TEXT NOT NULL,
    "proposed_by" TEXT NULL,
    "proposed_by_name" TEXT NOT NULL,
    "proposed_at" TEXT NOT NULL,
    "decided_by" TEXT NULL,
    "decided_by_name" TEXT NULL,
    "decided_at" TEXT NULL,
    CONSTRAINT "ck_collaboration_agreements_one_partner" CHECK (("partner_enterprise_id" IS NULL) <> ("partner_institution_id" IS NULL)),
    CONSTRAINT "fk_collaboration_agreements_collaboration_needs_need_id" FOREIGN KEY ("need_id") REFERENCES "collaboration_needs" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_collaboration_agreements_enterprises_client_enterprise_id" FOREIGN KEY ("client_enterprise_id") REFERENCES "enterprises" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_collaboration_agreements_enterprises_partner_enterprise_id" FOREIGN KEY ("partner_enterprise_id") REFERENCES "enterprises" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_collaboration_agreements_institutions_partner_institution_id" FOREIGN KEY ("partner_institution_id") REFERENCES "institutions" ("id") ON DELETE RESTRICT
);
INSERT INTO "collaboration_agreements_0603" ("id", "need_id", "client_enterprise_id", "partner_enterprise_id", "what", "amount_band",
    "starts_on", "ends_on", "status", "proposed_by", "proposed_by_name", "proposed_at", "decided_by", "decided_by_name", "decided_at")
SELECT "id", "need_id", "client_enterprise_id", "partner_enterprise_id", "what", "amount_band",
    "starts_on", "ends_on", "status", "proposed_by", "proposed_by_name", "proposed_at", "decided_by", "decided_by_name", "decided_at"
FROM "collaboration_agreements";
DROP TABLE "collaboration_agreements";
ALTER TABLE "collaboration_agreements_0603" RENAME TO "collaboration_agreements";
CREATE INDEX "ix_collaboration_agreements_need_id" ON "collaboration_agreements" ("need_id");
CREATE INDEX "ix_collaboration_agreements_partner_enterprise_id_status" ON "collaboration_agreements" ("partner_enterprise_id", "status");
CREATE INDEX "ix_collaboration_agreements_partner_institution_id_status" ON "collaboration_agreements" ("partner_institution_id", "status");
CREATE INDEX "ix_collaboration_agreements_client_enterprise_id_status" ON "collaboration_agreements" ("client_enterprise_id", "status");

CREATE TABLE "collaboration_agreement_ratings" (
    "id" TEXT NOT NULL CONSTRAINT "pk_collaboration_agreement_ratings" PRIMARY KEY,
    "agreement_id" INTEGER NOT NULL,
    "side" TEXT NOT NULL,
    "rated_enterprise_id" INTEGER NULL,
    "rated_institution_id" INTEGER NULL,
    "stars" INTEGER NOT NULL,
    "comment" TEXT NOT NULL,
    "rated_by" TEXT NULL,
    "at" TEXT NOT NULL,
    CONSTRAINT "fk_collaboration_agreement_ratings_agreement_id" FOREIGN KEY ("agreement_id") REFERENCES "collaboration_agreements" ("id") ON DELETE CASCADE
);
INSERT INTO "collaboration_agreement_ratings" ("id", "agreement_id", "side", "rated_enterprise_id", "rated_institution_id", "stars", "comment", "rated_by", "at")
SELECT "id", "agreement_id", "side", "rated_enterprise_id", NULL, "stars", "comment", "rated_by", "at" FROM "ratings_before_0603";
DROP TABLE "ratings_before_0603";
CREATE UNIQUE INDEX "ix_collaboration_agreement_ratings_agreement_id_side" ON "collaboration_agreement_ratings" ("agreement_id", "side");
CREATE INDEX "ix_collaboration_agreement_ratings_rated_enterprise_id" ON "collaboration_agreement_ratings" ("rated_enterprise_id");
CREATE INDEX "ix_collaboration_agreement_ratings_rated_institution_id" ON "collaboration_agreement_ratings" ("rated_institution_id");

CREATE TABLE "collaboration_offers_0603" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_collaboration_offers" PRIMARY KEY AUTOINCREMENT,
    "enterprise_id" INTEGER NULL,
    "institution_id" INTEGER NULL,
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
    CONSTRAINT "ck_collaboration_offers_one_owner" CHECK (("enterprise_id" IS NULL) <> ("institution_id" IS NULL)),
    CONSTRAINT "fk_collaboration_offers_enterprises_enterprise_id" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_collaboration_offers_institutions_institution_id" FOREIGN KEY ("institution_id") REFERENCES "institutions" ("id") ON DELETE CASCADE
);
INSERT INTO "collaboration_offers_0603" ("id", "enterprise_id", "kind", "title", "description", "segment", "tags", "price_min_yuan",
    "price_max_yuan", "examples", "active", "created_by", "created_at", "updated_at")
SELECT "id", "enterprise_id", "kind", "title", "description", "segment", "tags", "price_min_yuan",
    "price_max_yuan", "examples", "active", "created_by", "created_at", "updated_at"
FROM "collaboration_offers";
DROP TABLE "collaboration_offers";
ALTER TABLE "collaboration_offers_0603" RENAME TO "collaboration_offers";
CREATE INDEX "ix_collaboration_offers_active_segment" ON "collaboration_offers" ("active", "segment");
CREATE INDEX "ix_collaboration_offers_enterprise_id" ON "collaboration_offers" ("enterprise_id");
CREATE INDEX "ix_collaboration_offers_institution_id" ON "collaboration_offers" ("institution_id");
