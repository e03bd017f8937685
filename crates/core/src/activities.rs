//! The kindergarten's week of organised activities (R25.3–R25.4): what each age group does on
//! which day, from when and for how long, with whom and where. Two kinds of rule, kept apart on
//! purpose: what makes a plan impossible (two activities of a group at once, an activity nobody
//! knows) refuses the command in `PlannedActivity::validate`; what the norms by age ask (how long,
//! how many, the breaks, a music hall two groups want at once) only warns in `check`, because a
//! methodist may have a reason to keep a week that breaks a norm, and must see which one.
//!
//! The catalogue and the norms are reference data in `data/activity_norms.json`, each figure with
//! its source and confidence: a new order changes the data, not this code. Times are minutes from
//! midnight inside; an activity never crosses midnight, so they never wrap.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::CoreError;
use crate::load::Names;
use crate::record::{Collection, DocKey, Entity, Fields, Value};

const NORMS_JSON: &str = include_str!("../data/activity_norms.json");

/// How a time is written in the store and in the data files.
const HHMM: &str = "%H:%M";

/// The widest plan that can be stored, whatever the age: the days of a six-day week, the hours of
/// the longest daytime regime, an activity no group has shorter or longer. The norms are narrower.
const MAX_DAY: u32 = 6;
const DAY_OPENS: u32 = 7 * 60;
const DAY_CLOSES: u32 = 19 * 60;
const MIN_MINUTES: u32 = 5;
const MAX_MINUTES: u32 = 60;

/// Templates fill Monday to Friday, the week most kindergartens keep; a six-day one adds Saturday
/// by hand.
const TEMPLATE_DAYS: u32 = 5;

/// One organised activity of a group's week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedActivity {
    pub id: Uuid,
    pub year_id: Uuid,
    /// An age group of the same year.
    pub group_id: Uuid,
    /// 1 = Monday … 5, or 6 on a six-day week.
    pub day: u32,
    /// Stored as `HH:MM`.
    pub starts: NaiveTime,
    pub minutes: u32,
    /// A code of the catalogue.
    pub activity: String,
    pub educator_id: Option<Uuid>,
    /// The music hall or the gym, when the activity leaves the group's own room.
    pub room_id: Option<Uuid>,
}

impl PlannedActivity {
    pub fn validate(&self, same_group: &[PlannedActivity]) -> Result<(), CoreError> {
        if !(1..=MAX_DAY).contains(&self.day) {
            return Err(CoreError::WeekdayInvalid { max: MAX_DAY });
        }
        let whole_minute = self.starts.second() == 0 && self.starts.nanosecond() == 0;
        let in_day = (MIN_MINUTES..=MAX_MINUTES).contains(&self.minutes)
            && self.start() >= DAY_OPENS
            && self.end() <= DAY_CLOSES;
        if !whole_minute || !in_day {
            return Err(CoreError::ActivityTimeInvalid {
                min: MIN_MINUTES,
                max: MAX_MINUTES,
            });
        }
        if standard_norms().activity(&self.activity).is_none() {
            return Err(CoreError::ActivityUnknown {
                code: self.activity.clone(),
            });
        }
        let overlap = same_group
            .iter()
            .any(|a| a.id != self.id && a.group_id == self.group_id && overlaps(self, a));
        if overlap {
            return Err(CoreError::ActivityOverlap);
        }
        Ok(())
    }

    fn start(&self) -> u32 {
        minute_of(self.starts)
    }

    fn end(&self) -> u32 {
        self.start().saturating_add(self.minutes)
    }
}

fn minute_of(time: NaiveTime) -> u32 {
    time.hour() * 60 + time.minute()
}

/// On the same day and sharing a minute; one ending as the other starts does not overlap.
fn overlaps(a: &PlannedActivity, b: &PlannedActivity) -> bool {
    a.day == b.day && a.start() < b.end() && b.start() < a.end()
}

impl Entity for PlannedActivity {
    const COLLECTION: Collection = Collection::Activities;

    fn id(&self) -> Uuid {
        self.id
    }

