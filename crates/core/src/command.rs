//! Commands: what a user asks of the organisation's data. `plan` checks every rule against the
//! current state, read through `Lookup`, and answers with the changes to make. The store applies
//! a command's changes as one automerge change per document, in one transaction; a batch (an
//! import) plans each command against the state its predecessors left, in the same transaction.

use chrono::NaiveDate;
use uuid::Uuid;

use crate::account::{self, Account};
use crate::enrolment::{Enrolment, GroupKind};
use crate::error::CoreError;
use crate::group::{AgeGroup, Class};
use crate::org::Organisation;
use crate::person::Person;
use crate::record::{Collection, DocKey, Entity, Value};
use crate::year::{AcademicYear, Term};

/// One record written into (or removed from) a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Put {
        doc: DocKey,
        collection: Collection,
        id: Uuid,
        fields: Vec<(&'static str, Value)>,
    },
    Remove {
        doc: DocKey,
        collection: Collection,
        id: Uuid,
    },
}

impl Change {
    pub fn put<E: Entity>(entity: &E) -> Change {
        Change::Put {
            doc: entity.doc(),
            collection: E::COLLECTION,
            id: entity.id(),
            fields: entity.fields(),
        }
    }

    pub fn doc(&self) -> DocKey {
        match self {
            Change::Put { doc, .. } | Change::Remove { doc, .. } => *doc,
        }
    }
}

/// The state a command's rules look at. The store answers from its projections, which are
/// current inside the command's transaction.
pub trait Lookup {
    type Error: From<CoreError>;
    fn get<E: Entity>(&self, id: Uuid) -> Result<Option<E>, Self::Error>;
    fn person_with_iin(&self, iin: &str) -> Result<Option<Uuid>, Self::Error>;
    fn classes_of_year(&self, year: Uuid) -> Result<Vec<Class>, Self::Error>;
    fn enrolments_of(&self, person: Uuid) -> Result<Vec<Enrolment>, Self::Error>;
    fn account_with_login(&self, login: &str) -> Result<Option<Uuid>, Self::Error>;
    fn accounts(&self) -> Result<Vec<Account>, Self::Error>;
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    SetOrganisation(Organisation),
    AddYear {
        year: AcademicYear,
        terms: Vec<Term>,
    },
    AddClass(Class),
    AddAgeGroup(AgeGroup),
    /// Adds or corrects a person.
    SavePerson(Person),
    Enrol(Enrolment),
    CreateAccount(Account),
    /// Changes an account's role, language or first-login flag; the login stays.
    UpdateAccount(Account),
    RemoveAccount(Uuid),
}

impl Command {
    /// The name the audit log records.
    pub fn action(&self) -> &'static str {
        match self {
            Command::SetOrganisation(_) => "organisation.set",
            Command::AddYear { .. } => "year.add",
            Command::AddClass(_) => "class.add",
            Command::AddAgeGroup(_) => "age_group.add",
            Command::SavePerson(_) => "person.save",
            Command::Enrol(_) => "enrolment.add",
            Command::CreateAccount(_) => "account.create",
            Command::UpdateAccount(_) => "account.update",
            Command::RemoveAccount(_) => "account.remove",
        }
    }

    pub fn plan<L: Lookup>(&self, at: &L, today: NaiveDate) -> Result<Vec<Change>, L::Error> {
        match self {
            Command::SetOrganisation(org) => {
                org.validate()?;
                Ok(vec![Change::put(org)])
            }
            Command::AddYear { year, terms } => {
                year.validate(terms)?;
                Ok(std::iter::once(Change::put(year))
                    .chain(terms.iter().map(Change::put))
                    .collect())
            }
            Command::AddClass(class) => {
                at.get::<AcademicYear>(class.year_id)?
                    .ok_or(CoreError::NotFound {
                        entity: "academic_year",
                    })?;
                class.validate(&at.classes_of_year(class.year_id)?)?;
                Ok(vec![Change::put(class)])
            }
            Command::AddAgeGroup(group) => {
                at.get::<AcademicYear>(group.year_id)?
                    .ok_or(CoreError::NotFound {
                        entity: "academic_year",
                    })?;
                group.validate()?;
                Ok(vec![Change::put(group)])
            }
            Command::SavePerson(person) => {
                person.validate(today)?;
                if let Some(iin) = &person.iin
                    && at
                        .person_with_iin(iin.as_str())?
                        .is_some_and(|other| other != person.id)
                {
                    return Err(CoreError::IinTaken {
                        iin: iin.to_string(),
                    }
                    .into());
                }
                Ok(vec![Change::put(person)])
            }
            Command::Enrol(enrolment) => {
                let person = at
                    .get::<Person>(enrolment.person_id)?
                    .ok_or(CoreError::NotFound { entity: "person" })?;
                let year =
                    at.get::<AcademicYear>(enrolment.year_id)?
                        .ok_or(CoreError::NotFound {
                            entity: "academic_year",
                        })?;
                let group = if at
                    .get::<Class>(enrolment.group_id)?
                    .is_some_and(|c| c.year_id == year.id)
                {
                    GroupKind::Class
                } else if at
                    .get::<AgeGroup>(enrolment.group_id)?
                    .is_some_and(|g| g.year_id == year.id)
                {
                    GroupKind::AgeGroup
                } else {
                    return Err(CoreError::NotFound { entity: "group" }.into());
                };
                enrolment.validate(&person, group, &year, &at.enrolments_of(person.id)?)?;
                Ok(vec![Change::put(enrolment)])
            }
            Command::CreateAccount(account) => {
                account::validate_login(&account.login)?;
                if at.account_with_login(&account.login)?.is_some() {
                    return Err(CoreError::LoginTaken {
                        login: account.login.clone(),
                    }
                    .into());
                }
                Ok(vec![Change::put(account)])
            }
            Command::UpdateAccount(account) => {
                let accounts = at.accounts()?;
                let current = accounts
                    .iter()
                    .find(|a| a.id == account.id)
                    .ok_or(CoreError::NotFound { entity: "account" })?;
                if current.login != account.login {
                    return Err(CoreError::LoginInvalid.into());
                }
                account::keep_an_administrator(&accounts, account.id, Some(account.role))?;
                Ok(vec![Change::put(account)])
            }
            Command::RemoveAccount(id) => {
                let accounts = at.accounts()?;
                if !accounts.iter().any(|a| a.id == *id) {
                    return Err(CoreError::NotFound { entity: "account" }.into());
                }
                account::keep_an_administrator(&accounts, *id, None)?;
                Ok(vec![Change::Remove {
                    doc: DocKey::Accounts,
                    collection: Collection::Accounts,
                    id: *id,
                }])
            }
        }
    }
}
