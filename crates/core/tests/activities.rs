//! The kindergarten's week of organised activities: each refusal of `validate` by its code, each
//! norm of `check` kept at its edge and broken just past it, a shared hall, the templates of every
//! age keeping their own norms, a week copied to another group, and the record's round trip.

use chrono::NaiveTime;
use dala_core::activities::{
    ActivityNorms, Breach, GroupWeek, NormViolation, PlannedActivity, check, copy_week,
    standard_norms, template_for,
};
use dala_core::{Collection, DocKey, Entity, Fields, Value};
use uuid::Uuid;

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn at(text: &str) -> NaiveTime {
    NaiveTime::parse_from_str(text, "%H:%M").unwrap()
}

const YEAR: u128 = 1;
const GROUP: u128 = 10;

/// Activity `n` of `GROUP`: drawing on `day` from `starts` for `minutes`.
fn act(n: u128, day: u32, starts: &str, minutes: u32) -> PlannedActivity {
    PlannedActivity {
        id: id(n),
        year_id: id(YEAR),
        group_id: id(GROUP),
        day,
        starts: at(starts),
        minutes,
        activity: "drawing".into(),
        educator_id: Some(id(900)),
        room_id: None,
    }
}

fn norms() -> &'static ActivityNorms {
    standard_norms()
}

/// The pre-school band (5–6): 25–30 min, 4 a day, 20 a week, 10-min breaks, ending by 17:00.
fn preschool(activities: Vec<PlannedActivity>) -> Vec<GroupWeek> {
    vec![GroupWeek {
        group_id: id(GROUP),
        age_from: 5,
        age_to: 6,
        activities,
    }]
}

fn codes(found: &[NormViolation]) -> Vec<&'static str> {
    found.iter().map(NormViolation::code).collect()
}

fn refusal(a: &PlannedActivity, same_group: &[PlannedActivity]) -> &'static str {
    a.validate(same_group).unwrap_err().code()
}

// ---- the reference data ----

#[test]
fn norms_load_and_hold_together() {
    let norms = norms();
    assert!(norms.catalogue.activities.len() >= 12);
    for code in [
        "physical",
        "music",
        "speech",
        "kazakh",
        "maths_basics",
        "literature",
        "drawing",
        "modelling",
        "applique",
        "construction",
        "world_around",
        "literacy_basics",
    ] {
        let kind = norms.activity(code).unwrap_or_else(|| panic!("{code}"));
        assert!(!kind.name.get("kk").is_empty() && !kind.name.get("en").is_empty());
    }
    for (age, band) in (1..=5).zip(&norms.bands) {
        assert_eq!((band.age_from, band.age_to), (age, age + 1));
        assert!(band.minutes.min <= band.minutes.max);
        assert!(band.max_per_day <= band.max_per_week);
        assert!(band.confidence.starts_with('['), "{}", band.confidence);
        assert!(!band.source.is_empty());
        for item in &band.template.week {
            assert!(
                norms.activity(&item.activity).is_some(),
                "{}",
                item.activity
            );
        }
    }
    // The figures DOMAIN.md confirms for pre-school [H].
    let pre = norms.band(5).unwrap();
    assert_eq!((pre.minutes.min, pre.minutes.max), (25, 30));
    assert_eq!((pre.max_per_day, pre.min_break), (4, 10));
    assert!(norms.band(6).is_none() && norms.band(0).is_none());
}

// ---- validate: refusals by code ----

#[test]
fn day_must_be_monday_to_saturday() {
    assert_eq!(
        refusal(&act(1, 0, "09:00", 25), &[]),
        "schedule.weekday_invalid"
    );
    assert_eq!(
        refusal(&act(1, 7, "09:00", 25), &[]),
        "schedule.weekday_invalid"
    );
    assert!(act(1, 1, "09:00", 25).validate(&[]).is_ok());
    assert!(act(1, 6, "09:00", 25).validate(&[]).is_ok());
}

