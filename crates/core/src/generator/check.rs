//! Checking a whole timetable: every rule of the instance, each broken one named by a stable
//! code with the activities involved, so that a hand edit is judged at once and in words. The
//! rules themselves are evaluated in `model`, the same functions the search adds up.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::timetable::{Instance, Slot};

use super::Timetable;
use super::model::{Cost, DayStats, Model, POINT, Rate};

/// Whom a rule limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Who {
    Teacher(usize),
    /// A students set; for a clash, the smallest set involved that holds every student concerned.
    Students(usize),
    Room(usize),
}

/// What is broken, and where. Indices are into the instance's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Kind {
    TeacherBusy {
        teacher: usize,
        slot: Slot,
    },
    StudentsBusy {
        students: usize,
        slot: Slot,
    },
    RoomBusy {
        room: usize,
        slot: Slot,
    },
    NotAvailable {
        who: Who,
        slot: Slot,
    },
    Break {
        slot: Slot,
    },
    /// The lesson does not fit in the day from where it starts (or the start is no period).
    OutsideDay {
        start: Slot,
    },
    Unplaced,
    MaxHoursDaily {
        who: Who,
        day: usize,
        hours: u32,
        max: u32,
    },
    MaxGapsPerDay {
        who: Who,
        day: usize,
        gaps: u32,
        max: u32,
    },
    MaxGapsPerWeek {
        who: Who,
        gaps: u32,
        max: u32,
    },
    /// Empty periods between lessons, a soft rule every class and teacher has.
    Gaps {
        who: Who,
        day: usize,
        gaps: u32,
    },
    MinDays {
        min: u32,
    },
    /// A lesson of a subject that may not end the day is the last one of `who` (a class, or a
    /// subgroup of it) at `slot`.
    HardLast {
        who: Who,
        slot: Slot,
    },
    /// A lesson locked at `slot` is elsewhere.
    PinnedMoved {
        slot: Slot,
    },
    PreferredTime {
        slot: Slot,
    },
    /// The lesson's room (`None`: it has none) is not one it asks for.
    PreferredRoom {
        room: Option<usize>,
    },
    RoomCapacity {
        room: usize,
        students: u32,
        capacity: u32,
    },
}

impl Kind {
    /// The stable code; never change one that has shipped.
    pub fn code(&self) -> &'static str {
        match self {
            Kind::TeacherBusy { .. } => "timetable.teacher_busy",
            Kind::StudentsBusy { .. } => "timetable.students_busy",
            Kind::RoomBusy { .. } => "timetable.room_busy",
            Kind::NotAvailable { .. } => "timetable.not_available",
            Kind::Break { .. } => "timetable.break",
            Kind::OutsideDay { .. } => "timetable.outside_day",
            Kind::Unplaced => "timetable.unplaced",
            Kind::MaxHoursDaily { .. } => "timetable.max_hours_daily",
            Kind::MaxGapsPerDay { .. } | Kind::MaxGapsPerWeek { .. } => "timetable.max_gaps",
            Kind::Gaps { .. } => "timetable.gaps",
            Kind::MinDays { .. } => "timetable.min_days",
            Kind::HardLast { .. } => "timetable.hard_last",
            Kind::PinnedMoved { .. } => "timetable.pinned_moved",
            Kind::PreferredTime { .. } => "timetable.preferred_time",
            Kind::PreferredRoom { .. } => "timetable.preferred_room",
            Kind::RoomCapacity { .. } => "timetable.room_capacity",
        }
    }
}

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Violation {
    pub code: &'static str,
    #[serde(flatten)]
    pub kind: Kind,
    /// The activities involved, as indices into the instance's activities, ascending.
    pub activities: Vec<usize>,
    pub hard: bool,
    /// The rule's weight in percent; 100 for a hard rule.
    pub weight: f64,
    /// How far it is broken: lessons at once beyond one, hours or gaps over the limit, pairs of
    /// parts too close.
    pub amount: u32,
    /// What it adds to the soft score; 0 for a hard rule.
    pub cost: f64,
    /// The instance's constraint that says so; `None` for the rules every timetable keeps.
    pub constraint: Option<usize>,
}

impl Violation {
    fn new(kind: Kind, rate: Rate, amount: u32, activities: Vec<usize>) -> Violation {
        let cost = if rate.hard {
            0.0
        } else {
            (rate.unit * Cost::from(amount)) as f64 / POINT as f64
        };
        Violation {
            code: kind.code(),
            kind,
            activities,
            hard: rate.hard,
            weight: rate.weight,
            amount,
            cost,
            constraint: rate.constraint,
        }
    }
}

/// The soft score of a check's violations.
pub fn soft_score(violations: &[Violation]) -> f64 {
    violations
        .iter()
        .filter(|v| !v.hard)
        .fold(0.0, |sum, v| sum + v.cost)
}

const HARD: Rate = Rate::BASIC;

/// A day's end: the lessons there, the slot, and the rule they break.
type EndKey = (Vec<usize>, usize, Option<usize>);

