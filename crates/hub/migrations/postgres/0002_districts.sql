-- The hierarchy (O3): the district an organisation was registered under (a KATO code; the region
-- is its prefix's), the accounts of district and regional departments with the area they may
-- read, and what the region's reports need, projected from the documents: the contingent by
-- grade (or age) and language, and attendance per week. A token is kept only as a hash.

ALTER TABLE hub_orgs ADD COLUMN district TEXT;

CREATE TABLE hub_accounts (
    login TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    -- `republic`, `region` or `district`.
    level TEXT NOT NULL,
    -- The region's or district's KATO code; NULL for the republic.
    area TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

-- A count of the organisation's document writes, and the count its figures were projected at,
-- and for which day (enrolments and lessons held depend on it): the figures are projected
-- again only when one of them differs. The district the school states in its own settings.
ALTER TABLE hub_stats ADD COLUMN changes BIGINT NOT NULL DEFAULT 0;
ALTER TABLE hub_stats ADD COLUMN projected_changes BIGINT;
ALTER TABLE hub_stats ADD COLUMN day TEXT;
ALTER TABLE hub_stats ADD COLUMN declared_district TEXT;

-- `class` rows count a grade's classes, `age_group` rows a kindergarten's groups by the age they
-- start from.
CREATE TABLE hub_contingent (
    org TEXT NOT NULL REFERENCES hub_orgs (id),
    group_kind TEXT NOT NULL,
    grade BIGINT NOT NULL,
    language TEXT NOT NULL,
    groups BIGINT NOT NULL,
    pupils BIGINT NOT NULL,
    PRIMARY KEY (org, group_kind, grade, language)
);

-- Pupil-lessons held and absences, per organisation and week (its Monday).
CREATE TABLE hub_attendance (
    org TEXT NOT NULL REFERENCES hub_orgs (id),
    week TEXT NOT NULL,
    held BIGINT NOT NULL,
    absent BIGINT NOT NULL,
    PRIMARY KEY (org, week)
);
