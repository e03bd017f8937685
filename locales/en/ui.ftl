### Dala: the web interface's text (English).
### Read by the interface (@fluent/bundle) at build time; error messages are in errors.ftl.
### Every id must be in the kk, ru and en files, with the same variables.

app-name = Dala
app-unreachable = No connection to the Dala server. Check that the school's main computer is on and connected to the network.
app-failed-title = The app could not open
app-retry = Try again

## Language

lang-switch = Interface language
lang-short-kk = ҚАЗ
lang-short-ru = РУС
lang-short-en = ENG
lang-name-kk = Kazakh
lang-name-ru = Russian
lang-name-en = English

## Shell: top bar and menu

shell-logout = Log out
shell-skip-to-content = Skip to main content
nav-label = Main menu
nav-home = Home
nav-accounts = Accounts
nav-audit = Audit log
nav-login-attempts = Failed logins
nav-password = Change password

## Connection and sync

status-checking = Checking…
status-online = Online
status-offline = Offline
status-no-server = No connection to the server
status-pending = { $count ->
        [one] { $count } change not sent
       *[other] { $count } changes not sent
    }
status-last-sync = Last sync: { $time }
status-never-synced = Not synced yet

## Kinds of organisation and roles

org-kind-school = School
org-kind-kindergarten = Kindergarten
role-director = Director
role-deputy = Deputy director
role-teacher = Teacher
role-methodist = Methodist
role-tutor = Tutor
role-student = Student
role-parent = Parent
role-head = Head
role-educator = Educator

## Forms

form-required = Please fill in this field.
form-passwords-differ = The passwords do not match.
form-save = Save
form-cancel = Cancel

## First-run set-up

setup-title = First-run set-up
setup-intro = There is no data on this computer yet. Register the organisation and create the account of its head: you will create the other accounts with it later.
setup-kind = Kind of organisation
setup-name = Name of the organisation
setup-name-hint = The full name as in official documents, e.g. Aksu Village Secondary School No. 2.
setup-admin-login = { $kind ->
        [kindergarten] Head's login
        [snapshot] Your login on this computer
       *[other] Director's login
    }
setup-admin-login-hint = Latin letters, digits, dot or hyphen, e.g. director or a.seitkali.
setup-password = Password
setup-submit = Create the organisation
setup-submit-snapshot = Start from the file
setup-from = How this computer starts
setup-from-new = A new organisation
setup-from-snapshot = A new computer of an organisation the district's hub holds
setup-snapshot-explain = The district education department gives a snapshot file of the organisation's data (on a USB stick) and a one-time code on paper. The computer starts from the file instead of a long first sync; it then syncs with the hub as usual. Accounts never leave the school: this computer starts with yours.
setup-snapshot-file = Snapshot file
setup-snapshot-missing = Choose the snapshot file.
setup-code-missing = Enter the code given with the file.
setup-code-hint = The code printed with the snapshot file, e.g. ABCD-EFGH-….
setup-hub-hint = Only when there is a link now, e.g. https://hub.aqsu.edu.kz:8443. Without it the computer is enrolled from the code, and the first file sent to the hub completes it.
recovery-title = Recovery key
recovery-plea = Print this key now and keep it in a safe: it is shown only once.
recovery-explain = If every password is forgotten, this key is the only way to open the data. Without it nobody can recover them, not even Dala's developers. Do not show the key to anyone else.
recovery-print = Print
recovery-printed = I have printed the key and will keep it somewhere safe
recovery-continue = Continue

## Login

login-title = Log in
login-name = Login
login-password = Password
login-submit = Log in
login-back = Back
login-totp = Verification code
login-totp-prompt = This account is protected by two-factor authentication. Enter the 6-digit code from your authenticator app.
login-totp-invalid = The code is wrong or has expired. Enter the new code from the app.
login-locked = Too many failed attempts: logging in is paused for now. Try again in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
login-session-ended = Your session has ended. Please log in again.
login-after-setup = The organisation is created. Now log in with the new login and password.

