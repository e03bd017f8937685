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
       *[other] Director's login
    }
setup-admin-login-hint = Latin letters, digits, dot or hyphen, e.g. director or a.seitkali.
setup-password = Password
setup-submit = Create the organisation
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
