-- Sign-in sessions: one row per signed-in browser (cookie) or API client (bearer token). The cookie
-- or token carries the row's id; ending the row ends the cookie or token (issue 11).
CREATE TABLE "user_sessions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_user_sessions" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "client_address" TEXT NOT NULL,
    "user_agent" TEXT NOT NULL,
    "security_stamp" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "last_seen_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "ended_at" TEXT NULL,
    CONSTRAINT "fk_user_sessions_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_user_sessions_user_id" ON "user_sessions" ("user_id");
