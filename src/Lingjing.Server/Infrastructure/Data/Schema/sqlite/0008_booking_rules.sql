-- Per-space booking rules set by the park operator, blackout days, and the booking lifecycle
-- (approval, check-in, no-show release). A booking now holds its space until held_until = its end
-- plus the space's buffer, and the clash check compares held ranges.
CREATE TABLE "space_booking_rules" (
    "space_id" INTEGER NOT NULL CONSTRAINT "pk_space_booking_rules" PRIMARY KEY,
    "default_minutes" INTEGER NOT NULL,
    "min_minutes" INTEGER NOT NULL,
    "max_minutes" INTEGER NOT NULL,
    "buffer_minutes" INTEGER NOT NULL,
    "max_days_ahead" INTEGER NOT NULL,
    "weekly_quota_per_enterprise" INTEGER NULL,
    "requires_approval" INTEGER NOT NULL,
    "audience" TEXT NOT NULL,
    "no_show_release_minutes" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_space_booking_rules_spaces_space_id" FOREIGN KEY ("space_id") REFERENCES "spaces" ("id") ON DELETE CASCADE
);

CREATE TABLE "space_blackouts" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_space_blackouts" PRIMARY KEY AUTOINCREMENT,
    "space_id" INTEGER NOT NULL,
    "first_day" TEXT NOT NULL,
    "last_day" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    CONSTRAINT "ck_space_blackouts_days" CHECK ("last_day" >= "first_day"),
    CONSTRAINT "fk_space_blackouts_spaces_space_id" FOREIGN KEY ("space_id") REFERENCES "spaces" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_space_blackouts_space_id" ON "space_blackouts" ("space_id");

ALTER TABLE "bookings" ADD COLUMN "held_until" TEXT NOT NULL DEFAULT '';
UPDATE "bookings" SET "held_until" = "ends_at";
ALTER TABLE "bookings" ADD COLUMN "attendees" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "bookings" ADD COLUMN "check_in_code" TEXT NOT NULL DEFAULT '';
UPDATE "bookings" SET "check_in_code" = lower(hex(randomblob(12)));
ALTER TABLE "bookings" ADD COLUMN "checked_in_at" TEXT NULL;
ALTER TABLE "bookings" ADD COLUMN "decided_at" TEXT NULL;
ALTER TABLE "bookings" ADD COLUMN "decided_by" TEXT NULL;
ALTER TABLE "bookings" ADD COLUMN "decision_reason" TEXT NULL;
ALTER TABLE "bookings" ADD COLUMN "released_at" TEXT NULL;
ALTER TABLE "bookings" ADD COLUMN "reminded_at" TEXT NULL;
CREATE INDEX "ix_bookings_status_starts_at" ON "bookings" ("status", "starts_at");
CREATE INDEX "ix_bookings_enterprise_id_starts_at" ON "bookings" ("enterprise_id", "starts_at");
