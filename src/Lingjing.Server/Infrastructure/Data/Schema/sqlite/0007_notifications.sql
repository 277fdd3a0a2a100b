-- The in-app notification centre. A dedup key makes a notification arrive at most once per person
-- (for example one per policy an enterprise newly qualifies for).
CREATE TABLE "notifications" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_notifications" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "title_zh" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "body_zh" TEXT NOT NULL,
    "link" TEXT NULL,
    "dedup_key" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "read_at" TEXT NULL,
    CONSTRAINT "fk_notifications_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_notifications_user_id_id" ON "notifications" ("user_id", "id");
CREATE UNIQUE INDEX "ux_notifications_user_id_dedup_key" ON "notifications" ("user_id", "dedup_key") WHERE "dedup_key" IS NOT NULL;
