//! Credentials: `DALA_LOGIN` and `DALA_PASSWORD` for scripts, a prompt in a terminal otherwise.
//! The password is never echoed, logged or put on the command line.

use std::io::{BufRead, IsTerminal, Write};

use dala_i18n::{Lang, text};

use crate::error::CliError;

fn prompt_line(lang: Lang, id: &str) -> Option<String> {
    if !std::io::stdin().is_terminal() {
        return None;
    }
    eprint!("{} ", text(lang, id, &[]));
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).ok()?;
    Some(line.trim().to_string())
}

fn password(lang: Lang) -> Result<String, CliError> {
    if let Ok(password) = std::env::var("DALA_PASSWORD") {
        return Ok(password);
    }
    if !std::io::stdin().is_terminal() {
        return Err(CliError::PasswordRequired);
    }
    rpassword::prompt_password(format!("{} ", text(lang, "cli-prompt-password", &[])))
        .map_err(|_| CliError::PasswordRequired)
}

pub fn login_and_password(lang: Lang) -> Result<(String, String), CliError> {
    let login = match std::env::var("DALA_LOGIN") {
        Ok(login) => login,
        Err(_) => prompt_line(lang, "cli-prompt-login").ok_or(CliError::LoginRequired)?,
    };
    Ok((login, password(lang)?))
}

/// The password of a new account: from the environment, or typed in a terminal.
pub fn new_password(lang: Lang) -> Result<String, CliError> {
    password(lang)
}
