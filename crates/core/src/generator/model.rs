//! The instance compiled for checking and searching. Resources are numbered in one range —
//! teachers, then leaf students sets, then rooms — so that a lesson is a window of periods on a
//! few resources and every rule hangs off one resource (limits per day and week, unavailable
//! periods, subjects that may not end the day), one activity (preferred time and rooms) or one
//! group of activities (min days).
//! Each rule is evaluated by one function here, which reports what it finds through a callback:
//! `check` turns the reports into violations, the search adds them up.

use crate::timetable::{Instance, Rule, Slot};

use super::Timetable;
use super::check::{Kind, Who};

/// Soft costs are counted in thousandths of a point, so that sums kept over millions of moves
/// never drift and equal what a fresh check adds up.
pub(super) type Cost = i64;
pub(super) const POINT: Cost = 1000;

/// A class's empty period between two lessons costs a point; a teacher's, a quarter.
const CLASS_GAP: Cost = POINT;
const TEACHER_GAP: Cost = POINT / 4;

/// What one unit of a broken rule counts: a hard rule one breach, a soft one a tenth of a point
/// per percent of weight (a 95 % rule broken once costs 9.5).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Rate {
    pub constraint: Option<usize>,
    pub weight: f64,
    pub hard: bool,
    pub unit: Cost,
}

impl Rate {
    /// The rules every timetable keeps: no clashes, the day's length, room sizes.
    pub const BASIC: Rate = Rate {
        constraint: None,
        weight: 100.0,
        hard: true,
        unit: 0,
    };

    fn of(constraint: usize, weight: f64) -> Rate {
        let hard = weight >= 100.0;
        Rate {
            constraint: Some(constraint),
            weight: weight.min(100.0),
            hard,
            unit: if hard {
                0
            } else {
                (weight * POINT as f64 / 10.0).round() as Cost
            },
        }
    }