## Password

password-title = Change password
password-forced-title = Set your own password
password-forced-intro = You logged in with a temporary password. Before you start, replace it with a password only you know.
password-current = Current password
password-current-initial = Temporary password
password-new = New password
password-repeat = Repeat the password
password-hint = At least { $min } characters. A phrase of several words is easy to remember.
password-same = The new password must differ from the current one.
password-submit = Save the password
password-done = Your password has been changed.

## Home

home-greeting = Welcome, { $name }!
home-overview = { $kind ->
        [kindergarten] The kindergarten at a glance
       *[other] The school at a glance
    }
count-students = { $count ->
        [one] student
       *[other] students
    }
count-children = { $count ->
        [one] child
       *[other] children
    }
count-staff = { $count ->
        [one] staff member
       *[other] staff
    }
count-classes = { $count ->
        [one] class
       *[other] classes
    }
count-age-groups = { $count ->
        [one] age group
       *[other] age groups
    }
count-accounts = { $count ->
        [one] account
       *[other] accounts
    }
home-groups = Age groups
home-groups-empty = No groups have been created yet.
group-name = Group
group-norm = Places (norm)
group-enrolled = Enrolled
group-free = Free
group-occupancy = Occupancy
home-lessons = Today's lessons, { $date }
home-welcome-empty = The diary and announcements will appear here soon.

## Accounts

accounts-title = Accounts
accounts-new = New account
accounts-empty = No accounts yet.
accounts-created = Account “{ $login }” created. Temporary password: { $password }. Give it to its owner, who will set their own password at first login.
accounts-role-changed = The new role of “{ $login }”: { $role }.
accounts-password-reset = New temporary password for “{ $login }”: { $password }. Give it to its owner.
accounts-deleted = Account “{ $login }” deleted.
account-login = Login
account-login-hint = Latin letters, digits, dot, hyphen or underscore; 3 to 32 characters.
account-role = Role
account-lang = Language
account-state = State
account-actions = Actions
account-initial = Temporary password
account-totp = Two-factor protection
account-you = This is you
account-initial-password = Temporary password
account-initial-password-hint = Its owner will replace it with their own at first login.
account-password-generate = Suggest another password
account-create = Create the account
account-change-role = Change role
account-reset-password = Reset password
account-reset-title = New password for “{ $login }”
account-reset-explain = The old password will stop working. The owner logs in with the new temporary password and replaces it with their own.
account-delete = Delete
account-delete-title = Delete the account
account-delete-question = Delete the account “{ $login }”? This person will no longer be able to log in. The entries of the audit log are kept.

## Audit log

audit-title = Audit log
audit-filter-login = Login
audit-filter-from = From
audit-filter-to = To
audit-show = Show
audit-empty = No entries in this period.
audit-seq = No.
audit-at = Time
audit-login = Login
audit-action = Action
audit-object = Object
audit-change = Change
audit-show-change = Show the change
audit-before = Before
audit-after = After
audit-none = none
audit-personal = Personal data
audit-personal-hint = The action concerns personal data.
audit-action-organisation-set = Organisation details changed
audit-action-year-add = Academic year added
audit-action-class-add = Class added
audit-action-age-group-add = Age group added
audit-action-person-save = Person's details saved
audit-action-enrolment-add = Enrolment recorded
audit-action-account-create = Account created
audit-action-account-update = Account changed
audit-action-account-remove = Account deleted
audit-action-account-password-set = Password set
audit-action-session-login = Logged in
audit-action-session-logout = Logged out

## Failed logins

login-attempts-title = Failed logins
login-attempts-intro = Attempts to log in with a wrong login, password or code. The password typed is never stored.
login-attempts-empty = There have been no failed login attempts.
login-attempts-device = Device
login-attempts-reason = Reason
login-attempt-reason-invalid-credentials = Wrong login or password
login-attempt-reason-locked = While logging in was locked
login-attempt-reason-totp-invalid = Wrong verification code

