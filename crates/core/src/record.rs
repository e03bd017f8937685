//! How entities live in documents and projections. An entity is a flat record of scalar fields
//! under readable keys; the same fields are the columns of its projection table. Which document
//! holds an entity, and whether that document leaves the school, is decided here, once.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;
use uuid::Uuid;

use crate::error::CoreError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Null,
    Int(i64),
    Text(String),
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::Text(text.to_string())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::Text(text)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Int(n)
    }
}

impl From<Uuid> for Value {
    fn from(id: Uuid) -> Value {
        Value::Text(id.to_string())
    }
}

impl From<NaiveDate> for Value {
    fn from(date: NaiveDate) -> Value {
        Value::Text(date.to_string())
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Null, Into::into)
    }
}

pub type Fields = BTreeMap<String, Value>;

/// A decimal as the text documents keep it (`2`, `1.5`): exact in both directions, and readable
/// in a projection, which a float's bits are not.
pub fn decimal(x: f64) -> Value {
    Value::Text(x.to_string())
}

/// Reads typed fields back out of a record, naming the field when it does not fit.
pub struct Reader<'a> {
    pub collection: &'static str,
    pub fields: &'a Fields,
}

impl Reader<'_> {
    pub fn invalid(&self, field: &str) -> CoreError {
        CoreError::FieldInvalid {
            collection: self.collection,
            field: field.to_string(),
        }
    }

    pub fn text(&self, field: &str) -> Result<String, CoreError> {
        match self.fields.get(field) {
            Some(Value::Text(t)) => Ok(t.clone()),
            _ => Err(self.invalid(field)),
        }
    }

    pub fn opt_text(&self, field: &str) -> Result<Option<String>, CoreError> {
        match self.fields.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Text(t)) => Ok(Some(t.clone())),
            Some(Value::Int(_)) => Err(self.invalid(field)),
        }
    }

    pub fn int(&self, field: &str) -> Result<i64, CoreError> {
        match self.fields.get(field) {
            Some(Value::Int(n)) => Ok(*n),
            _ => Err(self.invalid(field)),
        }
    }

    pub fn opt_int(&self, field: &str) -> Result<Option<i64>, CoreError> {
        match self.fields.get(field) {
            Some(Value::Int(n)) => Ok(Some(*n)),
            None | Some(Value::Null) => Ok(None),
            Some(Value::Text(_)) => Err(self.invalid(field)),
        }
    }

    /// A whole number that must fit `T` (a day, a period, a count).
    pub fn small<T: TryFrom<i64>>(&self, field: &str) -> Result<T, CoreError> {
        T::try_from(self.int(field)?).map_err(|_| self.invalid(field))
    }

    pub fn parse<T: std::str::FromStr>(&self, field: &str) -> Result<T, CoreError> {
        self.text(field)?.parse().map_err(|_| self.invalid(field))
    }

    pub fn opt_parse<T: std::str::FromStr>(&self, field: &str) -> Result<Option<T>, CoreError> {
        self.opt_text(field)?
            .map(|t| t.parse().map_err(|_| self.invalid(field)))
            .transpose()
    }

    /// A decimal kept as text (`1.5`): hours of a plan or an assignment.
    pub fn opt_decimal(&self, field: &str) -> Result<Option<f64>, CoreError> {
        self.opt_parse::<f64>(field)?
            .map(|x| {
                if x.is_finite() {
                    Ok(x)
                } else {
                    Err(self.invalid(field))
                }
            })
            .transpose()
    }

    pub fn code<T>(&self, field: &str, from: impl Fn(&str) -> Option<T>) -> Result<T, CoreError> {
        from(&self.text(field)?).ok_or_else(|| self.invalid(field))
    }
}

/// The kinds of entity; each is a collection in its document and a table of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Collection {
    Organisations,
    AcademicYears,
    Terms,
    Classes,
    AgeGroups,
    People,
    Enrolments,
    Accounts,
    Assignments,
    Guardianships,
    Lessons,
    Rooms,
    TimetableLessons,
    Activities,
    DaysOff,
    Duties,
    PlanHours,
    PlanSettings,
}

