//! `dala`: the administrator's tool and the scripting surface. It parses, unlocks the store,
//! calls it and prints; the rules live in dala-core and dala-store. Every failure prints one
//! message in the user's language with its stable code and exits non-zero; nothing panics.

/// Writes a line to standard output; a closed pipe (`dala … | head`) ends the output quietly
/// instead of panicking as `println!` would.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

mod credentials;
mod error;
mod export;
mod import;
mod load;
mod serve;
mod sync;
mod timetable;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::Utc;
use clap::{Parser, Subcommand, ValueEnum};
use dala_api::activities::check_plan;
use dala_core::account::Account;
use dala_core::org::{OrgKind, Organisation};
use dala_core::person::PersonKind;
use dala_core::year::school_date;
use dala_i18n::{Lang, text};
use dala_store::{Confirm, KdfParams, Provision, RecoveryKey, Setup, Store};
use rand::SeedableRng;
use uuid::Uuid;

use crate::error::CliError;

#[derive(Parser)]
#[command(
    name = "dala",
    version,
    about = "Dala: an offline-first school and kindergarten register"
)]
struct Cli {
    /// The data folder of one organisation.
    #[arg(long, env = "DALA_DATA", global = true)]
    data: Option<PathBuf>,
    /// The language of messages: kk, ru or en.
    #[arg(long, env = "DALA_LANG", global = true)]
    lang: Option<String>,
    #[command(subcommand)]
    command: Commands,
}

#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    School,
    Kindergarten,
}

impl From<Kind> for OrgKind {
    fn from(kind: Kind) -> OrgKind {
        match kind {
            Kind::School => OrgKind::School,
            Kind::Kindergarten => OrgKind::Kindergarten,
        }
    }
}

#[derive(Subcommand)]
enum Commands {
    /// Sets up a new organisation in an empty folder and prints its recovery key once.
    Init {
        #[arg(long, value_enum)]
        kind: Kind,
        #[arg(long)]
        name: String,
        #[arg(long)]
        admin_login: String,
    },
    /// Makes the data folder of a new computer of an enrolled organisation from the hub's
    /// snapshot file and the one-time code that came with it.
    Provision {
        #[arg(long)]
        snapshot: PathBuf,
        #[arg(long)]
        code: String,
        /// The hub's address, to enrol over the link at once; without it, from paper.
        #[arg(long)]
        hub: Option<String>,
        #[arg(long)]
        admin_login: String,
    },
    /// Fills an empty folder with a realistic demo school or kindergarten.
    Demo {
        #[arg(long, value_enum)]
        kind: Kind,
    },
    /// Accounts of the organisation.
    Accounts {
        #[command(subcommand)]
        command: AccountsCommand,
    },
    /// Verifies encryption, the projections against the documents, and the audit chain.
    Check,
    /// Writes all main data in an open format (R13).
    Export {
        #[arg(long, value_enum)]
        format: export::ExportFormat,
        #[arg(long)]
        out: PathBuf,
    },
    /// Imports data from a spreadsheet.
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// The teaching load of the current academic year (тарификация).
    Load {
        #[command(subcommand)]
        command: LoadCommand,
    },
    /// The school timetable of the current academic year.
    Timetable {
        #[command(subcommand)]
        command: TimetableCommand,
    },
    /// The kindergarten's plan of organised activities.
    Activities {
        #[command(subcommand)]
        command: ActivitiesCommand,
    },
    /// Sync with the hub over a link, or a laptop with the school's main machine.
    Sync {
        #[command(subcommand)]
        command: SyncCommand,
    },
    /// Sync with the hub by a file carried on a USB stick.
    Bundle {
        #[command(subcommand)]
        command: BundleCommand,
    },
    /// Serves the UI and the API to browsers; users log in as in the desktop app.
    Serve {
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// The built UI (ui/dist).
        #[arg(long, env = "DALA_UI", default_value = "ui/dist")]
        ui: PathBuf,
        /// Serve the school's LAN over TLS with the folder's self-signed certificate.
        #[arg(long)]
        lan: bool,
    },
}

