-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 6: when a request was made and answered, by whom, and whether the
-- person who asked has been told the answer.

ALTER TABLE time_off ADD COLUMN requested_at TEXT;
ALTER TABLE time_off ADD COLUMN decided_at TEXT;
ALTER TABLE time_off ADD COLUMN decided_by INTEGER REFERENCES person (id) ON DELETE SET NULL;
ALTER TABLE time_off ADD COLUMN answer_seen INTEGER NOT NULL DEFAULT 1 CHECK (answer_seen IN (0, 1));

ALTER TABLE swap_request ADD COLUMN requested_at TEXT;
ALTER TABLE swap_request ADD COLUMN decided_at TEXT;
ALTER TABLE swap_request ADD COLUMN decided_by INTEGER REFERENCES person (id) ON DELETE SET NULL;
ALTER TABLE swap_request ADD COLUMN answer_seen INTEGER NOT NULL DEFAULT 1 CHECK (answer_seen IN (0, 1));
