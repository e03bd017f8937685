//! `dala-hub`: the central server's command line.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};
use clap::{Parser, Subcommand, ValueEnum};
use dala_hub::{Hub, HubError, Result, bundle, report};

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
    /// Forgets a school's director key when its director changes: the next confirmation
    /// binds the new director's.
    ForgetDirector {
        #[arg(long)]
        org_name: String,
    },
    /// Per organisation: last sync, oldest undelivered change, pupils, attendance rate.
    Report {
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        #[arg(long)]
        out: Option<PathBuf>,
    },
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
    let now = Utc::now();
    match cli.command {
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
        Command::Enroll { org_name } => {
            let code = hub.create_org(&org_name, now).await?;
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
        Command::ForgetDirector { org_name } => match hub.forget_director(&org_name).await? {
            0 => Err(HubError::Invalid(format!(
                "no organisation named {org_name}"
            ))),
            _ => {
                println!("{org_name}: the next confirmation names the director");
                Ok(())
            }
        },
        Command::Report { format, out } => {
            let rows = report::rows(&hub, now).await?;
            let bytes = match format {
                Format::Json => {
                    serde_json::to_vec_pretty(&serde_json::json!({ "organisations": rows }))
                        .map_err(|e| HubError::Invalid(e.to_string()))?
                }
                Format::Xlsx => report::xlsx(&rows)?,
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
