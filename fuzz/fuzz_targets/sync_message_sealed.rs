//! The fuzz input taken as the body of a request and of a response, sealed with a fixed key: the
//! signature holds, so the decoders behind it are reached. The automerge messages a request or
//! response carries go on to `receive`, as the serving side and the device do. Nothing may panic.

#![no_main]

use std::sync::LazyLock;

use dala_sync::{Answer, Ask, DocMessage, Kind, Response, SecretKey};
use libfuzzer_sys::fuzz_target;

static KEY: LazyLock<SecretKey> = LazyLock::new(|| SecretKey::from_bytes(&[1; 32]).unwrap());

fn receive_all(docs: &[DocMessage]) {
    let mut doc = automerge::AutoCommit::new();
    let mut state = dala_sync::state(None);
    for message in docs {
        let _ = dala_sync::receive(&mut doc, &mut state, &message.message);
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(sealed) = dala_sync::seal_raw(Kind::Request, &KEY, data) {
        if let Ok((_, request)) = dala_sync::open_request(&sealed) {
            if let Ask::Round { docs } = &request.ask {
                receive_all(docs);
            }
        }
    }
    if let Ok(sealed) = dala_sync::seal_raw(Kind::Response, &KEY, data) {
        if let Ok((_, response)) = dala_sync::open::<Response>(Kind::Response, &sealed) {
            if let Answer::Round { docs, .. } = &response.answer {
                receive_all(docs);
            }
        }
    }
});
