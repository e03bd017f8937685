//! dala-core: the domain of a Kazakhstan school or kindergarten — organisations, academic years and
//! terms, classes and age groups, people and enrolments, the journal and its assessment rules,
//! the kindergarten's register — with every rule that decides whether a command may happen. Pure: time, ids and randomness come in as arguments; no SQL, files or network.

pub mod account;
pub mod activities;
pub mod assessment;
pub mod assignment;
pub mod command;
pub mod curriculum;
pub mod demo;
pub mod demo_names;
pub mod enrolment;
pub mod error;
pub mod fet;
pub mod generator;
pub mod group;
pub mod iin;
pub mod import;
pub mod journal;
pub mod journal_plan;
pub mod load;
pub mod org;
pub mod person;
pub mod record;
pub mod reference;
pub mod register;
pub mod room;
pub mod school_plan;
pub mod school_timetable;
pub mod subject;
pub mod timetable;
pub mod totp;
pub mod working_days;
pub mod year;

pub use command::{Change, Command, Lookup};
pub use error::CoreError;
pub use record::{Collection, DocKey, Entity, Fields, Grid, Scope, Value};