#[derive(Subcommand)]
enum SyncCommand {
    /// Enrols this device with the one-time code from the district; without --hub the first
    /// bundle completes the enrolment at the hub.
    Enroll {
        /// The hub's address, e.g. https://hub.example.kz:8443
        #[arg(long)]
        hub: Option<String>,
        #[arg(long)]
        code: String,
    },
    /// Sends what the hub has not acknowledged and takes what it sends back.
    Now {
        /// The director confirms and signs what the hub then holds (M8), as the user logged in.
        #[arg(long)]
        sign: bool,
    },
    /// On the school's main machine: prints a one-time code that enrols a teacher's laptop,
    /// which then syncs with this machine while `dala serve --lan` runs.
    LanCode,
    /// On the school's main machine: the laptops enrolled with it, one a line: the fingerprint
    /// of its key, its name and its last sync.
    Laptops,
    /// On the school's main machine: forgets a lost or stolen laptop; its next sync is refused.
    RemoveLaptop {
        /// The fingerprint `dala sync laptops` lists.
        #[arg(long)]
        device: String,
    },
}

#[derive(Subcommand)]
enum BundleCommand {
    /// Writes everything the hub has not acknowledged, signed, for the hub's `import`.
    Export {
        #[arg(long)]
        out: PathBuf,
        /// The director confirms and signs the week's submission (M8), as the user logged in.
        #[arg(long)]
        sign: bool,
    },
    /// Reads the hub's answer: its acknowledgements and what it sends back.
    Import { file: PathBuf },
}

