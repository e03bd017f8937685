//! Sessions and lockout, kept in memory: a restart logs everyone out and forgets the back-off,
//! which only errs towards safety. A token is 256 random bits, sent as `Authorization: Bearer`.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use dala_core::account::{Account, normalise_login};

use crate::error::ApiError;
use crate::permission::Operation;
use crate::{ApiState, Org};

/// A session ends after this long without a request.
const IDLE: Duration = Duration::from_secs(8 * 3600);
/// Failures allowed before the first lock; each further failure doubles the wait.
const FREE_FAILURES: u32 = 5;
const FIRST_LOCK: Duration = Duration::from_secs(30);
const LONGEST_LOCK: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Clone)]
pub struct Session {
    pub account: Account,
    last_seen: Instant,
}

#[derive(Default)]
pub struct Sessions {
    by_token: HashMap<String, Session>,
}

impl Sessions {
    pub fn open(&mut self, account: Account) -> Result<String, ApiError> {
        let mut bytes = [0u8; 32];
        getrandom::getrandom(&mut bytes).map_err(|_| ApiError::unauthenticated())?;
        let token = hex::encode(bytes);
        self.by_token.insert(
            token.clone(),
            Session {
                account,
                last_seen: Instant::now(),
            },
        );
        Ok(token)
    }

    pub fn touch(&mut self, token: &str) -> Option<Account> {
        let session = self.by_token.get_mut(token)?;
        if session.last_seen.elapsed() > IDLE {
            self.by_token.remove(token);
            return None;
        }
        session.last_seen = Instant::now();
        Some(session.account.clone())
    }

    pub fn close(&mut self, token: &str) {
        self.by_token.remove(token);
    }

    /// Ends every session of an account (removed, or its role changed) or refreshes it.
    pub fn update_account(&mut self, account: &Account, removed: bool) {
        if removed {
            self.by_token.retain(|_, s| s.account.id != account.id);
        } else {
            for session in self
                .by_token
                .values_mut()
                .filter(|s| s.account.id == account.id)
            {
                session.account = account.clone();
            }
        }
    }
}

#[derive(Default)]
pub struct Lockout {
    by_login: HashMap<String, (u32, Option<Instant>)>,
}

impl Lockout {
    /// Seconds to wait before this login may try again, if it is locked.
    pub fn wait(&self, login: &str) -> Option<u64> {
        let (_, until) = self.by_login.get(&normalise_login(login))?;
        let left = until.as_ref()?.checked_duration_since(Instant::now())?;
        Some(left.as_secs().max(1))
    }

    pub fn failed(&mut self, login: &str) {
        let entry = self.by_login.entry(normalise_login(login)).or_default();
        entry.0 += 1;
        if entry.0 >= FREE_FAILURES {
            let doublings = (entry.0 - FREE_FAILURES).min(10);
            let wait = (FIRST_LOCK * 2u32.pow(doublings)).min(LONGEST_LOCK);
            entry.1 = Some(Instant::now() + wait);
        }
    }

    pub fn succeeded(&mut self, login: &str) {
        self.by_login.remove(&normalise_login(login));
    }
}

/// The caller of an operation that needs a session: their account and token.
pub struct Caller {
    pub account: Account,
    pub token: String,
}

impl Caller {
    pub fn may(&self, operation: Operation) -> Result<(), ApiError> {
        if !operation.allowed(self.account.role) {
            return Err(ApiError::forbidden());
        }
        let pending = self.account.second_factor_required() && self.account.totp_secret.is_none();
        if pending && !operation.before_second_factor() {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "auth.second_factor_setup_required",
            ));
        }
        Ok(())
    }
}

impl FromRequestParts<ApiState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &ApiState) -> Result<Self, ApiError> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::to_string)
            .ok_or_else(ApiError::unauthenticated)?;
        let account = state
            .with(move |org: &mut Org| {
                org.sessions
                    .touch(&token)
                    .map(|a| (a, token))
                    .ok_or_else(ApiError::unauthenticated)
            })
            .await?;
        Ok(Caller {
            account: account.0,
            token: account.1,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_starts_after_five_failures_and_ends_with_a_success() {
        let mut lockout = Lockout::default();
        for _ in 0..4 {
            lockout.failed("Teacher");
        }
        assert_eq!(lockout.wait("teacher"), None);
        lockout.failed("teacher");
        let first = lockout.wait("teacher").unwrap();
        assert!((25..=30).contains(&first), "{first}");
        lockout.failed("teacher");
        assert!(lockout.wait("teacher").unwrap() > first);
        lockout.succeeded("TEACHER");
        assert_eq!(lockout.wait("teacher"), None);
    }
}
