-- The audience's questions (with one upvote per person and question) and the organisers' polls (one answer per person),
-- event-wide: every instance of a hall reads the same rows.
CREATE TABLE "event_questions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_event_questions" PRIMARY KEY AUTOINCREMENT,
    "event_id" INTEGER NOT NULL,
    "session_id" INTEGER NULL,
    "user_id" TEXT NOT NULL,
    "author_name" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "upvotes" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "answered_at" TEXT NULL,
    CONSTRAINT "fk_event_questions_events_event_id" FOREIGN KEY ("event_id") REFERENCES "events" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_event_questions_event_sessions_session_id" FOREIGN KEY ("session_id") REFERENCES "event_sessions" ("id") ON DELETE SET NULL,
    CONSTRAINT "fk_event_questions_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_event_questions_event_id_upvotes" ON "event_questions" ("event_id", "upvotes");
CREATE INDEX "ix_event_questions_session_id" ON "event_questions" ("session_id");
CREATE INDEX "ix_event_questions_user_id" ON "event_questions" ("user_id");

CREATE TABLE "event_question_votes" (
    "question_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_event_question_votes" PRIMARY KEY ("question_id", "user_id"),
    CONSTRAINT "fk_event_question_votes_event_questions_question_id" FOREIGN KEY ("question_id") REFERENCES "event_questions" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_event_question_votes_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_event_question_votes_user_id" ON "event_question_votes" ("user_id");

CREATE TABLE "event_polls" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_event_polls" PRIMARY KEY AUTOINCREMENT,
    "event_id" INTEGER NOT NULL,
    "question" TEXT NOT NULL,
    "options" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "closed_at" TEXT NULL,
    CONSTRAINT "fk_event_polls_events_event_id" FOREIGN KEY ("event_id") REFERENCES "events" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_event_polls_event_id" ON "event_polls" ("event_id");

CREATE TABLE "event_poll_votes" (
    "poll_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "option" INTEGER NOT NULL,
    "voted_at" TEXT NOT NULL,
    CONSTRAINT "pk_event_poll_votes" PRIMARY KEY ("poll_id", "user_id"),
    CONSTRAINT "fk_event_poll_votes_event_polls_poll_id" FOREIGN KEY ("poll_id") REFERENCES "event_polls" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_event_poll_votes_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_event_poll_votes_user_id" ON "event_poll_votes" ("user_id");