#[test]
fn time_within_the_day_and_minutes_5_to_60() {
    let bad = "schedule.activity_time_invalid";
    assert_eq!(refusal(&act(1, 1, "06:59", 25), &[]), bad);
    assert!(act(1, 1, "07:00", 25).validate(&[]).is_ok());
    // Ends at 19:00 exactly, or a minute later.
    assert!(act(1, 1, "18:30", 30).validate(&[]).is_ok());
    assert_eq!(refusal(&act(1, 1, "18:31", 30), &[]), bad);
    assert_eq!(refusal(&act(1, 1, "09:00", 4), &[]), bad);
    assert!(act(1, 1, "09:00", 5).validate(&[]).is_ok());
    assert!(act(1, 1, "09:00", 60).validate(&[]).is_ok());
    assert_eq!(refusal(&act(1, 1, "09:00", 61), &[]), bad);
    assert_eq!(refusal(&act(1, 1, "09:00", u32::MAX), &[]), bad);
    // HH:MM only: a time with seconds cannot be stored as it is.
    let mut seconds = act(1, 1, "09:00", 25);
    seconds.starts = NaiveTime::from_hms_opt(9, 0, 30).unwrap();
    assert_eq!(refusal(&seconds, &[]), bad);
    let err = act(1, 1, "09:00", 61).validate(&[]).unwrap_err();
    assert_eq!(err.args(), vec![("min", "5".into()), ("max", "60".into())]);
}

#[test]
fn activity_must_be_in_the_catalogue() {
    let mut a = act(1, 1, "09:00", 25);
    a.activity = "chess".into();
    let err = a.validate(&[]).unwrap_err();
    assert_eq!(err.code(), "schedule.activity_unknown");
    assert_eq!(err.args(), vec![("code", "chess".into())]);
}

#[test]
fn no_two_activities_of_a_group_at_once() {
    let first = [act(1, 1, "09:00", 25)];
    let overlap = "schedule.activity_overlap";
    assert_eq!(refusal(&act(2, 1, "09:24", 25), &first), overlap);
    assert_eq!(refusal(&act(2, 1, "08:40", 21), &first), overlap);
    // Inside it, or around it.
    assert_eq!(refusal(&act(2, 1, "09:05", 5), &first), overlap);
    assert_eq!(refusal(&act(2, 1, "08:50", 60), &first), overlap);
    // Back to back, another day, or the activity itself being edited: no overlap.
    assert!(act(2, 1, "09:25", 25).validate(&first).is_ok());
    assert!(act(2, 1, "08:35", 25).validate(&first).is_ok());
    assert!(act(2, 2, "09:00", 25).validate(&first).is_ok());
    assert!(act(1, 1, "09:10", 25).validate(&first).is_ok());
    // Another group's activity is not this group's concern.
    let mut other = act(3, 1, "09:00", 25);
    other.group_id = id(11);
    assert!(act(2, 1, "09:00", 25).validate(&[other]).is_ok());
}

// ---- check: each norm at its edge and past it ----

#[test]
fn a_week_keeping_every_norm_has_no_violation() {
    let week = vec![
        act(1, 1, "09:00", 25),
        act(2, 1, "09:35", 30),
        act(3, 1, "10:15", 30),
        act(4, 1, "16:30", 30),
    ];
    assert_eq!(check(&preschool(week), norms()), vec![]);
}

#[test]
fn duration_outside_the_age_range() {
    let week = vec![
        act(1, 1, "09:00", 24),
        act(2, 2, "09:00", 25),
        act(3, 3, "09:00", 30),
        act(4, 4, "09:00", 31),
    ];
    let found = check(&preschool(week), norms());
    assert_eq!(
        found,
        vec![
            NormViolation {
                group_id: id(GROUP),
                day: Some(1),
                activity_ids: vec![id(1)],
                breach: Breach::DurationOutOfRange {
                    min: 25,
                    max: 30,
                    actual: 24
                },
            },
            NormViolation {
                group_id: id(GROUP),
                day: Some(4),
                activity_ids: vec![id(4)],
                breach: Breach::DurationOutOfRange {
                    min: 25,
                    max: 30,
                    actual: 31
                },
            },
        ]
    );
}

#[test]
fn too_many_a_day() {
    let four: Vec<_> = (0..4)
        .map(|i| {
            act(
                i + 1,
                1,
                ["09:00", "09:40", "10:20", "11:00"][i as usize],
                30,
            )
        })
        .collect();
    assert_eq!(check(&preschool(four.clone()), norms()), vec![]);
    let mut five = four;
    five.push(act(5, 1, "15:30", 30));
    let found = check(&preschool(five), norms());
    assert_eq!(codes(&found), vec!["too_many_per_day"]);
    assert_eq!(found[0].day, Some(1));
    assert_eq!(found[0].activity_ids, (1..=5).map(id).collect::<Vec<_>>());
    assert_eq!(
        found[0].breach,
        Breach::TooManyPerDay {
            limit: 4,
            actual: 5
        }
    );
}