## The second factor (R5.11)
second-factor-title = Set up your second factor
second-factor-intro = Directors, heads and deputies log in with a password and a six-digit code from an authenticator app on their phone. Add this key to the app (Google Authenticator, Microsoft Authenticator, FreeOTP or another), then type the code it shows.
second-factor-link = Open in the authenticator app on this device
second-factor-code = Code from the app
second-factor-submit = Confirm

## Journal, register and my journal: navigation
nav-journal = Journal
nav-my-journal = My marks
nav-attendance = Attendance register
nav-oversight = Oversight
home-journal-hint = Marks, attendance, lesson topics and homework are in the journal.
home-open-journal = Open the journal

## Attendance letters: typed and shown in the grid; the letters of every language are accepted, so no two may share a first letter
attendance-letter-absent = a
attendance-letter-ill = i
attendance-letter-excused = e
attendance-letter-late = l
attendance-letter-vacation = v
attendance-name-absent = absent
attendance-name-ill = ill
attendance-name-excused = excused
attendance-name-late = late
attendance-name-vacation = on vacation
attendance-name-present = present

## The register grid, shared by the journal and the kindergarten
register-legend-item = { $letter } — { $name }
register-keys = Enter: down; Tab: right; Delete: clear; Ctrl+Z: undo; Ctrl+Enter: everyone present.
register-keys-scores = Digits: the score.
register-all-present = Everyone present
register-all-present-hint = Mark everyone present in the selected column (Ctrl+Enter)
register-undo = Undo
register-undo-hint = Undo the last change (Ctrl+Z)
register-pending = Not saved yet
register-taken = Taken
register-stalled = No connection to the server: the changes are not saved yet and will be sent when it is back.
register-refused = { $cell }: { $message }
register-conflict = Another device entered a different value. Which is right?
register-conflict-marker = Conflicting values
register-keep = { $value } (this one)
register-number = No.
register-keys-comment = F2: comment.
register-comment-for = Comment: { $cell }
register-comment-keys = Enter: save; Shift+Enter: new line; Esc: cancel.
register-comment-shown = Comment: { $comment }
register-comment-too-long = A comment can be at most { $max } characters long.

## Journal
journal-class = Class
journal-subject = Subject
journal-term = Term
journal-term-option = Term { $number }
journal-no-classes = No classes or subjects are assigned to you yet.
journal-readonly = Read only: you cannot change this journal.
journal-ungraded = No marks in this class: attendance only.
journal-no-lessons = No lessons in this term yet.
journal-no-students = There are no pupils in this class.
journal-grid-label = { $class }, { $subject }: marks and attendance
journal-pupil = Pupil
journal-add-lesson = Add a lesson
journal-lesson-label = { $date }, period { $period }, { $kind }
journal-score-range = The score must be from { $min } to { $max }.
journal-year = Year
journal-year-hint = Term and year grades
year-grades-label = { $class }, { $subject }: term and year grades
year-grade = Year
year-grade-title = Year grade
grade-fo = FA %
grade-sor = SAU %
grade-soch = SAT %
grade-total = Total %
grade-mark = Grade
grade-fo-title = Formative assessment, %
grade-sor-title = Summative assessment for units, %
grade-soch-title = Summative assessment for the term, %
grade-total-title = Term result, %
grade-mark-title = Term grade
lesson-kind-ordinary = Lesson
lesson-kind-sor = SAU
lesson-kind-soch = SAT
lesson-kind-name-ordinary = Lesson (formative marks 1–10)
lesson-kind-name-sor = Summative assessment for a unit (SAU)
lesson-kind-name-soch = Summative assessment for the term (SAT)
lesson-title = { $date }, period { $period }
lesson-date = Date
lesson-period = Period
lesson-kind = Kind
lesson-max-score = Maximum score
lesson-topic = Topic
lesson-homework = Homework
lesson-add = Add
lesson-delete = Delete the lesson
lesson-delete-blocked = A lesson with marks or attendance cannot be deleted.
lesson-close = Close
lesson-max-required = Give the maximum score (1 or more).
lesson-period-invalid = The period is from 1 to 12.
lesson-date-outside = The date must be within the term.

