-- Agreements between enterprises, from a need: proposed by the need's enterprise, confirmed or declined by the partner;
-- each side rates a confirmed agreement once (collaboration_agreement_ratings, unique per agreement and side).
CREATE TABLE "collaboration_agreements" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_collaboration_agreements" PRIMARY KEY AUTOINCREMENT,
    "need_id" INTEGER NOT NULL,
    "client_enterprise_id" INTEGER NOT NULL,
    "partner_enterprise_id" INTEGER NOT NULL,
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
    CONSTRAINT "fk_collaboration_agreements_collaboration_needs_need_id" FOREIGN KEY ("need_id") REFERENCES "collaboration_needs" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_collaboration_agreements_enterprises_client_enterprise_id" FOREIGN KEY ("client_enterprise_id") REFERENCES "enterprises" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_collaboration_agreements_enterprises_partner_enterprise_id" FOREIGN KEY ("partner_enterprise_id") REFERENCES "enterprises" ("id") ON DELETE RESTRICT
);
CREATE INDEX "ix_collaboration_agreements_need_id" ON "collaboration_agreements" ("need_id");
CREATE INDEX "ix_collaboration_agreements_partner_enterprise_id_status" ON "collaboration_agreements" ("partner_enterprise_id", "status");
CREATE INDEX "ix_collaboration_agreements_client_enterprise_id_status" ON "collaboration_agreements" ("client_enterprise_id", "status");

CREATE TABLE "collaboration_agreement_ratings" (
    "id" TEXT NOT NULL CONSTRAINT "pk_collaboration_agreement_ratings" PRIMARY KEY,
    "agreement_id" INTEGER NOT NULL,
    "rater_enterprise_id" INTEGER NOT NULL,
    "rated_enterprise_id" INTEGER NOT NULL,
    "stars" INTEGER NOT NULL,
    "comment" TEXT NOT NULL,
    "rated_by" TEXT NULL,
    "at" TEXT NOT NULL,
    CONSTRAINT "fk_collaboration_agreement_ratings_agreement_id" FOREIGN KEY ("agreement_id") REFERENCES "collaboration_agreements" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_collaboration_agreement_ratings_agreement_rater" ON "collaboration_agreement_ratings" ("agreement_id", "rater_enterprise_id");
CREATE INDEX "ix_collaboration_agreement_ratings_rated_enterprise_id" ON "collaboration_agreement_ratings" ("rated_enterprise_id");
