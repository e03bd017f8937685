//! The academic year and its terms. A school year has four quarters; a kindergarten's runs from
//! September to August with no terms. Dates are the school's calendar days, set per year by the
//! ministry's order, so they are data: `standard_school_year` gives the known pattern to start from.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc};
use uuid::Uuid;

use crate::error::CoreError;
use crate::record::{Collection, DocKey, Entity, Fields, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcademicYear {
    pub id: Uuid,
    /// The calendar year the academic year starts in: 2026 for 2026-2027.
    pub start_year: i32,
    pub starts: NaiveDate,
    pub ends: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub id: Uuid,
    pub year_id: Uuid,
    /// 1..=4 for quarters.
    pub number: i64,
    pub starts: NaiveDate,
    pub ends: NaiveDate,
}

impl AcademicYear {
    pub fn name(&self) -> String {
        format!("{}-{}", self.start_year, self.start_year + 1)
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        (self.starts..=self.ends).contains(&date)
    }

    /// The year starts before it ends, within its own September-to-August span, and the terms
    /// follow each other inside it without overlapping.
    pub fn validate(&self, terms: &[Term]) -> Result<(), CoreError> {
        let span_start = NaiveDate::from_ymd_opt(self.start_year, 8, 1);
        let span_end = NaiveDate::from_ymd_opt(self.start_year + 1, 8, 31);
        let inside_span = span_start.is_some_and(|s| self.starts >= s)
            && span_end.is_some_and(|e| self.ends <= e);
        if self.starts >= self.ends || !inside_span {
            return Err(CoreError::YearDatesInvalid);
        }
        let mut previous_end: Option<NaiveDate> = None;
        for (i, term) in terms.iter().enumerate() {
            let ordered = previous_end.is_none_or(|end| term.starts > end);
            if term.year_id != self.id
                || term.number != i as i64 + 1
                || term.starts > term.ends
                || !self.contains(term.starts)
                || !self.contains(term.ends)
                || !ordered
            {
                return Err(CoreError::YearDatesInvalid);
            }
            previous_end = Some(term.ends);
        }
        Ok(())
    }
}

/// Kazakhstan keeps one time zone, UTC+5, since March 2024: a school's day turns at its midnight.
pub fn school_date(now: DateTime<Utc>) -> NaiveDate {
    let offset = FixedOffset::east_opt(5 * 3600).expect("a valid offset");
    now.with_timezone(&offset).date_naive()
}

/// The academic year that contains `today`: one that starts in September of this calendar year
/// from August on, of the previous one before.
pub fn start_year_of(today: NaiveDate) -> i32 {
    if today.month() >= 8 {
        today.year()
    } else {
        today.year() - 1
    }
}

/// A school year of four quarters. The 2025-2026 dates are those of the ministry's order (to 25 May,
/// quarters of 8, 8, 10 and 8 weeks); other years reuse that pattern until their order is entered.
pub fn standard_school_year(
    start_year: i32,
    mut new_id: impl FnMut() -> Uuid,
) -> (AcademicYear, Vec<Term>) {
    let d = |y: i32, m: u32, day: u32| NaiveDate::from_ymd_opt(y, m, day).expect("a calendar date");
    let (y, n) = (start_year, start_year + 1);
    let year = AcademicYear {
        id: new_id(),
        start_year,
        starts: d(y, 9, 1),
        ends: d(n, 5, 25),
    };
    let spans = [
        (d(y, 9, 1), d(y, 10, 26)),
        (d(y, 11, 3), d(y, 12, 28)),
        (d(n, 1, 8), d(n, 3, 18)),
        (d(n, 3, 30), d(n, 5, 25)),
    ];
    let terms = spans
        .iter()
        .enumerate()
        .map(|(i, &(starts, ends))| Term {
            id: new_id(),
            year_id: year.id,
            number: i as i64 + 1,
            starts,
            ends,
        })
        .collect();
    (year, terms)
}

/// A kindergarten year: 1 September to 31 August, children move up in August.
pub fn kindergarten_year(start_year: i32, id: Uuid) -> AcademicYear {
    let d = |y: i32, m: u32, day: u32| NaiveDate::from_ymd_opt(y, m, day).expect("a calendar date");
    AcademicYear {
        id,
        start_year,
        starts: d(start_year, 9, 1),
        ends: d(start_year + 1, 8, 31),
    }
}

impl Entity for AcademicYear {
    const COLLECTION: Collection = Collection::AcademicYears;

    fn id(&self) -> Uuid {
        self.id
    }

    fn doc(&self) -> DocKey {
        DocKey::Org
    }

    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("start_year", i64::from(self.start_year).into()),
            ("starts", self.starts.into()),
            ("ends", self.ends.into()),
        ]
    }

    fn from_fields(id: Uuid, fields: &Fields) -> Result<Self, CoreError> {
        let r = Self::reader(fields);
        Ok(AcademicYear {
            id,
            start_year: i32::try_from(r.int("start_year")?).map_err(|_| r.invalid("start_year"))?,
            starts: r.parse("starts")?,
            ends: r.parse("ends")?,
        })
    }
}

impl Entity for Term {
    const COLLECTION: Collection = Collection::Terms;

    fn id(&self) -> Uuid {
        self.id
    }

    fn doc(&self) -> DocKey {
        DocKey::Org
    }

    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("year_id", self.year_id.into()),
            ("number", self.number.into()),
            ("starts", self.starts.into()),
            ("ends", self.ends.into()),
        ]
    }

    fn from_fields(id: Uuid, fields: &Fields) -> Result<Self, CoreError> {
        let r = Self::reader(fields);
        Ok(Term {
            id,
            year_id: r.parse("year_id")?,
            number: r.int("number")?,
            starts: r.parse("starts")?,
            ends: r.parse("ends")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> impl FnMut() -> Uuid {
        let mut n = 0u128;
        move || {
            n += 1;
            Uuid::from_u128(n)
        }
    }

    #[test]
    fn the_2025_year_has_the_ministrys_four_quarters() {
        let (year, terms) = standard_school_year(2025, ids());
        assert_eq!(year.validate(&terms), Ok(()));
        assert_eq!(year.ends, NaiveDate::from_ymd_opt(2026, 5, 25).unwrap());
        let weeks: Vec<i64> = terms
            .iter()
            .map(|t| ((t.ends - t.starts).num_days() + 3) / 7)
            .collect();
        assert_eq!(weeks, [8, 8, 10, 8]);
    }

    #[test]
    fn overlapping_or_outside_terms_are_refused() {
        let (year, mut terms) = standard_school_year(2026, ids());
        terms[1].starts = terms[0].ends;
        assert_eq!(year.validate(&terms), Err(CoreError::YearDatesInvalid));
        let (year, mut terms) = standard_school_year(2026, ids());
        terms[3].ends = year.ends.succ_opt().unwrap();
        assert_eq!(year.validate(&terms), Err(CoreError::YearDatesInvalid));
        let (mut year, terms) = standard_school_year(2026, ids());
        year.ends = year.starts;
        assert_eq!(year.validate(&terms), Err(CoreError::YearDatesInvalid));
    }

    #[test]
    fn the_current_year_turns_in_august() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(start_year_of(d(2026, 11, 23)), 2026);
        assert_eq!(start_year_of(d(2027, 5, 20)), 2026);
        assert_eq!(start_year_of(d(2027, 8, 1)), 2027);
    }
}
