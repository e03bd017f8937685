//! The one error type of the domain. Each variant has a stable code (`person.iin_checksum`) that
//! the API, the CLI and the UI map to a message in the user's language; the arguments fill it in.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CoreError {
    #[error("the IIN must be exactly 12 digits")]
    IinFormat,
    #[error("the IIN holds an impossible birth date")]
    IinDate,
    #[error("the IIN's century-and-sex digit must be 1 to 6")]
    IinCentury,
    #[error("the IIN check digit is wrong")]
    IinChecksum,
    #[error("the IIN does not match the birth date or sex")]
    IinMismatch,
    #[error("another person already has the IIN {iin}")]
    IinTaken { iin: String },
    #[error("last name and first name are required")]
    NameRequired,
    #[error("the birth date {date} is not possible")]
    BirthDateInvalid { date: String },
    #[error("the BIN must be 12 digits with a valid check digit")]
    BinInvalid,
    #[error("the organisation's name is required")]
    OrgNameRequired,
    #[error("unknown region code {code}")]
    UnknownRegion { code: String },
    #[error("unknown district code {code} for this region")]
    UnknownDistrict { code: String },
    #[error("the academic year's dates are not valid")]
    YearDatesInvalid,
    #[error("the grade must be from 0 to 11")]
    GradeOutOfRange,
    #[error("the class letter must be one letter")]
    ClassLetterInvalid,
    #[error("class {name} already exists this year")]
    ClassDuplicate { name: String },
    #[error("the age band must be from 1 to 7 years")]
    GroupAgeInvalid,
    #[error("the norm of places must be from 1 to 40")]
    GroupNormInvalid,
    #[error("the group's name is required")]
    GroupNameRequired,
    #[error("only a student joins a class and only a child joins a kindergarten group")]
    EnrolmentWrongPerson,
    #[error("the enrolment date is outside the academic year")]
    EnrolmentOutsideYear,
    #[error("the pupil is already enrolled on that date")]
    EnrolmentOverlap,
    #[error("a login is 3 to 32 Latin letters, digits, dots, dashes or underscores")]
    LoginInvalid,
    #[error("the login {login} is already taken")]
    LoginTaken { login: String },
    #[error("the password must be at least {min} characters long")]
    PasswordTooShort { min: usize },
    #[error("the organisation's last director or head cannot be removed or demoted")]
    LastAdministrator,
    #[error("{entity} not found")]
    NotFound { entity: &'static str },
    #[error("field {field} of {collection} holds an unreadable value")]
    FieldInvalid {
        collection: &'static str,
        field: String,
    },
    #[error("the {column} cell is empty")]
    ImportValueMissing { column: &'static str },
    #[error("{value} is not a date: write YYYY-MM-DD or DD.MM.YYYY")]
    ImportDateInvalid { value: String },
    #[error("{value} is not a sex: write m or f")]
    ImportSexInvalid { value: String },
    #[error("there is no class {name} in the current academic year")]
    ImportClassUnknown { name: String },
    #[error("unknown subject {code}")]
    SubjectUnknown { code: String },
    #[error("only a member of staff can be assigned to teach")]
    AssignmentTeacherInvalid,
    #[error("this teacher is already assigned to this class and subject")]
    AssignmentDuplicate,
    #[error("a guardian must be a parent and the child a pupil")]
    GuardianInvalid,
    #[error("the lesson's date is outside its term")]
    LessonOutsideTerm,
    #[error("the lesson's period must be from 1 to {max}")]
    PeriodInvalid { max: i64 },
    #[error("the class already has a lesson in that period")]
    PeriodTaken,
    #[error("СОр and СОч need a max score from 1 to 100; ordinary lessons have none")]
    MaxScoreInvalid,
    #[error("a class writes at most {max} СОч a day")]
    TooManySoch { max: usize },
    #[error("no СОч on the last day of the quarter")]
    SochLastDay,
    #[error("at most {max} СОр per subject in a quarter")]
    TooManySor { max: usize },
    #[error("the text is longer than {max} characters")]
    TextTooLong { max: usize },
    #[error("this class and subject are not assigned to you")]
    NotYourClass,
    #[error("the lesson has marks; clear them first")]
    LessonHasMarks,
    #[error("the lesson has not happened yet")]
    LessonInFuture,
    #[error("the pupil is not enrolled in the class on that day")]
    NotEnrolled,
    #[error("pupils of this grade get no marks")]
    NoMarksForGrade,
    #[error("a pupil who missed the lesson gets no score")]
    AbsentWithScore,
    #[error("the score must be from {min} to {max}")]
    ScoreOutOfRange { min: i64, max: i64 },
    #[error("the day is not in the register's month")]
    DayOutsideMonth,
    #[error("the day has not come yet")]
    DayInFuture,
    #[error("the day of the week must be from 1 to {max}")]
    WeekdayInvalid { max: u32 },
    #[error("the time must be HH:MM within the day, lasting {min} to {max} minutes")]
    ActivityTimeInvalid { min: u32, max: u32 },
    #[error("there is no organised activity {code}")]
    ActivityUnknown { code: String },
    #[error("the group already has an activity at that time")]
    ActivityOverlap,
    #[error("the room's name is required")]
    RoomNameRequired,
    #[error("the room is unknown in this year")]
    RoomUnknown,
    #[error("there is no extra duty {code}, or it needs a class it was not given")]
    DutyUnknown { code: String },
    #[error("grade {grade} has no plan to change")]
    PlanGradeUnknown { grade: i64 },
    #[error("hours must be whole or half lessons, up to {max} a week")]
    HoursInvalid { max: String },
    #[error("a class splits into subgroup 1 or 2")]
    SubgroupInvalid,
    #[error("updating administrative data can be suspended for at most {max} working days")]
    FreezeTooLong { max: u32 },
    /// One item of a batch (a register's cells) was refused: which one, and why.
    #[error("item {index}: {error}")]
    AtItem { index: usize, error: Box<CoreError> },
}

impl CoreError {
    /// The refused item's index in its batch, when the error is about one.
    pub fn index(&self) -> Option<usize> {
        match self {
            CoreError::AtItem { index, .. } => Some(*index),
            _ => None,
        }
    }

    /// The error itself, out of its batch wrapper.
    pub fn innermost(&self) -> &CoreError {
        match self {
            CoreError::AtItem { error, .. } => error.innermost(),
            other => other,
        }
    }

    pub fn at(index: usize) -> impl FnOnce(CoreError) -> CoreError {
        move |error| CoreError::AtItem {
            index,
            error: Box::new(error),
        }
    }

    /// The stable code; never change one that has shipped.
    pub fn code(&self) -> &'static str {
        use CoreError::*;
        match self {
            IinFormat => "person.iin_format",
            IinDate => "person.iin_date",
            IinCentury => "person.iin_century",
            IinChecksum => "person.iin_checksum",
            IinMismatch => "person.iin_mismatch",
            IinTaken { .. } => "person.iin_taken",
            NameRequired => "person.name_required",
            BirthDateInvalid { .. } => "person.birth_date_invalid",
            BinInvalid => "org.bin_invalid",
            OrgNameRequired => "org.name_required",
            UnknownRegion { .. } => "org.unknown_region",
            UnknownDistrict { .. } => "org.unknown_district",
            YearDatesInvalid => "year.dates_invalid",
            GradeOutOfRange => "class.grade_out_of_range",
            ClassLetterInvalid => "class.letter_invalid",
            ClassDuplicate { .. } => "class.duplicate",
            GroupAgeInvalid => "group.age_invalid",
            GroupNormInvalid => "group.norm_invalid",
            GroupNameRequired => "group.name_required",
            EnrolmentWrongPerson => "enrolment.wrong_person",
            EnrolmentOutsideYear => "enrolment.outside_year",
            EnrolmentOverlap => "enrolment.overlap",
            LoginInvalid => "account.login_invalid",
            LoginTaken { .. } => "account.login_taken",
            PasswordTooShort { .. } => "account.password_too_short",
            LastAdministrator => "account.last_administrator",
            NotFound { .. } => "store.not_found",
            FieldInvalid { .. } => "store.document_corrupt",
            ImportValueMissing { .. } => "import.value_missing",
            ImportDateInvalid { .. } => "import.date_invalid",
            ImportSexInvalid { .. } => "import.sex_invalid",
            ImportClassUnknown { .. } => "import.class_unknown",
            SubjectUnknown { .. } => "journal.subject_unknown",
            AssignmentTeacherInvalid => "assignment.teacher_invalid",
            AssignmentDuplicate => "assignment.duplicate",
            GuardianInvalid => "guardian.invalid",
            LessonOutsideTerm => "journal.lesson_outside_term",
            PeriodInvalid { .. } => "journal.period_invalid",
            PeriodTaken => "journal.period_taken",
            MaxScoreInvalid => "journal.max_score_invalid",
            TooManySoch { .. } => "journal.too_many_soch",
            SochLastDay => "journal.soch_last_day",
            TooManySor { .. } => "journal.too_many_sor",
            TextTooLong { .. } => "journal.text_too_long",
            NotYourClass => "journal.not_your_class",
            LessonHasMarks => "journal.lesson_has_marks",
            LessonInFuture => "journal.lesson_in_future",
            NotEnrolled => "journal.not_enrolled",
            NoMarksForGrade => "journal.no_marks_for_grade",
            AbsentWithScore => "journal.absent_with_score",
            ScoreOutOfRange { .. } => "journal.score_out_of_range",
            DayOutsideMonth => "register.day_outside_month",
            DayInFuture => "register.day_in_future",
            WeekdayInvalid { .. } => "schedule.weekday_invalid",
            ActivityTimeInvalid { .. } => "schedule.activity_time_invalid",
            ActivityUnknown { .. } => "schedule.activity_unknown",
            ActivityOverlap => "schedule.activity_overlap",
            RoomNameRequired => "schedule.room_name_required",
            RoomUnknown => "schedule.room_unknown",
            DutyUnknown { .. } => "load.duty_unknown",
            FreezeTooLong { .. } => "sync.freeze_too_long",
            PlanGradeUnknown { .. } => "curriculum.grade_unknown",
            HoursInvalid { .. } => "curriculum.hours_invalid",
            SubgroupInvalid => "assignment.subgroup_invalid",
            AtItem { error, .. } => error.code(),
        }
    }

    /// The values a message needs, by the names the Fluent messages use.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        use CoreError::*;
        match self {
            IinTaken { iin } => vec![("iin", iin.clone())],
            BirthDateInvalid { date } => vec![("date", date.clone())],
            UnknownRegion { code } | UnknownDistrict { code } => vec![("code", code.clone())],
            ClassDuplicate { name } | ImportClassUnknown { name } => vec![("name", name.clone())],
            LoginTaken { login } => vec![("login", login.clone())],
            PasswordTooShort { min } => vec![("min", min.to_string())],
            NotFound { entity } => vec![("entity", entity.to_string())],
            FieldInvalid { collection, field } => {
                vec![("doc", collection.to_string()), ("detail", field.clone())]
            }
            ImportValueMissing { column } => vec![("column", column.to_string())],
            ImportDateInvalid { value } | ImportSexInvalid { value } => {
                vec![("value", value.clone())]
            }
            SubjectUnknown { code } | ActivityUnknown { code } | DutyUnknown { code } => {
                vec![("code", code.clone())]
            }
            WeekdayInvalid { max } | FreezeTooLong { max } => vec![("max", max.to_string())],
            ActivityTimeInvalid { min, max } => {
                vec![("min", min.to_string()), ("max", max.to_string())]
            }
            PeriodInvalid { max } => vec![("max", max.to_string())],
            PlanGradeUnknown { grade } => vec![("grade", grade.to_string())],
            HoursInvalid { max } => vec![("max", max.clone())],
            TooManySoch { max } | TooManySor { max } | TextTooLong { max } => {
                vec![("max", max.to_string())]
            }
            ScoreOutOfRange { min, max } => {
                vec![("min", min.to_string()), ("max", max.to_string())]
            }
            AtItem { error, .. } => error.args(),
            _ => Vec::new(),
        }
    }
}
