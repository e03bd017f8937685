//! Quarter and year grades for grades 2–11 under the Kazakhstan assessment rules (order No. 125).
//! The rules are data, not code: each rule set in `data/assessment_rules.json` carries its source,
//! the school year it applies from and its parameters, because the weights have changed before and
//! the ministry is studying the abolition of СОр/СОч — a new rule is a new entry, not an edit here.

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

const RULES_JSON: &str = include_str!("../data/assessment_rules.json");

/// Half-up rounding adds this before taking the floor, so that a total which is x.5 on paper but
/// x.4999999… after floating-point arithmetic still rounds up.
const ROUNDING_SLACK: f64 = 1e-9;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    pub id: String,
    pub name: String,
    /// The legal act the rule set reproduces.
    pub source: String,
    /// The first day of the school year the rule set applies from.
    pub valid_from: NaiveDate,
    pub weights: Weights,
    #[serde(default)]
    pub sor_mode: SorMode,
    /// The top of the formative (ФО) scale: a mark of this value is 100 %.
    pub formative_scale_max: i64,
    /// The lowest percentage of each grade, ascending from 0.
    pub thresholds: Vec<Threshold>,
    #[serde(default)]
    pub total_rounding: TotalRounding,
    #[serde(default)]
    pub year_grade_rounding: YearGradeRounding,
    pub limits: Limits,
}

/// How summative work may be scheduled, and from which grade marks are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// At most this many СОч a class writes on one day [H].
    pub soch_per_day: usize,
    /// At most this many СОр per subject in a quarter [M].
    pub sor_per_term: usize,
    /// Whether a СОч may fall on the last day of the quarter [H: it may not].
    pub soch_on_last_day: bool,
    /// Grade 1 (and the pre-school class) gets no marks [H].
    pub first_graded_grade: i64,
}

/// Shares of the quarter total; they sum to 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub formative: f64,
    pub sor: f64,
    pub soch: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    pub min_percent: f64,
    pub grade: i64,
}

/// How the СОр of a quarter make one percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SorMode {
    /// ΣСОр points / ΣСОр max · 100.
    #[default]
    SumOfPoints,
    /// The mean of each СОр's percentage, as some e-journals compute it.
    MeanOfPercents,
}

/// How the quarter total is rounded before it is looked up in the thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TotalRounding {
    /// To a whole percent, half up: 84.5 → 85.
    #[default]
    HalfUpWhole,
    /// Compare the exact total: 84.9 is still below 85.
    #[serde(rename = "none")]
    Unrounded,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearGradeRounding {
    /// The mean of the term grades to the nearest integer, half up: 4.5 → 5.
    #[default]
    HalfUp,
}

/// One student's marks in one subject for one quarter (or half-year).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// Formative marks (ФО) on the rule set's scale.
    pub formative: Vec<i64>,
    /// Summative assessments for a section (СОр) as (points, max).
    pub sor: Vec<(i64, i64)>,
    /// The summative assessment for the quarter (СОч) as (points, max), if there was one.
    pub soch: Option<(i64, i64)>,
}

/// Each percent is 0–100 before weighting and `None` when the student has no mark of that kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermGrade {
    pub formative_percent: Option<f64>,
    pub sor_percent: Option<f64>,
    pub soch_percent: Option<f64>,
    /// The weighted total, unrounded.
    pub total_percent: Option<f64>,
    pub grade: Option<i64>,
}

/// Every known rule set, oldest first.
pub fn rule_sets() -> &'static [RuleSet] {
    static RULE_SETS: OnceLock<Vec<RuleSet>> = OnceLock::new();
    RULE_SETS.get_or_init(|| {
        let mut sets: Vec<RuleSet> = serde_json::from_str(RULES_JSON)
            .expect("data/assessment_rules.json is compiled in and checked by its tests");
        assert!(
            !sets.is_empty(),
            "data/assessment_rules.json has no rule set"
        );
        sets.sort_by_key(|set| set.valid_from);
        sets
    })
}

/// The rule set in force on `date`: the newest that has started, or the oldest for earlier dates.
pub fn rule_set_for(date: NaiveDate) -> &'static RuleSet {
    let sets = rule_sets();
    sets.iter()
        .rev()
        .find(|set| set.valid_from <= date)
        .unwrap_or(&sets[0])
}

