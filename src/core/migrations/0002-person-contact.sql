-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 2: an email address per person (for sending calendars) and a
-- name index for the team list.

ALTER TABLE person ADD COLUMN email TEXT;

CREATE INDEX person_team_name ON person (team_id, name);