## Kindergarten attendance register (R25.5)
attendance-group-places = { $enrolled }/{ $norm }, { $free } free
attendance-month = Month
attendance-month-prev = Previous month
attendance-month-next = Next month
attendance-grid-label = { $group }, { $month }: attendance
attendance-child = Child
attendance-present-days = Present
attendance-present-days-title = Days present (of the days taken)
attendance-no-children = There are no children in this group.
attendance-no-days = No working days in this month.
attendance-readonly = Read only: you cannot change this register.
download-xlsx = Download as Excel
download-pdf = Download as PDF

## Oversight (R27.5)
period-from = From
period-to = To
period-show = Show
oversight-unfilled = Registers not filled
oversight-without-topic = Lessons without a topic
oversight-late-changes = Marks changed after the lesson day
oversight-absent-streaks = Pupils absent three days running or more
oversight-none = Nothing — all is in order.
oversight-teacher = Teacher
oversight-changed-at = Changed at
oversight-login = Changed by
oversight-dates = Days
oversight-reports = Class reports
report-attendance = Attendance
report-grades = Grades
report-lessons = Lessons
report-present-percent = Present, %
report-week-chart = Attendance by week, %
report-week-bar = Week of { $week }: { $percent }%
report-distribution = Term grades by subject
report-grade-count = “{ $grade }”: { $count }
report-no-data = No data.

## My journal: the pupil's and the parent's view (R27.1)
my-journal-marks = Marks
my-journal-homework = Homework
my-journal-attendance = Attendance
my-journal-no-marks = No marks yet.
my-journal-no-homework = No homework.
my-journal-empty = There is nothing to show yet.
my-journal-class = Class { $class }
my-journal-subject-marks = { $subject }: marks

## Days of the week (1 = Monday), as timetables head their columns
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday

## Timetable (R27.11)
nav-timetable = Timetable
tt-year = Academic year { $year }
tt-view = View
tt-by-class = By class
tt-by-teacher = By teacher
tt-by-room = By room
tt-entity-class = Class
tt-entity-teacher = Teacher
tt-entity-room = Room
tt-period = Period
tt-grid-label = Timetable: { $name }
tt-cell-label = { $day }, period { $period }
tt-subgroup = gr. { $n }
tt-subgroup-title = Subgroup { $n }
tt-pinned = Pinned
tt-pin = Pin
tt-unpin = Unpin
tt-pin-hint = Keep the selected lesson where it is when the timetable is generated again (P)
tt-readonly = Read only: you cannot change the timetable.
tt-empty = The timetable is empty: there are no classes, teachers or rooms yet.
tt-keys = Arrows: move around. Space or Enter: pick up a lesson; arrows: choose a cell; Enter: put it there; Esc: put it back. P: pin. Or drag a lesson with the mouse.
tt-keys-readonly = Arrows: move around the timetable.
tt-carrying = Moving { $lesson } to { $day }, period { $period }:
tt-drop-origin = it is here now.
tt-drop-checking = checking…
tt-drop-ok = it can go here.
tt-drop-soft = possible, but: { $messages }
tt-drop-hard = Not allowed: { $messages }
tt-moved = Moved: { $lesson }, { $day }, period { $period }. The lesson is now pinned.
tt-violations = Broken rules
tt-violation-hard = Must fix
tt-violation-soft = Wish
tt-violation-counts = Must fix: { $hard }. Wishes: { $soft }.
tt-soft-score = Soft score: { $score }
tt-soft-score-hint = The weight of the wishes not met: the lower, the better.
tt-violations-none = No rules are broken.
tt-violation-show = Show
tt-unplaced = Not placed
tt-unplaced-none = Every lesson of the plan is placed.
tt-unplaced-none-here = All lessons of this view are placed.
tt-unplaced-hint = Drag a lesson onto the grid, or pick it up with Space and choose its cell with the arrows.
tt-unplaced-count = × { $count }
tt-no-teacher = no teacher
tt-generate = Generate
tt-generate-title = Generate the timetable
tt-generate-explain = The generator builds the timetable again from the plan. Pinned lessons stay where they are. You can stop it at any time; the best timetable found so far is kept.
tt-generate-seconds = How long to search, in seconds
tt-generate-seconds-invalid = Give a whole number of seconds from 1 to { $max }.
tt-generate-start = Start
tt-generating = Generating the timetable…
tt-phase-construct = placing the lessons
tt-phase-repair = removing clashes
tt-phase-improve = improving
tt-progress = { $seconds } s, { $steps } steps; must fix: { $hard }; soft score: { $soft }
tt-stop = Stop
tt-generated = The timetable is generated. Must fix: { $hard }. Soft score: { $soft }.
tt-generated-stopped = Stopped: the best timetable found so far is kept. Must fix: { $hard }. Soft score: { $soft }.
tt-generate-not-saved = The timetable found could not be saved ({ $code }). Try generating again.
tt-day-off = Day off
tt-day-off-for = { $day }: day off
tt-day-off-hint = The teacher has no lessons on this day; the generator keeps it free.
tt-cell-label-day-off = { $day } (day off), period { $period }
tt-day-off-set = { $teacher }: { $day } is now a day off.
tt-day-off-cleared = { $teacher }: { $day } is a working day again.

