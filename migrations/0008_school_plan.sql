-- The school's own curriculum of a year: the methodist's changes to the standard plan, one row
-- per changed cell, and the year's split options. Assignments name a subgroup and their hours.

CREATE TABLE plan_hours (
    id TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL,
    year_id TEXT,
    language TEXT,
    grade INTEGER,
    subject TEXT,
    -- A decimal as text: whole or half lessons a week.
    hours TEXT,
    part TEXT,
    -- 1 taught in subgroups, 0 whole, NULL as the standard split rules say.
    split INTEGER
) STRICT;
CREATE INDEX plan_hours_year ON plan_hours (year_id);

CREATE TABLE plan_settings (
    id TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL,
    year_id TEXT,
    small_school INTEGER,
    local_splits INTEGER
) STRICT;
CREATE INDEX plan_settings_year ON plan_settings (year_id);

ALTER TABLE assignments ADD COLUMN subgroup INTEGER;
ALTER TABLE assignments ADD COLUMN hours TEXT;
