//! The decoders behind `open` meet altered bytes without a panic: every bit flip, cut, inserted,
//! deleted or changed byte of a sealed request, response, bundle or answer is refused, and a
//! body that is not a value, signed all the same, is refused as malformed. Deterministic: a small
//! xorshift generator with fixed seeds picks the mutations, and the keys are fixed.

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ROOT};
use dala_sync::{
    Answer, Ask, Confirmation, DocChanges, DocHeads, DocMessage, Enrolment, FixationNotice,
    HubAnswer, Kind, PublicKey, Refusal, Request, Response, SchoolBundle, SecretKey, Submission,
    SyncError, open, seal, seal_raw,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

/// Mutations per sealed value.
const MUTATIONS: usize = 1_000;

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn byte(&mut self) -> u8 {
        self.next() as u8
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.byte()).collect()
    }
}

/// The ways bytes are altered; each changes them, which `mutate`'s caller checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mutation {
    FlipBit,
    Truncate,
    Insert,
    Delete,
    Change,
    Append,
}

const MUTATION_KINDS: [Mutation; 6] = [
    Mutation::FlipBit,
    Mutation::Truncate,
    Mutation::Insert,
    Mutation::Delete,
    Mutation::Change,
    Mutation::Append,
];

fn mutate(rng: &mut XorShift, bytes: &[u8]) -> (Mutation, Vec<u8>) {
    let mut out = bytes.to_vec();
    let kind = MUTATION_KINDS[rng.below(MUTATION_KINDS.len())];
    match kind {
        Mutation::FlipBit => {
            let at = rng.below(out.len());
            out[at] ^= 1 << rng.below(8);
        }
        Mutation::Truncate => out.truncate(rng.below(out.len())),
        Mutation::Insert => {
            let at = rng.below(out.len() + 1);
            let byte = rng.byte();
            out.insert(at, byte);
        }
        Mutation::Delete => {
            out.remove(rng.below(out.len()));
        }
        Mutation::Change => {
            let at = rng.below(out.len());
            out[at] ^= 1 + rng.below(255) as u8;
        }
        Mutation::Append => {
            let len = 1 + rng.below(16);
            out.extend(rng.bytes(len));
        }
    }
    (kind, out)
}

fn key(seed: u8) -> SecretKey {
    SecretKey::from_bytes(&[seed; 32]).unwrap()
}

const ORG: Uuid = Uuid::from_u128(0x0193_0000_7000_8000_0000_0000_0000_0001);

/// A real automerge sync message, so that the fixtures carry what the wire carries.
fn sync_message() -> Vec<u8> {
    let mut doc = AutoCommit::new();
    doc.put(ROOT, "name", "Ақсу мектебі").unwrap();
    doc.put(ROOT, "pupils", 412_i64).unwrap();
    dala_sync::generate(&mut doc, &mut dala_sync::state(None)).unwrap()
}

fn changes() -> Vec<u8> {
    let mut doc = AutoCommit::new();
    doc.put(ROOT, "mark", 5_i64).unwrap();
    doc.save()
}

fn request() -> Request {
    Request {
        org: ORG,
        at_ms: 1_780_000_000_000,
        ask: Ask::Round {
            docs: vec![
                DocMessage {
                    doc: "journal/7А/2".into(),
                    message: sync_message(),
                },
                DocMessage {
                    doc: "org".into(),
                    message: vec![0x42, 0x01],
                },
            ],
        },
    }
}

fn response() -> Response {
    Response {
        answer: Answer::Round {
            docs: vec![DocMessage {
                doc: "journal/7А/2".into(),
                message: sync_message(),
            }],
            refused: vec![Refusal {
                doc: "staff".into(),
                code: "sync.out_of_scope".into(),
            }],
        },
        fixation: Some(FixationNotice {
            date: "2026-05-25".into(),
            freeze_working_days: 5,
        }),
    }
}

fn bundle(hub: &PublicKey, director: &SecretKey) -> SchoolBundle {
    let submission = Submission {
        org: ORG,
        org_name: "Ақсу мектебі".into(),
        hub: hub.short_hash(),
        made_at_ms: 1_780_000_000_000,
        oldest_undelivered_ms: Some(1_779_000_000_000),
        enrol: Some(Enrolment {
            secret: [9; 8],
            org_name: "Ақсу мектебі".into(),
            device_name: "мұғалім-1".into(),
            director: Some(director.public()),
        }),
        docs: vec![DocChanges {
            doc: "journal/7А/2".into(),
            heads: vec![[7; 32], [8; 32]],
            changes: changes(),
        }],
    };
    let signature = director.sign(&submission.digest().unwrap());
    SchoolBundle {
        submission,
        confirmation: Some(Confirmation {
            director: director.public(),
            login: "director".into(),
            name: "Айгүл Серікова".into(),
            signature,
        }),
    }
}

