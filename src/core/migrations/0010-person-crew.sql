-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 10: the group (班组) a person works in within the team, led by a
-- team leader. Empty for people in no group. Rosters filter by it.

ALTER TABLE person ADD COLUMN crew TEXT NOT NULL DEFAULT '';
