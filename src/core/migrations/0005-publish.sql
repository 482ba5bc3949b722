-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 5: published versions of rosters, and what calendars need.
--
-- Each time a roster is published its shifts are copied, so that the next
-- version can say what changed since. Exported calendar events carry a
-- token of the team in their UID: two databases never give two different
-- shifts the same UID, and a backup restored keeps the token, so calendars
-- that imported an export recognise the events of the next one.

-- Set by the first export (sc_store_get_calendar)
ALTER TABLE team ADD COLUMN calendar_token TEXT;

CREATE TABLE roster_version (
  roster_id     INTEGER NOT NULL REFERENCES roster (id) ON DELETE CASCADE,
  version       INTEGER NOT NULL CHECK (version >= 1),
  published_at  TEXT    NOT NULL,
  published_by  TEXT    NOT NULL,
  PRIMARY KEY (roster_id, version)
) STRICT;

-- The shifts of a roster as they were published (cancelled ones left out)
CREATE TABLE roster_version_shift (
  roster_id      INTEGER NOT NULL,
  version        INTEGER NOT NULL,
  shift_id       INTEGER NOT NULL,
  person_id      INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  day            TEXT    NOT NULL,
  shift_type_id  INTEGER REFERENCES shift_type (id) ON DELETE SET NULL,
  start_minute   INTEGER NOT NULL,
  length_minutes INTEGER NOT NULL,
  skill_id       INTEGER REFERENCES skill (id) ON DELETE SET NULL,
  PRIMARY KEY (roster_id, version, person_id, day),
  FOREIGN KEY (roster_id, version) REFERENCES roster_version (roster_id, version) ON DELETE CASCADE
) STRICT;
