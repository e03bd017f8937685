//! Bytes off the wire, as the serving side and the device read them: a request, a response, and
//! an automerge sync message (and a stored sync state). Nothing may panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dala_sync::open_request(data);
    let _ = dala_sync::open::<dala_sync::Response>(dala_sync::Kind::Response, data);

    let mut doc = automerge::AutoCommit::new();
    let mut state = dala_sync::state(None);
    let _ = dala_sync::receive(&mut doc, &mut state, data);

    let _ = dala_sync::state(Some(data));
});
