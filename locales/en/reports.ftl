# The printed reports and sheets (xlsx and PDF) the API writes: titles, column headers, totals; and the
# few other texts it writes itself, such as the names of the documents waiting for the hub.
# The API fills them in the caller's language; the interface's own texts are in ui.ftl.

## A kindergarten group's monthly attendance sheet (R25.5)
sheet-group-title = { $group }: children's attendance sheet, { $month }
sheet-number = No.
sheet-child = Child
sheet-present-days = Days present
sheet-reason-absent = No reason
sheet-reason-ill = Illness
sheet-reason-vacation = Vacation
sheet-reason-excused = Family reasons
sheet-letter-absent = a
sheet-letter-ill = i
sheet-letter-vacation = v
sheet-letter-excused = e
sheet-present-per-day = Children present
sheet-absent-per-day = Children absent
sheet-legend = Key: { $legend }
sheet-printed = { $org }. Printed { $date }.

## A class's attendance and grades reports (R27.5)
sheet-attendance-title = Attendance: class { $class }, { $from } – { $to }
sheet-pupil = Pupil
sheet-lessons = Lessons
sheet-absent = Absent
sheet-ill = Ill
sheet-excused = Excused
sheet-late = Late
sheet-present-percent = Present, %
sheet-total = Total
sheet-week-chart = Attendance by week, %
sheet-grades-title = Grades: class { $class }, term { $term } ({ $from } – { $to })
sheet-grade-count = Grades “{ $grade }”
sheet-grades-chart = Term grades by subject
sheet-grade-series = “{ $grade }”

## Teaching load (tariff list, R27.13)
sheet-load-title = Teachers' tariff list, academic year { $year }
sheet-load-teacher = Teacher
sheet-load-position = Position, subjects
sheet-load-weekly = Hours a week
sheet-load-yearly = Hours a year
sheet-load-rates = Rates
sheet-load-duties = Extra duties
sheet-load-warnings = Warnings
sheet-load-overload = Over-load: { $rates } rates (limit { $limit })
sheet-load-underload = Under-load: { $rates } rates (limit { $limit })
sheet-load-norm = Norm per rate: { $hours } hours a week
sheet-load-uncovered = Hours no one teaches, a week
sheet-load-subgroup = { $subject } (group { $group })
sheet-position-teacher = Teacher
sheet-position-director = Director
sheet-position-deputy-director = Deputy director
sheet-position-methodist = Methodist
sheet-position-tutor = Tutor
sheet-position-psychologist = Psychologist
sheet-position-librarian = Librarian

# The timetable
timetable-weekday-1 = Monday
timetable-weekday-2 = Tuesday
timetable-weekday-3 = Wednesday
timetable-weekday-4 = Thursday
timetable-weekday-5 = Friday
timetable-weekday-6 = Saturday
timetable-weekday-7 = Sunday
timetable-when = { $day }, lesson { $period }
sheet-timetable-title = Timetable, { $year }
sheet-timetable-day = Day
sheet-timetable-lesson = Lesson

# The kindergarten's organised activities: a plan that breaks an age norm
norm-duration-out-of-range = { $group }, { $day }: «{ $activity }» lasts { $actual } min; the age's norm is { $min }–{ $max } min.
norm-too-many-per-day = { $group }, { $day }: { $actual } activities; the age's norm is at most { $limit } a day.
norm-too-many-per-week = { $group }: { $actual } activities a week; the age's norm is at most { $limit }.
norm-break-too-short = { $group }, { $day }: a break of { $actual } min before «{ $activity }»; the norm is at least { $limit } min.
norm-ends-too-late = { $group }, { $day }: «{ $activity }» ends at { $actual }; the norm is to end by { $limit }.
norm-no-norm = { $group }: there is no norm for ages { $min }–{ $max }.
norm-room-shared = { $group }, { $day }: «{ $room }» is used by { $other } at the same time.

## The documents waiting for the hub, as the sync screen names them
sync-doc-org = Organisation and academic calendar
sync-doc-people = Contingent and staff
sync-doc-accounts = Accounts
sync-doc-roster = Classes and groups, { $year }
sync-doc-timetable = Timetable and rooms, { $year }
sync-doc-journal = Journal { $class }, term { $term }
sync-doc-register = Attendance register of { $group }, { $month }
