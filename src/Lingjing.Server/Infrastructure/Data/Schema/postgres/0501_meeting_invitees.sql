-- People the holder of a meeting-room booking invited by link, recorded when they first opened the link signed in:
-- they enter that meeting's room in the world like the holder.
CREATE TABLE meeting_invitees (
    booking_id uuid NOT NULL,
    user_id uuid NOT NULL,
    joined_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_meeting_invitees PRIMARY KEY (booking_id, user_id),
    CONSTRAINT fk_meeting_invitees_bookings_booking_id FOREIGN KEY (booking_id) REFERENCES bookings (id) ON DELETE CASCADE,
    CONSTRAINT fk_meeting_invitees_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_meeting_invitees_user_id ON meeting_invitees (user_id);
