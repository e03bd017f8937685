### Dala: command-line output and prompts (English).
### Both the Rust crate (dala-i18n) and the UI (@fluent/bundle) read this file.

## Prompts

cli-prompt-login = Login:
cli-prompt-password = Password:

## init and demo

cli-init-done = Organisation “{ $name }” created in { $path }.
cli-recovery-key-title = Recovery key — print it and keep it in the safe. It is shown only once:
cli-demo-done = Demo { $kind } created: { $students } pupils, { $staff } staff, { $accounts } accounts.
cli-kind-school = school
cli-kind-kindergarten = kindergarten

## check

cli-check-ok = Check passed: database integrity, { $documents } documents against their projections, { $entries } audit entries.
cli-check-failed = Check failed: { $count ->
        [one] { $count } problem
       *[other] { $count } problems
    }.
cli-check-problem = — { $detail }

## export and import

cli-export-done = Exported to { $path }.
cli-import-done = { $count ->
        [one] { $count } student
       *[other] { $count } students
    } imported.
cli-import-row-refused = Row { $row }: { $reason }

## export: sheet names of the .xlsx workbook (at most 31 characters, no [ ] : * ? / \)

export-sheet-organisation = Organisation
export-sheet-academic-years = Academic years
export-sheet-terms = Terms
export-sheet-classes = Classes
export-sheet-age-groups = Age groups
export-sheet-students = Students
export-sheet-children = Children
export-sheet-staff = Staff
export-sheet-enrolments = Enrolments

cli-serve-listening = Dala is served at { $url } — open it in a browser. Stop with Ctrl+C.
cli-serve-no-ui = The UI is not built in { $path }: only the API is served. Build it with “npm run build” in ui/.
cli-serve-fingerprint = Certificate fingerprint (SHA-256) — check that browsers show the same: { $fingerprint }

## load export: the teaching load

cli-load-done = Teaching load written to { $path }. Teachers: { $teachers }; hours no one teaches a week: { $uncovered }.
cli-load-problems = Assignments not counted as given: { $count } (listed under “problems” in the JSON export).
cli-timetable-generated = Timetable saved: { $lessons } lessons; hard rules broken: { $hard }; soft score { $soft }.
cli-timetable-checked = Hard rules broken: { $hard }; soft: { $soft }.
cli-timetable-exported = Written { $path } ({ $lessons } lessons).
cli-activities-checked = Norms broken: { $count }.

## sync, bundle: exchange with the hub

cli-sync-enrolled = This device is enrolled at the hub. The hub's key fingerprint: { $hub } — compare it with the district's sheet.
cli-sync-enrolled-offline = Code accepted (hub fingerprint: { $hub }). The first bundle completes the enrolment at the hub: "dala bundle export".
cli-sync-enrolled-lan = This laptop is enrolled with the school's main computer (its key fingerprint: { $hub }). "dala sync now" syncs with it.
cli-sync-lan-code = A one-time code for a teacher's laptop is on the next line; it works once, for a day. On the laptop: "dala sync enroll --hub https://THIS-COMPUTER:PORT --code CODE" while this computer runs "dala serve --lan". Its certificate fingerprint: { $fingerprint }.
cli-sync-laptops-none = No laptop is enrolled with this computer.
cli-sync-laptop-never = never synced
cli-sync-laptop-removed = The laptop { $device } is removed: its next sync is refused. A new code enrols it again.
cli-sync-done = Sync done: { $docs } documents, { $rounds } rounds, { $sent } bytes sent, { $received } bytes received; refused by the hub: { $refused }.
cli-bundle-exported = Bundle written: { $path } ({ $bytes } bytes). Take it to the district education department.
cli-bundle-imported = The hub's answer is read: { $docs } documents updated, { $acknowledged } acknowledged by the hub.
