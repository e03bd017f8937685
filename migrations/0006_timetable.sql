-- The week of a year: rooms, the school timetable's lessons and the kindergarten's organised
-- activities. Projections of the `timetable/<year>` documents, rebuilt from them at will.

CREATE TABLE rooms (
    id TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL,
    year_id TEXT,
    name TEXT,
    capacity INTEGER,
    kind TEXT
) STRICT;
CREATE INDEX rooms_year ON rooms (year_id);

-- One lesson of the week: a class (or one of its subgroups) with a teacher at a day and period.
CREATE TABLE timetable_lessons (
    id TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL,
    year_id TEXT,
    class_id TEXT,
    subject TEXT,
    subgroup INTEGER,
    teacher_id TEXT,
    day INTEGER,
    period INTEGER,
    room_id TEXT,
    pinned INTEGER
) STRICT;
CREATE INDEX timetable_lessons_year ON timetable_lessons (year_id);
CREATE INDEX timetable_lessons_class ON timetable_lessons (class_id);
CREATE INDEX timetable_lessons_teacher ON timetable_lessons (teacher_id);

-- One organised activity of a kindergarten group's week, from its start for its minutes.
CREATE TABLE activities (
    id TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL,
    year_id TEXT,
    group_id TEXT,
    day INTEGER,
    starts TEXT,
    minutes INTEGER,
    activity TEXT,
    educator_id TEXT,
    room_id TEXT
) STRICT;
CREATE INDEX activities_year ON activities (year_id);
CREATE INDEX activities_group ON activities (group_id);

-- A teacher's day of the week without lessons (a second job, a methodical day): the timetable
-- puts nothing there.
CREATE TABLE days_off (
    id TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL,
    year_id TEXT,
    teacher_id TEXT,
    day INTEGER
) STRICT;
CREATE INDEX days_off_year ON days_off (year_id);

-- A teacher's extra duty of the year (class supervision, checking notebooks, a classroom), paid
-- by the norms of the load; for a class when the duty is one.
CREATE TABLE duties (
    id TEXT PRIMARY KEY,
    doc_key TEXT NOT NULL,
    year_id TEXT,
    teacher_id TEXT,
    duty TEXT,
    class_id TEXT
) STRICT;
CREATE INDEX duties_year ON duties (year_id);
