//! `dala-hub`: the central server's command line.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use clap::{Parser, Subcommand, ValueEnum};
use dala_hub::{Hub, HubError, Result, bundle, districts, report, snapshot};

#[derive(Parser)]
#[command(name = "dala-hub", about = "Dala's central server")]
struct Cli {
    /// The hub's data folder: its identity key, certificate and (by default) SQLite database.
    #[arg(long)]
    data: PathBuf,
    /// A PostgreSQL database instead of SQLite: postgres://user@host/db
    #[arg(long, env = "DALA_HUB_DATABASE")]
    database: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serves sync over HTTPS.
    Serve {
        #[arg(long, default_value_t = 8443)]
        port: u16,
        /// Plain HTTP on 127.0.0.1 only, for load tests on this computer.
        #[arg(long)]
        loopback_http: bool,
    },
    /// Registers an organisation and prints its one-time enrolment code on the last line.
    Enroll {
        #[arg(long)]
        org_name: String,
        /// The district's KATO code: its department and its region's read the reports.
        #[arg(long)]
        district: Option<String>,
    },
    /// The accounts of education departments that read the reports of their area over HTTP.
    Account {
        #[command(subcommand)]
        action: AccountAction,
    },
    /// Imports a school's bundle and writes the hub's answer beside it (or to --answer).
    Import {
        file: PathBuf,
        #[arg(long)]
        answer: Option<PathBuf>,
    },
    /// Announces the fixation date and its freeze window in working days (M10).
    Fixation {
        #[arg(long)]
        date: NaiveDate,
        #[arg(long, default_value_t = 10)]
        freeze: u32,
        /// Writes the archive of that date (each organisation's document heads) as JSON.
        #[arg(long)]
        export: Option<PathBuf>,
    },
    /// Writes every document of an enrolled organisation to a signed file for a new computer of
    /// it, and prints the one-time code that goes with the file on the last line.
    Snapshot {
        #[arg(long)]
        org_name: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Forgets a school's director key when its director changes: the next confirmation
    /// binds the new director's.
    ForgetDirector {
        #[arg(long)]
        org_name: String,
    },
    /// Per organisation: last sync, oldest undelivered change, pupils, attendance rate; the
    /// contingent by grade and language; attendance by week. An xlsx holds the one --report names.
    Report {
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        #[arg(long, value_enum, default_value_t = Which::Organisations)]
        report: Which,
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum AccountAction {
    /// Adds an account and prints its access token on the last line, this once.
    Add {
        #[arg(long)]
        login: String,
        #[arg(long)]
        name: String,
        /// `republic`, `region` or `district`.
        #[arg(long)]
        level: String,
        /// The region's or district's KATO code.
        #[arg(long)]
        area: Option<String>,
    },
    /// Removes an account: its token stops working.
    Remove {
        #[arg(long)]
        login: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Which {
    Organisations,
    Contingent,
    Attendance,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Xlsx,
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("hub.io: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: {e}", e.code());
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<()> {
    let hub = Hub::open(&cli.data, cli.database.as_deref()).await?;
    let pool = hub.pool.clone();
    let result = execute(hub, cli.command, Utc::now()).await;
    // Each SQLite connection closes on a thread of its own: waiting for them here keeps a
    // close from running while the process exits and SQLCipher's OpenSSL is torn down
    // (a report once ended in "malloc_consolidate(): invalid chunk size").
    pool.close().await;
    result
}

async fn execute(hub: Hub, command: Command, now: DateTime<Utc>) -> Result<()> {
    match command {
        Command::Serve {
            port,
            loopback_http,
        } => {
            if loopback_http {
                let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
                let listener = tokio::net::TcpListener::bind(address)
                    .await
                    .map_err(|e| HubError::io(&hub.dir, e))?;
                println!("dala-hub listening on http://{address}");
                return dala_hub::serve_loopback(hub, listener).await;
            }
            dala_hub::serve_tls(hub, port, |address, hub| {
                println!("dala-hub listening on https://{address}");
                println!("hub {}", hub.key.public().fingerprint());
            })
            .await
        }
        Command::Enroll { org_name, district } => {
            let code = hub
                .create_org_in(&org_name, district.as_deref(), now)
                .await?;
            println!("hub {}", hub.key.public().fingerprint());
            println!("{code}");
            Ok(())
        }
        Command::Import { file, answer } => {
            let bytes = std::fs::read(&file).map_err(|e| HubError::io(&file, e))?;
            let imported = bundle::import(&hub, &bytes, now).await?;
            let out = answer.unwrap_or_else(|| file.with_extension("answer.dalabundle"));
            std::fs::write(&out, &imported.answer).map_err(|e| HubError::io(&out, e))?;
            let summary = serde_json::json!({
                "org": imported.org_name,
                "applied_docs": imported.applied_docs,
                "refused": imported.refused.iter().map(|r| serde_json::json!({"doc": r.doc, "code": r.code})).collect::<Vec<_>>(),
                "already_imported": imported.already_imported,
                "confirmed_by": imported.confirmed_by,
                "answer": out.display().to_string(),
            });
            println!("{summary}");
            Ok(())
        }
        Command::Fixation {
            date,
            freeze,
            export,
        } => {
            let fixation = dala_core::working_days::Fixation::new(date, freeze)
                .map_err(|e| HubError::Invalid(e.to_string()))?;
            hub.announce(&fixation, now).await?;
            println!(
                "fixation {date}: announced from {}, frozen until {}",
                fixation.announced_from(),
                fixation.freeze_ends()
            );
            if let Some(path) = export {
                dala_hub::export_archive(&hub, date, &path).await?;
            }
            Ok(())
        }
        Command::Snapshot { org_name, out } => {
            let mut size = 0;
            let code = snapshot::make(&hub, &org_name, now, |bytes| {
                size = bytes.len();
                std::fs::write(&out, bytes).map_err(|e| HubError::io(&out, e))
            })
            .await?;
            println!(
                "{org_name}: {size} bytes in {}; the new computer starts from it with this code",
                out.display()
            );
            println!("{code}");
            Ok(())
        }
        Command::ForgetDirector { org_name } => match hub.forget_director(&org_name).await? {
            0 => Err(HubError::Invalid(format!(
                "no organisation named {org_name}"
            ))),
            _ => {
                println!("{org_name}: the next confirmation names the director");
                Ok(())
            }
        },
        Command::Account { action } => match action {
            AccountAction::Add {
                login,
                name,
                level,
                area,
            } => {
                let area = districts::Area::new(&level, area.as_deref())?;
                let token = districts::add_account(&hub, &login, &name, &area, now).await?;
                println!("{login}: reads the reports of its area at /reports with this token");
                println!("{token}");
                Ok(())
            }
            AccountAction::Remove { login } => {
                if districts::remove_account(&hub, &login).await? {
                    println!("{login}: removed");
                    Ok(())
                } else {
                    Err(HubError::Invalid(format!("no account {login}")))
                }
            }
        },
        Command::Report {
            format,
            report: which,
            out,
        } => {
            let reports = report::for_area(&hub, &districts::Area::Republic, now).await?;
            let bytes = match format {
                Format::Json => serde_json::to_vec_pretty(&reports)
                    .map_err(|e| HubError::Invalid(e.to_string()))?,
                Format::Xlsx => reports.xlsx(match which {
                    Which::Organisations => report::Report::Organisations,
                    Which::Contingent => report::Report::Contingent,
                    Which::Attendance => report::Report::Attendance,
                })?,
            };
            match out {
                Some(path) => std::fs::write(&path, bytes).map_err(|e| HubError::io(&path, e)),
                None => {
                    use std::io::Write;
                    std::io::stdout()
                        .write_all(&bytes)
                        .map_err(|e| HubError::io(Path::new("stdout"), e))
                }
            }
        }
    }
}
