//! `dala sync …` and `dala bundle …`: the school's side of sync, thin over the store.

use std::path::Path;

use chrono::Utc;
use dala_i18n::{Lang, text};
use dala_store::{Confirm, Store};

use crate::error::CliError;

pub fn enrol(
    store: &mut Store,
    hub: Option<&str>,
    code: &str,
    lang: Lang,
) -> Result<String, CliError> {
    let up = store.enrol(hub, code, Utc::now())?;
    let id = match up.peer_key {
        Some(key) => key.fingerprint(),
        None => dala_sync::fingerprint_of(&up.peer_hash),
    };
    let message = match hub {
        Some(_) if up.lan => "cli-sync-enrolled-lan",
        Some(_) => "cli-sync-enrolled",
        None => "cli-sync-enrolled-offline",
    };
    Ok(text(lang, message, &[("hub", id.as_str().into())]))
}

/// A code for a laptop, on the last line so that a script can take it.
pub fn lan_code(store: &mut Store, dir: &Path, lang: Lang) -> Result<String, CliError> {
    let code = store.issue_lan_code(Utc::now())?;
    let fingerprint = dala_store::tls::certificate(dir)?.fingerprint;
    Ok(format!(
        "{}\n{code}",
        text(
            lang,
            "cli-sync-lan-code",
            &[("fingerprint", fingerprint.as_str().into())]
        )
    ))
}

/// The laptops enrolled here, one a line, tab-separated for scripts.
pub fn laptops(store: &Store, lang: Lang) -> Result<String, CliError> {
    let devices = store.lan_devices()?;
    if devices.is_empty() {
        return Ok(text(lang, "cli-sync-laptops-none", &[]));
    }
    let never = text(lang, "cli-sync-laptop-never", &[]);
    Ok(devices
        .iter()
        .map(|d| {
            let last = d.last_sync.as_deref().unwrap_or(&never);
            format!("{}\t{}\t{last}", d.fingerprint, d.name)
        })
        .collect::<Vec<_>>()
        .join("\n"))
}

pub fn remove_laptop(store: &mut Store, device: &str, lang: Lang) -> Result<String, CliError> {
    if !store.remove_lan_device(device, Utc::now())? {
        return Err(dala_core::CoreError::NotFound {
            entity: "lan_device",
        }
        .into());
    }
    Ok(text(
        lang,
        "cli-sync-laptop-removed",
        &[("device", device.trim().into())],
    ))
}

pub fn now(store: &mut Store, confirm: Option<Confirm>, lang: Lang) -> Result<String, CliError> {
    // Below any tenth, so that the first step (connecting, 0 %) is printed too.
    let mut last = -10i32;
    let report = store.sync_upstream(Utc::now(), |phase, progress| {
        let percent = (progress * 100.0) as i32;
        if percent / 10 != last / 10 {
            last = percent;
            eprintln!("{} {percent}%", phase.code());
        }
    })?;
    if let Some(confirm) = confirm {
        store.confirm_upstream(confirm, Utc::now())?;
    }
    Ok(text(
        lang,
        "cli-sync-done",
        &[
            ("docs", report.docs.into()),
            ("rounds", (report.rounds as usize).into()),
            ("sent", (report.bytes_sent as usize).into()),
            ("received", (report.bytes_received as usize).into()),
            ("refused", report.refused.len().into()),
        ],
    ))
}

pub fn export(
    store: &mut Store,
    out: &Path,
    confirm: Option<Confirm>,
    lang: Lang,
) -> Result<String, CliError> {
    let bytes = store.export_bundle(Utc::now(), confirm)?;
    std::fs::write(out, &bytes).map_err(|e| CliError::io(out, e))?;
    let path = out.display().to_string();
    Ok(text(
        lang,
        "cli-bundle-exported",
        &[
            ("path", path.as_str().into()),
            ("bytes", bytes.len().into()),
        ],
    ))
}

pub fn import(store: &mut Store, file: &Path, lang: Lang) -> Result<String, CliError> {
    let bytes = std::fs::read(file).map_err(|e| CliError::io(file, e))?;
    let imported = store.import_answer(&bytes, Utc::now())?;
    Ok(text(
        lang,
        "cli-bundle-imported",
        &[
            ("docs", imported.applied_docs.into()),
            ("acknowledged", imported.acknowledged.into()),
        ],
    ))
}
