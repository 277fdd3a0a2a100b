-- The government's service hall: a desk per category of matter with its hours, the officials who serve at each (their
-- schedule, and whether they are signed in now), and the numbers visitors take, called, served and rated.
CREATE TABLE "service_desks" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_service_desks" PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "weekdays" INTEGER NOT NULL,
    "hours" TEXT NOT NULL,
    "appointment_space_id" INTEGER NULL,
    "position" INTEGER NOT NULL
);
CREATE UNIQUE INDEX "ix_service_desks_code" ON "service_desks" ("code");

CREATE TABLE "service_desk_officials" (
    "desk_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "weekdays" INTEGER NOT NULL,
    "signed_in_at" TEXT NULL,
    CONSTRAINT "pk_service_desk_officials" PRIMARY KEY ("desk_id", "user_id"),
    CONSTRAINT "fk_service_desk_officials_service_desks_desk_id" FOREIGN KEY ("desk_id") REFERENCES "service_desks" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_service_desk_officials_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_service_desk_officials_user_id" ON "service_desk_officials" ("user_id");

CREATE TABLE "service_tickets" (
    "id" TEXT NOT NULL CONSTRAINT "pk_service_tickets" PRIMARY KEY,
    "desk_id" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "visitor_name" TEXT NOT NULL,
    "enterprise_id" INTEGER NULL,
    "status" TEXT NOT NULL,
    "taken_at" TEXT NOT NULL,
    "queued_at" TEXT NOT NULL,
    "called_at" TEXT NULL,
    "finished_at" TEXT NULL,
    "official_id" TEXT NULL,
    "official_name" TEXT NULL,
    "outcome" TEXT NULL,
    "transferred_from" TEXT NULL,
    "rating" INTEGER NULL,
    "rating_comment" TEXT NULL,
    CONSTRAINT "fk_service_tickets_service_desks_desk_id" FOREIGN KEY ("desk_id") REFERENCES "service_desks" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_service_tickets_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_service_tickets_desk_id_day_sequence" ON "service_tickets" ("desk_id", "day", "sequence");
CREATE INDEX "ix_service_tickets_desk_id_status_queued_at" ON "service_tickets" ("desk_id", "status", "queued_at");
CREATE INDEX "ix_service_tickets_user_id_status" ON "service_tickets" ("user_id", "status");
CREATE INDEX "ix_service_tickets_taken_at" ON "service_tickets" ("taken_at");
