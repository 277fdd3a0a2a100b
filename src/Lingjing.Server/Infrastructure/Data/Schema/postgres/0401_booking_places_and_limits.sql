-- Bookings say where (issue 11): a space knows the floor of its building it is on, so a booking
-- names park, building, floor and room. Spaces that are already there get the floor their digital
-- twin sits on (the demo twins put a building's spaces on its floors in turn, by id).
ALTER TABLE spaces ADD COLUMN floor integer;
UPDATE spaces SET floor = numbered.floor
FROM (
    SELECT s.id, ((row_number() OVER (PARTITION BY s.building_id ORDER BY s.id) - 1) % greatest(b.floors, 1)) + 1 AS floor
    FROM spaces s JOIN buildings b ON b.id = s.building_id
) AS numbered
WHERE spaces.id = numbered.id;

-- Fair booking: how many active (pending or confirmed, not yet over) bookings one person and one
-- enterprise may hold in a park's spaces at once. A park without a row uses the zone's defaults
-- (Lingjing:Bookings:ActivePerPerson, ActivePerEnterprise); null in a row means no limit.
CREATE TABLE park_booking_limits (
    park_id integer NOT NULL,
    active_per_person integer,
    active_per_enterprise integer,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_park_booking_limits PRIMARY KEY (park_id),
    CONSTRAINT fk_park_booking_limits_parks_park_id FOREIGN KEY (park_id) REFERENCES parks (id) ON DELETE CASCADE
);

-- Counting a person's active bookings reads their rows by end.
CREATE INDEX ix_bookings_user_id_ends_at ON bookings (user_id, ends_at);