impl Collection {
    pub const ALL: [Collection; 18] = [
        Collection::Organisations,
        Collection::AcademicYears,
        Collection::Terms,
        Collection::Classes,
        Collection::AgeGroups,
        Collection::People,
        Collection::Enrolments,
        Collection::Accounts,
        Collection::Assignments,
        Collection::Guardianships,
        Collection::Lessons,
        Collection::Rooms,
        Collection::TimetableLessons,
        Collection::Activities,
        Collection::DaysOff,
        Collection::Duties,
        Collection::PlanHours,
        Collection::PlanSettings,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Collection::Organisations => "organisations",
            Collection::AcademicYears => "academic_years",
            Collection::Terms => "terms",
            Collection::Classes => "classes",
            Collection::AgeGroups => "age_groups",
            Collection::People => "people",
            Collection::Enrolments => "enrolments",
            Collection::Accounts => "accounts",
            Collection::Assignments => "assignments",
            Collection::Guardianships => "guardianships",
            Collection::Lessons => "lessons",
            Collection::Rooms => "rooms",
            Collection::TimetableLessons => "timetable_lessons",
            Collection::Activities => "activities",
            Collection::DaysOff => "days_off",
            Collection::Duties => "duties",
            Collection::PlanHours => "plan_hours",
            Collection::PlanSettings => "plan_settings",
        }
    }

    pub fn from_name(name: &str) -> Option<Collection> {
        Collection::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Fields the audit log never copies: it says that they changed, not what they hold.
    pub fn secret_fields(self) -> &'static [&'static str] {
        match self {
            Collection::Accounts => &["totp_secret"],
            _ => &[],
        }
    }

    /// Personal data: its audit entries keep the record before and after the change (R5.13).
    pub fn is_personal(self) -> bool {
        matches!(
            self,
            Collection::People
                | Collection::Accounts
                | Collection::Enrolments
                | Collection::Guardianships
        )
    }
}

/// A document: the unit that is saved, merged and synced. Partitioned so each stays small.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocKey {
    /// The organisation's settings and calendar: the organisation, its academic years and terms.
    Org,
    /// Everyone the organisation knows: students, kindergarten children, staff.
    People,
    /// One academic year's classes, age groups and enrolments.
    Roster(Uuid),
    /// Login accounts and roles; never leaves the school.
    Accounts,
    /// One class's journal for one term: its lessons, marks and comments.
    Journal { class: Uuid, term: Uuid },
    /// One kindergarten group's attendance register for one month (`YYYYMM`).
    Register { group: Uuid, month: u32 },
    /// One academic year's week: the rooms, the school timetable and the kindergarten's plan of
    /// organised activities.
    Timetable(Uuid),
}

/// Cells: values kept under `grid → row → column` in a document instead of as entities, because a
/// register holds thousands of them and an object per mark makes documents several times larger.
/// A cell is one scalar, so two devices writing the same cell are kept as a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grid {
    /// Journal: lesson → student → mark (`Mark::encode`).
    Marks,
    /// Journal: lesson → student → the teacher's comment.
    Notes,
    /// Register: day → child → reason of absence (`Presence::code`).
    Presence,
    /// Register: day → `taken` → `1` once the day's register was taken.
    Days,
}

impl Grid {
    pub const ALL: [Grid; 4] = [Grid::Marks, Grid::Notes, Grid::Presence, Grid::Days];

    pub fn name(self) -> &'static str {
        match self {
            Grid::Marks => "marks",
            Grid::Notes => "notes",
            Grid::Presence => "presence",
            Grid::Days => "days",
        }
    }

    pub fn from_name(name: &str) -> Option<Grid> {
        Grid::ALL.into_iter().find(|g| g.name() == name)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Stays on the school's own devices.
    School,
    /// Goes to the hub.
    Upstream,
}

