-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 9: skills that only a valid certification proves. For those, the
-- roster counts only people certified in them (at any level) on the day.

ALTER TABLE skill ADD COLUMN certified_only INTEGER NOT NULL DEFAULT 0 CHECK (certified_only IN (0, 1));
