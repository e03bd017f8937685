//! The timetable generator and the checker of a timetable against an instance's rules.
//!
//! Both work on one compiled form of the instance (`model`): every students set is reduced to
//! the smallest sets it contains (its leaves), so a class and its subgroups collide by sharing a
//! leaf; every rule is attached to the teacher, leaf or room it limits. `check` walks a whole
//! timetable through that form and names each broken rule; the search (`search`) keeps the same
//! figures per resource and day up to date as lessons move, so a move costs a few resources'
//! days, not a full re-check — and tests hold the two to the same numbers.
//!
//! Hard rules (weight 100) are counted in breaches; soft ones cost a tenth of a point per percent
//! of weight and unit broken, and every class's empty period between lessons costs a point, a
//! teacher's a quarter. Breaks and unavailable periods are no gaps, as FET counts them.
//!
//! The generator is pure: the time budget, the seed and a stop flag come in as arguments, the
//! only clock it reads is the one that tells when the budget is spent, and for one seed it makes
//! the same moves in the same order (bound the steps, not the time, to get the same timetable on
//! any machine).

mod check;
mod model;
mod search;

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use serde::Serialize;

use crate::timetable::{Instance, Slot};

pub use check::{Kind, Violation, Who, check, soft_score};

/// Where each activity of an instance takes place: `placements[i]` for `instance.activities[i]`,
/// `None` while it is not placed (and always for an inactive activity).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Timetable {
    pub placements: Vec<Option<Placement>>,
}

impl Timetable {
    /// Nothing placed yet.
    pub fn empty(instance: &Instance) -> Self {
        Timetable {
            placements: vec![None; instance.activities.len()],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Placement {
    /// The period the activity starts at; it runs for its duration from there.
    pub start: Slot,
    pub room: Option<usize>,
    /// Pinned by hand: the generator keeps it where it is.
    pub pinned: bool,
}

/// What a run may use and whom it tells.
pub struct Options<'a> {
    /// The run ends when this much time has passed since it started.
    pub time: Duration,
    /// The same seed makes the same moves in the same order.
    pub seed: u64,
    /// Set by another thread to end the run; the best timetable so far is returned.
    pub stop: &'a AtomicBool,
    /// Called with the best figures so far, a few times a second at most.
    pub progress: &'a dyn Fn(Progress),
    /// An upper bound on search steps, so that a test can run to the same end on any machine.
    pub max_steps: u64,
}

impl<'a> Options<'a> {
    pub fn new(time: Duration, seed: u64, stop: &'a AtomicBool) -> Self {
        Options {
            time,
            seed,
            stop,
            progress: &quiet,
            max_steps: u64::MAX,
        }
    }
}

fn quiet(_: Progress) {}

/// What the generator is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Placing every lesson once, hardest first.
    Construct,
    /// Moving lessons until no hard rule is broken.
    Repair,
    /// Lowering the soft score while keeping every hard rule.
    Improve,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Progress {
    pub phase: Phase,
    pub elapsed: Duration,
    pub steps: u64,
    /// The best timetable's hard-rule breaches (lessons at once beyond one, hours over a limit…).
    pub hard: u32,
    pub soft: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    pub timetable: Timetable,
    /// What `check` says of `timetable`'s hard rules; empty when it is solved.
    pub hard_violations: Vec<Violation>,
    /// The sum of the soft violations' costs; lower is better.
    pub soft_score: f64,
    pub stats: Stats,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Stats {
    pub steps: u64,
    pub elapsed: Duration,
    /// When the first timetable with no hard violation was found.
    pub solved_after: Option<Duration>,
    /// The stop flag ended the run.
    pub stopped: bool,
    /// Active activities that cannot be placed at all (longer than a day, pinned outside it).
    pub unplaceable: usize,
}

/// Fills `start` into a whole timetable: its pinned placements stay, its other placements are
/// where the search starts from, the rest are placed hardest first; then lessons move until no
/// hard rule is broken and the soft score is as low as the time allows.
pub fn generate(instance: &Instance, start: &Timetable, options: Options) -> Outcome {
    let model = model::Model::new(instance, start);
    let found = search::run(&model, start, &options);
    let violations = check(instance, &found.timetable);
    let soft_score = soft_score(&violations);
    let hard_violations = violations.into_iter().filter(|v| v.hard).collect();
    Outcome {
        timetable: found.timetable,
        hard_violations,
        soft_score,
        stats: found.stats,
    }
}
