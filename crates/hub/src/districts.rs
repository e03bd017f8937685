//! The hierarchy (O3): the accounts of the republic's, a region's and a district's education
//! departments, each reading the reports of the organisations in its area only, over HTTP with
//! a bearer token. An organisation's district is the one the hub registered it under (`enroll
//! --district`); the one a school states in its own settings is used only when the hub has none,
//! since a school must not be able to move itself into another district's reports.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use dala_i18n::{Arg, Lang, error_message};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use uuid::Uuid;

use crate::error::{HubError, Result};
use crate::hub::{Hub, secret_hash};
use crate::report::{self, Report};

/// Which part of the country an account reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "level", content = "area", rename_all = "snake_case")]
pub enum Area {
    Republic,
    /// A region's KATO code.
    Region(String),
    /// A district's (or a city's) KATO code.
    District(String),
}

impl Area {
    /// The area named by a level and a code, each code checked against the reference data.
    pub fn new(level: &str, code: Option<&str>) -> Result<Area> {
        let known = |ok: bool, code: &str| {
            ok.then(|| code.to_string())
                .ok_or_else(|| HubError::Invalid(format!("unknown {level} code {code}")))
        };
        match (level, code) {
            ("republic", None) => Ok(Area::Republic),
            ("region", Some(c)) => Ok(Area::Region(known(
                dala_core::reference::region(c).is_some(),
                c,
            )?)),
            ("district", Some(c)) => Ok(Area::District(known(
                dala_core::reference::district(c).is_some(),
                c,
            )?)),
            _ => Err(HubError::Invalid(
                "an account is for the republic, or for a region or district with its code".into(),
            )),
        }
    }

    fn parts(&self) -> (&'static str, Option<&str>) {
        match self {
            Area::Republic => ("republic", None),
            Area::Region(c) => ("region", Some(c)),
            Area::District(c) => ("district", Some(c)),
        }
    }

