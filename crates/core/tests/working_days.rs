//! Kazakhstan's working days and the monitoring deadlines counted in them, on dates worked out by
//! hand from the 2026 calendar: Nauryz on Saturday to Monday, Victory Day on a Saturday, Republic
//! Day on a Sunday, Independence Day midweek, and Kurban Ait on a Sunday in 2027.

use chrono::{Datelike, NaiveDate, Weekday};
use dala_core::journal_plan::holidays;
use dala_core::working_days::{
    Delivery, Fixation, FixationPhase, add_working_days, delivery, is_administrative,
    is_working_day, monitoring, transfers, working_days_between,
};
use dala_core::{CoreError, DocKey};
use uuid::Uuid;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn nauryz_2026_is_five_days_off_with_its_weekend_days_moved() {
    // 21 Sat, 22 Sun and 23 Mon are Nauryz; Saturday's and Sunday's days off move to 24 and 25.
    assert!(is_working_day(date(2026, 3, 20)));
    for day in 21..=25 {
        assert!(!is_working_day(date(2026, 3, day)), "{day} March");
    }
    assert!(is_working_day(date(2026, 3, 26)));
    assert_eq!(
        working_days_between(date(2026, 3, 20), date(2026, 3, 26)),
        1
    );
    assert_eq!(add_working_days(date(2026, 3, 20), 1), date(2026, 3, 26));
}

#[test]
fn independence_day_midweek_is_skipped() {
    assert!(!is_working_day(date(2026, 12, 16)));
    assert!(is_working_day(date(2026, 12, 15)));
    assert!(is_working_day(date(2026, 12, 17)));
    assert_eq!(add_working_days(date(2026, 12, 15), 1), date(2026, 12, 17));
    // Monday 14 to Friday 18: 15, 17 and 18 count, the Monday itself does not.
    assert_eq!(
        working_days_between(date(2026, 12, 14), date(2026, 12, 18)),
        3
    );
}

#[test]
fn a_holiday_on_a_weekend_gives_the_next_working_day_off() {
    // Victory Day on Saturday 9 May 2026: Monday 11 May is off, Friday 8 May is not.
    assert!(is_working_day(date(2026, 5, 8)));
    assert!(!is_working_day(date(2026, 5, 11)));
    assert_eq!(add_working_days(date(2026, 5, 8), 1), date(2026, 5, 12));
    // 8 March 2026 is a Sunday: Monday 9 March is off.
    assert!(!is_working_day(date(2026, 3, 9)));
    assert!(is_working_day(date(2026, 3, 10)));
    // Republic Day on Sunday 25 October 2026: Monday 26 October is off.
    assert!(!is_working_day(date(2026, 10, 26)));
}

#[test]
fn a_religious_day_off_on_a_weekend_is_not_moved() {
    // Kurban Ait 2026 on a Wednesday is a day off ...
    assert!(!is_working_day(date(2026, 5, 27)));
    assert!(is_working_day(date(2026, 5, 28)));
    // ... and on Sunday 16 May 2027 it leaves Monday 17 May a working day.
    assert_eq!(date(2027, 5, 16).weekday(), Weekday::Sun);
    assert!(!is_working_day(date(2027, 5, 16)));
    assert!(is_working_day(date(2027, 5, 17)));
}

#[test]
fn the_year_2026_has_247_working_days_and_january_19() {
    // 261 weekdays, less 9 holidays on weekdays (1, 2, 7 Jan, 23 Mar, 1, 7, 27 May, 6 Jul,
    // 16 Dec) and 5 days off moved onto weekdays (9, 24, 25 Mar, 11 May, 26 Oct).
    assert_eq!(
        working_days_between(date(2025, 12, 31), date(2026, 12, 31)),
        247
    );
    // January: 31 days, 9 weekend days and 1, 2, 7 January off (the egov calendar says 19).
    assert_eq!(
        working_days_between(date(2025, 12, 31), date(2026, 1, 31)),
        19
    );
}

#[test]
fn counting_runs_after_from_up_to_to_and_never_backwards() {
    assert_eq!(
        working_days_between(date(2026, 3, 26), date(2026, 3, 26)),
        0
    );
    assert_eq!(
        working_days_between(date(2026, 3, 27), date(2026, 3, 26)),
        0
    );
    // From a Saturday: Monday is the first working day after it.
    assert_eq!(working_days_between(date(2026, 4, 4), date(2026, 4, 6)), 1);
    assert_eq!(add_working_days(date(2026, 4, 4), 0), date(2026, 4, 4));
    assert_eq!(add_working_days(date(2026, 4, 4), 1), date(2026, 4, 6));
}

#[test]
fn adding_and_counting_agree_on_every_day_of_2026() {
    for day in date(2026, 1, 1)
        .iter_days()
        .take_while(|d| d.year() == 2026)
    {
        for n in 0..12 {
            let later = add_working_days(day, n);
            assert_eq!(working_days_between(day, later), n, "{day} + {n}");
            assert!(n == 0 || is_working_day(later), "{day} + {n} = {later}");
        }
    }
}