#[test]
fn too_many_a_week() {
    // 4 a day on five days is 20, the limit; a Saturday's 21st breaks it.
    let times = ["09:00", "09:40", "10:20", "11:00"];
    let mut week: Vec<_> = (1..=5u32)
        .flat_map(|day| (0..4).map(move |i| (day, i)))
        .enumerate()
        .map(|(n, (day, i))| act(n as u128 + 1, day, times[i], 30))
        .collect();
    assert_eq!(check(&preschool(week.clone()), norms()), vec![]);
    week.push(act(21, 6, "09:00", 30));
    let found = check(&preschool(week), norms());
    assert_eq!(codes(&found), vec!["too_many_per_week"]);
    assert_eq!(found[0].day, None);
    assert_eq!(found[0].activity_ids.len(), 21);
    assert_eq!(
        found[0].breach,
        Breach::TooManyPerWeek {
            limit: 20,
            actual: 21
        }
    );
}

#[test]
fn break_shorter_than_the_minimum() {
    // 09:00–09:30, then 09:40 (10 min: kept) and 10:19 after 10:10 (9 min: short).
    let week = vec![
        act(1, 1, "09:00", 30),
        act(2, 1, "09:40", 30),
        act(3, 1, "10:19", 30),
    ];
    let found = check(&preschool(week), norms());
    assert_eq!(codes(&found), vec!["break_too_short"]);
    assert_eq!(found[0].activity_ids, vec![id(2), id(3)]);
    assert_eq!(
        found[0].breach,
        Breach::BreakTooShort {
            limit: 10,
            actual: 9
        }
    );
    // Listed out of order, found in order; back to back is a break of 0.
    let week = vec![act(2, 3, "09:30", 30), act(1, 3, "09:00", 30)];
    let found = check(&preschool(week), norms());
    assert_eq!(found[0].activity_ids, vec![id(1), id(2)]);
    assert_eq!(
        found[0].breach,
        Breach::BreakTooShort {
            limit: 10,
            actual: 0
        }
    );
}

#[test]
fn ending_after_the_latest_time() {
    let kept = vec![act(1, 1, "16:30", 30)];
    assert_eq!(check(&preschool(kept), norms()), vec![]);
    let late = vec![act(1, 1, "16:31", 30)];
    let found = check(&preschool(late), norms());
    assert_eq!(
        found[0].breach,
        Breach::EndsTooLate {
            limit: "17:00".into(),
            actual: "17:01".into()
        }
    );
}

#[test]
fn a_younger_age_has_its_own_norms() {
    // 25 minutes keeps the pre-school norm and breaks the junior one (10–15).
    let groups = vec![GroupWeek {
        group_id: id(GROUP),
        age_from: 2,
        age_to: 3,
        activities: vec![act(1, 1, "09:00", 15), act(2, 2, "09:00", 25)],
    }];
    let found = check(&groups, norms());
    assert_eq!(codes(&found), vec!["duration_out_of_range"]);
    assert_eq!(found[0].activity_ids, vec![id(2)]);
}

#[test]
fn an_age_without_norms_is_reported_not_guessed() {
    let groups = vec![GroupWeek {
        group_id: id(GROUP),
        age_from: 6,
        age_to: 7,
        activities: vec![act(1, 1, "09:00", 45), act(2, 1, "09:45", 45)],
    }];
    let found = check(&groups, norms());
    assert_eq!(
        found,
        vec![NormViolation {
            group_id: id(GROUP),
            day: None,
            activity_ids: vec![id(1), id(2)],
            breach: Breach::NoNorm {
                age_from: 6,
                age_to: 7
            },
        }]
    );
}

// ---- rooms across groups ----

fn in_hall(n: u128, group: u128, starts: &str) -> PlannedActivity {
    PlannedActivity {
        group_id: id(group),
        activity: "music".into(),
        room_id: Some(id(500)),
        ..act(n, 2, starts, 25)
    }
}

