### Dala: error messages (English).
### The id is "error-" + the error code with "." and "_" turned into "-" (auth.invalid_credentials → error-auth-invalid-credentials).
### Both the Rust crate (dala-i18n) and the UI (@fluent/bundle) read this file.

error-unknown = Unexpected error ({ $code }).

## Sign-in

error-auth-invalid-credentials = Wrong login or password.
error-auth-recovery-key-invalid = The recovery key is not valid.
error-auth-password-required = No password given: set DALA_PASSWORD or run the command in a terminal.
error-auth-login-required = No login given: set DALA_LOGIN or run the command in a terminal.

## Store

error-store-not-initialised = There is no Dala data in { $path }. Run “dala init” or “dala demo” first.
error-store-already-initialised = The folder { $path } is not empty. Choose an empty folder.
error-store-key-slots-corrupt = The key file in { $path } is damaged or unreadable.
error-store-corrupt = The database is damaged: { $detail }
error-store-migration-edited = Migration { $name } differs from the one applied to this database. A released migration must never be edited.
error-store-newer-schema = This data was made by a newer version of Dala (schema { $version }). Update Dala.
error-store-io = Cannot read or write { $path }: { $detail }
error-store-database = Database error: { $detail }
error-store-document-corrupt = Document { $doc } cannot be read: { $detail }
error-store-not-found = { $entity ->
        [class] The class
        [academic_year] The academic year
        [account] The account
        [term] The term
        [person] The person
        [lesson] The lesson
        [assignment] The assignment
        [timetable_lesson] The timetable lesson
        [group] The group
        [age_group] The age group
        [organisation] The organisation
        [lan_device] The laptop
        [activity] The activity
       *[other] The record
    } was not found.

## People

error-person-iin-format = The IIN must be exactly 12 digits.
error-person-iin-date = The IIN holds an impossible birth date.
error-person-iin-century = The 7th digit of the IIN (century and sex) must be from 1 to 6.
error-person-iin-checksum = The IIN check digit is wrong; check the number for a typo.
error-person-iin-mismatch = The IIN does not match the birth date or sex.
error-person-iin-taken = Another person already has the IIN { $iin }.
error-person-name-required = Last name and first name are required.
error-person-birth-date-invalid = The birth date { $date } is not possible.

## Organisation

error-org-bin-invalid = The BIN must be 12 digits with a valid check digit.
error-org-name-required = The organisation's name is required.
error-org-unknown-region = Unknown region code { $code }.
error-org-unknown-district = Unknown district code { $code } for this region.

## Academic year, classes, groups

error-year-dates-invalid = The academic year's dates are not valid: the year must start before it ends and the terms must follow each other inside it.
error-class-grade-out-of-range = The grade must be from 0 to 11.
error-class-letter-invalid = The class letter must be one letter.
error-class-duplicate = Class { $name } already exists this year.
error-group-age-invalid = The age band must be from 1 to 7 years.
error-group-norm-invalid = The norm of places must be from 1 to 40.
error-group-name-required = The group's name is required.

## Enrolment

error-enrolment-wrong-person = Only a student can be enrolled in a class, and only a child in a kindergarten group.
error-enrolment-outside-year = The enrolment date is outside the academic year.
error-enrolment-overlap = The pupil is already enrolled on that date.

## Accounts

error-account-login-invalid = A login is 3 to 32 Latin letters, digits, dots, dashes or underscores.
error-account-login-taken = The login { $login } is already taken.
error-account-password-too-short = The password must be at least { $min } characters long.

## Import

error-import-file-format = Cannot read { $path }: expected a .csv or .xlsx file.
error-import-missing-column = The column “{ $column }” is missing.
error-import-rejected = Nothing was imported: { $count ->
        [one] { $count } row has errors
       *[other] { $count } rows have errors
    }.

## Command line

error-cli-usage = { $detail }

## Import: why a row was refused