/// Every rule `timetable` breaks, the hard ones first.
pub fn check(instance: &Instance, timetable: &Timetable) -> Vec<Violation> {
    let m = Model::new(instance, &Timetable::default());
    let mut out = Vec::new();
    // Per resource and slot, the activities (model indices) there.
    let mut cells: Vec<Vec<u32>> = vec![Vec::new(); m.resources() * m.slots];
    let mut starts: Vec<Option<usize>> = vec![None; m.acts.len()];
    for (a, act) in m.acts.iter().enumerate() {
        let i = act.instance;
        let Some(p) = timetable.placements.get(i).copied().flatten() else {
            out.push(Violation::new(Kind::Unplaced, HARD, 1, vec![i]));
            continue;
        };
        let start = p.start.day * m.hours + p.start.hour;
        if p.start.day >= m.days || p.start.hour >= m.hours || !m.fits_day(a, start) {
            let kind = Kind::OutsideDay { start: p.start };
            out.push(Violation::new(kind, HARD, 1, vec![i]));
            continue;
        }
        starts[a] = Some(start);
        let mut report = |kind, rate, n| out.push(Violation::new(kind, rate, n, vec![i]));
        m.start_parts(a, start, &mut report);
        let mut occupied = act.resources.clone();
        match p.room.filter(|&r| r < m.room_res.len()) {
            Some(r) => {
                m.room_parts(a, r, &mut report);
                m.room_time_parts(r, start, act.dur, &mut report);
                occupied.extend(&m.room_res[r]);
            }
            None if !act.rooms.is_empty() => {
                m.no_room_parts(a, &mut report);
            }
            None => {}
        }
        for r in occupied {
            for s in start..start + act.dur {
                cells[r as usize * m.slots + s].push(a as u32);
            }
        }
    }
    let instance_of = |acts: &[u32]| -> Vec<usize> {
        let mut v: Vec<usize> = acts.iter().map(|&a| m.acts[a as usize].instance).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    // Students collide on leaves; one report per group of lessons and period.
    let mut students: BTreeMap<(Vec<usize>, usize), (u32, Vec<u32>)> = BTreeMap::new();
    // A lesson that ends the day of several leaves (a whole class of two halves) is reported
    // once, at what each leaf's day costs together.
    let mut ends: BTreeMap<EndKey, (u32, Vec<u32>, Rate)> = BTreeMap::new();
    for r in 0..m.resources() {
        let res = r as u32;
        for s in 0..m.slots {
            let here = &cells[r * m.slots + s];
            if here.len() < 2 {
                continue;
            }
            let slot = m.slot_of(s);
            let n = here.len() as u32 - 1;
            let kind = match m.who(res) {
                super::Who::Teacher(teacher) => Kind::TeacherBusy { teacher, slot },
                super::Who::Room(room) => Kind::RoomBusy { room, slot },
                super::Who::Students(_) => {
                    let e = students.entry((instance_of(here), s)).or_default();
                    e.0 += n;
                    e.1.push(res);
                    continue;
                }
            };
            out.push(Violation::new(kind, HARD, n, instance_of(here)));
        }
        let mut gaps = 0;
        for day in 0..m.days {
            let cells_of = |h: usize| &cells[r * m.slots + day * m.hours + h];
            let st = DayStats::of((0..m.hours).map(|h| cells_of(h).len()), m.off_day(r, day));
            gaps += st.gaps;
            let acts: Vec<u32> = (0..m.hours)
                .flat_map(|h| cells_of(h).iter().copied())
                .collect();
            let last: &[u32] = if st.busy > 0 { cells_of(st.last) } else { &[] };
            m.day_parts(res, day, st, last, &mut |kind, rate, n| match kind {
                Kind::HardLast { .. } => {
                    let breaking = m.last_breaking(res, rate.constraint, last);
                    let at = day * m.hours + st.last;
                    let e = ends
                        .entry((instance_of(&breaking), at, rate.constraint))
                        .or_insert((0, Vec::new(), rate));
                    e.0 += n;
                    e.1.push(res);
                }
                _ => out.push(Violation::new(kind, rate, n, instance_of(&acts))),
            });
        }
        let acts: Vec<u32> = cells[r * m.slots..(r + 1) * m.slots].concat();
        m.week_parts(res, gaps, &mut |kind, rate, n| {
            out.push(Violation::new(kind, rate, n, instance_of(&acts)))
        });
    }
    for ((activities, s), (n, leaves)) in students {
        let set = clash_set(instance, &m, &activities, &leaves);
        let kind = Kind::StudentsBusy {
            students: set,
            slot: m.slot_of(s),
        };
        out.push(Violation::new(kind, HARD, n, activities));
    }
    for ((activities, s, _), (n, leaves, rate)) in ends {
        let kind = Kind::HardLast {
            who: Who::Students(clash_set(instance, &m, &activities, &leaves)),
            slot: m.slot_of(s),
        };
        out.push(Violation::new(kind, rate, n, activities));
    }
    for c in &m.min_days {
        let (mut n, mut acts) = (0, Vec::new());
        for (k, &x) in c.acts.iter().enumerate() {
            for &y in &c.acts[k + 1..] {
                let (Some(sx), Some(sy)) = (starts[x as usize], starts[y as usize]) else {
                    continue;
                };
                let (dx, dy) = (m.acts[x as usize].dur, m.acts[y as usize].dur);
                let units = m.pair_units(c, (sx, dx), (sy, dy));
                if units > 0 {
                    n += units;
                    acts.extend([x, y]);
                }
            }
        }
        if n > 0 {
            let kind = Kind::MinDays { min: c.days };
            out.push(Violation::new(kind, c.rate, n, instance_of(&acts)));
        }
    }
    out.sort_by_key(|v| !v.hard);
    out
}

/// The students set to name for a clash (or a day's end) on `leaves`: the smallest set of the
/// lessons involved that holds all of them, else the first leaf.
fn clash_set(instance: &Instance, m: &Model, activities: &[usize], leaves: &[u32]) -> usize {
    let fallback = match m.who(leaves[0]) {
        super::Who::Students(s) => s,
        _ => 0,
    };
    activities
        .iter()
        .flat_map(|&i| instance.activities[i].students.iter().copied())
        .filter(|&s| s < m.leaves_of.len())
        .filter(|&s| {
            leaves
                .iter()
                .all(|l| m.leaves_of[s].binary_search(l).is_ok())
        })
        .min_by_key(|&s| (m.leaves_of[s].len(), s))
        .unwrap_or(fallback)
}