    fn doc(&self) -> DocKey {
        DocKey::Timetable(self.year_id)
    }

    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("year_id", self.year_id.into()),
            ("group_id", self.group_id.into()),
            ("day", i64::from(self.day).into()),
            ("starts", self.starts.format(HHMM).to_string().into()),
            ("minutes", i64::from(self.minutes).into()),
            ("activity", self.activity.clone().into()),
            ("educator_id", self.educator_id.into()),
            ("room_id", self.room_id.into()),
        ]
    }

    fn from_fields(id: Uuid, fields: &Fields) -> Result<Self, CoreError> {
        let r = Self::reader(fields);
        let whole = |field: &str| u32::try_from(r.int(field)?).map_err(|_| r.invalid(field));
        let starts =
            NaiveTime::parse_from_str(&r.text("starts")?, HHMM).map_err(|_| r.invalid("starts"))?;
        Ok(PlannedActivity {
            id,
            year_id: r.parse("year_id")?,
            group_id: r.parse("group_id")?,
            day: whole("day")?,
            starts,
            minutes: whole("minutes")?,
            activity: r.text("activity")?,
            educator_id: r.opt_parse("educator_id")?,
            room_id: r.opt_parse("room_id")?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityNorms {
    pub source: String,
    pub valid_from: NaiveDate,
    pub catalogue: Catalogue,
    /// Whole-year bands that do not overlap: 1–2, 2–3, … .
    pub bands: Vec<AgeBand>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub activities: Vec<ActivityKind>,
    pub source: String,
    pub confidence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityKind {
    pub code: String,
    pub name: Names,
}

/// The norms for the children of one age, from `age_from` up to, not including, `age_to`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeBand {
    pub age_from: i64,
    pub age_to: i64,
    pub name: Names,
    /// How long one activity lasts.
    pub minutes: MinutesRange,
    pub max_per_day: u32,
    pub max_per_week: u32,
    /// Minutes between one activity's end and the next one's start.
    pub min_break: u32,
    /// No activity ends after it; none when the norms set no such time.
    #[serde(default, with = "optional_hhmm")]
    pub latest_end: Option<NaiveTime>,
    pub template: Template,
    pub source: String,
    pub confidence: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinutesRange {
    pub min: u32,
    pub max: u32,
}

/// A typical week of the age: how many of each activity, from what time the day's first starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    #[serde(with = "hhmm")]
    pub starts: NaiveTime,
    pub week: Vec<TemplateItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateItem {
    pub activity: String,
    pub per_week: u32,
}

/// The embedded catalogue and norms.
pub fn standard_norms() -> &'static ActivityNorms {
    static NORMS: OnceLock<ActivityNorms> = OnceLock::new();
    NORMS.get_or_init(|| {
        serde_json::from_str(NORMS_JSON)
            .expect("data/activity_norms.json is compiled in and checked by its tests")
    })
}

impl ActivityNorms {
    pub fn activity(&self, code: &str) -> Option<&ActivityKind> {
        self.catalogue.activities.iter().find(|a| a.code == code)
    }

    /// The band of the youngest children of a group: a mixed-age group keeps the norms of its
    /// youngest, who tire first.
    pub fn band(&self, age_from: i64) -> Option<&AgeBand> {
        self.bands
            .iter()
            .find(|b| b.age_from <= age_from && age_from < b.age_to)
    }
}

/// A group's week as the check of norms sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupWeek {
    pub group_id: Uuid,
    pub age_from: i64,
    pub age_to: i64,
    pub activities: Vec<PlannedActivity>,
}

/// A norm a week breaks: where, which activities, and the norm's figures against the plan's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NormViolation {
    pub group_id: Uuid,
    /// The day it applies to; none for the week or the group as a whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
    pub activity_ids: Vec<Uuid>,
    #[serde(flatten)]
    pub breach: Breach,
}

impl NormViolation {
    pub fn code(&self) -> &'static str {
        self.breach.code()
    }
}

