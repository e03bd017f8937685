//! `dala serve`: the API and the built UI over HTTP on this machine's loopback, for a browser on
//! the same computer (the desktop window reaches the same Router without any port). The store
//! stays locked until someone logs in.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use dala_api::{ApiState, router};
use dala_i18n::{Lang, text};
use tower_http::services::{ServeDir, ServeFile};

use crate::error::CliError;

pub fn run(dir: PathBuf, port: u16, ui: PathBuf, lang: Lang) -> Result<(), CliError> {
    let runtime = tokio::runtime::Runtime::new().map_err(|e| CliError::io(&dir, e))?;
    runtime.block_on(async move {
        let index = ui.join("index.html");
        let app = router(ApiState::new(dir.clone()))
            .fallback_service(ServeDir::new(&ui).fallback(ServeFile::new(&index)));
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .map_err(|e| CliError::Usage(format!("{address}: {e}")))?;
        if !index.exists() {
            eprintln!(
                "{}",
                text(
                    lang,
                    "cli-serve-no-ui",
                    &[("path", ui.display().to_string().as_str().into())]
                )
            );
        }
        println!(
            "{}",
            text(
                lang,
                "cli-serve-listening",
                &[("url", format!("http://{address}/").as_str().into())]
            )
        );
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| CliError::io(&dir, e))
    })
}
