//! The OpenAPI document, generated from the handlers' annotations and served at
//! `/api/v1/openapi.json`. Its operationIds are a contract with every client.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::{
    accounts, activities, assignments, attendance, audit, auth, conflicts, curriculum, error, home,
    journal, load, oversight, pupil, second_factor, sync, timetable,
};

#[derive(OpenApi)]
#[openapi(
    info(title = "Dala API", description = "The one JSON API of a Dala organisation."),
    paths(
        auth::setup_status, auth::setup, auth::provision, auth::login, auth::logout, auth::me,
        auth::change_password, auth::set_language, home::home, home::status,
        accounts::list, accounts::create, accounts::update, accounts::remove,
        audit::audit_log, audit::login_attempts, second_factor::start, second_factor::confirm,
        journal::list_classes, journal::get_journal, journal::save_marks, journal::term_grades,
        journal::year_grades, journal::add_lesson, journal::update_lesson, journal::delete_lesson,
        attendance::list_groups, attendance::group_attendance, attendance::save_group_attendance,
        attendance::attendance_sheet, oversight::oversight, oversight::attendance_report,
        oversight::grades_report, pupil::my_journal, load::report, load::set_duty,
        assignments::save_assignment, assignments::remove_assignment, curriculum::get_curriculum,
        curriculum::set_plan_hours, curriculum::set_plan_settings,
        timetable::get_timetable, timetable::check_move, timetable::move_lesson,
        timetable::pin_lesson, timetable::start_generate, timetable::generate_status,
        timetable::stop_generate, timetable::export, timetable::set_day_off,
        activities::get_activities, activities::save_activity, activities::delete_activity,
        activities::copy_activities, activities::apply_template,
        sync::get_sync, sync::enroll, sync::start, sync::export_bundle,
        sync::export_signed_bundle, sync::import_bundle, sync::issue_lan_code, sync::remove_lan_device,
        conflicts::list_conflicts,
    ),
    components(schemas(error::ErrorBody)),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