impl RuleSet {
    pub fn term_grade(&self, scores: &Scores) -> TermGrade {
        let formative_percent = self.formative_percent(&scores.formative);
        let sor_percent = self.sor_percent(&scores.sor);
        let soch_percent = scores
            .soch
            .and_then(|(points, max)| ratio_percent(points, max));

        // Renormalising over the components present is what turns 0.25/0.25/0.5 into the official
        // 0.5·FO + 0.5·SOR for a quarter without a СОч.
        let counted = [
            (self.weights.formative, formative_percent),
            (self.weights.sor, sor_percent),
            (self.weights.soch, soch_percent),
        ]
        .into_iter()
        .filter_map(|(weight, percent)| percent.filter(|_| weight > 0.0).map(|p| (weight, p)));
        let (weight_sum, weighted) =
            counted.fold((0.0, 0.0), |(ws, total), (w, p)| (ws + w, total + w * p));
        let total_percent = (weight_sum > 0.0).then(|| clamp_percent(weighted / weight_sum));

        TermGrade {
            formative_percent,
            sor_percent,
            soch_percent,
            total_percent,
            grade: total_percent.map(|total| self.grade_of(total)),
        }
    }

    pub fn grade_of(&self, total_percent: f64) -> i64 {
        let percent = clamp_percent(total_percent);
        let percent = match self.total_rounding {
            TotalRounding::HalfUpWhole => round_half_up(percent),
            TotalRounding::Unrounded => percent,
        };
        let reached = self
            .thresholds
            .iter()
            .filter(|t| t.min_percent <= percent)
            .max_by(|a, b| a.min_percent.total_cmp(&b.min_percent));
        let lowest = || {
            self.thresholds
                .iter()
                .min_by(|a, b| a.min_percent.total_cmp(&b.min_percent))
        };
        // Only an empty threshold list, which the data tests rule out, falls through to 0.
        reached.or_else(lowest).map_or(0, |t| t.grade)
    }

    /// The year (or half-year) grade from the term grades; terms without a grade are left out.
    pub fn year_grade(&self, term_grades: &[Option<i64>]) -> Option<i64> {
        let grades: Vec<i64> = term_grades.iter().flatten().copied().collect();
        if grades.is_empty() {
            return None;
        }
        let mean = grades.iter().sum::<i64>() as f64 / grades.len() as f64;
        match self.year_grade_rounding {
            YearGradeRounding::HalfUp => Some(round_half_up(mean) as i64),
        }
    }

    fn formative_percent(&self, marks: &[i64]) -> Option<f64> {
        if marks.is_empty() || self.formative_scale_max <= 0 {
            return None;
        }
        let scale = self.formative_scale_max;
        let sum: i64 = marks.iter().map(|mark| (*mark).clamp(0, scale)).sum();
        Some(clamp_percent(
            sum as f64 * 100.0 / (marks.len() as f64 * scale as f64),
        ))
    }

    fn sor_percent(&self, sor: &[(i64, i64)]) -> Option<f64> {
        let valid: Vec<(i64, i64)> = sor
            .iter()
            .filter(|(_, max)| *max > 0)
            .map(|(points, max)| ((*points).clamp(0, *max), *max))
            .collect();
        if valid.is_empty() {
            return None;
        }
        let percent = match self.sor_mode {
            SorMode::SumOfPoints => {
                let points: i64 = valid.iter().map(|(points, _)| points).sum();
                let max: i64 = valid.iter().map(|(_, max)| max).sum();
                points as f64 * 100.0 / max as f64
            }
            SorMode::MeanOfPercents => {
                let sum: f64 = valid
                    .iter()
                    .map(|(points, max)| *points as f64 * 100.0 / *max as f64)
                    .sum();
                sum / valid.len() as f64
            }
        };
        Some(clamp_percent(percent))
    }
}

/// points/max as a percentage; `None` for a max that is not positive.
fn ratio_percent(points: i64, max: i64) -> Option<f64> {
    (max > 0).then(|| clamp_percent(points as f64 * 100.0 / max as f64))
}

fn clamp_percent(percent: f64) -> f64 {
    if percent.is_nan() {
        0.0
    } else {
        percent.clamp(0.0, 100.0)
    }
}

