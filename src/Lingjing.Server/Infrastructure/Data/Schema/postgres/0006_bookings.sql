-- Bookings of spaces. Two live (pending or confirmed) bookings of one space never overlap: the
-- exclusion constraint refuses the second one with SQLSTATE 23P01, whatever the concurrency.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE bookings (
    id uuid NOT NULL,
    space_id integer NOT NULL,
    user_id uuid NOT NULL,
    enterprise_id integer,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    purpose character varying(500) NOT NULL,
    status character varying(16) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_bookings PRIMARY KEY (id),
    CONSTRAINT fk_bookings_spaces_space_id FOREIGN KEY (space_id) REFERENCES spaces (id) ON DELETE CASCADE,
    CONSTRAINT fk_bookings_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_bookings_range CHECK (ends_at > starts_at),
    CONSTRAINT ex_bookings_no_overlap EXCLUDE USING gist (space_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
        WHERE (status IN ('pending', 'confirmed'))
);

CREATE INDEX ix_bookings_space_id_starts_at ON bookings (space_id, starts_at);
CREATE INDEX ix_bookings_user_id ON bookings (user_id);