#[test]
fn a_change_is_late_after_five_working_days_counted_across_nauryz() {
    // Changed on Wednesday 18 March 2026: 19 and 20 count, 21–25 are off, then 26, 27, 30, 31.
    let changed = date(2026, 3, 18);
    assert_eq!(delivery(changed, changed), Delivery::OnTime);
    assert_eq!(delivery(changed, date(2026, 3, 20)), Delivery::OnTime);
    // A week of calendar days later it is still only 2 working days old.
    assert_eq!(delivery(changed, date(2026, 3, 25)), Delivery::OnTime);
    assert_eq!(delivery(changed, date(2026, 3, 26)), Delivery::Warning);
    assert_eq!(delivery(changed, date(2026, 3, 30)), Delivery::Warning);
    assert_eq!(delivery(changed, date(2026, 3, 31)), Delivery::Overdue);
}

#[test]
fn delivery_and_phase_cross_the_wire_in_snake_case() {
    fn json<T: serde::Serialize>(value: &T) -> String {
        serde_json::to_string(value).unwrap()
    }
    assert_eq!(json(&Delivery::OnTime), "\"on_time\"");
    assert_eq!(json(&Delivery::Overdue), "\"overdue\"");
    assert_eq!(json(&FixationPhase::Announced), "\"announced\"");
    assert_eq!(json(&FixationPhase::Frozen), "\"frozen\"");
    let back: Delivery = serde_json::from_str("\"warning\"").unwrap();
    assert_eq!(back, Delivery::Warning);
}

#[test]
fn the_fixation_is_announced_three_working_days_ahead_and_freezes_past_a_moved_holiday() {
    // Fixed on Thursday 15 October 2026 for 10 working days: 16, 19–23, then 26 October is off
    // (Republic Day moved from Sunday), 27–30. Announced on Monday 12.
    let fixation = Fixation::new(date(2026, 10, 15), 10).unwrap();
    assert_eq!(fixation.announced_from(), date(2026, 10, 12));
    assert_eq!(fixation.freeze_ends(), date(2026, 10, 30));
    let phase = |m, d| fixation.phase(date(2026, m, d));
    assert_eq!(phase(10, 9), FixationPhase::Before);
    assert_eq!(phase(10, 11), FixationPhase::Before);
    assert_eq!(phase(10, 12), FixationPhase::Announced);
    assert_eq!(phase(10, 14), FixationPhase::Announced);
    assert_eq!(phase(10, 15), FixationPhase::Frozen);
    assert_eq!(phase(10, 26), FixationPhase::Frozen);
    assert_eq!(phase(10, 30), FixationPhase::Frozen);
    assert_eq!(phase(10, 31), FixationPhase::After);
    assert_eq!(phase(11, 2), FixationPhase::After);
}

#[test]
fn the_announcement_counts_back_over_a_weekend() {
    // Fixed on Monday 5 October 2026: Friday 2, Thursday 1, Wednesday 30 September.
    let fixation = Fixation::new(date(2026, 10, 5), 3).unwrap();
    assert_eq!(fixation.announced_from(), date(2026, 9, 30));
    assert_eq!(fixation.freeze_ends(), date(2026, 10, 8));
    assert_eq!(fixation.phase(date(2026, 10, 3)), FixationPhase::Announced);
}

#[test]
fn a_freeze_longer_than_ten_working_days_is_refused() {
    assert!(Fixation::new(date(2026, 10, 15), 10).is_ok());
    let refused = Fixation::new(date(2026, 10, 15), 11).unwrap_err();
    assert_eq!(refused, CoreError::FreezeTooLong { max: 10 });
    assert_eq!(refused.code(), "sync.freeze_too_long");
    assert_eq!(refused.args(), vec![("max", "10".to_string())]);
}

#[test]
fn only_administrative_data_is_frozen() {
    let id = Uuid::from_u128(1);
    assert!(is_administrative(&DocKey::Org));
    assert!(is_administrative(&DocKey::People));
    assert!(is_administrative(&DocKey::Roster(id)));
    assert!(!is_administrative(&DocKey::Accounts));
    assert!(!is_administrative(&DocKey::Journal {
        class: id,
        term: id
    }));
    assert!(!is_administrative(&DocKey::Register {
        group: id,
        month: 202610
    }));
    assert!(!is_administrative(&DocKey::Timetable(id)));
}

#[test]
fn every_transfer_moves_a_weekend_day_off_onto_a_weekday_of_its_year() {
    assert!(transfers().contains_key(&2026));
    for (year, moves) in transfers() {
        for t in moves {
            assert_eq!(t.from.year(), *year, "{t:?}");
            assert!(
                matches!(t.from.weekday(), Weekday::Sat | Weekday::Sun),
                "{t:?}"
            );
            assert!(
                !matches!(t.to.weekday(), Weekday::Sat | Weekday::Sun),
                "{t:?}"
            );
            assert!(!holidays().contains(t.to), "{t:?}");
        }
    }
}

#[test]
fn the_monitoring_numbers_are_those_of_points_9_and_10() {
    let rules = monitoring();
    assert_eq!(rules.delivery.overdue_after_working_days, 5);
    assert_eq!(rules.delivery.warning_from_working_days, 3);
    assert_eq!(rules.fixation.max_freeze_working_days, 10);
    assert_eq!(rules.fixation.announced_working_days, 3);
    assert!(rules.source.contains("№ 459"));
}
