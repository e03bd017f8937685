//! The kindergarten's attendance register (R25.5): per age group and month, each child's absences
//! by day with their reason, and the days on which the register was taken. A month is one
//! document, so a group's register stays small and a month's sheet reads one document.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;
use uuid::Uuid;

use crate::error::CoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// Absent with no reason given.
    Absent,
    Ill,
    /// The parents' leave.
    Vacation,
    /// Family reasons, with the parents' note.
    Excused,
}

impl Presence {
    pub const ALL: [Presence; 4] = [
        Presence::Absent,
        Presence::Ill,
        Presence::Vacation,
        Presence::Excused,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Presence::Absent => "absent",
            Presence::Ill => "ill",
            Presence::Vacation => "vacation",
            Presence::Excused => "excused",
        }
    }

    pub fn from_code(code: &str) -> Option<Presence> {
        Presence::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// A month as `YYYYMM`, the way a register's document names it.
pub fn month_of(date: NaiveDate) -> u32 {
    date.year() as u32 * 100 + date.month()
}

/// Reads `YYYY-MM`.
pub fn parse_month(text: &str) -> Option<u32> {
    let first = NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d").ok()?;
    (text.len() == 7).then(|| month_of(first))
}

pub fn month_text(month: u32) -> String {
    format!("{:04}-{:02}", month / 100, month % 100)
}

/// Every day of the month.
pub fn days_of(month: u32) -> Vec<NaiveDate> {
    let Some(first) = NaiveDate::from_ymd_opt((month / 100) as i32, month % 100, 1) else {
        return Vec::new();
    };
    first
        .iter_days()
        .take_while(|d| d.month() == first.month())
        .collect()
}

/// The month's days from Monday to Friday: the days a five-day kindergarten keeps its register.
pub fn working_days(month: u32) -> Vec<NaiveDate> {
    days_of(month)
        .into_iter()
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect()
}

/// One child's day as an educator saves it; `None` is present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresenceEdit {
    pub date: NaiveDate,
    pub child_id: Uuid,
    pub presence: Option<Presence>,
}

impl PresenceEdit {
    pub fn check(&self, month: u32, enrolled: bool, today: NaiveDate) -> Result<(), CoreError> {
        check_day(self.date, month, today)?;
        if !enrolled {
            return Err(CoreError::NotEnrolled);
        }
        Ok(())
    }
}

/// A register's day lies in its month and is not still to come.
pub fn check_day(date: NaiveDate, month: u32, today: NaiveDate) -> Result<(), CoreError> {
    if month_of(date) != month {
        return Err(CoreError::DayOutsideMonth);
    }
    if date > today {
        return Err(CoreError::DayInFuture);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_read_and_print_and_hold_their_days() {
        assert_eq!(parse_month("2026-11"), Some(202611));
        assert_eq!(month_text(202611), "2026-11");
        for bad in ["2026-13", "2026-1", "26-11", "ноябрь"] {
            assert_eq!(parse_month(bad), None, "{bad}");
        }
        assert_eq!(days_of(202602).len(), 28);
        // November 2026: 30 days, 21 of them Monday to Friday.
        assert_eq!(days_of(202611).len(), 30);
        assert_eq!(working_days(202611).len(), 21);
    }

    #[test]
    fn a_day_is_in_its_month_and_not_ahead() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let edit = |d| PresenceEdit {
            date: NaiveDate::from_ymd_opt(2026, 11, d).unwrap(),
            child_id: Uuid::nil(),
            presence: Some(Presence::Ill),
        };
        assert_eq!(edit(23).check(202611, true, today), Ok(()));
        assert_eq!(
            edit(24).check(202611, true, today),
            Err(CoreError::DayInFuture)
        );
        assert_eq!(
            edit(20).check(202610, true, today),
            Err(CoreError::DayOutsideMonth)
        );
        assert_eq!(
            edit(20).check(202611, false, today),
            Err(CoreError::NotEnrolled)
        );
    }
}