## Teaching load (R27.13)
nav-load = Teaching load
load-tariff = Tariff list:
load-year = Academic year { $year }.
load-counted-on = Pupils counted on { $date }.
load-norm = One rate is { $hours } teaching hours a week.
load-empty = There is no teaching load yet: no academic year, or no teacher has a class and subject assigned.
load-teacher = Teacher
load-subjects = Subjects
load-weekly = Hours a week
load-yearly = Hours a year
load-rates = Rates
load-warnings = Warnings
load-overload = Overload: { $rates } rates (limit { $limit })
load-underload = Underload: { $rates } rates (limit { $limit })
load-total = { $count ->
        [one] Total, { $count } teacher
       *[other] Total, { $count } teachers
    }
load-uncovered = Hours nobody teaches
load-uncovered-none = Every hour of the plan has a teacher.
load-uncovered-total = Total hours a week
load-class = Class
load-subject = Subject
load-subgroup = Subgroup
load-whole-class = whole class
load-subgroup-n = subgroup { $group }
load-problems = Assignments to check
load-problem-unknown-class = { $teacher }: the assignment ({ $subject }) names a class that is not in this year.
load-problem-no-plan-hours = { $class }, { $subject } ({ $teacher }): the plan of this grade has no hours for the subject, so it counts as 0 hours.
load-problem-not-split = { $class }, { $subject } ({ $teacher }): the class is not split into subgroups for this subject.
load-problem-group-out-of-range = { $class }, { $subject } ({ $teacher }): the class has no such subgroup.
load-problem-over-assigned = { $class }, { $subject }: { $assigned } hours a week are assigned, but the plan has { $planned }.
load-problem-other = { $class }, { $subject }: { $kind }
load-position-teacher = Teacher
load-position-director = Director
load-position-deputy-director = Deputy director
load-position-methodist = Methodist
load-position-tutor = Tutor
load-position-psychologist = Psychologist
load-position-librarian = Librarian
load-duties = Extra duties
load-duty-pay = +{ $percent }%
load-duty-add = Add
load-duty-add-label = Add an extra duty: { $teacher }
load-duty-remove = Remove
load-duty-remove-label = Remove: { $duty } — { $teacher }
load-duty-kind = Duty
load-duty-class-none = — choose a class —
load-duty-choose-kind = Choose a duty.
load-duty-choose-class = Choose a class for this duty.
load-duty-held = The teacher already has this duty.
load-assignment = { $what } — { $hours } h
load-assignment-own = { $what } — { $hours } h (plan: { $plan })
load-assignment-what = { $class } — { $subject }
load-assignment-what-subgroup = { $class }, subgroup { $group } — { $subject }
load-assignment-hours-label = Hours a week: { $what } — { $teacher }
load-assignment-hours-unit = h/week
load-assignment-plan = plan: { $hours }
load-assignment-hours-invalid = Enter the hours as a number, or leave the field empty for the curriculum's hours.
load-assignment-remove = Remove
load-assignment-remove-label = Remove the assignment: { $what } — { $teacher }
load-assign = Assign
load-assign-label = Assign a teacher: { $what }
load-assign-teacher-label = Teacher: { $what }
load-assign-choose = — choose a teacher —
load-assign-choose-teacher = Choose a teacher.

