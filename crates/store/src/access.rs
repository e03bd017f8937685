//! Access to an unlocked store by its people: checking a password against its key slot,
//! changing it, removing an account with its slot, the failed-login log (R5.12) and audit
//! entries for acts that change no document (a login, a password change).

use chrono::{DateTime, Utc};
use dala_core::account::{self, Account, Role};
use dala_core::person::Person;
use dala_core::{Command, CoreError};
use dala_sync::{SecretKey, SyncError};
use rusqlite::params;
use serde::Serialize;
use uuid::Uuid;

use crate::audit::{self, AuditEntry};
use crate::error::{Result, StoreError};
use crate::{Author, KdfParams, Store, projection};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoginAttempt {
    pub at: String,
    pub login: String,
    pub device: String,
    pub reason: String,
}

impl Store {
    /// Acts as this person from now on: their name goes into every audit entry.
    pub fn act_as(&mut self, author: Author) {
        self.author = author;
    }

    /// The account whose password this is; a wrong password or login is one error, not two.
    pub fn verify_password(&self, login: &str, password: &str) -> Result<Account> {
        let key = self.slots.unlock(login, password)?;
        if key.as_bytes() != self.master.as_bytes() {
            return Err(StoreError::InvalidCredentials);
        }
        self.account_by_login(login)?
            .ok_or(StoreError::InvalidCredentials)
    }

    pub fn account_by_login(&self, login: &str) -> Result<Option<Account>> {
        let login = account::normalise_login(login);
        Ok(
            projection::entities::<Account>(&self.conn, "WHERE lower(login) = ?1", &[&login])?
                .into_iter()
                .next(),
        )
    }

    /// Replaces an account's password: its key slot is wrapped anew; the change is audited,
    /// the password is not.
    pub fn set_password(
        &mut self,
        login: &str,
        password: &str,
        kdf: KdfParams,
        now: DateTime<Utc>,
    ) -> Result<()> {
        account::validate_password(password)?;
        let target = self
            .account_by_login(login)?
            .ok_or(CoreError::NotFound { entity: "account" })?;
        self.slots
            .set_password(&target.login, password, kdf, &self.master)?;
        self.slots.save()?;
        self.record("account.password_set", Some(&target), now)
    }

    /// An account's own change of password, which keeps its personal signing key.
    pub fn change_own_password(
        &mut self,
        login: &str,
        current: &str,
        new: &str,
        kdf: KdfParams,
        now: DateTime<Utc>,
    ) -> Result<()> {
        account::validate_password(new)?;
        let target = self.verify_password(login, current)?;
        self.slots
            .change_password(&target.login, current, new, kdf, &self.master)?;
        self.slots.save()?;
        self.record("account.password_set", Some(&target), now)
    }

    /// The director's (or head's) personal signing key, opened with the password, made at its
    /// first use; with the account and the name that signs.
    pub fn director_key(
        &mut self,
        login: &str,
        password: &str,
    ) -> Result<(SecretKey, Account, String)> {
        let account = self.verify_password(login, password)?;
        if !matches!(account.role, Role::Director | Role::Head) {
            return Err(SyncError::NotDirector.into());
        }
        let (bytes, made) = self.slots.personal_key(&account.login, password)?;
        if made {
            self.slots.save()?;
        }
        let name = match account.person_id {
            Some(id) => self.get::<Person>(id)?.map(|p| p.full_name()),
            None => None,
        };
        let name = name.unwrap_or_else(|| account.login.clone());
        Ok((SecretKey::from_bytes(bytes.as_slice())?, account, name))
    }

    /// Removes an account and its key slot: from then on its password opens nothing.
    pub fn remove_account(&mut self, id: Uuid, now: DateTime<Utc>) -> Result<()> {
        let target = self
            .get::<Account>(id)?
            .ok_or(CoreError::NotFound { entity: "account" })?;
        self.execute(&Command::RemoveAccount(id), now)?;
        self.slots.remove(&target.login);
        self.slots.save()
    }

    /// An audit entry for an act on an account that changes no document.
    pub fn record(
        &mut self,
        action: &str,
        about: Option<&Account>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let entry = AuditEntry {
            collection: about.map(|_| "accounts".to_string()),
            entity_id: about.map(|a| a.id.to_string()),
            personal: about.is_some(),
            ..self.act(action, now)
        };
        let tx = self.conn.transaction()?;
        audit::append(&tx, entry)?;
        tx.commit()?;
        Ok(())
    }

    /// An audit entry of the current author's act that changes no document, about nothing yet.
    pub(crate) fn act(&self, action: &str, now: DateTime<Utc>) -> AuditEntry {
        AuditEntry {
            seq: 0,
            at: now.to_rfc3339(),
            account_id: self.author.account_id.map(|id| id.to_string()),
            login: self.author.login.clone(),
            action: action.to_string(),
            collection: None,
            entity_id: None,
            personal: false,
            before: None,
            after: None,
        }
    }

    pub fn record_login_attempt(&self, attempt: &LoginAttempt) -> Result<()> {
        self.conn.execute(
            "INSERT INTO login_attempts (at, login, device, reason) VALUES (?1, ?2, ?3, ?4)",
            params![attempt.at, attempt.login, attempt.device, attempt.reason],
        )?;
        Ok(())
    }

    pub fn login_attempts(&self) -> Result<Vec<LoginAttempt>> {
        let mut stmt = self
            .conn
            .prepare("SELECT at, login, device, reason FROM login_attempts ORDER BY seq DESC")?;
        let rows = stmt.query_map([], |r| {
            Ok(LoginAttempt {
                at: r.get(0)?,
                login: r.get(1)?,
                device: r.get(2)?,
                reason: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl Store {
    /// Changes in documents that go upstream: what the hub has not received. Until sync exists
    /// that is every change, counted from the chunks (a compacted snapshot counts as one).
    pub fn pending_upstream_changes(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM document_chunks c JOIN documents d ON d.key = c.doc_key
             WHERE d.scope = 'upstream'",
            [],
            |r| r.get(0),
        )?)
    }
}