    fn implicit(unit: Cost) -> Rate {
        Rate {
            constraint: None,
            weight: unit as f64 * 10.0 / POINT as f64,
            hard: false,
            unit,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Limit {
    pub max: u32,
    pub rate: Rate,
}

/// The limits on one resource. Of several hard limits of a kind only the tightest is kept: one
/// breach should be counted once.
#[derive(Debug, Clone, Default)]
pub(super) struct Limits {
    pub hours_day: Vec<Limit>,
    pub gaps_day: Vec<Limit>,
    pub gaps_week: Vec<Limit>,
    pub gap_cost: Cost,
    /// Subjects whose lesson may not be the day's last.
    pub not_last: Vec<NotLast>,
}

#[derive(Debug, Clone)]
pub(super) struct NotLast {
    /// Sorted subject indices.
    pub subjects: Vec<usize>,
    pub rate: Rate,
}

impl Limits {
    fn push(list: &mut Vec<Limit>, limit: Limit) {
        if limit.rate.hard
            && let Some(old) = list.iter_mut().find(|l| l.rate.hard)
        {
            if limit.max < old.max {
                *old = limit;
            }
            return;
        }
        list.push(limit);
    }

    /// Only clashes count: rooms, and teachers and classes with no limits on their days.
    pub fn none(&self) -> bool {
        self.hours_day.is_empty()
            && self.gaps_day.is_empty()
            && self.gap_cost == 0
            && self.not_last.is_empty()
    }
}

/// A day of one resource: lessons at once beyond one, busy periods, empty periods between, and
/// the last busy period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct DayStats {
    pub clashes: u32,
    pub busy: u32,
    pub gaps: u32,
    /// Meaningless when `busy` is 0.
    pub last: usize,
}

impl DayStats {
    /// From the number of lessons at each period of the day; `off` says which periods are a
    /// break or unavailable, and those are no gap (as FET counts them).
    pub fn of(counts: impl Iterator<Item = usize>, off: &[bool]) -> DayStats {
        let (mut clashes, mut busy, mut gaps, mut open, mut started) = (0, 0, 0, 0, false);
        let mut last = 0;
        for (h, c) in counts.enumerate() {
            if c > 0 {
                clashes += c as u32 - 1;
                busy += 1;
                gaps += open;
                open = 0;
                started = true;
                last = h;
            } else if started && !off[h] {
                open += 1;
            }
        }
        DayStats {
            clashes,
            busy,
            gaps,
            last,
        }
    }
}

/// Activities that must fall on days apart.
#[derive(Debug, Clone)]
pub(super) struct MinDays {
    pub acts: Vec<u32>,
    pub days: u32,
    pub consecutive: bool,
    pub rate: Rate,
}

#[derive(Debug, Clone)]
struct PreferredTime {
    slot: Slot,
    locked: bool,
    rate: Rate,
}

#[derive(Debug, Clone)]
struct PreferredRooms {
    rooms: Vec<usize>,
    rate: Rate,
}

/// One active activity.
#[derive(Debug, Clone)]
pub(super) struct Act {
    pub instance: usize,
    pub subject: usize,
    pub dur: usize,
    /// Teachers, then leaves: what the lesson occupies besides its room.
    pub resources: Vec<u32>,
    /// The rooms it may take (instance indices); empty when it needs none.
    pub rooms: Vec<u32>,
    /// Per candidate room, what the preferences and its capacity cost.
    pub room_cost: Vec<(u32, Cost)>,
    /// It never moves: pinned by hand or locked by the instance.
    pub fixed: bool,
    /// The starts (slot numbers) the search may use.
    pub domain: Vec<u16>,
    /// Per start, what the unavailable periods, breaks and preferred times cost.
    pub start_cost: Vec<(u32, Cost)>,
    pub min_days: Vec<u32>,
    /// The number of students, for room capacities.
    needed: u32,
    times: Vec<PreferredTime>,
    room_prefs: Vec<PreferredRooms>,
}

/// No hard unavailability recorded for a resource's period.
const FREE: u32 = u32::MAX;

pub(super) struct Model {
    pub days: usize,
    pub hours: usize,
    pub slots: usize,
    pub teachers: usize,
    /// The students set each leaf resource stands for.
    pub leaves: Vec<usize>,
    /// Per students set, the leaf resources it covers.
    pub leaves_of: Vec<Vec<u32>>,
    /// Per room, the resources it occupies: itself, and for a virtual room each real room it
    /// cannot do without (a set of one).
    pub room_res: Vec<Vec<u32>>,
    pub capacity: Vec<u32>,
    pub limits: Vec<Limits>,
    /// Per resource and slot: the hard constraint making it unavailable, or `FREE`.
    na_hard: Vec<u32>,
    na_soft: Vec<(Cost, Rate)>,
    break_hard: Vec<u32>,
    break_soft: Vec<(Cost, Rate)>,
    /// Per resource and slot: a hard break or unavailability, which is never a gap.
    pub off: Vec<bool>,
    pub acts: Vec<Act>,
    pub of_instance: Vec<Option<u32>>,
    pub min_days: Vec<MinDays>,
}

impl Model {
    pub fn new(instance: &Instance, start: &Timetable) -> Model {
        let days = instance.days.len();
        let hours = instance.hours.len();
        let slots = days * hours;
        let teachers = instance.teachers.len();
        let sets = instance.students.len();
        let mut leaf_res = vec![u32::MAX; sets];
        let mut leaves = Vec::new();
        for (s, set) in instance.students.iter().enumerate() {
            if set.parts.is_empty() {
                leaf_res[s] = (teachers + leaves.len()) as u32;
                leaves.push(s);
            }
        }
        let leaves_of: Vec<Vec<u32>> = (0..sets)
            .map(|s| {
                let mut out = Vec::new();
                let mut seen = vec![false; sets];
                let mut todo = vec![s];
                while let Some(x) = todo.pop() {
                    if std::mem::replace(&mut seen[x], true) {
                        continue;
                    }
                    if leaf_res[x] != u32::MAX {
                        out.push(leaf_res[x]);
                    }
                    todo.extend(instance.students[x].parts.iter().filter(|&&p| p < sets));
                }
                out.sort_unstable();
                out
            })
            .collect();
        let first_room = teachers + leaves.len();
        let rooms = instance.rooms.len();
        let room_res = instance
            .rooms
            .iter()
            .enumerate()
            .map(|(r, room)| {
                let mut out = vec![(first_room + r) as u32];
                for set in &room.real_rooms {
                    if let [only] = set[..]
                        && only < rooms
                        && only != r
                    {
                        out.push((first_room + only) as u32);
                    }
                }
                out.sort_unstable();
                out.dedup();
                out
            })
            .collect();
        let resources = first_room + rooms;
        let mut limits = vec![Limits::default(); resources];
        for l in limits.iter_mut().take(teachers) {
            l.gap_cost = TEACHER_GAP;
        }
        for l in limits.iter_mut().skip(teachers).take(leaves.len()) {
            l.gap_cost = CLASS_GAP;
        }
        let mut m = Model {
            days,
            hours,
            slots,
            teachers,
            leaves,
            leaves_of,
            room_res,
            capacity: instance.rooms.iter().map(|r| r.capacity).collect(),
            limits,
            na_hard: vec![FREE; resources * slots],
            na_soft: vec![(0, Rate::BASIC); resources * slots],
            break_hard: vec![FREE; slots],
            break_soft: vec![(0, Rate::BASIC); slots],
            off: Vec::new(),
            acts: Vec::new(),
            of_instance: vec![None; instance.activities.len()],
            min_days: Vec::new(),
        };
        for (i, a) in instance.activities.iter().enumerate() {
            if !a.active {
                continue;
            }
            m.of_instance[i] = Some(m.acts.len() as u32);
            let mut resources: Vec<u32> = a
                .teachers
                .iter()
                .filter(|&&t| t < teachers)
                .map(|&t| t as u32)
                .collect();
            for &s in a.students.iter().filter(|&&s| s < sets) {
                resources.extend(&m.leaves_of[s]);
            }
            resources.sort_unstable();
            resources.dedup();
            let needed = a.students_count.unwrap_or_else(|| {
                a.students
                    .iter()
                    .filter_map(|&s| instance.students.get(s))
                    .map(|s| s.size)
                    .sum()
            });
            m.acts.push(Act {
                instance: i,
                subject: a.subject,
                dur: a.duration as usize,
                resources,
                rooms: Vec::new(),
                room_cost: Vec::new(),
                fixed: false,
                domain: Vec::new(),
                start_cost: Vec::new(),
                min_days: Vec::new(),
                needed,
                times: Vec::new(),
                room_prefs: Vec::new(),
            });
        }
        for (ci, c) in instance.constraints.iter().enumerate() {
            if c.active && c.weight > 0.0 {
                m.add(instance, ci, Rate::of(ci, c.weight), &c.rule);
            }
        }
        m.off = (0..resources * slots)
            .map(|i| m.na_hard[i] != FREE || m.break_hard[i % slots.max(1)] != FREE)
            .collect();
        for a in 0..m.acts.len() {
            m.settle(a, start);
        }
        m
    }

    fn teachers_of(&self, t: Option<usize>) -> Vec<u32> {
        match t {
            Some(t) if t < self.teachers => vec![t as u32],
            Some(_) => Vec::new(),
            None => (0..self.teachers as u32).collect(),
        }
    }

    fn leaves_under(&self, s: Option<usize>) -> Vec<u32> {
        match s {
            Some(s) => self.leaves_of.get(s).cloned().unwrap_or_default(),
            None => (0..self.leaves.len())
                .map(|l| (self.teachers + l) as u32)
                .collect(),
        }
    }

    fn slot(&self, s: Slot) -> Option<usize> {
        (s.day < self.days && s.hour < self.hours).then_some(s.day * self.hours + s.hour)
    }

    fn unavailable(&mut self, res: &[u32], slots: &[Slot], rate: Rate) {
        let slots: Vec<usize> = slots.iter().filter_map(|&s| self.slot(s)).collect();
        for s in slots {
            for &r in res {
                let at = r as usize * self.slots + s;
                if rate.hard {
                    if self.na_hard[at] == FREE {
                        self.na_hard[at] = rate.constraint.unwrap_or(0) as u32;
                    }
                } else {
                    self.na_soft[at].0 += rate.unit;
                    self.na_soft[at].1 = rate;
                }
            }
        }
    }

    fn limit(
        &mut self,
        res: Vec<u32>,
        max: u32,
        rate: Rate,
        pick: fn(&mut Limits) -> &mut Vec<Limit>,
    ) {
        for r in res {
            Limits::push(pick(&mut self.limits[r as usize]), Limit { max, rate });
        }
    }

    fn add(&mut self, instance: &Instance, ci: usize, rate: Rate, rule: &Rule) {
        let act = |i: usize| self.of_instance.get(i).copied().flatten();
        match rule {
            Rule::BasicTime | Rule::BasicSpace => {}
            Rule::TeacherNotAvailable { teacher, slots } => {
                let res = self.teachers_of(Some(*teacher));
                self.unavailable(&res, slots, rate);
            }
            Rule::StudentsNotAvailable { students, slots } => {
                let res = self.leaves_under(Some(*students));
                self.unavailable(&res, slots, rate);
            }
            Rule::RoomNotAvailable { room, slots } => {
                if *room < self.room_res.len() {
                    let res = [(self.teachers + self.leaves.len() + room) as u32];
                    self.unavailable(&res, slots, rate);
                }
            }
            Rule::Break { slots } => {
                let slots: Vec<usize> = slots.iter().filter_map(|&s| self.slot(s)).collect();
                for s in slots {
                    if rate.hard {
                        if self.break_hard[s] == FREE {
                            self.break_hard[s] = ci as u32;
                        }
                    } else {
                        self.break_soft[s].0 += rate.unit;
                        self.break_soft[s].1 = rate;
                    }
                }
            }
            Rule::TeacherMaxGapsPerWeek { teacher, max } => {
                self.limit(self.teachers_of(*teacher), *max, rate, |l| &mut l.gaps_week)
            }
            Rule::TeacherMaxGapsPerDay { teacher, max } => {
                self.limit(self.teachers_of(*teacher), *max, rate, |l| &mut l.gaps_day)
            }
            Rule::StudentsMaxGapsPerWeek { students, max } => {
                self.limit(self.leaves_under(*students), *max, rate, |l| {
                    &mut l.gaps_week
                })
            }
            Rule::StudentsMaxGapsPerDay { students, max } => {
                self.limit(self.leaves_under(*students), *max, rate, |l| {
                    &mut l.gaps_day
                })
            }
            Rule::TeacherMaxHoursDaily { teacher, max } => {
                self.limit(self.teachers_of(*teacher), *max, rate, |l| &mut l.hours_day)
            }
            Rule::StudentsMaxHoursDaily { students, max } => {
                self.limit(self.leaves_under(*students), *max, rate, |l| {
                    &mut l.hours_day
                })
            }
            Rule::SubjectsNotLast { students, subjects } => {
                let mut subjects = subjects.clone();
                subjects.sort_unstable();
                subjects.dedup();
                for r in self.leaves_under(*students) {
                    self.limits[r as usize].not_last.push(NotLast {
                        subjects: subjects.clone(),
                        rate,
                    });
                }
            }
            Rule::MinDaysBetween {
                activities,
                days,
                consecutive_if_same_day,
            } => {
                let mut acts: Vec<u32> = activities.iter().filter_map(|&i| act(i)).collect();
                acts.sort_unstable();
                acts.dedup();
                if acts.len() >= 2 && *days > 0 {
                    let id = self.min_days.len() as u32;
                    for &a in &acts {
                        self.acts[a as usize].min_days.push(id);
                    }
                    self.min_days.push(MinDays {
                        acts,
                        days: *days,
                        consecutive: *consecutive_if_same_day,
                        rate,
                    });
                }
            }
            Rule::PreferredStartingTime {
                activity,
                slot,
                locked,
            } => {
                if let Some(a) = act(*activity) {
                    self.acts[a as usize].times.push(PreferredTime {
                        slot: *slot,
                        locked: *locked,
                        rate,
                    });
                }
            }
            Rule::PreferredRooms {
                activity, rooms, ..
            } => {
                if let Some(a) = act(*activity) {
                    let rooms = rooms
                        .iter()
                        .copied()
                        .filter(|&r| r < instance.rooms.len())
                        .collect();
                    self.acts[a as usize]
                        .room_prefs
                        .push(PreferredRooms { rooms, rate });
                }
            }
        }
    }

    /// The activity's candidate rooms, costs per start, and where it may start.
    fn settle(&mut self, a: usize, start: &Timetable) {
        let act = &self.acts[a];
        let given = start.placements.get(act.instance).copied().flatten();
        let pinned = given.filter(|p| p.pinned);
        // Rooms: those every hard preference allows, else those any preference names; a
        // room too small is left out unless nothing would remain.
        let hard: Vec<&PreferredRooms> = act.room_prefs.iter().filter(|p| p.rate.hard).collect();
        let mut rooms: Vec<u32> = if let Some(first) = hard.first() {
            let both: Vec<usize> = first
                .rooms
                .iter()
                .copied()
                .filter(|r| hard.iter().all(|p| p.rooms.contains(r)))
                .collect();
            if both.is_empty() {
                hard.iter().flat_map(|p| p.rooms.iter().copied()).collect()
            } else {
                both
            }
        } else {
            act.room_prefs
                .iter()
                .flat_map(|p| p.rooms.iter().copied())
                .collect()
        }
        .into_iter()
        .map(|r| r as u32)
        .collect();
        rooms.sort_unstable();
        rooms.dedup();
        let fits: Vec<u32> = rooms
            .iter()
            .copied()
            .filter(|&r| self.room_fits(act, r as usize))
            .collect();
        if !fits.is_empty() {
            rooms = fits;
        }
        if let Some(r) = pinned
            .and_then(|p| p.room)
            .filter(|&r| r < self.capacity.len())
        {
            rooms = vec![r as u32];
        }
        let room_cost = rooms
            .iter()
            .map(|&r| {
                let mut cost = (0, 0);
                self.room_parts(a, r as usize, &mut |_, rate, n| add(&mut cost, rate, n));
                cost
            })
            .collect();
        let mut start_cost = vec![(0, 0); self.slots];
        let mut in_day = Vec::new();
        for (s, cost) in start_cost.iter_mut().enumerate() {
            if self.fits_day(a, s) {
                in_day.push(s as u16);
                self.start_parts(a, s, &mut |_, rate, n| add(cost, rate, n));
            }
        }
        let locked = act
            .times
            .iter()
            .find(|t| t.rate.hard && t.locked)
            .and_then(|t| self.slot(t.slot));
        let fixed = match pinned {
            Some(p) => Some(self.slot(p.start)),
            None => locked.map(Some),
        };
        let domain = match fixed {
            Some(Some(s)) if self.fits_day(a, s) => vec![s as u16],
            Some(_) => Vec::new(),
            None => {
                let free: Vec<u16> = in_day
                    .iter()
                    .copied()
                    .filter(|&s| start_cost[s as usize].0 == 0)
                    .collect();
                if free.is_empty() { in_day } else { free }
            }
        };
        let act = &mut self.acts[a];
        act.rooms = rooms;
        act.room_cost = room_cost;
        act.start_cost = start_cost;
        act.fixed = fixed.is_some();
        act.domain = domain;
    }

    pub fn fits_day(&self, a: usize, s: usize) -> bool {
        let dur = self.acts[a].dur;
        s < self.slots && dur >= 1 && s % self.hours + dur <= self.hours
    }

    fn room_fits(&self, act: &Act, r: usize) -> bool {
        let cap = self.capacity[r];
        cap == 0 || act.needed <= cap
    }

    pub fn who(&self, res: u32) -> Who {
        let r = res as usize;
        if r < self.teachers {
            Who::Teacher(r)
        } else if r < self.teachers + self.leaves.len() {
            Who::Students(self.leaves[r - self.teachers])
        } else {
            Who::Room(r - self.teachers - self.leaves.len())
        }
    }

    pub fn resources(&self) -> usize {
        self.limits.len()
    }

    /// The breaks and unavailable periods of one resource's day.
    pub fn off_day(&self, res: usize, day: usize) -> &[bool] {
        let base = res * self.slots + day * self.hours;
        &self.off[base..base + self.hours]
    }

    pub fn slot_of(&self, s: usize) -> Slot {
        Slot {
            day: s / self.hours,
            hour: s % self.hours,
        }
    }

    /// What starting at `start` costs activity `a` on its own: unavailable periods of its
    /// teachers and students, breaks, preferred starting times. `start` fits the day.
    pub fn start_parts(&self, a: usize, start: usize, f: &mut dyn FnMut(Kind, Rate, u32)) {
        let act = &self.acts[a];
        for s in start..start + act.dur {
            let slot = self.slot_of(s);
            if self.break_hard[s] != FREE {
                let rate = Rate::of(self.break_hard[s] as usize, 100.0);
                f(Kind::Break { slot }, rate, 1);
            }
            let (cost, rate) = self.break_soft[s];
            if cost > 0 {
                f(Kind::Break { slot }, Rate { unit: cost, ..rate }, 1);
            }
            for &r in &act.resources {
                self.na_parts(r, s, f);
            }
        }
        let at = self.slot_of(start);
        for t in &act.times {
            if t.slot != at {
                let kind = if t.locked {
                    Kind::PinnedMoved { slot: t.slot }
                } else {
                    Kind::PreferredTime { slot: t.slot }
                };
                f(kind, t.rate, 1);
            }
        }
    }

    fn na_parts(&self, r: u32, s: usize, f: &mut dyn FnMut(Kind, Rate, u32)) {
        let at = r as usize * self.slots + s;
        let kind = Kind::NotAvailable {
            who: self.who(r),
            slot: self.slot_of(s),
        };
        if self.na_hard[at] != FREE {
            f(kind, Rate::of(self.na_hard[at] as usize, 100.0), 1);
        }
        let (cost, rate) = self.na_soft[at];
        if cost > 0 {
            // Several soft rules may fall on one period: one report at their summed cost.
            f(kind, Rate { unit: cost, ..rate }, 1);
        }
    }

    /// What room `room` costs activity `a` wherever it is: preferences and capacity.
    pub fn room_parts(&self, a: usize, room: usize, f: &mut dyn FnMut(Kind, Rate, u32)) {
        let act = &self.acts[a];
        for p in &act.room_prefs {
            if !p.rooms.contains(&room) {
                f(Kind::PreferredRoom { room: Some(room) }, p.rate, 1);
            }
        }
        if !self.room_fits(act, room) {
            let kind = Kind::RoomCapacity {
                room,
                students: act.needed,
                capacity: self.capacity[room],
            };
            f(kind, Rate::BASIC, 1);
        }
    }

    /// What having no room costs an activity that asks for one: each preference broken.
    pub fn no_room_parts(&self, a: usize, f: &mut dyn FnMut(Kind, Rate, u32)) {
        for p in &self.acts[a].room_prefs {
            f(Kind::PreferredRoom { room: None }, p.rate, 1);
        }
    }

    /// What room `room`'s unavailable periods cost a lesson from `start` for `dur` periods.
    pub fn room_time_parts(
        &self,
        room: usize,
        start: usize,
        dur: usize,
        f: &mut dyn FnMut(Kind, Rate, u32),
    ) {
        for &r in &self.room_res[room] {
            for s in start..start + dur {
                self.na_parts(r, s, f);
            }
        }
    }

    /// The limits on one resource's day, broken or not; `last` holds the activities at its last
    /// busy period.
    pub fn day_parts(
        &self,
        res: u32,
        day: usize,
        st: DayStats,
        last: &[u32],
        f: &mut dyn FnMut(Kind, Rate, u32),
    ) {
        let l = &self.limits[res as usize];
        let who = self.who(res);
        for lim in &l.hours_day {
            if st.busy > lim.max {
                let kind = Kind::MaxHoursDaily {
                    who,
                    day,
                    hours: st.busy,
                    max: lim.max,
                };
                f(kind, lim.rate, st.busy - lim.max);
            }
        }
        for lim in &l.gaps_day {
            if st.gaps > lim.max {
                let kind = Kind::MaxGapsPerDay {
                    who,
                    day,
                    gaps: st.gaps,
                    max: lim.max,
                };
                f(kind, lim.rate, st.gaps - lim.max);
            }
        }
        if l.gap_cost > 0 && st.gaps > 0 {
            let kind = Kind::Gaps {
                who,
                day,
                gaps: st.gaps,
            };
            f(kind, Rate::implicit(l.gap_cost), st.gaps);
        }
        if st.busy > 0 {
            for rule in &l.not_last {
                if last.iter().any(|&a| self.ends_badly(rule, a)) {
                    let slot = Slot { day, hour: st.last };
                    f(Kind::HardLast { who, slot }, rule.rate, 1);
                }
            }
        }
    }

    /// Whether activity `a` breaks `rule` by ending a day.
    pub fn ends_badly(&self, rule: &NotLast, a: u32) -> bool {
        rule.subjects
            .binary_search(&self.acts[a as usize].subject)
            .is_ok()
    }

    /// The activities among `last` that break the not-last rule of constraint `constraint` on
    /// resource `res`.
    pub fn last_breaking(&self, res: u32, constraint: Option<usize>, last: &[u32]) -> Vec<u32> {
        let rules = &self.limits[res as usize].not_last;
        last.iter()
            .copied()
            .filter(|&a| {
                rules
                    .iter()
                    .any(|r| r.rate.constraint == constraint && self.ends_badly(r, a))
            })
            .collect()
    }

    pub fn week_parts(&self, res: u32, gaps: u32, f: &mut dyn FnMut(Kind, Rate, u32)) {
        for lim in &self.limits[res as usize].gaps_week {
            if gaps > lim.max {
                let kind = Kind::MaxGapsPerWeek {
                    who: self.who(res),
                    gaps,
                    max: lim.max,
                };
                f(kind, lim.rate, gaps - lim.max);
            }
        }
    }

    /// How far two placed parts break a min-days rule: 1 when too close, and for a soft rule
    /// that asks for it, 1 more when on the same day but not back to back. `x` and `y` are
    /// (start slot, duration).
    pub fn pair_units(&self, c: &MinDays, x: (usize, usize), y: (usize, usize)) -> u32 {
        let (dx, dy) = (x.0 / self.hours, y.0 / self.hours);
        if (dx.abs_diff(dy) as u32) >= c.days {
            return 0;
        }
        let apart =
            dx == dy && c.consecutive && !c.rate.hard && x.0 + x.1 != y.0 && y.0 + y.1 != x.0;
        1 + u32::from(apart)
    }
}

/// Adds a report to a (hard, soft) pair.
pub(super) fn add(cost: &mut (u32, Cost), rate: Rate, n: u32) {
    if rate.hard {
        cost.0 += n;
    } else {
        cost.1 += rate.unit * Cost::from(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_are_empty_periods_between_lessons_but_not_breaks() {
        let free = [false; 7];
        let st = DayStats::of([0, 1, 0, 2, 0, 1, 0].into_iter(), &free);
        assert_eq!(
            st,
            DayStats {
                clashes: 1,
                busy: 3,
                gaps: 2,
                last: 5,
            }
        );
        let mut off = free;
        off[2] = true;
        assert_eq!(
            DayStats::of([0, 1, 0, 2, 0, 1, 0].into_iter(), &off).gaps,
            1
        );
        assert_eq!(DayStats::of([0; 7].into_iter(), &free), DayStats::default());
    }

    #[test]
    fn a_soft_unit_is_a_tenth_of_a_point_per_percent() {
        assert_eq!(Rate::of(0, 95.0).unit, 9500);
        assert!(Rate::of(0, 100.0).hard);
        assert_eq!(Rate::of(0, 100.0).unit, 0);
        assert_eq!(Rate::implicit(CLASS_GAP).weight, 10.0);
    }
}