fn two_groups(a: PlannedActivity, b: PlannedActivity) -> Vec<GroupWeek> {
    [a, b]
        .into_iter()
        .map(|a| GroupWeek {
            group_id: a.group_id,
            age_from: 5,
            age_to: 6,
            activities: vec![a],
        })
        .collect()
}

#[test]
fn one_hall_two_groups_at_overlapping_times() {
    let found = check(
        &two_groups(in_hall(1, 10, "10:00"), in_hall(2, 11, "10:24")),
        norms(),
    );
    assert_eq!(
        found,
        vec![NormViolation {
            group_id: id(10),
            day: Some(2),
            activity_ids: vec![id(1), id(2)],
            breach: Breach::RoomShared {
                room_id: id(500),
                other_group_id: id(11)
            },
        }]
    );
}

#[test]
fn one_hall_two_groups_back_to_back_or_elsewhere() {
    let back_to_back = two_groups(in_hall(1, 10, "10:00"), in_hall(2, 11, "10:25"));
    assert_eq!(check(&back_to_back, norms()), vec![]);
    let mut gym = in_hall(2, 11, "10:00");
    gym.room_id = Some(id(501));
    assert_eq!(
        check(&two_groups(in_hall(1, 10, "10:00"), gym), norms()),
        vec![]
    );
    let mut own_room = in_hall(2, 11, "10:00");
    own_room.room_id = None;
    assert_eq!(
        check(&two_groups(in_hall(1, 10, "10:00"), own_room), norms()),
        vec![]
    );
    let mut other_day = in_hall(2, 11, "10:00");
    other_day.day = 3;
    assert_eq!(
        check(&two_groups(in_hall(1, 10, "10:00"), other_day), norms()),
        vec![]
    );
}

#[test]
fn violations_serialise_with_their_code() {
    let found = check(
        &two_groups(in_hall(1, 10, "10:00"), in_hall(2, 11, "10:10")),
        norms(),
    );
    let json = serde_json::to_value(&found).unwrap();
    assert_eq!(json[0]["code"], "room_shared");
    assert_eq!(json[0]["group_id"], id(10).to_string());
    assert_eq!(json[0]["day"], 2);
    assert_eq!(json[0]["other_group_id"], id(11).to_string());
    assert_eq!(json[0]["activity_ids"][1], id(2).to_string());

    let week = vec![act(1, 1, "09:00", 24)];
    let json = serde_json::to_value(check(&preschool(week), norms())).unwrap();
    assert_eq!(
        json[0],
        serde_json::json!({
            "group_id": id(GROUP),
            "day": 1,
            "activity_ids": [id(1)],
            "code": "duration_out_of_range",
            "min": 25,
            "max": 30,
            "actual": 24,
        })
    );
    // `code()` is the serialised code, for every kind.
    let every = [
        Breach::DurationOutOfRange {
            min: 1,
            max: 2,
            actual: 3,
        },
        Breach::TooManyPerDay {
            limit: 1,
            actual: 2,
        },
        Breach::TooManyPerWeek {
            limit: 1,
            actual: 2,
        },
        Breach::BreakTooShort {
            limit: 1,
            actual: 0,
        },
        Breach::EndsTooLate {
            limit: "17:00".into(),
            actual: "17:30".into(),
        },
        Breach::NoNorm {
            age_from: 6,
            age_to: 7,
        },
        Breach::RoomShared {
            room_id: id(1),
            other_group_id: id(2),
        },
    ];
    for breach in every {
        assert_eq!(
            serde_json::to_value(&breach).unwrap()["code"],
            breach.code()
        );
    }
}

// ---- templates and copies ----

#[test]
fn every_age_template_keeps_every_norm() {
    for band in &standard_norms().bands {
        let template = template_for(norms(), band.age_from);
        let planned: u32 = band.template.week.iter().map(|i| i.per_week).sum();
        assert_eq!(template.len() as u32, planned, "age {}", band.age_from);
        let activities: Vec<_> = template
            .iter()
            .enumerate()
            .map(|(n, (day, starts, minutes, activity))| PlannedActivity {
                id: id(n as u128 + 1),
                day: *day,
                starts: *starts,
                minutes: *minutes,
                activity: activity.clone(),
                ..act(0, 1, "09:00", 25)
            })
            .collect();
        for (n, a) in activities.iter().enumerate() {
            let others: Vec<_> = activities[..n].to_vec();
            a.validate(&others)
                .unwrap_or_else(|e| panic!("age {}: {a:?}: {e}", band.age_from));
        }
        let groups = vec![GroupWeek {
            group_id: id(GROUP),
            age_from: band.age_from,
            age_to: band.age_to,
            activities,
        }];
        assert_eq!(check(&groups, norms()), vec![], "age {}", band.age_from);
    }
}

