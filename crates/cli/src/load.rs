//! `dala load export`: the current year's teaching load as the JSON of `GET /api/v1/load`, or as
//! the tariff list in xlsx or PDF in the user's language. The calculation and the sheet are
//! dala-api's (`dala_api::load`), so the file is the one the deputy downloads in the app.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use clap::ValueEnum;
use dala_api::load::{LoadView, TariffFile, load_view, tariff_list};
use dala_i18n::Lang;
use dala_store::Store;

use crate::error::CliError;

#[derive(Clone, Copy, ValueEnum)]
pub enum LoadFormat {
    Json,
    Xlsx,
    Pdf,
}

/// Writes the load to `out` and hands back what it wrote, for the summary line.
pub fn export(
    store: &Store,
    format: LoadFormat,
    out: &Path,
    today: NaiveDate,
    lang: Lang,
) -> Result<LoadView, CliError> {
    let view = load_view(store, today, lang)?;
    let bytes = match format {
        LoadFormat::Json => {
            let mut json = serde_json::to_vec_pretty(&view).map_err(|e| CliError::io(out, e))?;
            json.push(b'\n');
            json
        }
        LoadFormat::Xlsx | LoadFormat::Pdf => {
            let kind = match format {
                LoadFormat::Pdf => TariffFile::Pdf,
                _ => TariffFile::Xlsx,
            };
            let report = tariff_list(store, &view, today, lang)?;
            kind.write(&report).map_err(|e| CliError::io(out, e))?
        }
    };
    std::fs::File::create(out)
        .and_then(|mut file| file.write_all(&bytes).and_then(|()| file.flush()))
        .map_err(|e| CliError::io(out, e))?;
    Ok(view)
}