## The school's curriculum (R27.6–R27.7)
nav-curriculum = Curriculum
curriculum-year = Academic year { $year }.
curriculum-source = Standard curriculum: { $source }; in force from { $date }.
curriculum-confidence = How sure the figures are: { $confidence }
curriculum-readonly = Read only: you cannot change the curriculum.
curriculum-settings = Splitting classes into subgroups
curriculum-min-pupils = A class of { $min } pupils or more is split into subgroups ({ $small } or more in a small ungraded school).
curriculum-small-school = Small ungraded school
curriculum-local-splits = In classes taught in Kazakh, Russian is taught in subgroups by decision of the local authority
curriculum-empty = There is no curriculum.
curriculum-legend = Marks:
curriculum-mark-changed = hours changed by the school
curriculum-mark-variative = V
curriculum-mark-splits = S
curriculum-mark-over = over the weekly maximum
curriculum-variative = variative part
curriculum-invariant = invariant part
curriculum-splits = taught in subgroups
curriculum-subject = Subject
curriculum-grades = Grades
curriculum-grade = Grade { $grade }
curriculum-total = Weekly lessons
curriculum-total-of = { $total } / { $max }
curriculum-total-label = Grade { $grade }: { $total } hours a week, at most { $max }
curriculum-total-over = Grade { $grade }: { $total } hours a week — over the maximum of { $max }
curriculum-cell-label = { $subject }, grade { $grade }: { $hours } hours a week
curriculum-cell-label-none = { $subject }, grade { $grade }: not taught
curriculum-standard-hours = standard plan: { $hours } hours
curriculum-edit-title = { $subject }, grade { $grade }
curriculum-hours = Hours a week
curriculum-hours-hint = Whole or half lessons, 0 to 10; 0 takes the subject out of the grade.
curriculum-hours-needed = Enter the number of hours.
curriculum-part = Part of the plan
curriculum-split = Subgroups
curriculum-split-rules = by the rules
curriculum-split-yes = in subgroups
curriculum-split-no = whole class
curriculum-save = Save
curriculum-reset = Back to the standard plan
curriculum-add = Add a subject:
curriculum-add-label = Add a subject: { $plan }
curriculum-add-grade = Grade
curriculum-add-choose = — choose a subject —
curriculum-add-choose-subject = Choose the subject to add.
curriculum-add-open = Add

## Kindergarten organised activities (R25.3–R25.4)
nav-activities = Organised activities
act-readonly = Read only: you cannot change the activities.
act-age = Age { $from }–{ $to }
act-places = Places: { $norm } by the norm, { $enrolled } enrolled, { $free } free
act-norm = Norm of this age: one activity lasts { $min }–{ $max } min; at most { $per_day } a day and { $per_week } a week; at least { $break } min between activities.
act-norm-none = No norm is recorded for this age.
act-violations-count = { $count ->
        [one] { $count } norm broken
       *[other] { $count } norms broken
    }
