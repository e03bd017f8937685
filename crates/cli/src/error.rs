//! The CLI's errors: the store's, and the few of its own (missing credentials, a bad file).
//! Printed as the Fluent message of the code, followed by the code itself for support calls.

use dala_i18n::{Arg, Lang, error_message};
use dala_store::StoreError;

#[derive(Debug)]
pub enum CliError {
    Store(StoreError),
    LoginRequired,
    PasswordRequired,
    Usage(String),
    FileFormat {
        path: String,
    },
    MissingColumn {
        column: String,
    },
    /// A file refused as a whole: its rows and why each was refused.
    Rejected {
        rows: Vec<(usize, String)>,
    },
    /// A FET file that cannot be read.
    Fet(dala_core::fet::FetError),
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> CliError {
        CliError::Store(e)
    }
}

impl From<dala_core::CoreError> for CliError {
    fn from(e: dala_core::CoreError) -> CliError {
        CliError::Store(e.into())
    }
}

impl CliError {
    pub fn io(path: &std::path::Path, detail: impl std::fmt::Display) -> CliError {
        CliError::Store(StoreError::Io {
            path: path.display().to_string(),
            detail: detail.to_string(),
        })
    }

    pub fn code(&self) -> &'static str {
        match self {
            CliError::Store(e) => e.code(),
            CliError::LoginRequired => "auth.login_required",
            CliError::PasswordRequired => "auth.password_required",
            CliError::Usage(_) => "cli.usage",
            CliError::FileFormat { .. } => "import.file_format",
            CliError::MissingColumn { .. } => "import.missing_column",
            CliError::Rejected { .. } => "import.rejected",
            CliError::Fet(e) => e.code(),
        }
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Store(StoreError::InvalidCredentials) => 3,
            _ => 1,
        }
    }

    /// The message in the user's language, then the code in brackets.
    pub fn message(&self, lang: Lang) -> String {
        let owned: Vec<(&str, String)> = match self {
            CliError::Store(e) => e.args(),
            CliError::Usage(detail) => vec![("detail", detail.clone())],
            CliError::FileFormat { path } => vec![("path", path.clone())],
            CliError::MissingColumn { column } => vec![("column", column.clone())],
            CliError::Rejected { rows } => vec![("count", rows.len().to_string())],
            CliError::Fet(e) => e.args(),
            CliError::LoginRequired | CliError::PasswordRequired => Vec::new(),
        };
        let args: Vec<(&str, Arg)> = owned
            .iter()
            .map(|(k, v)| match (*k, v.parse::<i64>()) {
                // Plural selectors need numbers; an IIN or a path stays text.
                ("count" | "min" | "version" | "row", Ok(n)) => (*k, Arg::Num(n)),
                _ => (*k, Arg::Str(v)),
            })
            .collect();
        let mut out = format!(
            "{} [{}]",
            error_message(lang, self.code(), &args),
            self.code()
        );
        if let CliError::Rejected { rows } = self {
            for (row, reason) in rows {
                let line = dala_i18n::text(
                    lang,
                    "cli-import-row-refused",
                    &[("row", (*row).into()), ("reason", reason.as_str().into())],
                );
                out.push('\n');
                out.push_str(&line);
            }
        }
        out
    }
}
