-- An event hall's stage (raised hands, the microphone, people on stage) and its chat per session, event-wide: every
-- instance of the hall, on every node, reads the same rows.
CREATE TABLE "event_stage_places" (
    "event_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "since" TEXT NOT NULL,
    CONSTRAINT "pk_event_stage_places" PRIMARY KEY ("event_id", "user_id"),
    CONSTRAINT "fk_event_stage_places_events_event_id" FOREIGN KEY ("event_id") REFERENCES "events" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_event_stage_places_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_event_stage_places_user_id" ON "event_stage_places" ("user_id");

CREATE TABLE "event_chat_messages" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_event_chat_messages" PRIMARY KEY AUTOINCREMENT,
    "event_id" INTEGER NOT NULL,
    "session_id" INTEGER NULL,
    "user_id" TEXT NOT NULL,
    "author_name" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "hidden" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_event_chat_messages_events_event_id" FOREIGN KEY ("event_id") REFERENCES "events" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_event_chat_messages_event_sessions_session_id" FOREIGN KEY ("session_id") REFERENCES "event_sessions" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_event_chat_messages_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_event_chat_messages_event_id_session_id_id" ON "event_chat_messages" ("event_id", "session_id", "id");
CREATE INDEX "ix_event_chat_messages_session_id" ON "event_chat_messages" ("session_id");
CREATE INDEX "ix_event_chat_messages_user_id" ON "event_chat_messages" ("user_id");
