-- People a park's operators invited into the park's world by email: admitted even when the park
-- does not allow guests. The email is matched case-insensitively (normalized_email, upper case).
CREATE TABLE "world_guests" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_world_guests" PRIMARY KEY AUTOINCREMENT,
    "park_id" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "normalized_email" TEXT NOT NULL,
    "invited_by" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_world_guests_parks_park_id" FOREIGN KEY ("park_id") REFERENCES "parks" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_world_guests_users_invited_by" FOREIGN KEY ("invited_by") REFERENCES "users" ("id") ON DELETE SET NULL
);

CREATE UNIQUE INDEX "ux_world_guests_park_id_normalized_email" ON "world_guests" ("park_id", "normalized_email");
CREATE INDEX "ix_world_guests_normalized_email" ON "world_guests" ("normalized_email");
