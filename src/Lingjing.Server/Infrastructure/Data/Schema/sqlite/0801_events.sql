-- Events of the zone (forums, launches, exhibitions, trainings, conferences), their agendas, the people registered
-- and the enterprises permitted to organise them. seats_taken counts pending and confirmed registrations; it is raised
-- by one conditional UPDATE (seats_taken < capacity), so concurrent registrations never pass the capacity.
CREATE TABLE "events" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_events" PRIMARY KEY AUTOINCREMENT,
    "title_zh" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "description_zh" TEXT NOT NULL,
    "description_en" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "organiser_kind" TEXT NOT NULL,
    "park_id" INTEGER NULL,
    "enterprise_id" INTEGER NULL,
    "created_by" TEXT NOT NULL,
    "starts_at" TEXT NOT NULL,
    "ends_at" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "venue" TEXT NOT NULL,
    "space_booking_id" TEXT NULL,
    "capacity" INTEGER NOT NULL,
    "seats_taken" INTEGER NOT NULL,
    "registration" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "ck_events_range" CHECK ("ends_at" > "starts_at"),
    CONSTRAINT "ck_events_seats" CHECK ("seats_taken" >= 0 AND "seats_taken" <= "capacity"),
    CONSTRAINT "fk_events_parks_park_id" FOREIGN KEY ("park_id") REFERENCES "parks" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_events_enterprises_enterprise_id" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_events_bookings_space_booking_id" FOREIGN KEY ("space_booking_id") REFERENCES "bookings" ("id") ON DELETE SET NULL
);
CREATE INDEX "ix_events_status_starts_at" ON "events" ("status", "starts_at");
CREATE INDEX "ix_events_enterprise_id" ON "events" ("enterprise_id");
CREATE INDEX "ix_events_park_id" ON "events" ("park_id");
CREATE INDEX "ix_events_space_booking_id" ON "events" ("space_booking_id");

CREATE TABLE "event_sessions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_event_sessions" PRIMARY KEY AUTOINCREMENT,
    "event_id" INTEGER NOT NULL,
    "title_zh" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "room" TEXT NOT NULL,
    "starts_at" TEXT NOT NULL,
    "ends_at" TEXT NOT NULL,
    "speakers" TEXT NOT NULL,
    CONSTRAINT "fk_event_sessions_events_event_id" FOREIGN KEY ("event_id") REFERENCES "events" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_event_sessions_event_id_starts_at" ON "event_sessions" ("event_id", "starts_at");

CREATE TABLE "event_registrations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_event_registrations" PRIMARY KEY,
    "event_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attendance" TEXT NOT NULL,
    "ticket_code" TEXT NOT NULL,
    "registered_at" TEXT NOT NULL,
    "decided_at" TEXT NULL,
    "checked_in_at" TEXT NULL,
    "day_reminded_at" TEXT NULL,
    "hour_reminded_at" TEXT NULL,
    CONSTRAINT "fk_event_registrations_events_event_id" FOREIGN KEY ("event_id") REFERENCES "events" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_event_registrations_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_event_registrations_event_id_user_id" ON "event_registrations" ("event_id", "user_id");
CREATE INDEX "ix_event_registrations_user_id" ON "event_registrations" ("user_id");

CREATE TABLE "event_organisers" (
    "enterprise_id" INTEGER NOT NULL CONSTRAINT "pk_event_organisers" PRIMARY KEY,
    "granted_by" TEXT NOT NULL,
    "granted_at" TEXT NOT NULL,
    CONSTRAINT "fk_event_organisers_enterprises_enterprise_id" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises" ("id") ON DELETE CASCADE
);