act-violations-none = The week keeps the norms of its age.
act-week-label = { $group }: organised activities of the week
act-day-total = { $count ->
        [one] { $count } activity, { $minutes } min
       *[other] { $count } activities, { $minutes } min
    }
act-minutes-short = { $minutes } min
act-breaks-norm = Breaks a norm
act-add = Add an activity
act-add-day = Add an activity on { $day }
act-new-title = New activity
act-edit-title = Change the activity
act-day = Day
act-starts = Starts at
act-minutes = Minutes
act-activity = Activity
act-educator = Educator
act-room = Room
act-not-set = — not set —
act-starts-invalid = Give the start as hours and minutes, e.g. 09:00.
act-minutes-invalid = Give the length in whole minutes, from { $min } to { $max }.
act-delete = Delete
act-delete-question = Delete this activity from the week? Press “Yes, delete” to confirm.
act-delete-confirm = Yes, delete
act-copy = Copy this week to…
act-copy-title = Copy the week of { $group }
act-copy-explain = The weeks of the groups you tick are replaced by a copy of this week: their own activities are deleted.
act-copy-to = To the groups
act-copy-none-chosen = Tick at least one group.
act-copy-confirm = Replace their weeks
act-copied = { $count ->
        [one] The week is copied to { $count } group.
       *[other] The week is copied to { $count } groups.
    }
act-template = Apply the standard week to all groups aged { $from }–{ $to }
act-template-title = The standard week for ages { $from }–{ $to }
act-template-explain = The standard week of this age replaces the weeks of these groups: { $groups }. Their own activities are deleted.
act-template-confirm = Apply the standard week
act-template-applied = { $count ->
        [one] The standard week is applied to { $count } group.
       *[other] The standard week is applied to { $count } groups.
    }

## Sync with the hub: enrolment, the last sync, USB bundles, the waiting queue, the fixation, the school network
nav-sync = Sync
sync-readonly = Read only: the director or the head starts a sync, enrols this computer and handles the USB files.
sync-enrolment = Enrolment with the hub
sync-enrolled-hub = This computer is enrolled with the hub { $url }.
sync-enrolled-lan = This laptop syncs with the school's main computer { $url }; the main computer carries its changes to the hub.
sync-enrolled-offline = This computer is enrolled without a network, from the code on paper. Its changes reach the hub as a file on a USB stick; the enrolment is complete once the first file reaches the hub.
sync-not-enrolled = This computer is not enrolled with a hub yet: its changes are kept here and sent nowhere.
sync-not-enrolled-ask = The director or the head enrols it with the one-time code from the hub.
sync-fingerprint = Fingerprint of the hub's key
sync-fingerprint-lan = Fingerprint of the main computer's key
sync-fingerprint-hint = It must be the same as the fingerprint printed on the enrolment sheet.
sync-enrol-title = Enrol this computer
sync-hub-url = Hub address
sync-hub-url-hint = Leave it empty if the school has no internet: the code on paper enrols the computer, and the data travels to the hub on a USB stick.
sync-hub-url-invalid = The address must start with http:// or https://.
sync-code = One-time code
sync-code-hint = From the enrolment sheet given by the hub; it works only once.
sync-enrol = Enrol
sync-enrolling = Enrolling…
sync-enrolled-done = The computer is enrolled.
sync-last = Last sync
sync-never = No sync yet.
sync-last-at = { $time }, { $via }
sync-via-hub = through the hub over the internet
sync-via-bundle = with a file on a USB stick
sync-via-lan = over the school network
sync-ok = Succeeded
sync-failed = Failed
sync-failed-unknown = No reason was given.
sync-figures = Sent { $sent }, received { $received }, exchange rounds: { $rounds }
sync-size-b = { $size } B
sync-size-kb = { $size } KB
sync-size-mb = { $size } MB
sync-now = Sync now
sync-running = Syncing…
sync-phase-connecting = Connecting to the hub
sync-phase-manifest = Comparing what each side has
sync-phase-rounds = Exchanging changes
sync-phase-done = Finishing
sync-progress = { $percent }%
sync-finished-ok = Sync finished.
sync-finished-failed = Sync failed: { $reason }
sync-bundles = Without internet: a file on a USB stick
sync-bundles-explain = Export the changes to a file on a USB stick, take it to a computer with internet or to the hub, then import the hub's answer file here.
sync-export = Export bundle for USB
sync-exporting = Preparing the file…
sync-exported = The file { $file } is saved. Take it to the hub, then import the hub's answer here.
sync-nothing-to-send = Nothing waits to be sent: every change has reached the hub.
sync-import = Import the hub's answer
sync-importing = Importing…
sync-imported = The hub's answer is imported. Documents updated: { $docs }. Confirmed by the hub: { $acknowledged }.
sync-already-imported = This answer was imported before; nothing changed.
sync-queue = Waiting to be sent
sync-queue-rule = Every change must reach the hub within 5 working days. A row turns yellow from the 3rd working day and red after the 5th.
sync-queue-empty = Nothing waits to be sent.
sync-queue-doc = Document
sync-queue-changes = Changes
sync-queue-oldest = Oldest change
sync-queue-age = Working days waiting
sync-queue-delivery = Delivery
sync-delivery-on-time = On time
sync-delivery-warning = Send soon
sync-delivery-overdue = Overdue
sync-fixation-announced = Fixation on { $date }: from that day administrative data (contingent, staff, organisation) is frozen until { $until }. Changes made meanwhile stay queued and ship afterwards.
sync-fixation-frozen = Fixation on { $date }: administrative data (contingent, staff, organisation) is frozen until { $until }. Your changes stay queued and ship afterwards.
sync-conflicts-title = Conflicts
sync-conflicts = { $count ->
        [one] { $count } conflict waits for a decision.
       *[other] { $count } conflicts wait for a decision.
    }
