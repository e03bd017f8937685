//! Login accounts and the roles of the regulations (order 456, p. 25.10 and 27.18). An account's
//! password never appears here: it only unwraps the account's key slot in the store.

use uuid::Uuid;

use crate::error::CoreError;
use crate::org::OrgKind;
use crate::record::{Collection, DocKey, Entity, Fields, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Director,
    DeputyDirector,
    Teacher,
    Methodist,
    Tutor,
    Student,
    Parent,
    Head,
    Educator,
}

impl Role {
    pub const SCHOOL: [Role; 7] = [
        Role::Director,
        Role::DeputyDirector,
        Role::Teacher,
        Role::Methodist,
        Role::Tutor,
        Role::Student,
        Role::Parent,
    ];
    pub const KINDERGARTEN: [Role; 4] = [Role::Head, Role::Methodist, Role::Educator, Role::Parent];

    pub fn code(self) -> &'static str {
        match self {
            Role::Director => "director",
            Role::DeputyDirector => "deputy",
            Role::Teacher => "teacher",
            Role::Methodist => "methodist",
            Role::Tutor => "tutor",
            Role::Student => "student",
            Role::Parent => "parent",
            Role::Head => "head",
            Role::Educator => "educator",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::SCHOOL
            .into_iter()
            .chain(Role::KINDERGARTEN)
            .find(|r| r.code() == code)
    }

    /// The roles an organisation of this kind has.
    pub fn of(kind: OrgKind) -> &'static [Role] {
        match kind {
            OrgKind::School => &Role::SCHOOL,
            OrgKind::Kindergarten => &Role::KINDERGARTEN,
        }
    }

    /// The role that administers the organisation: creates accounts, signs its data.
    pub fn administrator(kind: OrgKind) -> Role {
        match kind {
            OrgKind::School => Role::Director,
            OrgKind::Kindergarten => Role::Head,
        }
    }
}

pub const MIN_PASSWORD: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: Uuid,
    pub login: String,
    pub role: Role,
    pub person_id: Option<Uuid>,
    /// The interface language the user chose (R17): `kk`, `ru` or `en`.
    pub lang: String,
    /// Set for an initial password that the user must change at first login (R5.8).
    pub must_change_password: bool,
    /// The base32 secret of the account's authenticator app, once confirmed (R5.11).
    pub totp_secret: Option<String>,
}

impl Account {
    /// Director, head and deputy log in with a second factor from their first day (R5.11).
    pub fn second_factor_required(&self) -> bool {
        matches!(
            self.role,
            Role::Director | Role::Head | Role::DeputyDirector
        )
    }
}

/// Logins are Latin so that they can be typed on any keyboard layout at a login prompt.
pub fn validate_login(login: &str) -> Result<(), CoreError> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_');
    if !(3..=32).contains(&login.len()) || !login.chars().all(allowed) {
        return Err(CoreError::LoginInvalid);
    }
    Ok(())
}

pub fn validate_password(password: &str) -> Result<(), CoreError> {
    if password.chars().count() < MIN_PASSWORD {
        return Err(CoreError::PasswordTooShort { min: MIN_PASSWORD });
    }
    Ok(())
}

/// The organisation always keeps someone who can administer it: the last director (or head)
/// can be neither removed nor given another role.
pub fn keep_an_administrator(
    accounts: &[Account],
    changed: Uuid,
    new_role: Option<Role>,
) -> Result<(), CoreError> {
    let is_admin = |r: Role| matches!(r, Role::Director | Role::Head);
    let remaining = accounts
        .iter()
        .filter(|a| {
            if a.id == changed {
                new_role.is_some_and(is_admin)
            } else {
                is_admin(a.role)
            }
        })
        .count();
    let had_one = accounts.iter().any(|a| is_admin(a.role));
    if had_one && remaining == 0 {
        return Err(CoreError::LastAdministrator);
    }
    Ok(())
}

/// Logins compare without case: `Director` and `director` are one account.
pub fn normalise_login(login: &str) -> String {
    login.trim().to_ascii_lowercase()
}

impl Entity for Account {
    const COLLECTION: Collection = Collection::Accounts;

    fn id(&self) -> Uuid {
        self.id
    }

    fn doc(&self) -> DocKey {
        DocKey::Accounts
    }

    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("login", self.login.clone().into()),
            ("role", self.role.code().into()),
            ("person_id", self.person_id.into()),
            ("lang", self.lang.clone().into()),
            (
                "must_change_password",
                i64::from(self.must_change_password).into(),
            ),
            ("totp_secret", self.totp_secret.clone().into()),
        ]
    }

    fn from_fields(id: Uuid, fields: &Fields) -> Result<Self, CoreError> {
        let r = Self::reader(fields);
        Ok(Account {
            id,
            login: r.text("login")?,
            role: r.code("role", Role::from_code)?,
            person_id: r.opt_parse("person_id")?,
            lang: r.text("lang")?,
            must_change_password: r.int("must_change_password")? != 0,
            totp_secret: r.opt_text("totp_secret")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_are_short_latin_words() {
        assert_eq!(validate_login("director"), Ok(()));
        assert_eq!(validate_login("a.seitkali-2"), Ok(()));
        for bad in ["ab", "директор", "with space", &"x".repeat(33)] {
            assert_eq!(validate_login(bad), Err(CoreError::LoginInvalid), "{bad}");
        }
        assert_eq!(normalise_login(" Director "), "director");
    }

    #[test]
    fn passwords_have_a_minimum_length_in_characters() {
        assert_eq!(validate_password("құпиясөз"), Ok(()));
        assert_eq!(
            validate_password("short"),
            Err(CoreError::PasswordTooShort { min: 8 })
        );
    }

    #[test]
    fn every_role_code_round_trips() {
        for role in Role::SCHOOL.into_iter().chain(Role::KINDERGARTEN) {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::administrator(OrgKind::Kindergarten), Role::Head);
    }
}
