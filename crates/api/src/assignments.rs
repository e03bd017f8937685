//! Who teaches what, as the deputy sets it in the load table: a teacher assigned to a class, or
//! to one subgroup of it, for a subject, at the curriculum's hours or at the assignment's own;
//! changed or taken back. Each answer is the load recalculated, so the table shows at once what
//! the change covered and whom it loaded.

use axum::Json;
use axum::extract::{Path, State};
use dala_core::Command;
use dala_core::assignment::Assignment;
use dala_core::group::Class;
use dala_core::year::school_date;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::ApiState;
use crate::error::{ApiError, ErrorBody};
use crate::load::{LoadView, current_year, load_view};
use crate::oversight::lang_of;
use crate::permission::Operation;
use crate::school;
use crate::session::Caller;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignmentRequest {
    /// The assignment to change; none makes a new one.
    pub id: Option<Uuid>,
    pub teacher_id: Uuid,
    /// A class of the current year.
    pub class_id: Uuid,
    /// A subject code of the catalogue.
    pub subject: String,
    /// The subgroup (1, 2) of a class split for the subject; none for the whole class.
    pub subgroup: Option<u32>,
    /// Weekly hours, whole or half, when they differ from the curriculum's.
    pub hours: Option<f64>,
}

#[utoipa::path(post, path = "/api/v1/load/assignments", operation_id = "saveAssignment", tag = "load",
    request_body = AssignmentRequest, security(("bearer" = [])),
    responses((status = 200, body = LoadView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn save_assignment(
    State(state): State<ApiState>,
    caller: Caller,
    Json(request): Json<AssignmentRequest>,
) -> Result<Json<LoadView>, ApiError> {
    caller.may(Operation::SaveAssignment)?;
    let lang = lang_of(&caller);
    state
        .with(move |org| {
            let now = org.now();
            let today = school_date(now);
            let store = org.store()?;
            let year = current_year(store, today)?.ok_or(school::not_found("academic_year"))?;
            // Only a class of this year: an age group's educator is assigned elsewhere.
            store
                .get::<Class>(request.class_id)?
                .filter(|c| c.year_id == year.id)
                .ok_or(school::not_found("class"))?;
            let id = match request.id {
                Some(id) => {
                    store
                        .get::<Assignment>(id)?
                        .filter(|a| a.year_id == year.id && a.subject.is_some())
                        .ok_or(school::not_found("assignment"))?;
                    id
                }
                None => Uuid::now_v7(),
            };
            let assignment = Assignment {
                id,
                year_id: year.id,
                group_id: request.class_id,
                subject: Some(request.subject),
                teacher_id: request.teacher_id,
                subgroup: request.subgroup,
                hours: request.hours,
            };
            school::writing_as(store, &caller).execute(&Command::Assign(assignment), now)?;
            Ok(Json(LoadView {
                can_edit: true,
                ..load_view(store, today, lang)?
            }))
        })
        .await
}

#[utoipa::path(delete, path = "/api/v1/load/assignments/{id}", operation_id = "removeAssignment", tag = "load",
    params(("id" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = LoadView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn remove_assignment(
    State(state): State<ApiState>,
    caller: Caller,
    Path(id): Path<Uuid>,
) -> Result<Json<LoadView>, ApiError> {
    caller.may(Operation::RemoveAssignment)?;
    let lang = lang_of(&caller);
    state
        .with(move |org| {
            let now = org.now();
            let today = school_date(now);
            let store = org.store()?;
            // A class's subject teacher: an educator's assignment to an age group stays.
            store
                .get::<Assignment>(id)?
                .filter(|a| a.subject.is_some())
                .ok_or(school::not_found("assignment"))?;
            school::writing_as(store, &caller).execute(&Command::RemoveAssignment(id), now)?;
            Ok(Json(LoadView {
                can_edit: true,
                ..load_view(store, today, lang)?
            }))
        })
        .await
}
