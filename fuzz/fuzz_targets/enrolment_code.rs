//! An enrolment code as people type it: any text. Nothing may panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dala_sync::EnrolmentCode::parse(&String::from_utf8_lossy(data));
});