#[derive(Subcommand)]
enum AccountsCommand {
    /// Login and role of every account.
    List {
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Table,
    Json,
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Students from a .csv or .xlsx file; any bad row refuses the whole file.
    Students { file: PathBuf },
}

#[derive(Subcommand)]
enum LoadCommand {
    /// Each teacher's hours and rates and the hours no one teaches: JSON, or the tariff list as
    /// xlsx or PDF in the language of --lang.
    Export {
        #[arg(long, value_enum)]
        format: load::LoadFormat,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum TimetableCommand {
    /// Fills the timetable from the curriculum and the assignments, keeping pinned lessons, and
    /// prints the hard rules it still breaks.
    Generate {
        #[arg(long, default_value_t = 30)]
        seconds: u64,
    },
    /// Every rule the timetable breaks, with its code and the lessons involved.
    Check {
        #[arg(long, value_enum, default_value = "table")]
        format: timetable::CheckFormat,
    },
    /// Writes the timetable: FET's file, or the sheet by class as xlsx or PDF.
    Export {
        #[arg(long, value_enum)]
        format: timetable::ExportFormat,
        #[arg(long)]
        out: PathBuf,
    },
    /// Reads a FET file and says what it holds and which of its constraints Dala does not
    /// support.
    Import {
        #[arg(long, value_enum)]
        format: timetable::ImportFormat,
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum ActivitiesCommand {
    /// The plan's breaches of the age norms, each naming the norm.
    Check {
        #[arg(long, value_enum, default_value = "table")]
        format: timetable::CheckFormat,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let lang = cli
        .lang
        .as_deref()
        .and_then(|l| l.parse().ok())
        .unwrap_or_else(Lang::from_env);
    match run(cli, lang) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", e.message(lang));
            ExitCode::from(e.exit_code())
        }
    }
}

fn data_dir(cli: &Cli) -> Result<PathBuf, CliError> {
    cli.data
        .clone()
        .ok_or_else(|| CliError::Usage("--data DIR or DALA_DATA is required".into()))
}

/// What whoever made a data folder must see, once: where it is, the fingerprint of the
/// certificate laptops will check, and the recovery key.
fn created(dir: &Path, name: &str, recovery: &RecoveryKey, lang: Lang) -> Result<(), CliError> {
    say!(
        "{}",
        text(
            lang,
            "cli-init-done",
            &[
                ("name", name.into()),
                ("path", dir.display().to_string().as_str().into())
            ]
        )
    );
    let certificate = dala_store::tls::certificate(dir)?;
    let fingerprint = certificate.fingerprint.as_str();
    say!(
        "{}",
        text(
            lang,
            "cli-serve-fingerprint",
            &[("fingerprint", fingerprint.into())]
        )
    );
    say!("{}", text(lang, "cli-recovery-key-title", &[]));
    say!("{}", recovery.display().as_str());
    Ok(())
}

fn unlock(dir: &Path, lang: Lang) -> Result<Store, CliError> {
    let (login, password) = credentials::login_and_password(lang)?;
    Ok(Store::unlock(dir, &login, &password, Utc::now())?)
}

fn run(cli: Cli, lang: Lang) -> Result<ExitCode, CliError> {
    let dir = data_dir(&cli)?;
    match cli.command {
        Commands::Init {
            kind,
            name,
            admin_login,
        } => {
            let password = credentials::new_password(lang)?;
            let setup = Setup {
                kind: kind.into(),
                name: &name,
                admin_login: &admin_login,
                password: &password,
                kdf: KdfParams::default(),
            };
            let (_, recovery) = Store::init(&dir, &setup, Utc::now())?;
            created(&dir, &name, &recovery, lang)?;
        }
        Commands::Provision {
            snapshot,
            code,
            hub,
            admin_login,
        } => {
            let bytes = std::fs::read(&snapshot).map_err(|e| CliError::io(&snapshot, e))?;
            let password = credentials::new_password(lang)?;
            let provision = Provision {
                snapshot: &bytes,
                code: &code,
                hub_url: hub.as_deref(),
                admin_login: &admin_login,
                password: &password,
                kdf: KdfParams::default(),
            };
            let (store, recovery) = Store::provision(&dir, &provision, Utc::now())?;
            let name = store.list::<Organisation>()?.remove(0).name;
            created(&dir, &name, &recovery, lang)?;
        }
        Commands::Demo { kind } => demo(&dir, kind.into(), lang)?,
        Commands::Accounts {
            command: AccountsCommand::List { format },
        } => {
            let store = unlock(&dir, lang)?;
            let accounts = store.list::<Account>()?;
            match format {
                ListFormat::Json => {
                    let list: Vec<_> = accounts
                        .iter()
                        .map(|a| serde_json::json!({"login": a.login, "role": a.role.code()}))
                        .collect();
                    say!(
                        "{}",
                        serde_json::to_string_pretty(&list)
                            .map_err(|e| CliError::Usage(e.to_string()))?
                    );
                }
                ListFormat::Table => {
                    for a in accounts {
                        say!("{:<20} {}", a.login, a.role.code());
                    }
                }
            }
        }
        Commands::Check => {
            let store = unlock(&dir, lang)?;
            let report = store.check()?;
            if report.passed() {
                say!(
                    "{}",
                    text(
                        lang,
                        "cli-check-ok",
                        &[
                            ("documents", report.documents.into()),
                            ("entries", report.audit_entries.into())
                        ]
                    )
                );
            } else {
                say!(
                    "{}",
                    text(
                        lang,
                        "cli-check-failed",
                        &[("count", report.problems.len().into())]
                    )
                );
                for problem in &report.problems {
                    say!(
                        "{}",
                        text(
                            lang,
                            "cli-check-problem",
                            &[("detail", problem.as_str().into())]
                        )
                    );
                }
                return Ok(ExitCode::from(1));
            }
        }
        Commands::Export { format, out } => {
            let store = unlock(&dir, lang)?;
            export::export(&store, format, &out, lang)?;
            say!(
                "{}",
                text(
                    lang,
                    "cli-export-done",
                    &[("path", out.display().to_string().as_str().into())]
                )
            );
        }
        Commands::Sync { command } => {
            let (login, password) = credentials::login_and_password(lang)?;
            let mut store = Store::unlock(&dir, &login, &password, Utc::now())?;
            let done = match command {
                SyncCommand::Enroll { hub, code } => {
                    sync::enrol(&mut store, hub.as_deref(), &code, lang)?
                }
                SyncCommand::Now { sign } => {
                    let confirm = sign.then_some(Confirm {
                        login: &login,
                        password: &password,
                    });
                    sync::now(&mut store, confirm, lang)?
                }
                SyncCommand::LanCode => sync::lan_code(&mut store, &dir, lang)?,
                SyncCommand::Laptops => sync::laptops(&store, lang)?,
                SyncCommand::RemoveLaptop { device } => {
                    sync::remove_laptop(&mut store, &device, lang)?
                }
            };
            say!("{done}");
        }
        Commands::Bundle { command } => {
            let (login, password) = credentials::login_and_password(lang)?;
            let mut store = Store::unlock(&dir, &login, &password, Utc::now())?;
            let done = match command {
                BundleCommand::Export { out, sign } => {
                    let confirm = sign.then_some(Confirm {
                        login: &login,
                        password: &password,
                    });
                    sync::export(&mut store, &out, confirm, lang)?
                }
                BundleCommand::Import { file } => sync::import(&mut store, &file, lang)?,
            };
            say!("{done}");
        }
        Commands::Serve { port, ui, lan } => serve::run(dir, port, ui, lan, lang)?,
        Commands::Timetable { command } => return timetable_command(&dir, command, lang),
        Commands::Activities {
            command: ActivitiesCommand::Check { format },
        } => {
            let store = unlock(&dir, lang)?;
            let violations = check_plan(&store, school_date(Utc::now()), lang)?;
            match format {
                timetable::CheckFormat::Json => say!("{}", json(&violations)?),
                timetable::CheckFormat::Table => {
                    for v in &violations {
                        say!("· {} [{}]", v.message, v.violation.code());
                    }
                    say!(
                        "{}",
                        text(
                            lang,
                            "cli-activities-checked",
                            &[("count", violations.len().into())]
                        )
                    );
                }
            }
        }
        Commands::Load {
            command: LoadCommand::Export { format, out },
        } => {
            let store = unlock(&dir, lang)?;
            let view = load::export(&store, format, &out, school_date(Utc::now()), lang)?;
            let path = out.display().to_string();
            let uncovered = view.uncovered_hours.to_string();
            say!(
                "{}",
                text(
                    lang,
                    "cli-load-done",
                    &[
                        ("path", path.as_str().into()),
                        ("teachers", view.teachers.len().into()),
                        ("uncovered", uncovered.as_str().into()),
                    ]
                )
            );
            if !view.problems.is_empty() {
                say!(
                    "{}",
                    text(
                        lang,
                        "cli-load-problems",
                        &[("count", view.problems.len().into())]
                    )
                );
            }
        }
        Commands::Import {
            what: ImportCommand::Students { file },
        } => {
            let mut store = unlock(&dir, lang)?;
            let count = import::import_students(&mut store, &file, Utc::now(), lang)?;
            say!(
                "{}",
                text(lang, "cli-import-done", &[("count", count.into())])
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The demo: the administrator from `init`, then the organisation's data command by command,
/// as a person would enter it, then an account for every role with the same password.
fn demo(dir: &Path, kind: OrgKind, lang: Lang) -> Result<(), CliError> {
    let password = credentials::new_password(lang)?;
    let admin = dala_core::account::Role::administrator(kind);
    let (name, kind_id) = match kind {
        OrgKind::School => ("Қарабұлақ мектебі", "cli-kind-school"),
        OrgKind::Kindergarten => ("Балбөбек", "cli-kind-kindergarten"),
    };
    let setup = Setup {
        kind,
        name,
        admin_login: admin.code(),
        password: &password,
        kdf: KdfParams::default(),
    };
    let now = Utc::now();
    let (mut store, _recovery) = Store::init(dir, &setup, now)?;
    let org_id = store
        .list::<Organisation>()?
        .first()
        .map(|o| o.id)
        .unwrap_or_else(Uuid::now_v7);
    // A fixed seed: every demo of a kind holds the same people, which tests and bug reports rely on.
    let mut rng = rand::rngs::StdRng::seed_from_u64(2026);
    let mut new_id = Uuid::now_v7;
    let today = school_date(now);
    let demo = match kind {
        OrgKind::School => dala_core::demo::school(org_id, today, &mut rng, &mut new_id),
        OrgKind::Kindergarten => {
            dala_core::demo::kindergarten(org_id, today, &mut rng, &mut new_id)
        }
    };
    for command in &demo.commands {
        store.execute(command, Utc::now())?;
    }
    for account in demo.accounts.iter().filter(|a| a.login != admin.code()) {
        store.create_account(account, &password, KdfParams::default(), Utc::now())?;
    }
    let people = store.list::<dala_core::person::Person>()?;
    let count = |kind| people.iter().filter(|p| p.kind == kind).count();
    let pupils = count(PersonKind::Student) + count(PersonKind::Child);
    say!(
        "{}",
        text(
            lang,
            "cli-demo-done",
            &[
                ("kind", text(lang, kind_id, &[]).as_str().into()),
                ("students", pupils.into()),
                ("staff", count(PersonKind::Staff).into()),
                ("accounts", store.list::<Account>()?.len().into()),
            ]
        )
    );
    Ok(())
}

fn timetable_command(
    dir: &Path,
    command: TimetableCommand,
    lang: Lang,
) -> Result<ExitCode, CliError> {
    let today = school_date(Utc::now());
    match command {
        TimetableCommand::Generate { seconds } => {
            let mut store = unlock(dir, lang)?;
            let done = timetable::generate(&mut store, seconds, today, Utc::now(), lang)?;
            let soft = done.soft_score.to_string();
            say!(
                "{}",
                text(
                    lang,
                    "cli-timetable-generated",
                    &[
                        ("lessons", done.lessons.into()),
                        ("hard", done.hard.len().into()),
                        ("soft", soft.as_str().into()),
                    ]
                )
            );
            for v in &done.hard {
                say!("  {} [{}]", v.message, v.code);
            }
        }
        TimetableCommand::Check { format } => {
            let store = unlock(dir, lang)?;
            let week = timetable::read(&store, today)?;
            let violations = timetable::violations(&week, lang);
            match format {
                timetable::CheckFormat::Json => say!("{}", json(&violations)?),
                timetable::CheckFormat::Table => {
                    for v in &violations {
                        let mark = if v.hard { "!" } else { "·" };
                        say!("{mark} {} [{}]", v.message, v.code);
                    }
                    let hard = violations.iter().filter(|v| v.hard).count();
                    say!(
                        "{}",
                        text(
                            lang,
                            "cli-timetable-checked",
                            &[
                                ("hard", hard.into()),
                                ("soft", (violations.len() - hard).into())
                            ]
                        )
                    );
                }
            }
        }
        TimetableCommand::Export { format, out } => {
            let store = unlock(dir, lang)?;
            let lessons = timetable::export(&store, format, &out, today, lang)?;
            let path = out.display().to_string();
            say!(
                "{}",
                text(
                    lang,
                    "cli-timetable-exported",
                    &[("path", path.as_str().into()), ("lessons", lessons.into())]
                )
            );
        }
        TimetableCommand::Import {
            format: timetable::ImportFormat::Fet,
            file,
        } => {
            let summary = timetable::import(&file)?;
            say!("{}", json(&summary)?);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn json(value: &impl serde::Serialize) -> Result<String, CliError> {
    serde_json::to_string_pretty(value).map_err(|e| CliError::Usage(e.to_string()))
}
