-- A freelancer's weekly availability: its time zone and its windows of wall-clock time. Replaced whole by
-- PUT /api/availability. Minutes of the day run 0..1440 (1440 = 24:00, the end of the day).
CREATE TABLE availability (
    freelancer_id UUID        PRIMARY KEY,
    time_zone     TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE availability_window (
    freelancer_id UUID     NOT NULL REFERENCES availability (freelancer_id) ON DELETE CASCADE,
    day_of_week   SMALLINT NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),  -- ISO: 1 = Monday
    start_minute  SMALLINT NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute    SMALLINT NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
    CHECK (start_minute < end_minute),
    PRIMARY KEY (freelancer_id, day_of_week, start_minute)
);
