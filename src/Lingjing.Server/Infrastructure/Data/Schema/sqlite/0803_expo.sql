-- Expo halls: exhibitors' booths on a hall's floor plan (an event's hall, or the zone's permanent demonstration hall:
-- hall 'demonstration', no event), their visitors per day and the cards visitors leave with their consent.
CREATE TABLE "expo_booths" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_expo_booths" PRIMARY KEY AUTOINCREMENT,
    "hall" TEXT NOT NULL,
    "event_id" INTEGER NULL,
    "enterprise_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "row" INTEGER NOT NULL,
    "col" INTEGER NOT NULL,
    "title_zh" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "description_zh" TEXT NOT NULL,
    "description_en" TEXT NOT NULL,
    "video_url" TEXT NULL,
    "model_url" TEXT NULL,
    "brochure_url" TEXT NULL,
    "tags" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_expo_booths_events_event_id" FOREIGN KEY ("event_id") REFERENCES "events" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_expo_booths_enterprises_enterprise_id" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "ix_expo_booths_hall_code" ON "expo_booths" ("hall", "code");
CREATE INDEX "ix_expo_booths_event_id" ON "expo_booths" ("event_id");
CREATE INDEX "ix_expo_booths_enterprise_id" ON "expo_booths" ("enterprise_id");

CREATE TABLE "expo_booth_visits" (
    "booth_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "visited_at" TEXT NOT NULL,
    CONSTRAINT "pk_expo_booth_visits" PRIMARY KEY ("booth_id", "user_id", "day"),
    CONSTRAINT "fk_expo_booth_visits_expo_booths_booth_id" FOREIGN KEY ("booth_id") REFERENCES "expo_booths" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_expo_booth_visits_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_expo_booth_visits_user_id" ON "expo_booth_visits" ("user_id");

CREATE TABLE "expo_booth_leads" (
    "booth_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "enterprise_name" TEXT NULL,
    "message" TEXT NOT NULL,
    "consented_at" TEXT NOT NULL,
    CONSTRAINT "pk_expo_booth_leads" PRIMARY KEY ("booth_id", "user_id"),
    CONSTRAINT "fk_expo_booth_leads_expo_booths_booth_id" FOREIGN KEY ("booth_id") REFERENCES "expo_booths" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_expo_booth_leads_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_expo_booth_leads_user_id" ON "expo_booth_leads" ("user_id");