fn round_half_up(value: f64) -> f64 {
    (value + 0.5 + ROUNDING_SLACK).floor()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn current() -> &'static RuleSet {
        rule_set_for(date(2025, 10, 1))
    }

    fn assert_close(actual: Option<f64>, expected: f64) {
        let actual = actual.expect("a percentage");
        assert!(
            (actual - expected).abs() < 1e-6,
            "expected {expected}, got {actual}"
        );
    }

    #[test]
    fn embedded_rule_sets_parse_and_are_sound() {
        let sets: Vec<RuleSet> = serde_json::from_str(RULES_JSON).expect("the JSON parses");
        assert_eq!(sets.len(), 2);
        let mut ids: Vec<&str> = sets.iter().map(|s| s.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), sets.len(), "rule set ids are unique");
        for set in &sets {
            let w = set.weights;
            assert!(
                (w.formative + w.sor + w.soch - 1.0).abs() < 1e-9,
                "{}: weights sum to 1",
                set.id
            );
            assert!(w.formative >= 0.0 && w.sor >= 0.0 && w.soch >= 0.0);
            assert!(set.formative_scale_max > 0);
            assert!(set.source.contains("№ 125"), "{}: names its source", set.id);
            assert_eq!(set.thresholds.first().map(|t| t.min_percent), Some(0.0));
            for pair in set.thresholds.windows(2) {
                assert!(
                    pair[0].min_percent < pair[1].min_percent,
                    "{}: ascending",
                    set.id
                );
                assert!(pair[0].grade < pair[1].grade, "{}: grades ascend", set.id);
            }
        }
        assert_eq!(rule_sets().len(), 2);
    }

    #[test]
    fn rule_sets_round_trip_through_json() {
        for set in rule_sets() {
            let json = serde_json::to_string(set).unwrap();
            assert_eq!(&serde_json::from_str::<RuleSet>(&json).unwrap(), set);
        }
    }

    #[test]
    fn rule_set_is_chosen_by_date() {
        assert_eq!(rule_set_for(date(2019, 10, 1)).valid_from, date(2016, 9, 1));
        assert_eq!(rule_set_for(date(2020, 8, 31)).valid_from, date(2016, 9, 1));
        assert_eq!(rule_set_for(date(2020, 9, 1)).valid_from, date(2020, 9, 1));
        assert_eq!(rule_set_for(date(2025, 10, 1)).valid_from, date(2020, 9, 1));
        // Before every rule set: the oldest.
        assert_eq!(rule_set_for(date(2010, 1, 1)).valid_from, date(2016, 9, 1));
        assert_eq!(rule_set_for(date(2019, 10, 1)).weights.formative, 0.0);
    }

    #[test]
    fn worked_quarter_with_all_components() {
        // ФО 8, 9, 10: mean 9 of 10 → 90 %.
        // СОр 15/20 and 8/10: 23/30 → 76.67 %.
        // СОч 20/25 → 80 %.
        // total = 0.25·90 + 0.25·76.67 + 0.5·80 = 22.5 + 19.17 + 40 = 81.67 → 82 → «4».
        let scores = Scores {
            formative: vec![8, 9, 10],
            sor: vec![(15, 20), (8, 10)],
            soch: Some((20, 25)),
        };
        let grade = current().term_grade(&scores);
        assert_close(grade.formative_percent, 90.0);
        assert_close(grade.sor_percent, 2300.0 / 30.0);
        assert_close(grade.soch_percent, 80.0);
        assert_close(grade.total_percent, 22.5 + 2300.0 / 120.0 + 40.0);
        assert_eq!(grade.grade, Some(4));
    }

    #[test]
    fn quarter_without_soch_is_half_formative_half_sor() {
        // ФО 6, 7, 8: mean 7 → 70 %. СОр 12/20 → 60 %. No СОч.
        // Official: total = 0.5·70 + 0.5·60 = 65 → «4».
        // Renormalised: (0.25·70 + 0.25·60) / 0.5 = 32.5 / 0.5 = 65 — the same.
        let scores = Scores {
            formative: vec![6, 7, 8],
            sor: vec![(12, 20)],
            soch: None,
        };
        let grade = current().term_grade(&scores);
        assert_eq!(grade.soch_percent, None);
        assert_close(grade.total_percent, 65.0);
        assert_eq!(grade.grade, Some(4));
    }

    #[test]
    fn mean_of_percents_differs_from_sum_of_points() {
        // ФО 7 → 70 %. СОр 1/1 (100 %) and 10/20 (50 %). No СОч, so 0.5·FO + 0.5·SOR.
        // sum_of_points:   SOR = 11/21 = 52.38 %; total = 35 + 26.19 = 61.19 → 61 → «3».
        // mean_of_percents: SOR = (100 + 50)/2 = 75 %; total = 35 + 37.5 = 72.5 → 73 → «4».
        let scores = Scores {
            formative: vec![7],
            sor: vec![(1, 1), (10, 20)],
            soch: None,
        };
        let by_points = current().term_grade(&scores);
        assert_close(by_points.sor_percent, 1100.0 / 21.0);
        assert_close(by_points.total_percent, 35.0 + 550.0 / 21.0);
        assert_eq!(by_points.grade, Some(3));

        let by_percents = RuleSet {
            sor_mode: SorMode::MeanOfPercents,
            ..current().clone()
        }
        .term_grade(&scores);
        assert_close(by_percents.sor_percent, 75.0);
        assert_close(by_percents.total_percent, 72.5);
        assert_eq!(by_percents.grade, Some(4));
    }

    #[test]
    fn older_rule_reports_formative_but_does_not_count_it() {
        // ФО 10, 10 → 100 %. СОр 10/20 → 50 %. СОч 20/20 → 100 %.
        // 2019 (СОр 50 / СОч 50):     total = 0.5·50 + 0.5·100 = 75 → «4».
        // 2025 (ФО 25 / СОр 25 / СОч 50): total = 25 + 12.5 + 50 = 87.5 → 88 → «5».
        let scores = Scores {
            formative: vec![10, 10],
            sor: vec![(10, 20)],
            soch: Some((20, 20)),
        };
        let old = rule_set_for(date(2019, 10, 1)).term_grade(&scores);
        assert_close(old.formative_percent, 100.0);
        assert_close(old.total_percent, 75.0);
        assert_eq!(old.grade, Some(4));

        let new = rule_set_for(date(2025, 10, 1)).term_grade(&scores);
        assert_close(new.total_percent, 87.5);
        assert_eq!(new.grade, Some(5));

        // Only ФО under the old rule: nothing that counts, so no total.
        let only_formative = Scores {
            formative: vec![9],
            ..Scores::default()
        };
        let old = rule_set_for(date(2019, 10, 1)).term_grade(&only_formative);
        assert_close(old.formative_percent, 90.0);
        assert_eq!((old.total_percent, old.grade), (None, None));
    }

    #[test]
    fn no_marks_at_all_gives_nothing() {
        let grade = current().term_grade(&Scores::default());
        assert_eq!(
            grade,
            TermGrade {
                formative_percent: None,
                sor_percent: None,
                soch_percent: None,
                total_percent: None,
                grade: None,
            }
        );
    }

    #[test]
    fn threshold_edges_round_half_up_to_a_whole_percent() {
        let rules = current();
        for (percent, grade) in [
            (0.0, 2),
            (39.4, 2),  // → 39
            (39.5, 3),  // → 40
            (64.49, 3), // → 64
            (64.5, 4),  // → 65
            (84.49, 4), // → 84
            (84.5, 5),  // → 85
            (100.0, 5),
        ] {
            assert_eq!(rules.grade_of(percent), grade, "{percent} %");
        }
    }

    #[test]
    fn unrounded_total_compares_the_exact_percent() {
        let rules = RuleSet {
            total_rounding: TotalRounding::Unrounded,
            ..current().clone()
        };
        assert_eq!(rules.grade_of(84.5), 4);
        assert_eq!(rules.grade_of(85.0), 5);
        assert_eq!(rules.grade_of(39.9), 2);
    }

    #[test]
    fn half_a_percent_from_arithmetic_still_rounds_up() {
        // Only СОч 169/200 = 84.5 % → 85 → «5»; and a total a hair under 84.5 from float
        // arithmetic (84.5 − 1e-12) still counts as 84.5.
        let scores = Scores {
            soch: Some((169, 200)),
            ..Scores::default()
        };
        assert_eq!(current().term_grade(&scores).grade, Some(5));
        assert_eq!(current().grade_of(84.5 - 1e-12), 5);
    }

    #[test]
    fn bad_input_is_guarded_not_panicking() {
        // A max of 0 is skipped; points above the max, negative points and a ФО above the scale
        // are clamped, so every percent stays within 0..=100.
        let scores = Scores {
            formative: vec![12],
            sor: vec![(5, 0), (30, 25), (-3, -1)],
            soch: Some((-5, 10)),
        };
        let grade = current().term_grade(&scores);
        assert_close(grade.formative_percent, 100.0);
        assert_close(grade.sor_percent, 100.0);
        assert_close(grade.soch_percent, 0.0);
        assert_close(grade.total_percent, 50.0);

        let zero_max = Scores {
            soch: Some((3, 0)),
            ..Scores::default()
        };
        assert_eq!(current().term_grade(&zero_max).total_percent, None);
        assert_eq!(current().grade_of(150.0), 5);
        assert_eq!(current().grade_of(-10.0), 2);
        assert_eq!(current().grade_of(f64::NAN), 2);
    }

    #[test]
    fn year_grade_is_the_mean_rounded_half_up() {
        let rules = current();
        // (4 + 5 + 4 + 5) / 4 = 4.5 → 5.
        assert_eq!(
            rules.year_grade(&[Some(4), Some(5), Some(4), Some(5)]),
            Some(5)
        );
        // (3 + 4 + 4) / 3 = 3.67 → 4.
        assert_eq!(rules.year_grade(&[Some(3), Some(4), Some(4)]), Some(4));
        // A term without a grade is left out: 4 / 1 = 4.
        assert_eq!(rules.year_grade(&[None, Some(4)]), Some(4));
        // (3 + 4) / 2 = 3.5 → 4; (3 + 3 + 4) / 3 = 3.33 → 3.
        assert_eq!(rules.year_grade(&[Some(3), Some(4)]), Some(4));
        assert_eq!(rules.year_grade(&[Some(3), Some(3), Some(4)]), Some(3));
        assert_eq!(rules.year_grade(&[]), None);
        assert_eq!(rules.year_grade(&[None, None]), None);
    }
}