/// Which norm, with its limit and the plan's actual figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Breach {
    /// One activity shorter or longer than the age's range.
    DurationOutOfRange {
        min: u32,
        max: u32,
        actual: u32,
    },
    TooManyPerDay {
        limit: u32,
        actual: u32,
    },
    TooManyPerWeek {
        limit: u32,
        actual: u32,
    },
    /// Minutes from one activity's end to the next one's start; 0 when they overlap, which a
    /// merge of two devices' edits can leave behind.
    BreakTooShort {
        limit: u32,
        actual: u32,
    },
    /// Both as `HH:MM`.
    EndsTooLate {
        limit: String,
        actual: String,
    },
    /// No band of the norms holds the group's youngest age, so only its rooms were checked.
    NoNorm {
        age_from: i64,
        age_to: i64,
    },
    /// The room holds two groups' activities at once; `group_id` is the first group's.
    RoomShared {
        room_id: Uuid,
        other_group_id: Uuid,
    },
}

impl Breach {
    /// The stable code, the same as the serialised `code`.
    pub fn code(&self) -> &'static str {
        match self {
            Breach::DurationOutOfRange { .. } => "duration_out_of_range",
            Breach::TooManyPerDay { .. } => "too_many_per_day",
            Breach::TooManyPerWeek { .. } => "too_many_per_week",
            Breach::BreakTooShort { .. } => "break_too_short",
            Breach::EndsTooLate { .. } => "ends_too_late",
            Breach::NoNorm { .. } => "no_norm",
            Breach::RoomShared { .. } => "room_shared",
        }
    }
}

/// Every norm the groups' weeks break: each group against its age's band, in the order of its
/// days and times, then the rooms across groups.
pub fn check(groups: &[GroupWeek], norms: &ActivityNorms) -> Vec<NormViolation> {
    let mut found = Vec::new();
    for group in groups {
        match norms.band(group.age_from) {
            Some(band) => check_group(group, band, &mut found),
            None => found.push(NormViolation {
                group_id: group.group_id,
                day: None,
                activity_ids: group.activities.iter().map(|a| a.id).collect(),
                breach: Breach::NoNorm {
                    age_from: group.age_from,
                    age_to: group.age_to,
                },
            }),
        }
    }
    check_rooms(groups, &mut found);
    found
}

fn check_group(group: &GroupWeek, band: &AgeBand, found: &mut Vec<NormViolation>) {
    let violation = |day, activity_ids, breach| NormViolation {
        group_id: group.group_id,
        day,
        activity_ids,
        breach,
    };
    let mut days: BTreeMap<u32, Vec<&PlannedActivity>> = BTreeMap::new();
    for a in &group.activities {
        days.entry(a.day).or_default().push(a);
    }
    for (day, mut list) in days {
        list.sort_by_key(|a| a.start());
        for a in &list {
            let MinutesRange { min, max } = band.minutes;
            if !(min..=max).contains(&a.minutes) {
                let actual = a.minutes;
                let breach = Breach::DurationOutOfRange { min, max, actual };
                found.push(violation(Some(day), vec![a.id], breach));
            }
            if let Some(latest) = band.latest_end
                && a.end() > minute_of(latest)
            {
                let breach = Breach::EndsTooLate {
                    limit: latest.format(HHMM).to_string(),
                    actual: clock(a.end()),
                };
                found.push(violation(Some(day), vec![a.id], breach));
            }
        }
        let actual = count(list.len());
        if actual > band.max_per_day {
            let ids = list.iter().map(|a| a.id).collect();
            let limit = band.max_per_day;
            found.push(violation(
                Some(day),
                ids,
                Breach::TooManyPerDay { limit, actual },
            ));
        }
        for pair in list.windows(2) {
            let actual = pair[1].start().saturating_sub(pair[0].end());
            if actual < band.min_break {
                let ids = vec![pair[0].id, pair[1].id];
                let limit = band.min_break;
                found.push(violation(
                    Some(day),
                    ids,
                    Breach::BreakTooShort { limit, actual },
                ));
            }
        }
    }
    let actual = count(group.activities.len());
    if actual > band.max_per_week {
        let ids = group.activities.iter().map(|a| a.id).collect();
        let limit = band.max_per_week;
        found.push(violation(
            None,
            ids,
            Breach::TooManyPerWeek { limit, actual },
        ));
    }
}

