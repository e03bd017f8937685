//! Who may do what. Every operation of the API that needs a session names itself here, and the
//! table below is the one place that answers for each role (R5.9, R9). The UI hides what a role
//! cannot do, but only this check counts.

use dala_core::account::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Me,
    Logout,
    ChangePassword,
    SetLanguage,
    Home,
    Status,
    ListAccounts,
    CreateAccount,
    UpdateAccount,
    DeleteAccount,
    AuditLog,
    ListLoginAttempts,
    StartSecondFactor,
    ConfirmSecondFactor,
    ListClasses,
    GetJournal,
    SaveMarks,
    TermGrades,
    YearGrades,
    AddLesson,
    UpdateLesson,
    DeleteLesson,
    ListGroups,
    GroupAttendance,
    SaveGroupAttendance,
    AttendanceSheet,
    Oversight,
    AttendanceReport,
    GradesReport,
    MyJournal,
    LoadReport,
    GetTimetable,
    CheckTimetableMove,
    MoveTimetableLesson,
    PinTimetableLesson,
    GenerateTimetable,
    GenerateStatus,
    StopGenerate,
    ExportTimetable,
    SetDayOff,
    SetDuty,
    SaveAssignment,
    RemoveAssignment,
    GetCurriculum,
    SetPlanHours,
    SetPlanSettings,
    GetActivities,
    SaveActivity,
    DeleteActivity,
    CopyActivities,
    ApplyActivityTemplate,
    GetSync,
    EnrolSync,
    StartSync,
    ExportBundle,
    ExportSignedBundle,
    ImportBundle,
    IssueLanCode,
    RemoveLanDevice,
    ListConflicts,
}

impl Operation {
    pub const ALL: [Operation; 60] = [
        Operation::Me,
        Operation::Logout,
        Operation::ChangePassword,
        Operation::SetLanguage,
        Operation::Home,
        Operation::Status,
        Operation::ListAccounts,
        Operation::CreateAccount,
        Operation::UpdateAccount,
        Operation::DeleteAccount,
        Operation::AuditLog,
        Operation::ListLoginAttempts,
        Operation::StartSecondFactor,
        Operation::ConfirmSecondFactor,
        Operation::ListClasses,
        Operation::GetJournal,
        Operation::SaveMarks,
        Operation::TermGrades,
        Operation::YearGrades,
        Operation::AddLesson,
        Operation::UpdateLesson,
        Operation::DeleteLesson,
        Operation::ListGroups,
        Operation::GroupAttendance,
        Operation::SaveGroupAttendance,
        Operation::AttendanceSheet,
        Operation::Oversight,
        Operation::AttendanceReport,
        Operation::GradesReport,
        Operation::MyJournal,
        Operation::LoadReport,
        Operation::GetTimetable,
        Operation::CheckTimetableMove,
        Operation::MoveTimetableLesson,
        Operation::PinTimetableLesson,
        Operation::GenerateTimetable,
        Operation::GenerateStatus,
        Operation::StopGenerate,
        Operation::ExportTimetable,
        Operation::SetDayOff,
        Operation::SetDuty,
        Operation::SaveAssignment,
        Operation::RemoveAssignment,
        Operation::GetCurriculum,
        Operation::SetPlanHours,
        Operation::SetPlanSettings,
        Operation::GetActivities,
        Operation::SaveActivity,
        Operation::DeleteActivity,
        Operation::CopyActivities,
        Operation::ApplyActivityTemplate,
        Operation::GetSync,
        Operation::EnrolSync,
        Operation::StartSync,
        Operation::ExportBundle,
        Operation::ExportSignedBundle,
        Operation::ImportBundle,
        Operation::IssueLanCode,
        Operation::RemoveLanDevice,
        Operation::ListConflicts,
    ];

