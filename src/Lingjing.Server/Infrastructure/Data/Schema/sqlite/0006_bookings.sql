-- Bookings of spaces. SQLite has no exclusion constraint: BookingService checks for a clash and
-- inserts inside one BEGIN IMMEDIATE write transaction, so two writers never interleave.
CREATE TABLE "bookings" (
    "id" TEXT NOT NULL CONSTRAINT "pk_bookings" PRIMARY KEY,
    "space_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "enterprise_id" INTEGER NULL,
    "starts_at" TEXT NOT NULL,
    "ends_at" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "ck_bookings_range" CHECK ("ends_at" > "starts_at"),
    CONSTRAINT "fk_bookings_spaces_space_id" FOREIGN KEY ("space_id") REFERENCES "spaces" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_bookings_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_bookings_space_id_starts_at" ON "bookings" ("space_id", "starts_at");
CREATE INDEX "ix_bookings_user_id" ON "bookings" ("user_id");