/// Two groups in one room at overlapping times, each pair once. Within a group an overlap is
/// refused by `validate`, so only different groups are compared.
fn check_rooms(groups: &[GroupWeek], found: &mut Vec<NormViolation>) {
    let booked: Vec<(Uuid, Uuid, &PlannedActivity)> = groups
        .iter()
        .flat_map(|g| {
            g.activities
                .iter()
                .filter_map(move |a| a.room_id.map(|room| (room, g.group_id, a)))
        })
        .collect();
    for (i, &(room, group, a)) in booked.iter().enumerate() {
        for &(other_room, other_group, b) in &booked[i + 1..] {
            if room == other_room && group != other_group && overlaps(a, b) {
                found.push(NormViolation {
                    group_id: group,
                    day: Some(a.day),
                    activity_ids: vec![a.id, b.id],
                    breach: Breach::RoomShared {
                        room_id: room,
                        other_group_id: other_group,
                    },
                });
            }
        }
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Minutes from midnight as `HH:MM`, past 24:00 too, for a figure shown to the methodist.
fn clock(minute: u32) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// A group's week onto another group (a parallel group of the same age): the same days, times,
/// activities and rooms, under new ids. The educator is dropped, since the other group has its
/// own; the rooms are kept, so `check` shows at once which shared hall now needs another time.
pub fn copy_week(
    from: &[PlannedActivity],
    to_group: Uuid,
    mut new_id: impl FnMut() -> Uuid,
) -> Vec<PlannedActivity> {
    from.iter()
        .map(|a| PlannedActivity {
            id: new_id(),
            group_id: to_group,
            educator_id: None,
            ..a.clone()
        })
        .collect()
}

/// A default week for the age's band as `(day, starts, minutes, activity)`, sorted by day and
/// time; empty when no band holds the age. The band's typical week is dealt over Monday to
/// Friday in turn, so an activity held several times a week falls on different days; each day's
/// activities follow one another from the template's start, the longest the age allows, with the
/// shortest break between them. A band whose template breaks its own norms fails the tests, not
/// here.
pub fn template_for(norms: &ActivityNorms, age_from: i64) -> Vec<(u32, NaiveTime, u32, String)> {
    let Some(band) = norms.band(age_from) else {
        return Vec::new();
    };
    let minutes = band.minutes.max;
    let first = minute_of(band.template.starts);
    let occurrences = band
        .template
        .week
        .iter()
        .flat_map(|item| (0..item.per_week).map(move |_| &item.activity));
    let mut held = [0u32; TEMPLATE_DAYS as usize];
    let mut week = Vec::new();
    for (day, activity) in (0..TEMPLATE_DAYS).cycle().zip(occurrences) {
        let slot = &mut held[day as usize];
        let start = first + *slot * (minutes + band.min_break);
        *slot += 1;
        if let Some(starts) = NaiveTime::from_hms_opt(start / 60, start % 60, 0) {
            week.push((day + 1, starts, minutes, activity.clone()));
        }
    }
    week.sort_by_key(|&(day, starts, ..)| (day, starts));
    week
}

/// `NaiveTime` as `HH:MM` in the data file.
mod hhmm {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer};

    use super::HHMM;

    pub fn serialize<S: Serializer>(time: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&time.format(HHMM))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let text = String::deserialize(d)?;
        NaiveTime::parse_from_str(&text, HHMM).map_err(serde::de::Error::custom)
    }
}

mod optional_hhmm {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer};

    use super::HHMM;

    pub fn serialize<S: Serializer>(time: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
        match time {
            Some(time) => s.serialize_some(&time.format(HHMM).to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|text| NaiveTime::parse_from_str(&text, HHMM).map_err(serde::de::Error::custom))
            .transpose()
    }
}