fn answer(device: &PublicKey) -> HubAnswer {
    HubAnswer {
        org: ORG,
        device: *device,
        made_at_ms: 1_780_000_100_000,
        acks: vec![DocHeads {
            doc: "journal/7А/2".into(),
            heads: vec![[3; 32]],
        }],
        docs: vec![DocChanges {
            doc: "org".into(),
            heads: vec![[4; 32]],
            changes: changes(),
        }],
        refused: vec![Refusal {
            doc: "staff".into(),
            code: "sync.frozen".into(),
        }],
        fixation: Some(FixationNotice {
            date: "2026-05-25".into(),
            freeze_working_days: 5,
        }),
    }
}

/// A reader of sealed bytes: `Ok` answers whether the value read is the one sealed.
type Read<'a> = Box<dyn Fn(&[u8]) -> Result<bool, SyncError> + 'a>;

/// One sealed value and the reader the real code opens it with.
struct Case<'a> {
    name: &'static str,
    kind: Kind,
    signer: &'a SecretKey,
    /// The value's postcard body, before compression.
    plain: Vec<u8>,
    sealed: Vec<u8>,
    read: Read<'a>,
    /// The bare envelope reader of the value's type: a body that does not decode is malformed.
    decode: fn(Kind, &[u8]) -> Result<(), SyncError>,
}

fn decode_as<T: DeserializeOwned>(kind: Kind, bytes: &[u8]) -> Result<(), SyncError> {
    open::<T>(kind, bytes).map(drop)
}

fn case<'a, T: Serialize + DeserializeOwned + PartialEq + 'a>(
    name: &'static str,
    kind: Kind,
    signer: &'a SecretKey,
    value: T,
    read: impl Fn(&[u8]) -> Result<(PublicKey, T), SyncError> + 'a,
) -> Case<'a> {
    let sealed = seal(kind, signer, &value).unwrap();
    let expected = (signer.public(), value);
    let plain = postcard::to_stdvec(&expected.1).unwrap();
    Case {
        name,
        kind,
        signer,
        plain,
        sealed,
        read: Box::new(move |bytes| read(bytes).map(|opened| opened == expected)),
        decode: decode_as::<T>,
    }
}

struct Keys {
    device: SecretKey,
    hub: SecretKey,
    director: SecretKey,
}

fn keys() -> Keys {
    Keys {
        device: key(1),
        hub: key(2),
        director: key(3),
    }
}

fn cases(keys: &Keys) -> Vec<Case<'_>> {
    let hub = keys.hub.public();
    let device = keys.device.public();
    vec![
        case(
            "request",
            Kind::Request,
            &keys.device,
            request(),
            dala_sync::open_request,
        ),
        case(
            "response",
            Kind::Response,
            &keys.hub,
            response(),
            |bytes: &[u8]| open::<Response>(Kind::Response, bytes),
        ),
        case(
            "bundle",
            Kind::Bundle,
            &keys.device,
            bundle(&hub, &keys.director),
            move |bytes: &[u8]| SchoolBundle::open(bytes, &hub),
        ),
        case(
            "answer",
            Kind::Answer,
            &keys.hub,
            answer(&device),
            move |bytes: &[u8]| HubAnswer::open(bytes, &hub.short_hash(), ORG, &device),
        ),
    ]
}

#[test]
fn the_fixtures_open_and_seal_raw_seals_as_seal_does() {
    let keys = keys();
    for case in cases(&keys) {
        assert_eq!((case.read)(&case.sealed), Ok(true), "{}", case.name);
        let raw = seal_raw(case.kind, case.signer, &case.plain).unwrap();
        assert_eq!(
            raw, case.sealed,
            "{}: seal_raw differs from seal",
            case.name
        );
    }
}