    /// Whether an organisation in `district` (none when nobody knows it) is in this area.
    pub fn holds(&self, district: Option<&str>) -> bool {
        match self {
            Area::Republic => true,
            Area::District(code) => district == Some(code.as_str()),
            Area::Region(code) => district
                .and_then(dala_core::reference::district)
                .is_some_and(|d| d.region == code),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Account {
    pub login: String,
    pub name: String,
    #[serde(flatten)]
    pub area: Area,
}

/// Adds an account and answers its access token, shown this once: the hub keeps its hash only.
pub async fn add_account(
    hub: &Hub,
    login: &str,
    name: &str,
    area: &Area,
    now: DateTime<Utc>,
) -> Result<String> {
    if login.trim().is_empty() || name.trim().is_empty() {
        return Err(HubError::Invalid(
            "an account needs a login and a name".into(),
        ));
    }
    // Two random UUIDs: 244 random bits, as hex.
    let mut secret = Vec::with_capacity(32);
    secret.extend_from_slice(Uuid::new_v4().as_bytes());
    secret.extend_from_slice(Uuid::new_v4().as_bytes());
    let token = hex::encode(&secret);
    let (level, code) = area.parts();
    let added = sqlx::query(
        "INSERT INTO hub_accounts (login, name, level, area, token_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (login) DO NOTHING",
    )
    .bind(login.trim())
    .bind(name.trim())
    .bind(level)
    .bind(code)
    .bind(secret_hash(token.as_bytes()))
    .bind(now.timestamp_millis())
    .execute(&hub.pool)
    .await?;
    if added.rows_affected() == 0 {
        return Err(HubError::Invalid(format!("the login {login} is taken")));
    }
    Ok(token)
}

/// Removes an account: its token stops working at once. Answers whether there was one.
pub async fn remove_account(hub: &Hub, login: &str) -> Result<bool> {
    let removed = sqlx::query("DELETE FROM hub_accounts WHERE login = $1")
        .bind(login)
        .execute(&hub.pool)
        .await?;
    Ok(removed.rows_affected() > 0)
}

/// The account a bearer token belongs to.
pub async fn account_of(hub: &Hub, token: &str) -> Result<Option<Account>> {
    let row =
        sqlx::query("SELECT login, name, level, area FROM hub_accounts WHERE token_hash = $1")
            .bind(secret_hash(token.as_bytes()))
            .fetch_optional(&hub.pool)
            .await?;
    let Some(row) = row else { return Ok(None) };
    let (level, code): (String, Option<String>) = (row.try_get(2)?, row.try_get(3)?);
    Ok(Some(Account {
        login: row.try_get(0)?,
        name: row.try_get(1)?,
        area: Area::new(&level, code.as_deref())?,
    }))
}

#[derive(Deserialize)]
pub struct ReportQuery {
    /// `organisations` (the default), `contingent` or `attendance`; JSON carries all three.
    report: Option<String>,
    /// `json` (the default) or `xlsx`.
    format: Option<String>,
}

#[derive(Serialize)]
struct Refusal {
    code: &'static str,
    message: String,
}

/// A refusal with its stable code and its message in the language the request asked for.
fn refuse(
    status: StatusCode,
    lang: Lang,
    code: &'static str,
    args: &[(&str, Arg<'_>)],
) -> Response {
    let body = Refusal {
        code,
        message: error_message(lang, code, args),
    };
    (status, Json(body)).into_response()
}

/// `GET /reports`: the reports of the caller's area, as JSON or one of them as xlsx.
pub async fn report_request(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(query): Query<ReportQuery>,
) -> Response {
    let lang = Lang::from_accept_language(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let account = match token {
        Some(token) => account_of(&hub, token.trim()).await,
        None => Ok(None),
    };
    let account = match account {
        Ok(Some(account)) => account,
        Ok(None) => {
            return refuse(StatusCode::UNAUTHORIZED, lang, "hub.unauthenticated", &[]);
        }
        Err(e) => return failed(&e),
    };
    let which = match query.report.as_deref() {
        None | Some("organisations") => Report::Organisations,
        Some("contingent") => Report::Contingent,
        Some("attendance") => Report::Attendance,
        Some(other) => {
            return refuse(
                StatusCode::BAD_REQUEST,
                lang,
                "hub.unknown_report",
                &[("report", other.into())],
            );
        }
    };
    let reports = match report::for_area(&hub, &account.area, Utc::now()).await {
        Ok(reports) => reports,
        Err(e) => return failed(&e),
    };
    match query.format.as_deref() {
        None | Some("json") => Json(serde_json::json!({
            "account": account,
            "organisations": reports.organisations,
            "contingent": reports.contingent,
            "attendance": reports.attendance,
        }))
        .into_response(),
        Some("xlsx") => match reports.xlsx(which) {
            Ok(bytes) => (
                [
                    (
                        header::CONTENT_TYPE,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    ),
                    (
                        header::CONTENT_DISPOSITION,
                        "attachment; filename=\"dala-report.xlsx\"",
                    ),
                ],
                bytes,
            )
                .into_response(),
            Err(e) => failed(&e),
        },
        Some(other) => refuse(
            StatusCode::BAD_REQUEST,
            lang,
            "hub.unknown_format",
            &[("format", other.into())],
        ),
    }
}

/// The hub's own failure: its code, and its detail for whoever runs the hub (in English, as
/// its log is).
fn failed(e: &HubError) -> Response {
    let body = Refusal {
        code: e.code(),
        message: e.to_string(),
    };
    (StatusCode::INTERNAL_SERVER_ERROR, Json(body)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_area_holds_its_own_districts_only() {
        // Almaty region (19) and one of its districts; Astana city (71) elsewhere.
        let district = dala_core::reference::districts_of("190000000")
            .next()
            .expect("the region has districts")
            .code;
        let region = Area::new("region", Some("190000000")).unwrap();
        let own = Area::new("district", Some(district)).unwrap();
        assert!(region.holds(Some(district)));
        assert!(own.holds(Some(district)));
        assert!(Area::Republic.holds(None));
        assert!(!region.holds(None) && !own.holds(None));
        let elsewhere = dala_core::reference::districts_of("710000000")
            .next()
            .expect("Astana has districts")
            .code;
        assert!(!region.holds(Some(elsewhere)) && !own.holds(Some(elsewhere)));
        assert!(Area::new("region", Some("999")).is_err());
        assert!(Area::new("district", None).is_err());
        assert!(Area::new("republic", Some("190000000")).is_err());
    }
}
