-- Indexes for the lookups every command's rules make: a person by IIN, a pupil's enrolments,
-- the classes of a year, an account by login.
CREATE INDEX people_iin ON people (iin);
CREATE INDEX enrolments_person ON enrolments (person_id);
CREATE INDEX enrolments_group ON enrolments (group_id);
CREATE INDEX classes_year ON classes (year_id);
CREATE INDEX age_groups_year ON age_groups (year_id);
CREATE INDEX accounts_login ON accounts (lower(login));
CREATE INDEX audit_log_login_at ON audit_log (login, at);
