//! Kazakhstan's working days, and the two deadlines of the monitoring rules counted in them: a
//! change of administrative data reaches the ministry within 5 working days (п. 9), and the
//! yearly fixation freezes those data for up to 10 working days, announced 3 ahead (п. 10).
//! The calendar is `data/holidays.json` — the holidays and, per year, the transfers of days off,
//! because which day is off is decided by a law and a yearly decree, not by a formula we could
//! keep correct in code. The numbers of the rules are `data/monitoring.json`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::error::CoreError;
use crate::journal_plan::holidays;
use crate::record::DocKey;

const HOLIDAYS_JSON: &str = include_str!("../data/holidays.json");
const MONITORING_JSON: &str = include_str!("../data/monitoring.json");

/// A day off moved: `from` (a weekend day) stops being a day off unless it is itself a holiday,
/// `to` (a weekday) becomes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct Transfer {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Deserialize)]
struct Calendar {
    transfers: BTreeMap<i32, Vec<Transfer>>,
}

/// The transfers of days off, by year.
pub fn transfers() -> &'static BTreeMap<i32, Vec<Transfer>> {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    &CALENDAR
        .get_or_init(|| {
            serde_json::from_str(HOLIDAYS_JSON)
                .expect("data/holidays.json is compiled in and checked by its tests")
        })
        .transfers
}

/// The numbers of the monitoring rules, as data.
#[derive(Debug, Clone, Deserialize)]
pub struct Monitoring {
    pub source: String,
    pub delivery: DeliveryRule,
    pub fixation: FixationRule,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DeliveryRule {
    pub warning_from_working_days: u32,
    pub overdue_after_working_days: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct FixationRule {
    pub max_freeze_working_days: u32,
    pub announced_working_days: u32,
}

pub fn monitoring() -> &'static Monitoring {
    static MONITORING: OnceLock<Monitoring> = OnceLock::new();
    MONITORING.get_or_init(|| {
        serde_json::from_str(MONITORING_JSON)
            .expect("data/monitoring.json is compiled in and checked by its tests")
    })
}

pub fn is_working_day(date: NaiveDate) -> bool {
    let moved = transfers().get(&date.year()).map_or(&[][..], Vec::as_slice);
    if holidays().contains(date) || moved.iter().any(|t| t.to == date) {
        return false;
    }
    let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
    !weekend || moved.iter().any(|t| t.from == date)
}

/// The working days after `from` up to and including `to`; 0 when `to` is not after `from`.
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    from.iter_days()
        .skip(1)
        .take_while(|day| *day <= to)
        .filter(|day| is_working_day(*day))
        .count() as u32
}

/// The `n`th working day after `date`; `date` itself when `n` is 0.
pub fn add_working_days(date: NaiveDate, n: u32) -> NaiveDate {
    let mut day = date;
    for _ in 0..n {
        day = day
            .iter_days()
            .skip(1)
            .find(|d| is_working_day(*d))
            .expect("a calendar date");
    }
    day
}

/// The `n`th working day before `date`.
fn working_days_before(date: NaiveDate, n: u32) -> NaiveDate {
    let mut day = date;
    for _ in 0..n {
        day = day.pred_opt().expect("a calendar date");
        while !is_working_day(day) {
            day = day.pred_opt().expect("a calendar date");
        }
    }
    day
}

/// Where a change of administrative data stands against the 5 working days of п. 9.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    OnTime,
    Warning,
    Overdue,
}

/// `oldest` is the day of the oldest change not yet delivered.
pub fn delivery(oldest: NaiveDate, today: NaiveDate) -> Delivery {
    let rule = &monitoring().delivery;
    let age = working_days_between(oldest, today);
    if age > rule.overdue_after_working_days {
        Delivery::Overdue
    } else if age >= rule.warning_from_working_days {
        Delivery::Warning
    } else {
        Delivery::OnTime
    }
}

/// The yearly fixation of administrative data (п. 10): on `date` the data are fixed, and updating
/// them stays suspended for `freeze_working_days` working days after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Fixation {
    date: NaiveDate,
    freeze_working_days: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FixationPhase {
    Before,
    Announced,
    Frozen,
    After,
}

impl Fixation {
    pub fn new(date: NaiveDate, freeze_working_days: u32) -> Result<Fixation, CoreError> {
        let max = monitoring().fixation.max_freeze_working_days;
        if freeze_working_days > max {
            return Err(CoreError::FreezeTooLong { max });
        }
        Ok(Fixation {
            date,
            freeze_working_days,
        })
    }

    pub fn date(&self) -> NaiveDate {
        self.date
    }

    pub fn freeze_working_days(&self) -> u32 {
        self.freeze_working_days
    }

    /// The day users are told, the announced number of working days before the fixation.
    pub fn announced_from(&self) -> NaiveDate {
        working_days_before(self.date, monitoring().fixation.announced_working_days)
    }

    /// The last frozen day.
    pub fn freeze_ends(&self) -> NaiveDate {
        add_working_days(self.date, self.freeze_working_days)
    }

    pub fn phase(&self, today: NaiveDate) -> FixationPhase {
        if today < self.announced_from() {
            FixationPhase::Before
        } else if today < self.date {
            FixationPhase::Announced
        } else if today <= self.freeze_ends() {
            FixationPhase::Frozen
        } else {
            FixationPhase::After
        }
    }
}

/// The documents holding administrative data — the organisation, its people and its rosters —
/// which a fixation freezes; journals, registers and timetables go on.
pub fn is_administrative(key: &DocKey) -> bool {
    matches!(key, DocKey::Org | DocKey::People | DocKey::Roster(_))
}
