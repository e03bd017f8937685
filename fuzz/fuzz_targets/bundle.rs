//! A file off a USB stick, as the hub reads a school's bundle and the school the hub's answer
//! or its snapshot.
//! Nothing may panic.

#![no_main]

use std::sync::LazyLock;

use dala_sync::{EnrolmentCode, HubAnswer, PublicKey, SchoolBundle, SecretKey, Snapshot};
use libfuzzer_sys::fuzz_target;
use uuid::Uuid;

static HUB: LazyLock<PublicKey> =
    LazyLock::new(|| SecretKey::from_bytes(&[2; 32]).unwrap().public());
static DEVICE: LazyLock<PublicKey> =
    LazyLock::new(|| SecretKey::from_bytes(&[1; 32]).unwrap().public());
const ORG: Uuid = Uuid::from_u128(0x0193_0000_7000_8000_0000_0000_0000_0001);

fuzz_target!(|data: &[u8]| {
    let _ = SchoolBundle::open(data, &HUB);
    let _ = HubAnswer::open(data, &HUB.short_hash(), ORG, &DEVICE);
    let code = EnrolmentCode {
        secret: [3; 8],
        hub: HUB.short_hash(),
        lan: false,
    };
    let _ = Snapshot::open(data, &code);
});