impl Scope {
    pub fn code(self) -> &'static str {
        match self {
            Scope::School => "school",
            Scope::Upstream => "upstream",
        }
    }
}

impl DocKey {
    pub fn scope(self) -> Scope {
        match self {
            DocKey::Accounts => Scope::School,
            DocKey::Org
            | DocKey::People
            | DocKey::Roster(_)
            | DocKey::Timetable(_)
            | DocKey::Journal { .. }
            | DocKey::Register { .. } => Scope::Upstream,
        }
    }

    pub fn name(self) -> String {
        match self {
            DocKey::Org => "org".into(),
            DocKey::People => "people".into(),
            DocKey::Roster(year) => format!("roster/{year}"),
            DocKey::Accounts => "accounts".into(),
            DocKey::Timetable(year) => format!("timetable/{year}"),
            DocKey::Journal { class, term } => format!("journal/{class}/{term}"),
            DocKey::Register { group, month } => {
                format!("register/{group}/{:04}-{:02}", month / 100, month % 100)
            }
        }
    }

    pub fn parse(name: &str) -> Option<DocKey> {
        match name {
            "org" => Some(DocKey::Org),
            "people" => Some(DocKey::People),
            "accounts" => Some(DocKey::Accounts),
            _ => {
                let (kind, rest) = name.split_once('/')?;
                match kind {
                    "roster" => rest.parse().ok().map(DocKey::Roster),
                    "timetable" => rest.parse().ok().map(DocKey::Timetable),
                    "journal" => {
                        let (class, term) = rest.split_once('/')?;
                        Some(DocKey::Journal {
                            class: class.parse().ok()?,
                            term: term.parse().ok()?,
                        })
                    }
                    "register" => {
                        let (group, month) = rest.split_once('/')?;
                        let (y, m) = month.split_once('-')?;
                        let (y, m): (u32, u32) = (y.parse().ok()?, m.parse().ok()?);
                        ((1..=12).contains(&m) && y < 10_000).then_some(DocKey::Register {
                            group: group.parse().ok()?,
                            month: y * 100 + m,
                        })
                    }
                    _ => None,
                }
            }
        }
    }

    /// The grids of cells this document holds.
    pub fn grids(self) -> &'static [Grid] {
        match self {
            DocKey::Journal { .. } => &[Grid::Marks, Grid::Notes],
            DocKey::Register { .. } => &[Grid::Presence, Grid::Days],
            _ => &[],
        }
    }

    /// The collections this document holds.
    pub fn collections(self) -> &'static [Collection] {
        match self {
            DocKey::Org => &[
                Collection::Organisations,
                Collection::AcademicYears,
                Collection::Terms,
            ],
            DocKey::People => &[Collection::People, Collection::Guardianships],
            DocKey::Roster(_) => &[
                Collection::Classes,
                Collection::AgeGroups,
                Collection::Enrolments,
                Collection::Assignments,
                Collection::Duties,
                Collection::PlanHours,
                Collection::PlanSettings,
            ],
            DocKey::Accounts => &[Collection::Accounts],
            DocKey::Journal { .. } => &[Collection::Lessons],
            DocKey::Timetable(_) => &[
                Collection::Rooms,
                Collection::TimetableLessons,
                Collection::Activities,
                Collection::DaysOff,
            ],
            DocKey::Register { .. } => &[],
        }
    }
}

/// A domain type that is stored as a record.
pub trait Entity: Sized {
    const COLLECTION: Collection;
    fn id(&self) -> Uuid;
    fn doc(&self) -> DocKey;
    fn fields(&self) -> Vec<(&'static str, Value)>;
    fn from_fields(id: Uuid, fields: &Fields) -> Result<Self, CoreError>;

    fn reader(fields: &Fields) -> Reader<'_> {
        Reader {
            collection: Self::COLLECTION.name(),
            fields,
        }
    }
}
