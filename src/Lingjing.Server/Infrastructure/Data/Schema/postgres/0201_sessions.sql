-- Sign-in sessions: one row per signed-in browser (cookie) or API client (bearer token). The cookie
-- or token carries the row's id; ending the row ends the cookie or token (issue 11).
CREATE TABLE user_sessions (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    kind character varying(10) NOT NULL,
    client_address character varying(64) NOT NULL,
    user_agent character varying(300) NOT NULL,
    security_stamp character varying(256),
    created_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    CONSTRAINT pk_user_sessions PRIMARY KEY (id),
    CONSTRAINT fk_user_sessions_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_user_sessions_user_id ON user_sessions (user_id);
