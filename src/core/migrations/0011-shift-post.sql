-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 11: whether a shift's post (skill_id, the channel it is worked
-- on) was chosen by a person rather than assigned with the roster. A
-- chosen post is kept when posts are assigned again.

ALTER TABLE shift ADD COLUMN post_chosen INTEGER NOT NULL DEFAULT 0 CHECK (post_chosen IN (0, 1));
