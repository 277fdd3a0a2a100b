-- The avatar look each user chose for the realtime world (users without a row get a default look).
CREATE TABLE avatar_looks (
    user_id uuid NOT NULL,
    model text NOT NULL,
    body_color integer NOT NULL,
    outfit_color integer NOT NULL,
    accessory integer NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_avatar_looks PRIMARY KEY (user_id),
    CONSTRAINT fk_avatar_looks_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