error-import-value-missing = The “{ $column }” cell is empty.
error-import-date-invalid = “{ $value }” is not a date: write it as 2014-03-08 or 08.03.2014.
error-import-sex-invalid = “{ $value }” is not a sex: write m or f.
error-import-class-unknown = There is no class “{ $name }” in the current academic year.

## The API
error-account-last-administrator = The organisation's last director or head cannot be removed or given another role.
error-auth-unauthenticated = Please log in.
error-auth-forbidden = Your role does not allow this.
error-auth-locked = Too many failed attempts. Try again in { $seconds } seconds.
error-auth-totp-required = Enter the 6-digit code from your authenticator app.
error-auth-totp-invalid = The code is wrong or has expired.
error-auth-setup-done = This organisation is already set up.
error-api-bad-request = The request is not valid: { $detail }
error-api-not-found = There is no such page or record.
error-auth-second-factor-setup-required = Set up your second factor first: director, head and deputy log in with a code from an authenticator app.

## Journal and register
error-journal-subject-unknown = There is no subject “{ $code }”.
error-assignment-teacher-invalid = Only a member of staff can be assigned to teach.
error-assignment-duplicate = This teacher is already assigned to this class and subject.
error-guardian-invalid = A guardian must be a parent, and the child a pupil.
error-journal-lesson-outside-term = The lesson's date is outside the term.
error-journal-period-invalid = The lesson's period must be from 1 to { $max }.
error-journal-period-taken = The class already has a lesson in that period.
error-journal-max-score-invalid = SA for a section and for the term need a max score from 1 to 100; an ordinary lesson has none.
error-journal-too-many-soch = A class writes at most { $max } term summative assessments a day.
error-journal-soch-last-day = No term summative assessment on the last day of the term.
error-journal-too-many-sor = At most { $max } section summative assessments per subject in a term.
error-journal-text-too-long = The text is longer than { $max } characters.
error-journal-not-your-class = This class and subject are not assigned to you.
error-journal-lesson-has-marks = The lesson has marks: clear them first.
error-journal-lesson-in-future = This lesson has not happened yet.
error-journal-not-enrolled = The pupil was not in this class on that day.
error-journal-no-marks-for-grade = Pupils of this grade get no marks.
error-journal-absent-with-score = A pupil who missed the lesson gets no score.
error-journal-score-out-of-range = The score must be from { $min } to { $max }.
error-register-day-outside-month = That day is not in the register's month.
error-register-day-in-future = That day has not come yet.
error-schedule-weekday-invalid = The day of the week must be from 1 to { $max }.
error-schedule-activity-time-invalid = Give the start as HH:MM within the day and a length of { $min } to { $max } minutes.
error-schedule-activity-unknown = There is no organised activity «{ $code }».
error-schedule-activity-overlap = The group already has an activity at that time.
error-schedule-room-name-required = Give the room a name.
error-schedule-room-unknown = There is no such room this year.
error-report-write = The report file could not be written.
error-report-too-large = The report does not fit a spreadsheet.
error-report-font = The report's font could not be read.
error-timetable-teacher-busy = { $who } already teaches at that time: { $when }.
error-timetable-students-busy = { $who } already has a lesson at that time: { $when }.
error-timetable-room-busy = { $who } is taken at that time: { $when }.
error-timetable-not-available = { $who } is not available then: { $when }.
error-timetable-break = { $when } is a break.
error-timetable-outside-day = The lesson does not fit in the day.
error-timetable-unplaced = A lesson is not placed.
error-timetable-max-hours-daily = { $who } would have { $amount } lessons on { $day }: at most { $max } are allowed.
error-timetable-max-gaps = { $who } would have { $amount } free periods between lessons: at most { $max }.
error-timetable-gaps = { $who } has { $amount } free periods between lessons on { $day }.
error-timetable-min-days = Lessons of { $subject } fall on one day without being a pair.
error-timetable-hard-last = { $subject } is the last lesson of { $who } on { $when }: a hard subject should come earlier in the day.
error-timetable-pinned-moved = A pinned lesson is away from where it was pinned.
error-timetable-preferred-time = The lesson is not at the time asked for.
error-timetable-preferred-room = The lesson is not in a room it needs ({ $subject }).
error-timetable-room-capacity = { $who } seats { $max }; the lesson has { $amount } pupils.
error-timetable-running = The timetable is being generated; wait for it or stop it first.
error-timetable-fet-malformed = The FET file cannot be read (line { $line }, { $element }): { $detail }.
error-timetable-fet-bad-value = Line { $line }, { $element }: «{ $value }» is not { $expected }.
error-timetable-fet-unknown-teacher = Line { $line }, { $element }: there is no teacher «{ $name }».
error-timetable-fet-unknown-subject = Line { $line }, { $element }: there is no subject «{ $name }».
error-timetable-fet-unknown-students-set = Line { $line }, { $element }: there is no students set «{ $name }».
error-timetable-fet-unknown-room = Line { $line }, { $element }: there is no room «{ $name }».
error-timetable-fet-unknown-time = Line { $line }, { $element }: there is no day or hour «{ $name }».
error-timetable-fet-unknown-activity = Line { $line }, { $element }: there is no activity { $name }.
error-timetable-fet-duplicate = Line { $line }, { $element }: «{ $name }» is defined twice.
error-load-duty-unknown = There is no extra duty «{ $code }», or it needs a class.