#[test]
fn template_spreads_an_activity_over_the_week() {
    let template = template_for(norms(), 5);
    let physical: Vec<u32> = template
        .iter()
        .filter(|t| t.3 == "physical")
        .map(|t| t.0)
        .collect();
    assert_eq!(physical, vec![1, 2, 3]);
    assert_eq!(template[0], (1, at("09:00"), 30, "physical".into()));
    assert_eq!(template[1].1, at("09:40"));
    assert!(
        template
            .windows(2)
            .all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1))
    );
    assert!(template_for(norms(), 6).is_empty());
}

#[test]
fn copy_week_to_another_group() {
    let mut hall = act(2, 3, "10:00", 30);
    hall.room_id = Some(id(500));
    let from = vec![act(1, 1, "09:00", 25), hall];
    let mut next = 100;
    let copy = copy_week(&from, id(11), || {
        next += 1;
        id(next)
    });
    assert_eq!(copy.len(), 2);
    for (original, copied) in from.iter().zip(&copy) {
        assert_eq!(copied.group_id, id(11));
        assert_eq!(copied.educator_id, None);
        assert_ne!(copied.id, original.id);
        assert_eq!(
            (copied.year_id, copied.day, copied.starts, copied.minutes),
            (
                original.year_id,
                original.day,
                original.starts,
                original.minutes
            )
        );
        assert_eq!(
            (&copied.activity, copied.room_id),
            (&original.activity, original.room_id)
        );
    }
    assert_eq!((copy[0].id, copy[1].id), (id(101), id(102)));
    // The hall is kept, so the two groups now share it at once.
    let groups = vec![
        GroupWeek {
            group_id: id(GROUP),
            age_from: 5,
            age_to: 6,
            activities: from,
        },
        GroupWeek {
            group_id: id(11),
            age_from: 5,
            age_to: 6,
            activities: copy,
        },
    ];
    assert_eq!(codes(&check(&groups, norms())), vec!["room_shared"]);
}

// ---- the record ----

fn record(a: &PlannedActivity) -> Fields {
    a.fields()
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

#[test]
fn fields_round_trip() {
    let mut a = act(1, 6, "07:05", 60);
    a.room_id = Some(id(500));
    let fields = record(&a);
    let names: Vec<&str> = fields.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        vec![
            "activity",
            "day",
            "educator_id",
            "group_id",
            "minutes",
            "room_id",
            "starts",
            "year_id"
        ]
    );
    assert_eq!(fields["starts"], Value::from("07:05"));
    assert_eq!(fields["day"], Value::Int(6));
    assert_eq!(PlannedActivity::from_fields(a.id, &fields).unwrap(), a);

    a.educator_id = None;
    a.room_id = None;
    let fields = record(&a);
    assert_eq!(fields["room_id"], Value::Null);
    assert_eq!(PlannedActivity::from_fields(a.id, &fields).unwrap(), a);

    assert_eq!(PlannedActivity::COLLECTION, Collection::Activities);
    assert_eq!(a.doc(), DocKey::Timetable(id(YEAR)));
    assert_eq!(a.id(), id(1));
}

#[test]
fn unreadable_fields_are_refused() {
    let a = act(1, 1, "09:00", 25);
    for (field, value) in [
        ("starts", Value::from("9am")),
        ("starts", Value::from("09:00:00")),
        ("day", Value::Int(-1)),
        ("minutes", Value::from("25")),
        ("group_id", Value::from("not-a-uuid")),
    ] {
        let mut fields = record(&a);
        fields.insert(field.to_string(), value);
        let err = PlannedActivity::from_fields(a.id, &fields).unwrap_err();
        assert_eq!(err.code(), "store.document_corrupt", "{field}");
    }
}
