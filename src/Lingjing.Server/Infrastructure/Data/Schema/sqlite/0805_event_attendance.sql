-- How an event went online: when each registered person first entered its hall, how many were in its halls minute by
-- minute (each node writes its own count; the figure is their sum), and the attendees' ratings of its sessions.
ALTER TABLE "event_registrations" ADD "joined_online_at" TEXT NULL;

CREATE TABLE "event_presence" (
    "event_id" INTEGER NOT NULL,
    "node_id" TEXT NOT NULL,
    "minute" TEXT NOT NULL,
    "present" INTEGER NOT NULL,
    CONSTRAINT "pk_event_presence" PRIMARY KEY ("event_id", "node_id", "minute"),
    CONSTRAINT "fk_event_presence_events_event_id" FOREIGN KEY ("event_id") REFERENCES "events" ("id") ON DELETE CASCADE
);

CREATE TABLE "event_session_ratings" (
    "session_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "stars" INTEGER NOT NULL,
    "rated_at" TEXT NOT NULL,
    CONSTRAINT "pk_event_session_ratings" PRIMARY KEY ("session_id", "user_id"),
    CONSTRAINT "fk_event_session_ratings_event_sessions_session_id" FOREIGN KEY ("session_id") REFERENCES "event_sessions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_event_session_ratings_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_event_session_ratings_user_id" ON "event_session_ratings" ("user_id");
