//! What each role sees first, and the offline/sync status that every screen shows.

use axum::Json;
use axum::extract::State;
use dala_core::account::Account;
use dala_core::enrolment::Enrolment;
use dala_core::group::{AgeGroup, Class};
use dala_core::person::{Person, PersonKind};
use dala_core::year::school_date;
use serde::Serialize;
use utoipa::ToSchema;

use crate::ApiState;
use crate::error::{ApiError, ErrorBody};
use crate::permission::Operation;
use crate::session::Caller;
use crate::sync;

#[derive(Serialize, ToSchema)]
pub struct Counts {
    pub students: usize,
    pub children: usize,
    pub staff: usize,
    pub classes: usize,
    pub age_groups: usize,
    pub accounts: usize,
}

#[derive(Serialize, ToSchema)]
pub struct GroupView {
    pub id: String,
    pub name: String,
    pub norm_places: i64,
    pub enrolled: usize,
    pub free_places: i64,
}

#[derive(Serialize, ToSchema)]
pub struct HomeView {
    pub role: String,
    pub counts: Counts,
    /// Kindergarten age groups with their places today.
    pub groups: Vec<GroupView>,
}

#[derive(Serialize, ToSchema)]
pub struct SyncStatus {
    pub online: bool,
    /// When the last sync (of any kind, successful or not) was.
    pub last_sync: Option<String>,
    /// Changes recorded here and not yet delivered upstream.
    pub pending_changes: i64,
}

#[utoipa::path(get, path = "/api/v1/home", operation_id = "home", tag = "home",
    security(("bearer" = [])), responses((status = 200, body = HomeView), (status = 401, body = ErrorBody)))]
pub async fn home(
    State(state): State<ApiState>,
    caller: Caller,
) -> Result<Json<HomeView>, ApiError> {
    caller.may(Operation::Home)?;
    state
        .with(move |org| {
            let today = school_date(org.now());
            let store = org.store()?;
            let people = store.list::<Person>()?;
            let count = |kind| people.iter().filter(|p| p.kind == kind).count();
            let enrolments: Vec<Enrolment> = store
                .list::<Enrolment>()?
                .into_iter()
                .filter(|e| e.covers(today))
                .collect();
            let groups = store
                .list::<AgeGroup>()?
                .into_iter()
                .map(|g| {
                    let enrolled = enrolments.iter().filter(|e| e.group_id == g.id).count();
                    GroupView {
                        id: g.id.to_string(),
                        free_places: g.free_places(enrolled),
                        name: g.name,
                        norm_places: g.norm_places,
                        enrolled,
                    }
                })
                .collect::<Vec<_>>();
            Ok(Json(HomeView {
                role: caller.account.role.code().to_string(),
                counts: Counts {
                    students: count(PersonKind::Student),
                    children: count(PersonKind::Child),
                    staff: count(PersonKind::Staff),
                    classes: store.list::<Class>()?.len(),
                    age_groups: groups.len(),
                    accounts: store.list::<Account>()?.len(),
                },
                groups,
            }))
        })
        .await
}

#[utoipa::path(get, path = "/api/v1/status", operation_id = "syncStatus", tag = "home",
    security(("bearer" = [])), responses((status = 200, body = SyncStatus), (status = 401, body = ErrorBody)))]
pub async fn status(
    State(state): State<ApiState>,
    caller: Caller,
) -> Result<Json<SyncStatus>, ApiError> {
    caller.may(Operation::Status)?;
    state
        .with(|org| {
            let (pending, last) = sync::pending_and_last(org)?;
            Ok(Json(SyncStatus {
                // Nothing probes the link to the hub between syncs.
                online: false,
                last_sync: last,
                pending_changes: pending,
            }))
        })
        .await
}
