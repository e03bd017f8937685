//! The codecs refuse what is not theirs: altered bytes, another signer, another hub, noise.

use dala_sync::{
    DocChanges, EnrolmentCode, Kind, SchoolBundle, SecretKey, Submission, SyncError, open, seal,
};
use uuid::Uuid;

fn submission(hub: &SecretKey) -> Submission {
    Submission {
        org: Uuid::now_v7(),
        org_name: "Ақсу мектебі".into(),
        hub: hub.public().short_hash(),
        made_at_ms: 1_780_000_000_000,
        oldest_undelivered_ms: Some(1_779_000_000_000),
        enrol: None,
        docs: vec![DocChanges {
            doc: "org".into(),
            heads: vec![[7; 32]],
            changes: vec![1, 2, 3],
        }],
    }
}

#[test]
fn a_sealed_value_opens_with_its_signer() {
    let key = SecretKey::generate().unwrap();
    let bytes = seal(Kind::Request, &key, &"сәлем".to_string()).unwrap();
    let (signer, text): (_, String) = open(Kind::Request, &bytes).unwrap();
    assert_eq!((signer, text.as_str()), (key.public(), "сәлем"));
}

#[test]
fn an_altered_byte_anywhere_is_refused() {
    let key = SecretKey::generate().unwrap();
    let bytes = seal(Kind::Request, &key, &vec![5u8; 300]).unwrap();
    for i in 0..bytes.len() {
        let mut altered = bytes.clone();
        altered[i] ^= 0x01;
        let opened = open::<Vec<u8>>(Kind::Request, &altered);
        assert!(opened.is_err(), "byte {i} altered and still opened");
    }
}

#[test]
fn a_message_of_one_kind_is_not_read_as_another() {
    let key = SecretKey::generate().unwrap();
    let bytes = seal(Kind::Request, &key, &1u32).unwrap();
    let err = open::<u32>(Kind::Bundle, &bytes).unwrap_err();
    assert_eq!(err.code(), "sync.malformed");
}

#[test]
fn a_bundle_for_another_hub_or_with_a_forged_confirmation_is_refused() {
    let (device, hub, other_hub) = (
        SecretKey::generate().unwrap(),
        SecretKey::generate().unwrap(),
        SecretKey::generate().unwrap(),
    );
    let bundle = SchoolBundle {
        submission: submission(&hub),
        confirmation: None,
    };
    let bytes = bundle.seal(&device).unwrap();
    let (signer, opened) = SchoolBundle::open(&bytes, &hub.public()).unwrap();
    assert_eq!((signer, &opened), (device.public(), &bundle));
    assert_eq!(
        SchoolBundle::open(&bytes, &other_hub.public()).unwrap_err(),
        SyncError::WrongHub
    );

    let director = SecretKey::generate().unwrap();
    let digest = bundle.submission.digest().unwrap();
    let mut confirmed = bundle.clone();
    confirmed.confirmation = Some(dala_sync::Confirmation {
        director: director.public(),
        login: "director".into(),
        name: "Айгүл Серікова".into(),
        signature: director.sign(&digest),
    });
    let bytes = confirmed.seal(&device).unwrap();
    assert!(SchoolBundle::open(&bytes, &hub.public()).is_ok());
    // The same signature over other content: what a changed bundle re-sealed by a device shows.
    confirmed.submission.org_name = "Басқа мектеп".into();
    let bytes = confirmed.seal(&device).unwrap();
    assert_eq!(
        SchoolBundle::open(&bytes, &hub.public()).unwrap_err(),
        SyncError::Signature
    );
}

#[test]
fn noise_is_refused_without_a_panic() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for len in 0..512 {
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed as u8
            })
            .collect();
        let mut framed = b"DALAB\x01".to_vec();
        framed.extend_from_slice(&bytes);
        assert!(open::<SchoolBundle>(Kind::Bundle, &bytes).is_err());
        assert!(open::<SchoolBundle>(Kind::Bundle, &framed).is_err());
    }
}

#[test]
fn an_enrolment_code_reads_back_as_people_type_it() {
    let hub = SecretKey::generate().unwrap();
    let code = EnrolmentCode::new(&hub.public()).unwrap();
    let text = code.to_text();
    assert_eq!(text.len(), 39, "32 characters in 8 groups: {text}");
    let typed = text.to_lowercase().replace('-', " ");
    assert_eq!(EnrolmentCode::parse(&typed).unwrap(), code);
    assert!(code.is_hub(&hub.public()));
    assert!(!code.is_hub(&SecretKey::generate().unwrap().public()));

    let mut wrong = text.into_bytes();
    wrong[3] = if wrong[3] == b'A' { b'B' } else { b'A' };
    let wrong = String::from_utf8(wrong).unwrap();
    assert_eq!(
        EnrolmentCode::parse(&wrong).unwrap_err(),
        SyncError::CodeInvalid
    );
}

#[test]
fn a_lan_code_reads_back_as_a_lan_code_and_a_hub_code_as_a_hub_code() {
    let main = SecretKey::generate().unwrap().public();
    let lan = EnrolmentCode::new_lan(&main).unwrap();
    let read = EnrolmentCode::parse(&lan.to_text()).unwrap();
    assert!(read.lan);
    assert_eq!(read, lan);
    assert!(read.is_hub(&main));
    let hub = EnrolmentCode::parse(&EnrolmentCode::new(&main).unwrap().to_text()).unwrap();
    assert!(!hub.lan);
}

#[test]
fn a_fingerprint_from_paper_reads_as_the_one_from_the_key() {
    let hub = SecretKey::generate().unwrap().public();
    let code = EnrolmentCode::new(&hub).unwrap();
    assert_eq!(dala_sync::fingerprint_of(&code.hub), hub.fingerprint());
    assert_eq!(dala_sync::fingerprint_of(&[0xAB, 0xCD, 0x01]), "ABCD 01");
}
