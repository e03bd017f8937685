//! Account administration for the director (kindergarten: the head): list, create with an
//! initial password the user must change, change the role or reset the password, remove.
//! Every change is audited by the store, with the account before and after (role history).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use dala_core::Command;
use dala_core::account::{Account, Role, normalise_login};
use dala_core::org::Organisation;
use dala_store::Author;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::{ApiError, ErrorBody};
use crate::permission::Operation;
use crate::session::Caller;
use crate::{ApiState, Org};

#[derive(Serialize, ToSchema)]
pub struct AccountView {
    pub id: String,
    pub login: String,
    pub role: String,
    pub lang: String,
    pub must_change_password: bool,
    pub totp_enabled: bool,
    pub person_id: Option<String>,
}

impl From<&Account> for AccountView {
    fn from(a: &Account) -> AccountView {
        AccountView {
            id: a.id.to_string(),
            login: a.login.clone(),
            role: a.role.code().to_string(),
            lang: a.lang.clone(),
            must_change_password: a.must_change_password,
            totp_enabled: a.totp_secret.is_some(),
            person_id: a.person_id.map(|id| id.to_string()),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct NewAccount {
    pub login: String,
    pub role: String,
    pub initial_password: String,
    pub person_id: Option<Uuid>,
}

#[derive(Deserialize, ToSchema)]
pub struct AccountChange {
    pub role: Option<String>,
    pub reset_password: Option<String>,
    /// A lost phone: the account sets up a new second factor at its next login.
    pub reset_second_factor: Option<bool>,
}

/// A role of this organisation's kind: a kindergarten has no students, a school no educators.
fn role_of(org: &mut Org, code: &str) -> Result<Role, ApiError> {
    let kind = org
        .store()?
        .list::<Organisation>()?
        .first()
        .map(|o| o.kind)
        .ok_or(dala_core::CoreError::NotFound {
            entity: "organisation",
        })?;
    Role::from_code(code)
        .filter(|r| Role::of(kind).contains(r))
        .ok_or_else(|| ApiError::bad_request("role"))
}

fn acting(org: &mut Org, caller: &Caller) -> Result<(), ApiError> {
    org.store()?.act_as(Author {
        account_id: Some(caller.account.id),
        login: caller.account.login.clone(),
    });
    Ok(())
}

#[utoipa::path(get, path = "/api/v1/accounts", operation_id = "listAccounts", tag = "accounts",
    security(("bearer" = [])),
    responses((status = 200, body = [AccountView]), (status = 403, body = ErrorBody)))]
pub async fn list(
    State(state): State<ApiState>,
    caller: Caller,
) -> Result<Json<Vec<AccountView>>, ApiError> {
    caller.may(Operation::ListAccounts)?;
    state
        .with(|org| {
            Ok(Json(
                org.store()?
                    .list::<Account>()?
                    .iter()
                    .map(AccountView::from)
                    .collect(),
            ))
        })
        .await
}

#[utoipa::path(post, path = "/api/v1/accounts", operation_id = "createAccount", tag = "accounts",
    security(("bearer" = [])), request_body = NewAccount,
    responses((status = 200, body = AccountView), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<ApiState>,
    caller: Caller,
    Json(new): Json<NewAccount>,
) -> Result<Json<AccountView>, ApiError> {
    caller.may(Operation::CreateAccount)?;
    state
        .with(move |org| {
            let role = role_of(org, &new.role)?;
            let account = Account {
                id: Uuid::now_v7(),
                login: normalise_login(&new.login),
                role,
                person_id: new.person_id,
                lang: caller.account.lang.clone(),
                must_change_password: true,
                totp_secret: None,
            };
            let (now, kdf) = (org.now(), org.kdf);
            acting(org, &caller)?;
            org.store()?
                .create_account(&account, &new.initial_password, kdf, now)?;
            Ok(Json(AccountView::from(&account)))
        })
        .await
}

#[utoipa::path(patch, path = "/api/v1/accounts/{id}", operation_id = "updateAccount", tag = "accounts",
    security(("bearer" = [])), request_body = AccountChange,
    params(("id" = String, Path, description = "The account's id")),
    responses((status = 200, body = AccountView), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<ApiState>,
    caller: Caller,
    Path(id): Path<Uuid>,
    Json(change): Json<AccountChange>,
) -> Result<Json<AccountView>, ApiError> {
    caller.may(Operation::UpdateAccount)?;
    state
        .with(move |org| {
            let (now, kdf) = (org.now(), org.kdf);
            let role = change
                .role
                .as_deref()
                .map(|r| role_of(org, r))
                .transpose()?;
            acting(org, &caller)?;
            let store = org.store()?;
            let mut account = store
                .get::<Account>(id)?
                .ok_or(dala_core::CoreError::NotFound { entity: "account" })?;
            if let Some(password) = &change.reset_password {
                dala_core::account::validate_password(password)?;
            }
            if let Some(role) = role {
                account.role = role;
            }
            if change.reset_password.is_some() {
                account.must_change_password = true;
            }
            if change.reset_second_factor == Some(true) {
                account.totp_secret = None;
            }
            store.execute(&Command::UpdateAccount(account.clone()), now)?;
            if let Some(password) = &change.reset_password {
                store.set_password(&account.login, password, kdf, now)?;
            }
            org.sessions.update_account(&account, false);
            Ok(Json(AccountView::from(&account)))
        })
        .await
}

#[utoipa::path(delete, path = "/api/v1/accounts/{id}", operation_id = "deleteAccount", tag = "accounts",
    security(("bearer" = [])), params(("id" = String, Path, description = "The account's id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn remove(
    State(state): State<ApiState>,
    caller: Caller,
    Path(id): Path<Uuid>,
) -> Result<StatusCode, ApiError> {
    caller.may(Operation::DeleteAccount)?;
    state
        .with(move |org| {
            let now = org.now();
            acting(org, &caller)?;
            let store = org.store()?;
            let account = store
                .get::<Account>(id)?
                .ok_or(dala_core::CoreError::NotFound { entity: "account" })?;
            store.remove_account(id, now)?;
            org.sessions.update_account(&account, true);
            Ok(StatusCode::NO_CONTENT)
        })
        .await
}
