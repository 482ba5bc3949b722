-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 4: what rosters are made from — shift types, channels' forecasts
-- and service targets, cover requirements, time off, preferences,
-- holidays — and rosters themselves.
--
-- Days are local dates (YYYY-MM-DD) in the team's time zone; times of day
-- are minutes after midnight on the clock, so that a 22:00–06:00 shift is
-- 8 hours long on every day, DST or not.

CREATE TABLE shift_type (
  id             INTEGER PRIMARY KEY,
  code           TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (length (trim (code)) > 0),
  name           TEXT    NOT NULL CHECK (length (trim (name)) > 0),
  start_minute   INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  length_minutes INTEGER NOT NULL CHECK (length_minutes BETWEEN 15 AND 1440),
  break_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (break_minutes >= 0),
  paid_minutes   INTEGER NOT NULL CHECK (paid_minutes >= 0),
  colour         TEXT    NOT NULL DEFAULT '#3584e4',
  category       TEXT    NOT NULL CHECK (category IN ('early', 'day', 'late', 'night')),
  CHECK (break_minutes < length_minutes),
  CHECK (paid_minutes <= length_minutes)
) STRICT;

-- A channel is a skill of the channel category (phone, chat, email…)
CREATE TABLE service_target (
  skill_id          INTEGER PRIMARY KEY REFERENCES skill (id) ON DELETE CASCADE,
  service_level     REAL    NOT NULL CHECK (service_level > 0 AND service_level < 1),
  target_seconds    INTEGER NOT NULL CHECK (target_seconds > 0),
  max_occupancy     REAL    NOT NULL DEFAULT 0.85 CHECK (max_occupancy > 0 AND max_occupancy <= 1),
  shrinkage         REAL    NOT NULL DEFAULT 0.30 CHECK (shrinkage >= 0 AND shrinkage < 1),
  aht_seconds       INTEGER NOT NULL CHECK (aht_seconds > 0)
) STRICT;

CREATE TABLE forecast (
  skill_id     INTEGER NOT NULL REFERENCES skill (id) ON DELETE CASCADE,
  day          TEXT    NOT NULL,
  start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  volume       REAL    NOT NULL CHECK (volume >= 0),
  aht_seconds  INTEGER NOT NULL CHECK (aht_seconds > 0),
  PRIMARY KEY (skill_id, day, start_minute)
) STRICT;

-- Required people per interval (shift_type_id NULL) or per shift type
CREATE TABLE cover_requirement (
  id             INTEGER PRIMARY KEY,
  day            TEXT    NOT NULL,
  start_minute   INTEGER CHECK (start_minute BETWEEN 0 AND 1439),
  shift_type_id  INTEGER REFERENCES shift_type (id) ON DELETE CASCADE,
  skill_id       INTEGER REFERENCES skill (id) ON DELETE CASCADE,
  required       INTEGER NOT NULL CHECK (required >= 0),
  under_weight   INTEGER NOT NULL DEFAULT 100 CHECK (under_weight >= 0),
  over_weight    INTEGER NOT NULL DEFAULT 1 CHECK (over_weight >= 0),
  CHECK ((start_minute IS NULL) <> (shift_type_id IS NULL))
) STRICT;

CREATE INDEX cover_requirement_day ON cover_requirement (day);

CREATE TABLE time_off (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  first_day  TEXT    NOT NULL,
  last_day   TEXT    NOT NULL,
  kind       TEXT    NOT NULL CHECK (kind IN ('annual-leave', 'sick', 'training', 'fixed-day-off', 'other')),
  status     TEXT    NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'declined')),
  note       TEXT,
  CHECK (first_day <= last_day)
) STRICT;

CREATE INDEX time_off_person ON time_off (person_id, first_day);

-- A wish to work (on = 1) or not work (on = 0) a shift type, or any shift
-- when shift_type_id is NULL, on a day
CREATE TABLE preference (
  id            INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  day           TEXT    NOT NULL,
  shift_type_id INTEGER REFERENCES shift_type (id) ON DELETE CASCADE,
  on_request    INTEGER NOT NULL CHECK (on_request IN (0, 1)),
  weight        INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 100)
) STRICT;

CREATE TABLE holiday (
  day          TEXT    PRIMARY KEY,
  name         TEXT    NOT NULL,
  working_day  INTEGER NOT NULL DEFAULT 0 CHECK (working_day IN (0, 1))
) STRICT;

-- Contract rules beyond those on person
ALTER TABLE person ADD COLUMN min_consecutive_days INTEGER NOT NULL DEFAULT 1 CHECK (min_consecutive_days BETWEEN 1 AND 14);
ALTER TABLE person ADD COLUMN min_consecutive_days_off INTEGER NOT NULL DEFAULT 1 CHECK (min_consecutive_days_off BETWEEN 1 AND 14);
ALTER TABLE person ADD COLUMN max_weekends INTEGER NOT NULL DEFAULT 2 CHECK (max_weekends >= 0);

CREATE TABLE person_shift_limit (
  person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  shift_type_id INTEGER NOT NULL REFERENCES shift_type (id) ON DELETE CASCADE,
  max_shifts    INTEGER NOT NULL CHECK (max_shifts >= 0),
  PRIMARY KEY (person_id, shift_type_id)
) STRICT;

CREATE TABLE roster (
  id         INTEGER PRIMARY KEY,
  first_day  TEXT    NOT NULL,
  days       INTEGER NOT NULL CHECK (days BETWEEN 1 AND 92),
  status     TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  score      TEXT
) STRICT;

CREATE TABLE shift (
  id             INTEGER PRIMARY KEY,
  roster_id      INTEGER NOT NULL REFERENCES roster (id) ON DELETE CASCADE,
  person_id      INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  day            TEXT    NOT NULL,
  shift_type_id  INTEGER REFERENCES shift_type (id) ON DELETE SET NULL,
  start_minute   INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  length_minutes INTEGER NOT NULL CHECK (length_minutes BETWEEN 15 AND 1440),
  skill_id       INTEGER REFERENCES skill (id) ON DELETE SET NULL,
  locked         INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  sequence       INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
  cancelled      INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
  UNIQUE (roster_id, person_id, day)
) STRICT;

CREATE INDEX shift_person_day ON shift (person_id, day);

CREATE TABLE swap_request (
  id           INTEGER PRIMARY KEY,
  shift_id     INTEGER NOT NULL REFERENCES shift (id) ON DELETE CASCADE,
  requester_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  partner_id   INTEGER REFERENCES person (id) ON DELETE SET NULL,
  status       TEXT    NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'accepted', 'approved', 'declined', 'withdrawn')),
  note         TEXT
) STRICT;
