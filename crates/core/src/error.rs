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
}

impl CoreError {
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
            _ => Vec::new(),
        }
    }
}
