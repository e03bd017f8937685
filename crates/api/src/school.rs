//! What several features read the same way: the current academic year and its terms, who the
//! caller is in the domain (a teacher held to their assignments, or a supervisor), people's names,
//! and query strings refused with `{code, message}` like every other bad input.

use std::collections::HashMap;

use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use chrono::NaiveDate;
use dala_core::account::Role;
use dala_core::journal::Acting;
use dala_core::year::{AcademicYear, Term};
use dala_store::{Author, Store};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::ApiError;
use crate::session::Caller;

#[derive(Serialize, ToSchema, Clone)]
pub struct TermView {
    pub id: String,
    pub number: i64,
    pub starts: String,
    pub ends: String,
}

impl From<&Term> for TermView {
    fn from(t: &Term) -> TermView {
        TermView {
            id: t.id.to_string(),
            number: t.number,
            starts: t.starts.to_string(),
            ends: t.ends.to_string(),
        }
    }
}

/// A query string the handler can read, or `api.bad_request` naming what is wrong.
pub fn query<T>(query: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    query
        .map(|Query(q)| q)
        .map_err(|e| ApiError::bad_request(e.body_text()))
}

/// The academic year that holds `today`, or the latest one before it.
pub fn current_year(store: &Store, today: NaiveDate) -> Result<Option<AcademicYear>, ApiError> {
    let mut years = store.list::<AcademicYear>()?;
    years.sort_by_key(|y| y.starts);
    Ok(years
        .iter()
        .find(|y| y.contains(today))
        .or_else(|| years.iter().rev().find(|y| y.starts <= today))
        .or(years.first())
        .cloned())
}

pub fn terms_of(store: &Store, year: Uuid) -> Result<Vec<Term>, ApiError> {
    let mut terms = store.find::<Term>("year_id", &year.to_string())?;
    terms.sort_by_key(|t| t.number);
    Ok(terms)
}

/// The term that holds `today`; between terms, the last one that started.
pub fn current_term(terms: &[Term], today: NaiveDate) -> Option<&Term> {
    terms
        .iter()
        .find(|t| t.starts <= today && today <= t.ends)
        .or_else(|| terms.iter().rev().find(|t| t.starts <= today))
        .or(terms.first())
}

/// A teacher or an educator acts on what is assigned to them; the others who may write at all
/// (a deputy, the director, the kindergarten's head and methodist) act on the whole organisation.
pub fn acting(caller: &Caller) -> Acting {
    match caller.account.role {
        Role::Teacher | Role::Educator => {
            Acting::Teacher(caller.account.person_id.unwrap_or_else(Uuid::nil))
        }
        _ => Acting::Supervisor,
    }
}

/// The store, with the caller recorded as the author of what it writes next (the audit log).
pub fn writing_as<'a>(store: &'a mut Store, caller: &Caller) -> &'a mut Store {
    store.act_as(Author {
        account_id: Some(caller.account.id),
        login: caller.account.login.clone(),
    });
    store
}

/// 404 with the store's code for an entity that is not there.
pub fn not_found(entity: &'static str) -> ApiError {
    dala_core::CoreError::NotFound { entity }.into()
}

/// Everyone's name by id, for lists that show many people.
pub fn names(store: &Store) -> Result<HashMap<Uuid, String>, ApiError> {
    Ok(store.names()?)
}

/// The interface language of the caller, for names the API writes itself (subjects).
pub fn lang(caller: &Caller) -> &str {
    caller.account.lang.as_str()
}