sync-conflicts-none = No conflict waits for a decision.
sync-conflicts-explain = A conflict is the same record changed differently on two computers; both values are kept until someone chooses one.
sync-conflicts-choose = The right value:
sync-conflicts-open = Open the register
sync-conflicts-comment = comment
sync-conflicts-not-yours = None of them is in a journal or register you keep: its teacher, the deputy or the director decides.
sync-lan = School network
sync-lan-serving = This computer serves the school network: the other computers sync with it.
sync-lan-not-serving = This computer does not serve the school network.
sync-lan-none = No other computer of the school has synced with it yet.
sync-lan-device = Computer
sync-lan-last = Last sync
sync-lan-never = never
sync-lan-remove = Remove
sync-lan-remove-ask = Remove this laptop? It will no longer sync with this computer; to sync again it needs a new code.
sync-lan-remove-yes = Yes, remove
sync-lan-remove-no = Cancel
sync-lan-code-issue = Code for a teacher's laptop
sync-lan-code-issuing = Making the code…
sync-lan-code-once = The code works once, for a day, and is shown only now. On the teacher's laptop open Sync and enter this computer's address and the code.
sync-lan-code-address = This computer's address: { $url }
sync-lan-code-no-address = This computer's address is the one "dala serve --lan" printed.
sync-lan-code-fingerprint = Fingerprint of this computer's certificate: { $fingerprint }
sync-confirm-title = The week's submission, confirmed by the director
sync-confirm-explain = The director confirms the school's data for the ministry with their own password: it signs what the hub receives, and the hub records who confirmed it. Only the director (the head in a kindergarten) can confirm.
sync-confirm-password = The director's password
sync-confirm-now = Sync and confirm
sync-confirm-export = Export a confirmed file for USB
sync-confirm-started = The sync has started; the confirmation is sent at its end.
sync-confirm-exported = The confirmed file { $file } is saved. Take it to the hub, then import the hub's answer here.
