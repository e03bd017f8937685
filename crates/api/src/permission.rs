//! Who may do what. Every operation of the API that needs a session names itself here, and the
//! table below is the one place that answers for each role (R5.9, R9). The UI hides what a role
//! cannot do, but only this check counts.

use dala_core::account::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Me,
    Logout,
    ChangePassword,
    SetLanguage,
    Home,
    Status,
    ListAccounts,
    CreateAccount,
    UpdateAccount,
    DeleteAccount,
    AuditLog,
    ListLoginAttempts,
    StartSecondFactor,
    ConfirmSecondFactor,
}

impl Operation {
    pub const ALL: [Operation; 14] = [
        Operation::Me,
        Operation::Logout,
        Operation::ChangePassword,
        Operation::SetLanguage,
        Operation::Home,
        Operation::Status,
        Operation::ListAccounts,
        Operation::CreateAccount,
        Operation::UpdateAccount,
        Operation::DeleteAccount,
        Operation::AuditLog,
        Operation::ListLoginAttempts,
        Operation::StartSecondFactor,
        Operation::ConfirmSecondFactor,
    ];

    /// The OpenAPI operationId: a contract with every client.
    pub fn id(self) -> &'static str {
        match self {
            Operation::Me => "me",
            Operation::Logout => "logout",
            Operation::ChangePassword => "changePassword",
            Operation::SetLanguage => "setLanguage",
            Operation::Home => "home",
            Operation::Status => "syncStatus",
            Operation::ListAccounts => "listAccounts",
            Operation::CreateAccount => "createAccount",
            Operation::UpdateAccount => "updateAccount",
            Operation::DeleteAccount => "deleteAccount",
            Operation::AuditLog => "auditLog",
            Operation::ListLoginAttempts => "listLoginAttempts",
            Operation::StartSecondFactor => "startSecondFactor",
            Operation::ConfirmSecondFactor => "confirmSecondFactor",
        }
    }

    /// What an account that must still set up its second factor may already do.
    pub fn before_second_factor(self) -> bool {
        matches!(
            self,
            Operation::Me
                | Operation::Logout
                | Operation::SetLanguage
                | Operation::ChangePassword
                | Operation::Status
                | Operation::StartSecondFactor
                | Operation::ConfirmSecondFactor
        )
    }

    pub fn allowed(self, role: Role) -> bool {
        let administers = matches!(role, Role::Director | Role::Head);
        match self {
            Operation::Me
            | Operation::Logout
            | Operation::ChangePassword
            | Operation::SetLanguage
            | Operation::Home
            | Operation::Status
            | Operation::StartSecondFactor
            | Operation::ConfirmSecondFactor => true,
            Operation::ListAccounts
            | Operation::CreateAccount
            | Operation::UpdateAccount
            | Operation::DeleteAccount
            | Operation::AuditLog
            | Operation::ListLoginAttempts => administers,
        }
    }
}