    /// The OpenAPI operationId: a contract with every client.
    pub fn id(self) -> &'static str {
        match self {
            Operation::Me => "me",
            Operation::Logout => "logout",
            Operation::ChangePassword => "changePassword",
            Operation::SetLanguage => "setLanguage",
            Operation::Home => "home",
            Operation::Status => "syncStatus",
            Operation::ListAccounts => "listAccounts",
            Operation::CreateAccount => "createAccount",
            Operation::UpdateAccount => "updateAccount",
            Operation::DeleteAccount => "deleteAccount",
            Operation::AuditLog => "auditLog",
            Operation::ListLoginAttempts => "listLoginAttempts",
            Operation::StartSecondFactor => "startSecondFactor",
            Operation::ConfirmSecondFactor => "confirmSecondFactor",
            Operation::ListClasses => "listClasses",
            Operation::GetJournal => "getJournal",
            Operation::SaveMarks => "saveMarks",
            Operation::TermGrades => "termGrades",
            Operation::YearGrades => "yearGrades",
            Operation::AddLesson => "addLesson",
            Operation::UpdateLesson => "updateLesson",
            Operation::DeleteLesson => "deleteLesson",
            Operation::ListGroups => "listGroups",
            Operation::GroupAttendance => "getGroupAttendance",
            Operation::SaveGroupAttendance => "saveGroupAttendance",
            Operation::AttendanceSheet => "attendanceSheet",
            Operation::Oversight => "oversight",
            Operation::AttendanceReport => "attendanceReport",
            Operation::GradesReport => "gradesReport",
            Operation::MyJournal => "myJournal",
            Operation::LoadReport => "loadReport",
            Operation::GetTimetable => "getTimetable",
            Operation::CheckTimetableMove => "checkTimetableMove",
            Operation::MoveTimetableLesson => "moveTimetableLesson",
            Operation::PinTimetableLesson => "pinTimetableLesson",
            Operation::GenerateTimetable => "generateTimetable",
            Operation::GenerateStatus => "generateStatus",
            Operation::StopGenerate => "stopGenerate",
            Operation::ExportTimetable => "exportTimetable",
            Operation::SetDayOff => "setDayOff",
            Operation::SetDuty => "setDuty",
            Operation::SaveAssignment => "saveAssignment",
            Operation::RemoveAssignment => "removeAssignment",
            Operation::GetCurriculum => "getCurriculum",
            Operation::SetPlanHours => "setPlanHours",
            Operation::SetPlanSettings => "setPlanSettings",
            Operation::GetActivities => "getActivities",
            Operation::SaveActivity => "saveActivity",
            Operation::DeleteActivity => "deleteActivity",
            Operation::CopyActivities => "copyActivities",
            Operation::ApplyActivityTemplate => "applyActivityTemplate",
            Operation::GetSync => "getSync",
            Operation::EnrolSync => "enrolSync",
            Operation::StartSync => "startSync",
            Operation::ExportBundle => "exportBundle",
            Operation::ExportSignedBundle => "exportSignedBundle",
            Operation::ImportBundle => "importBundle",
            Operation::RemoveLanDevice => "removeLanDevice",
            Operation::IssueLanCode => "issueLanCode",
            Operation::ListConflicts => "listConflicts",
        }
    }

    /// What an account that must still set up its second factor may already do.
    pub fn before_second_factor(self) -> bool {
        matches!(
            self,
            Operation::Me
                | Operation::Logout
                | Operation::SetLanguage
                | Operation::ChangePassword
                | Operation::Status
                | Operation::StartSecondFactor
                | Operation::ConfirmSecondFactor
        )
    }

    pub fn allowed(self, role: Role) -> bool {
        use Role::*;
        let administers = matches!(role, Director | Head);
        // Who reads every class's journal; who may write in one (a teacher, in their own only).
        let reads_journals = matches!(
            role,
            Teacher | DeputyDirector | Director | Methodist | Tutor
        );
        let keeps_journals = matches!(role, Teacher | DeputyDirector | Director);
        let oversees = matches!(role, Tutor | DeputyDirector | Director | Methodist);
        let kindergarten_staff = matches!(role, Head | Methodist | Educator);
        match self {
            Operation::Me
            | Operation::Logout
            | Operation::ChangePassword
            | Operation::SetLanguage
            | Operation::Home
            | Operation::Status
            | Operation::StartSecondFactor
            | Operation::ConfirmSecondFactor => true,
            Operation::ListAccounts
            | Operation::CreateAccount
            | Operation::UpdateAccount
            | Operation::DeleteAccount
            | Operation::AuditLog
            | Operation::ListLoginAttempts => administers,
            Operation::ListClasses
            | Operation::GetJournal
            | Operation::TermGrades
            | Operation::YearGrades => reads_journals,
            Operation::SaveMarks
            | Operation::AddLesson
            | Operation::UpdateLesson
            | Operation::DeleteLesson => keeps_journals,
            Operation::ListGroups
            | Operation::GroupAttendance
            | Operation::SaveGroupAttendance
            | Operation::AttendanceSheet => kindergarten_staff,
            Operation::Oversight | Operation::AttendanceReport | Operation::GradesReport => {
                oversees
            }
            Operation::MyJournal => matches!(role, Student | Parent),
            // A kindergarten's methodist has the role too, and finds no classes to load.
            Operation::LoadReport => matches!(role, Director | DeputyDirector | Methodist),
            // Every teacher reads the week; the deputy (and the director, the methodist) builds it.
            Operation::GetTimetable | Operation::GenerateStatus | Operation::ExportTimetable => {
                reads_journals
            }
            Operation::CheckTimetableMove
            | Operation::MoveTimetableLesson
            | Operation::PinTimetableLesson
            | Operation::GenerateTimetable
            | Operation::StopGenerate
            | Operation::SetDayOff
            | Operation::SetDuty
            | Operation::SaveAssignment
            | Operation::RemoveAssignment
            | Operation::SetPlanHours
            | Operation::SetPlanSettings => Operation::builds_timetable(role),
            // Teachers read the plan their lessons come from.
            Operation::GetCurriculum => reads_journals,
            Operation::GetActivities => kindergarten_staff,
            Operation::SaveActivity
            | Operation::DeleteActivity
            | Operation::CopyActivities
            | Operation::ApplyActivityTemplate => Operation::plans_activities(role),
            // The staff read what waits for the hub; the organisation's administrator (who
            // answers for the data the ministry receives) enrols, syncs and carries bundles.
            Operation::GetSync => matches!(
                role,
                Teacher | DeputyDirector | Methodist | Director | Head | Educator
            ),
            Operation::EnrolSync
            | Operation::StartSync
            | Operation::ExportBundle
            | Operation::ExportSignedBundle
            | Operation::ImportBundle
            // Who answers for the school's data lets a laptop take all of it, accounts included.
            | Operation::IssueLanCode
            | Operation::RemoveLanDevice => administers,
            // Whoever keeps a journal or a kindergarten register settles its conflicts.
            Operation::ListConflicts => keeps_journals || kindergarten_staff,
        }
    }
}

impl Operation {
    /// Who builds the school timetable.
    pub fn builds_timetable(role: Role) -> bool {
        matches!(
            role,
            Role::Director | Role::DeputyDirector | Role::Methodist
        )
    }

    /// Who plans the kindergarten's organised activities.
    pub fn plans_activities(role: Role) -> bool {
        matches!(role, Role::Head | Role::Methodist)
    }
}
