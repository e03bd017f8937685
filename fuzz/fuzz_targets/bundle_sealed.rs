//! The fuzz input taken as the body of a school's bundle (sealed by a device), of the hub's
//! answer and of its snapshot for a new computer (sealed by the hub): the signature holds, so the decoders behind it are reached, and
//! then the checks of the hub, the organisation and the director's confirmation. Nothing may
//! panic.

#![no_main]

use std::sync::LazyLock;

use dala_sync::{EnrolmentCode, HubAnswer, Kind, SchoolBundle, SecretKey, Snapshot};
use libfuzzer_sys::fuzz_target;
use uuid::Uuid;

static DEVICE: LazyLock<SecretKey> = LazyLock::new(|| SecretKey::from_bytes(&[1; 32]).unwrap());
static HUB: LazyLock<SecretKey> = LazyLock::new(|| SecretKey::from_bytes(&[2; 32]).unwrap());
const ORG: Uuid = Uuid::from_u128(0x0193_0000_7000_8000_0000_0000_0000_0001);

fuzz_target!(|data: &[u8]| {
    if let Ok(sealed) = dala_sync::seal_raw(Kind::Bundle, &DEVICE, data) {
        let _ = SchoolBundle::open(&sealed, &HUB.public());
    }
    if let Ok(sealed) = dala_sync::seal_raw(Kind::Answer, &HUB, data) {
        let hub = HUB.public();
        let _ = HubAnswer::open(&sealed, &hub.short_hash(), ORG, &DEVICE.public());
    }
    if let Ok(sealed) = dala_sync::seal_raw(Kind::Snapshot, &HUB, data) {
        let code = EnrolmentCode {
            secret: [3; 8],
            hub: HUB.public().short_hash(),
            lan: false,
        };
        let _ = Snapshot::open(&sealed, &code);
    }
});