#[test]
fn every_mutated_envelope_is_refused_without_a_panic() {
    let keys = keys();
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for case in cases(&keys) {
        let mut seen = [0usize; MUTATION_KINDS.len()];
        for round in 0..MUTATIONS {
            let (kind, altered) = mutate(&mut rng, &case.sealed);
            seen[MUTATION_KINDS.iter().position(|k| *k == kind).unwrap()] += 1;
            assert_ne!(
                altered, case.sealed,
                "{} #{round}: {kind:?} changed nothing",
                case.name
            );
            match (case.read)(&altered) {
                Ok(same) => panic!(
                    "{} #{round}: {kind:?} opened (as the same value: {same})",
                    case.name
                ),
                Err(err) => assert!(
                    matches!(err.code(), "sync.malformed" | "sync.signature"),
                    "{} #{round}: {kind:?} refused as {err:?}",
                    case.name
                ),
            }
        }
        assert!(
            seen.iter().all(|n| *n > MUTATIONS / 12),
            "{}: every kind of mutation is tried: {seen:?}",
            case.name
        );
    }
}

#[test]
fn a_signed_body_that_is_not_a_value_is_malformed() {
    let keys = keys();
    let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
    for case in cases(&keys) {
        let malformed = |body: &[u8], what: &str| {
            let sealed = seal_raw(case.kind, case.signer, body).unwrap();
            let decoded = (case.decode)(case.kind, &sealed);
            assert_eq!(
                decoded.as_ref().map_err(SyncError::code),
                Err("sync.malformed"),
                "{} {what}: {decoded:?}",
                case.name
            );
            // The type's own reader refuses it the same way, before its own checks.
            let read = (case.read)(&sealed);
            assert_eq!(
                read.as_ref().map_err(SyncError::code),
                Err("sync.malformed"),
                "{} {what}: {read:?}",
                case.name
            );
        };
        // Every cut of a value stops before its end.
        for len in 0..case.plain.len() {
            malformed(&case.plain[..len], &format!("cut to {len}"));
        }
        // A value with anything after it is not the value.
        for round in 0..64 {
            let mut body = case.plain.clone();
            let len = 1 + rng.below(32);
            body.extend(rng.bytes(len));
            malformed(&body, &format!("with {len} bytes after it (#{round})"));
        }
        // Noise, at many lengths.
        for len in 0..256 {
            malformed(&rng.bytes(len), &format!("noise of {len} bytes"));
        }
    }
}

#[test]
fn a_signed_body_altered_inside_decodes_or_is_malformed_without_a_panic() {
    let keys = keys();
    let mut rng = XorShift(0x1405_7b7e_f767_814f);
    for case in cases(&keys) {
        let mut refused = 0;
        for round in 0..MUTATIONS / 4 {
            let (kind, body) = mutate(&mut rng, &case.plain);
            assert_ne!(
                body, case.plain,
                "{} #{round}: {kind:?} changed nothing",
                case.name
            );
            let sealed = seal_raw(case.kind, case.signer, &body).unwrap();
            if let Err(err) = (case.decode)(case.kind, &sealed) {
                assert_eq!(
                    err.code(),
                    "sync.malformed",
                    "{} #{round}: {kind:?}: {err:?}",
                    case.name
                );
                refused += 1;
            }
            // The type's reader may also refuse a value that decodes: another hub, another
            // organisation or device, a confirmation that no longer matches.
            if let Err(err) = (case.read)(&sealed) {
                assert!(
                    matches!(
                        err.code(),
                        "sync.malformed" | "sync.wrong_hub" | "sync.wrong_org" | "sync.signature"
                    ),
                    "{} #{round}: {kind:?} refused by its reader as {err:?}",
                    case.name
                );
            }
        }
        assert!(
            refused > MUTATIONS / 8,
            "{}: only {refused} altered bodies refused",
            case.name
        );
    }
}

#[test]
fn an_envelope_spelt_another_way_is_refused() {
    let keys = keys();
    for case in cases(&keys) {
        // After the header and the signer's key: the body's length, a postcard varint.
        let at = 6 + 32;
        let end = at
            + case.sealed[at..]
                .iter()
                .position(|b| b & 0x80 == 0)
                .unwrap();
        // The same length spelt one byte longer: the last byte goes on, a zero byte ends it.
        let mut long = case.sealed.clone();
        long[end] |= 0x80;
        long.insert(end + 1, 0);
        let read = (case.read)(&long);
        assert_eq!(
            read.as_ref().map_err(SyncError::code),
            Err("sync.malformed"),
            "{}: {read:?}",
            case.name
        );
    }
}
