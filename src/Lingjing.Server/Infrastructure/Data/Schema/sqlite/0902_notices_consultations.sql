-- The government's notices (targeted at parks, industries and size classes; none named: everyone) and its public
-- consultations on a draft, with the enterprises' comments until the deadline and the government's response.
CREATE TABLE "gov_notices" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_gov_notices" PRIMARY KEY AUTOINCREMENT,
    "title_zh" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "body_zh" TEXT NOT NULL,
    "body_en" TEXT NOT NULL,
    "park_ids" TEXT NOT NULL,
    "categories" TEXT NOT NULL,
    "size_classes" TEXT NOT NULL,
    "published_at" TEXT NOT NULL,
    "published_by" TEXT NOT NULL,
    "publisher_name" TEXT NOT NULL,
    "enterprises_reached" INTEGER NOT NULL
);
CREATE INDEX "ix_gov_notices_published_at" ON "gov_notices" ("published_at");

CREATE TABLE "gov_consultations" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_gov_consultations" PRIMARY KEY AUTOINCREMENT,
    "title_zh" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "draft_zh" TEXT NOT NULL,
    "draft_en" TEXT NOT NULL,
    "opened_at" TEXT NOT NULL,
    "closes_at" TEXT NOT NULL,
    "opened_by" TEXT NOT NULL,
    "response_zh" TEXT NULL,
    "response_en" TEXT NULL,
    "responded_at" TEXT NULL
);
CREATE INDEX "ix_gov_consultations_closes_at" ON "gov_consultations" ("closes_at");

CREATE TABLE "gov_consultation_comments" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_gov_consultation_comments" PRIMARY KEY AUTOINCREMENT,
    "consultation_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "enterprise_id" INTEGER NOT NULL,
    "enterprise_name" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_gov_consultation_comments_gov_consultations_consultation_id" FOREIGN KEY ("consultation_id") REFERENCES "gov_consultations" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_gov_consultation_comments_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_gov_consultation_comments_consultation_id" ON "gov_consultation_comments" ("consultation_id");
CREATE INDEX "ix_gov_consultation_comments_user_id" ON "gov_consultation_comments" ("user_id");