## Monitoring

error-sync-freeze-too-long = Updating administrative data can be suspended for at most { $max } working days.

## Sync with the hub

error-sync-malformed = The sync data or file cannot be read: it is damaged or not a Dala file. { $detail }
error-sync-signature = The signature does not match: the data was altered or signed by another key.
error-sync-code-invalid = The enrolment code is not valid, was already used or has expired (a laptop's code works for a day). Check it against the enrolment sheet, or ask for a new one.
error-sync-not-enrolled = This computer is not enrolled with a hub yet.
error-sync-unknown-device = The hub does not know this computer: enrol it again with a new code.
error-sync-wrong-org = The data belongs to another organisation.
error-sync-wrong-hub = The file or the answer comes from another hub than the one this computer is enrolled with.
error-sync-out-of-scope = The hub refused a document that is not this organisation's to send. { $doc }
error-sync-frozen = Administrative data are frozen for the fixation until { $until }; the changes stay queued and go afterwards.
error-sync-offline = The hub cannot be reached: check the internet connection and the hub's address. { $detail }
error-sync-refused = The hub refused the request. { $detail }
error-sync-too-many-rounds = The sync did not settle: the hub kept sending changes. Try again later.
error-sync-nothing-to-send = Nothing waits to be sent: every change has reached the hub.
error-sync-running = A sync with the hub is running; try again in a moment.
error-sync-no-link = This computer was enrolled from the paper code, without the hub's address: send its changes as a file on a USB stick.
error-sync-main-locked = The school's main computer is locked: someone must log in on it before laptops can sync with it.
error-sync-not-director = Only the director (the head of a kindergarten) confirms the school's data, with their own password.
error-sync-director-unknown = The confirmation is signed by a key the hub does not know as this organisation's director's. If the director has changed, ask the district education department to register the new one.
error-sync-snapshot-code = The snapshot file was made for another enrolment code. Use the code the district gave together with this file.
error-sync-lan-laptop = This laptop syncs with the school's main computer. Bundle files and the director's confirmation go to the hub from the main computer.
error-curriculum-grade-unknown = Grade { $grade } has no plan to change.
error-curriculum-hours-invalid = Hours are whole or half lessons a week, up to { $max }.
error-assignment-subgroup-invalid = A class splits into subgroup 1 or 2.

## The hub's reports for districts, regions and the republic
error-hub-unauthenticated = The reports need the token of a district's, a region's or the republic's account (Authorization: Bearer …); a removed account's token no longer works.
error-hub-unknown-report = There is no report “{ $report }”: organisations, contingent or attendance.
error-hub-unknown-format = There is no format “{ $format }”: json or xlsx.
