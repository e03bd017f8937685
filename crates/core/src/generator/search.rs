//! The search: a greedy construction, hardest lessons first; then a tabu search that drives the
//! hard breaches to zero; then simulated annealing that lowers the soft score and never lets a
//! hard breach in again.
//!
//! Every figure is kept per resource and day (and per resource's week, per activity, per
//! min-days group), so a move re-counts only the days it touches. A move is one or more lessons
//! changing start and room: a relocation; an ejection, which sends the lessons sharing a teacher
//! or class with the mover at its new place to the place it left; or a Kempe chain, which trades
//! whole groups of lessons between two windows so that a full class timetable can change at
//! all. The repair weighs each breach by how long it has stood (breakout): when no move helps,
//! the breaches in place grow heavier, and the search leaves the rut instead of circling in it.
//! The weights and a short tabu tenure were tuned on FET's examples; a longer tenure, random
//! kicks or sampling fewer starts per step all solved fewer of them.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::model::{Cost, DayStats, Model, POINT, add};
use super::{Options, Phase, Placement, Progress, Stats, Timetable};

const NONE: u16 = u16::MAX;

/// The most lessons an ejection may move besides the mover.
const MAX_EJECTED: usize = 6;

/// The most lessons a Kempe chain may move.
const MAX_CHAIN: usize = 48;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Move {
    act: u32,
    start: u16,
    /// Index into the activity's candidate rooms, or `NONE`.
    room: u16,
}

/// What a move changes: hard breaches, the same weighted, soft cost.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Delta {
    hard: i64,
    weighted: i64,
    soft: Cost,
}

impl Delta {
    fn take(&mut self, hard: u32, weight: u32, soft: Cost) {
        self.hard -= i64::from(hard);
        self.weighted -= i64::from(hard) * i64::from(weight);
        self.soft -= soft;
    }

    fn put(&mut self, hard: u32, weight: u32, soft: Cost) {
        self.hard += i64::from(hard);
        self.weighted += i64::from(hard) * i64::from(weight);
        self.soft += soft;
    }

    /// What the repair minimises: weighted breaches first, then the soft cost.
    fn repair(&self) -> (i64, Cost) {
        (self.weighted, self.soft)
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct DayCost {
    clashes: u32,
    /// Hard breaches of the day's limits, clashes apart.
    limits: u32,
    soft: Cost,
    gaps: u32,
}

struct State<'m> {
    m: &'m Model,
    start: Vec<u16>,
    room: Vec<u16>,
    /// Per resource and slot, the activities there.
    cells: Vec<Vec<u32>>,
    day: Vec<DayCost>,
    week_gaps: Vec<u32>,
    week: Vec<(u32, Cost)>,
    own: Vec<(u32, Cost)>,
    md: Vec<(u32, Cost)>,
    hard: i64,
    /// The hard breaches, each weighted by how often the repair found it in place.
    weighted: i64,
    soft: Cost,
    w_day: Vec<u32>,
    w_week: Vec<u32>,
    w_md: Vec<u32>,
    w_own: Vec<u32>,
    stamp: u32,
    day_mark: Vec<u32>,
    res_mark: Vec<u32>,
    md_mark: Vec<u32>,
    touched_days: Vec<u32>,
    touched_res: Vec<u32>,
    touched_md: Vec<u32>,
    allowed: Vec<bool>,
    chain_mark: Vec<u32>,
    chain_stamp: u32,
}

impl<'m> State<'m> {
    fn new(m: &'m Model) -> Self {
        let res = m.resources();
        let mut allowed = vec![false; m.acts.len() * m.slots];
        for (a, act) in m.acts.iter().enumerate() {
            for &s in &act.domain {
                allowed[a * m.slots + s as usize] = true;
            }
        }
        State {
            m,
            start: vec![NONE; m.acts.len()],
            room: vec![NONE; m.acts.len()],
            cells: vec![Vec::new(); res * m.slots],
            day: vec![DayCost::default(); res * m.days],
            week_gaps: vec![0; res],
            week: vec![(0, 0); res],
            own: vec![(0, 0); m.acts.len()],
            md: vec![(0, 0); m.min_days.len()],
            hard: 0,
            weighted: 0,
            soft: 0,
            w_day: vec![1; res * m.days],
            w_week: vec![1; res],
            w_md: vec![1; m.min_days.len()],
            w_own: vec![1; m.acts.len()],
            stamp: 0,
            day_mark: vec![0; res * m.days],
            res_mark: vec![0; res],
            md_mark: vec![0; m.min_days.len()],
            touched_days: Vec::new(),
            touched_res: Vec::new(),
            touched_md: Vec::new(),
            allowed,
            chain_mark: vec![0; m.acts.len()],
            chain_stamp: 0,
        }
    }

    fn allowed(&self, a: usize, s: usize) -> bool {
        self.allowed[a * self.m.slots + s]
    }

    fn room_res(&self, a: usize, k: u16) -> &'m [u32] {
        if k == NONE {
            return &[];
        }
        let m = self.m;
        &m.room_res[m.acts[a].rooms[k as usize] as usize]
    }

    fn touch(&mut self, a: usize, s: u16, k: u16) {
        if s == NONE {
            return;
        }
        let m = self.m;
        let d = s as usize / m.hours;
        let act = &m.acts[a];
        for &r in act.resources.iter().chain(self.room_res(a, k)) {
            let key = r as usize * m.days + d;
            if self.day_mark[key] != self.stamp {
                self.day_mark[key] = self.stamp;
                self.touched_days.push(key as u32);
            }
            if !m.limits[r as usize].gaps_week.is_empty() && self.res_mark[r as usize] != self.stamp
            {
                self.res_mark[r as usize] = self.stamp;
                self.touched_res.push(r);
            }
        }
        for &c in &act.min_days {
            if self.md_mark[c as usize] != self.stamp {
                self.md_mark[c as usize] = self.stamp;
                self.touched_md.push(c);
            }
        }
    }

    fn place(&mut self, a: usize, s: u16, k: u16, on: bool) {
        if s == NONE {
            return;
        }
        let m = self.m;
        let act = &m.acts[a];
        for &r in act.resources.iter().chain(self.room_res(a, k)) {
            for slot in s as usize..s as usize + act.dur {
                let cell = &mut self.cells[r as usize * m.slots + slot];
                if on {
                    cell.push(a as u32);
                } else if let Some(i) = cell.iter().position(|&x| x == a as u32) {
                    cell.swap_remove(i);
                }
            }
        }
    }

    fn day_cost(&self, key: usize) -> DayCost {
        let m = self.m;
        let (r, d) = (key / m.days, key % m.days);
        let base = r * m.slots + d * m.hours;
        let st = DayStats::of(
            self.cells[base..base + m.hours].iter().map(Vec::len),
            m.off_day(r, d),
        );
        let mut cost = (0, 0);
        if !m.limits[r].none() {
            let last: &[u32] = if st.busy > 0 {
                &self.cells[base + st.last]
            } else {
                &[]
            };
            m.day_parts(r as u32, d, st, last, &mut |_, rate, n| {
                add(&mut cost, rate, n)
            });
        }
        DayCost {
            clashes: st.clashes,
            limits: cost.0,
            soft: cost.1,
            gaps: st.gaps,
        }
    }

    fn own_cost(&self, a: usize) -> (u32, Cost) {
        let s = self.start[a];
        if s == NONE {
            return (0, 0);
        }
        let m = self.m;
        let act = &m.acts[a];
        let mut cost = act.start_cost[s as usize];
        let k = self.room[a];
        if k != NONE {
            let (h, c) = act.room_cost[k as usize];
            cost.0 += h;
            cost.1 += c;
            let room = act.rooms[k as usize] as usize;
            m.room_time_parts(room, s as usize, act.dur, &mut |_, rate, n| {
                add(&mut cost, rate, n)
            });
        }
        cost
    }

    fn md_cost(&self, c: usize) -> (u32, Cost) {
        let m = self.m;
        let md = &m.min_days[c];
        let mut units = 0;
        for (i, &x) in md.acts.iter().enumerate() {
            let sx = self.start[x as usize];
            if sx == NONE {
                continue;
            }
            for &y in &md.acts[i + 1..] {
                let sy = self.start[y as usize];
                if sy != NONE {
                    let dx = m.acts[x as usize].dur;
                    let dy = m.acts[y as usize].dur;
                    units += m.pair_units(md, (sx as usize, dx), (sy as usize, dy));
                }
            }
        }
        let mut cost = (0, 0);
        add(&mut cost, md.rate, units);
        cost
    }

    /// Makes the moves; returns how the figures changed.
    fn apply(&mut self, moves: &[Move]) -> Delta {
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.day_mark.fill(0);
            self.res_mark.fill(0);
            self.md_mark.fill(0);
            self.stamp = 1;
        }
        self.touched_days.clear();
        self.touched_res.clear();
        self.touched_md.clear();
        for mv in moves {
            let a = mv.act as usize;
            self.touch(a, self.start[a], self.room[a]);
            self.touch(a, mv.start, mv.room);
        }
        let mut delta = Delta::default();
        for &key in &self.touched_days {
            let d = self.day[key as usize];
            delta.take(d.clashes + d.limits, self.w_day[key as usize], d.soft);
        }
        for &r in &self.touched_res {
            let w = self.week[r as usize];
            delta.take(w.0, self.w_week[r as usize], w.1);
        }
        for &c in &self.touched_md {
            let w = self.md[c as usize];
            delta.take(w.0, self.w_md[c as usize], w.1);
        }
        for mv in moves {
            let a = mv.act as usize;
            let o = self.own[a];
            delta.take(o.0, self.w_own[a], o.1);
            self.place(a, self.start[a], self.room[a], false);
        }
        for mv in moves {
            let a = mv.act as usize;
            self.start[a] = mv.start;
            self.room[a] = mv.room;
            self.place(a, mv.start, mv.room, true);
        }
        for i in 0..self.touched_days.len() {
            let key = self.touched_days[i] as usize;
            let d = self.day_cost(key);
            let r = key / self.m.days;
            self.week_gaps[r] = self.week_gaps[r] + d.gaps - self.day[key].gaps;
            self.day[key] = d;
            delta.put(d.clashes + d.limits, self.w_day[key], d.soft);
        }
        for i in 0..self.touched_res.len() {
            let r = self.touched_res[i];
            let mut cost = (0, 0);
            self.m
                .week_parts(r, self.week_gaps[r as usize], &mut |_, rate, n| {
                    add(&mut cost, rate, n)
                });
            self.week[r as usize] = cost;
            delta.put(cost.0, self.w_week[r as usize], cost.1);
        }
        for i in 0..self.touched_md.len() {
            let c = self.touched_md[i] as usize;
            let cost = self.md_cost(c);
            self.md[c] = cost;
            delta.put(cost.0, self.w_md[c], cost.1);
        }
        for mv in moves {
            let a = mv.act as usize;
            let o = self.own_cost(a);
            self.own[a] = o;
            delta.put(o.0, self.w_own[a], o.1);
        }
        self.hard += delta.hard;
        self.weighted += delta.weighted;
        self.soft += delta.soft;
        delta
    }

    /// Raises the weight of every hard breach there is now, so that the repair leaves a rut
    /// where the same few breaches keep trading places.
    fn bump(&mut self) {
        let m = self.m;
        for key in 0..self.day.len() {
            let units = self.day[key].clashes + self.day[key].limits;
            if units > 0 {
                self.w_day[key] += 1;
                self.weighted += i64::from(units);
            }
        }
        for r in 0..self.week.len() {
            if self.week[r].0 > 0 {
                self.w_week[r] += 1;
                self.weighted += i64::from(self.week[r].0);
            }
        }
        for c in 0..m.min_days.len() {
            if self.md[c].0 > 0 {
                self.w_md[c] += 1;
                self.weighted += i64::from(self.md[c].0);
            }
        }
        for a in 0..m.acts.len() {
            if self.own[a].0 > 0 {
                self.w_own[a] += 1;
                self.weighted += i64::from(self.own[a].0);
            }
        }
    }

    /// The moves that put everything in `moves` back.
    fn inverse(&self, moves: &[Move], out: &mut Vec<Move>) {
        out.clear();
        out.extend(moves.iter().rev().map(|mv| Move {
            act: mv.act,
            start: self.start[mv.act as usize],
            room: self.room[mv.act as usize],
        }));
    }

    /// Tries the moves and takes them back; returns what they would change.
    fn try_moves(&mut self, moves: &[Move], undo: &mut Vec<Move>) -> Delta {
        self.inverse(moves, undo);
        let delta = self.apply(moves);
        let back = std::mem::take(undo);
        self.apply(&back);
        *undo = back;
        delta
    }

    /// Lessons other than `a` in a room-free window on `a`'s teachers and classes.
    fn occupants(&self, a: usize, s: usize, out: &mut Vec<u32>) {
        out.clear();
        let m = self.m;
        for &r in &m.acts[a].resources {
            for slot in s..s + m.acts[a].dur {
                for &b in &self.cells[r as usize * m.slots + slot] {
                    if b as usize != a && !out.contains(&b) {
                        out.push(b);
                    }
                }
            }
        }
    }

    /// The room for `a` starting at `s`: its own if free, else the first free candidate from a
    /// random offset, else the least busy.
    fn pick_room(&self, a: usize, s: usize, rng: &mut StdRng) -> u16 {
        let m = self.m;
        let act = &m.acts[a];
        let n = act.rooms.len();
        if n == 0 {
            return NONE;
        }
        let busy = |k: usize| -> usize {
            let room = act.rooms[k] as usize;
            let mut busy = 0;
            for &r in &m.room_res[room] {
                for slot in s..s + act.dur {
                    busy += self.cells[r as usize * m.slots + slot]
                        .iter()
                        .filter(|&&b| b as usize != a)
                        .count();
                }
            }
            busy + act.room_cost[k].0 as usize
        };
        let own = self.room[a];
        if own != NONE && busy(own as usize) == 0 {
            return own;
        }
        let first = rng.gen_range(0..n);
        let mut best = (usize::MAX, 0);
        for i in 0..n {
            let k = (first + i) % n;
            let b = busy(k);
            if b == 0 {
                return k as u16;
            }
            if b < best.0 {
                best = (b, k);
            }
        }
        best.1 as u16
    }

    /// `a` to `s`, and with `eject`, whatever shares its teachers or classes there to where
    /// `a` was, shifted alike. `None` when the ejected cannot go there.
    fn build(
        &self,
        a: usize,
        s: usize,
        eject: bool,
        rng: &mut StdRng,
        scratch: &mut Vec<u32>,
        out: &mut Vec<Move>,
    ) -> bool {
        out.clear();
        let m = self.m;
        out.push(Move {
            act: a as u32,
            start: s as u16,
            room: self.pick_room(a, s, rng),
        });
        if !eject {
            return true;
        }
        let from = self.start[a];
        if from == NONE {
            return false;
        }
        self.occupants(a, s, scratch);
        if scratch.is_empty() || scratch.len() > MAX_EJECTED {
            return false;
        }
        let shift = from as isize - s as isize;
        for &b in scratch.iter() {
            let b = b as usize;
            let to = self.start[b] as isize + shift;
            if m.acts[b].fixed || to < 0 || to as usize >= m.slots || !self.allowed(b, to as usize)
            {
                return false;
            }
            out.push(Move {
                act: b as u32,
                start: to as u16,
                room: self.room[b],
            });
        }
        true
    }

    /// The Kempe chain of `a` between its window and the one at `t`: `a` goes to `t`,
    /// whatever shares a teacher, class or room with it there comes back to the window `a`
    /// left, and so on until the two windows trade whole groups of lessons. Every lesson drawn
    /// in must lie wholly inside its window and be free to move; `false` when one does not, or
    /// the chain grows past `MAX_CHAIN`.
    fn kempe(&mut self, a: usize, t: usize, out: &mut Vec<Move>) -> bool {
        out.clear();
        let m = self.m;
        let s = self.start[a] as usize;
        let len = m.acts[a].dur;
        if s == t || (s / m.hours == t / m.hours && s.abs_diff(t) < len) {
            return false;
        }
        self.chain_stamp = self.chain_stamp.wrapping_add(1);
        if self.chain_stamp == 0 {
            self.chain_mark.fill(0);
            self.chain_stamp = 1;
        }
        self.chain_mark[a] = self.chain_stamp;
        out.push(Move {
            act: a as u32,
            start: t as u16,
            room: self.room[a],
        });
        let mut next = 0;
        while next < out.len() {
            let x = out[next].act as usize;
            let to = out[next].start as usize;
            next += 1;
            // `x` enters the window starting at `into`; what it meets there goes to `back`.
            let (into, back) = if self.start[x] as usize >= s && (self.start[x] as usize) < s + len
            {
                (t, s)
            } else {
                (s, t)
            };
            let act = &m.acts[x];
            for &r in act.resources.iter().chain(self.room_res(x, self.room[x])) {
                for slot in to..to + act.dur {
                    for &y in &self.cells[r as usize * m.slots + slot] {
                        let y = y as usize;
                        if self.chain_mark[y] == self.chain_stamp {
                            continue;
                        }
                        let from = self.start[y] as usize;
                        let dur = m.acts[y].dur;
                        if from < into || from + dur > into + len {
                            return false;
                        }
                        let dest = back + (from - into);
                        if m.acts[y].fixed || !self.allowed(y, dest) || out.len() >= MAX_CHAIN {
                            return false;
                        }
                        self.chain_mark[y] = self.chain_stamp;
                        out.push(Move {
                            act: y as u32,
                            start: dest as u16,
                            room: self.room[y],
                        });
                    }
                }
            }
        }
        true
    }

    /// Whether `a` takes part in a hard breach.
    fn conflicted(&self, a: usize) -> bool {
        let s = self.start[a];
        if s == NONE || self.own[a].0 > 0 {
            return true;
        }
        let m = self.m;
        let act = &m.acts[a];
        let d = s as usize / m.hours;
        for &r in act.resources.iter().chain(self.room_res(a, self.room[a])) {
            let r = r as usize;
            if self.day[r * m.days + d].limits > 0 || self.week[r].0 > 0 {
                return true;
            }
            for slot in s as usize..s as usize + act.dur {
                if self.cells[r * m.slots + slot].len() > 1 {
                    return true;
                }
            }
        }
        act.min_days.iter().any(|&c| self.md[c as usize].0 > 0)
    }

    fn snapshot(&self) -> (Vec<u16>, Vec<u16>) {
        (self.start.clone(), self.room.clone())
    }
}

/// What the search hands back.
pub(super) struct Found {
    pub timetable: Timetable,
    pub stats: Stats,
}

struct Clock<'o, 'a> {
    o: &'o Options<'a>,
    began: Instant,
    deadline: Instant,
    steps: u64,
    stopped: bool,
    done: bool,
    last_report: Instant,
}

impl Clock<'_, '_> {
    /// Counts a step; true when the run must end.
    fn tick(&mut self) -> bool {
        self.steps += 1;
        if self.done {
            return true;
        }
        if self.steps >= self.o.max_steps {
            self.done = true;
        } else if self.steps.is_multiple_of(64) {
            if self.o.stop.load(Ordering::Relaxed) {
                self.stopped = true;
                self.done = true;
            } else if Instant::now() >= self.deadline {
                self.done = true;
            }
        }
        self.done
    }

    /// How far through the run, from 0 to 1: by steps when they are bounded, else by time.
    fn fraction(&self, from: (u64, Instant)) -> f64 {
        if self.o.max_steps != u64::MAX {
            let total = self.o.max_steps.saturating_sub(from.0).max(1);
            return (self.steps - from.0) as f64 / total as f64;
        }
        let total = self
            .deadline
            .saturating_duration_since(from.1)
            .as_secs_f64();
        let gone = from.1.elapsed().as_secs_f64();
        if total <= 0.0 {
            1.0
        } else {
            (gone / total).min(1.0)
        }
    }

    fn report(&mut self, phase: Phase, hard: i64, soft: Cost, force: bool) {
        let now = Instant::now();
        if force || now.duration_since(self.last_report) >= Duration::from_millis(100) {
            self.last_report = now;
            (self.o.progress)(Progress {
                phase,
                elapsed: now.duration_since(self.began),
                steps: self.steps,
                hard: hard.max(0) as u32,
                soft: soft as f64 / POINT as f64,
            });
        }
    }
}

pub(super) fn run(m: &Model, given: &Timetable, o: &Options) -> Found {
    let began = Instant::now();
    let mut clock = Clock {
        o,
        began,
        deadline: began + o.time,
        steps: 0,
        stopped: false,
        done: false,
        last_report: began,
    };
    let mut rng = StdRng::seed_from_u64(o.seed);
    let mut st = State::new(m);
    let mut moves = Vec::new();
    let mut undo = Vec::new();
    let mut scratch = Vec::new();

    // Construction: fixed lessons, then the given ones, then the rest, hardest first.
    let mut rest = Vec::new();
    for (a, act) in m.acts.iter().enumerate() {
        let Some(&first) = act.domain.first() else {
            continue;
        };
        let given_start = given
            .placements
            .get(act.instance)
            .copied()
            .flatten()
            .filter(|p| p.start.day < m.days && p.start.hour < m.hours)
            .map(|p| (p.start.day * m.hours + p.start.hour, p.room))
            .filter(|&(s, _)| st.allowed(a, s));
        let at = if act.fixed {
            Some((first as usize, given_start.and_then(|g| g.1)))
        } else {
            given_start
        };
        match at {
            Some((s, room)) => {
                let k = room
                    .and_then(|r| act.rooms.iter().position(|&x| x as usize == r))
                    .map_or_else(|| st.pick_room(a, s, &mut rng), |k| k as u16);
                st.apply(&[Move {
                    act: a as u32,
                    start: s as u16,
                    room: k,
                }]);
            }
            None => rest.push(a),
        }
    }
    let order = difficulty_order(m, rest);
    for a in order {
        let (mut best, mut ties) = ((i64::MAX, Cost::MAX), 0u32);
        let mut chosen = None;
        for &s in &m.acts[a].domain {
            let k = st.pick_room(a, s as usize, &mut rng);
            let mv = [Move {
                act: a as u32,
                start: s,
                room: k,
            }];
            let d = st.try_moves(&mv, &mut undo).repair();
            if d < best {
                (best, ties, chosen) = (d, 1, Some(mv[0]));
            } else if d == best {
                ties += 1;
                if rng.gen_range(0..ties) == 0 {
                    chosen = Some(mv[0]);
                }
            }
        }
        if let Some(mv) = chosen {
            st.apply(&[mv]);
        }
        clock.report(Phase::Construct, st.hard, st.soft, false);
    }
    let movable: Vec<usize> = (0..m.acts.len())
        .filter(|&a| !m.acts[a].fixed && st.start[a] != NONE && !m.acts[a].domain.is_empty())
        .collect();
    let mut best = (st.hard, st.soft, st.snapshot());
    let mut solved_after = (st.hard == 0).then(|| began.elapsed());
    clock.report(Phase::Construct, st.hard, st.soft, true);

    // Repair: tabu search on the lessons in hard breach.
    if st.hard > 0 && !movable.is_empty() {
        let mut tabu = vec![0u64; m.acts.len() * m.slots];
        let mut conflicted: Vec<usize> = Vec::new();
        let mut flat = 0u64;
        let mut iter = 0u64;
        while st.hard > 0 && !clock.tick() {
            iter += 1;
            if conflicted.is_empty() || iter.is_multiple_of(16) {
                conflicted.clear();
                conflicted.extend(movable.iter().copied().filter(|&a| st.conflicted(a)));
                if conflicted.is_empty() {
                    // Breaches only among fixed lessons: nothing can mend them.
                    break;
                }
            }
            let a = conflicted[rng.gen_range(0..conflicted.len())];
            let from = st.start[a] as usize;
            let (mut chosen, mut value, mut ties) = (Vec::new(), (i64::MAX, Cost::MAX), 0u32);
            for i in 0..m.acts[a].domain.len() {
                let s = m.acts[a].domain[i] as usize;
                for kind in 0..3 {
                    if s == from && (kind > 0 || m.acts[a].rooms.len() < 2) {
                        continue;
                    }
                    let built = match kind {
                        0 | 1 => st.build(a, s, kind == 1, &mut rng, &mut scratch, &mut moves),
                        _ => st.kempe(a, s, &mut moves),
                    };
                    if !built {
                        continue;
                    }
                    let delta = st.try_moves(&moves, &mut undo);
                    let is_tabu = moves
                        .iter()
                        .any(|mv| tabu[mv.act as usize * m.slots + mv.start as usize] > iter);
                    if is_tabu && st.hard + delta.hard >= best.0 {
                        continue;
                    }
                    let d = delta.repair();
                    if d < value {
                        (value, ties) = (d, 1);
                        chosen.clone_from(&moves);
                    } else if d == value {
                        ties += 1;
                        if rng.gen_range(0..ties) == 0 {
                            chosen.clone_from(&moves);
                        }
                    }
                }
            }
            if chosen.is_empty() {
                continue;
            }
            // A short tenure: the weights, not the tabu list, keep the search out of ruts.
            let tenure = 1 + rng.gen_range(0..3);
            for mv in &chosen {
                let b = mv.act as usize;
                tabu[b * m.slots + st.start[b] as usize] = iter + tenure;
            }
            let delta = st.apply(&chosen);
            flat = if delta.weighted < 0 { 0 } else { flat + 1 };
            if flat > 8 + conflicted.len() as u64 / 4 {
                st.bump();
                flat = 0;
            }
            if (st.hard, st.soft) < (best.0, best.1) {
                best = (st.hard, st.soft, st.snapshot());
            }
            if st.hard == 0 && solved_after.is_none() {
                solved_after = Some(began.elapsed());
            }
            clock.report(Phase::Repair, best.0, best.1, false);
        }
    }

    // Improve: simulated annealing on the soft score, hard breaches never let in.
    if best.0 == 0 && !movable.is_empty() && !clock.done {
        if st.hard != 0 {
            restore(&mut st, &best.2);
        }
        let from = (clock.steps, Instant::now());
        let t0 = initial_temperature(
            &mut st,
            &movable,
            &mut rng,
            &mut scratch,
            &mut moves,
            &mut undo,
        );
        let mut temp = t0;
        let t_end = (POINT / 100) as f64;
        while best.1 > 0 && !clock.tick() {
            if clock.steps.is_multiple_of(256) {
                let f = clock.fraction(from);
                temp = t0 * (t_end / t0).powf(f);
            }
            let a = movable[rng.gen_range(0..movable.len())];
            let dom = &m.acts[a].domain;
            let s = dom[rng.gen_range(0..dom.len())] as usize;
            if s == st.start[a] as usize && m.acts[a].rooms.len() < 2 {
                continue;
            }
            let built = match rng.gen_range(0..3) {
                0 => st.build(a, s, false, &mut rng, &mut scratch, &mut moves),
                1 => st.build(a, s, true, &mut rng, &mut scratch, &mut moves),
                _ => st.kempe(a, s, &mut moves),
            };
            if !built {
                continue;
            }
            st.inverse(&moves, &mut undo);
            let Delta {
                hard: dh, soft: ds, ..
            } = st.apply(&moves);
            let accept = dh <= 0
                && st.hard == 0
                && (ds <= 0 || rng.gen_range(0.0..1.0) < (-(ds as f64) / temp).exp());
            if !accept {
                let back = std::mem::take(&mut undo);
                st.apply(&back);
                undo = back;
                continue;
            }
            if st.soft < best.1 {
                best = (st.hard, st.soft, st.snapshot());
            }
            if clock.steps.is_multiple_of(256) {
                clock.report(Phase::Improve, best.0, best.1, false);
            }
        }
    }
    let phase = if best.0 == 0 {
        Phase::Improve
    } else {
        Phase::Repair
    };
    clock.report(phase, best.0, best.1, true);
    restore(&mut st, &best.2);

    let mut timetable = given.clone();
    timetable.placements.resize(m.of_instance.len(), None);
    let mut unplaceable = 0;
    for (a, act) in m.acts.iter().enumerate() {
        let p = &mut timetable.placements[act.instance];
        if st.start[a] == NONE {
            unplaceable += 1;
            // Pinned outside the day: kept as the deputy left it, for the check to name.
            if !p.is_some_and(|p| p.pinned) {
                *p = None;
            }
            continue;
        }
        let k = st.room[a];
        *p = Some(Placement {
            start: m.slot_of(st.start[a] as usize),
            room: (k != NONE).then(|| act.rooms[k as usize] as usize),
            pinned: act.fixed,
        });
    }
    for (i, p) in timetable.placements.iter_mut().enumerate() {
        if m.of_instance[i].is_none() {
            *p = None;
        }
    }
    Found {
        timetable,
        stats: Stats {
            steps: clock.steps,
            elapsed: began.elapsed(),
            solved_after,
            stopped: clock.stopped,
            unplaceable,
        },
    }
}

fn restore(st: &mut State, best: &(Vec<u16>, Vec<u16>)) {
    let moves: Vec<Move> = (0..st.start.len())
        .filter(|&a| st.start[a] != best.0[a] || st.room[a] != best.1[a])
        .map(|a| Move {
            act: a as u32,
            start: best.0[a],
            room: best.1[a],
        })
        .collect();
    st.apply(&moves);
}

/// Lessons with the fewest places to go and the busiest teachers and classes first; a split
/// activity's parts together, so that they spread over the week.
fn difficulty_order(m: &Model, rest: Vec<usize>) -> Vec<usize> {
    let mut load = vec![0usize; m.resources()];
    for act in &m.acts {
        for &r in &act.resources {
            load[r as usize] += act.dur;
        }
    }
    let key = |a: usize| -> f64 {
        let act = &m.acts[a];
        let busiest = act
            .resources
            .iter()
            .map(|&r| load[r as usize] as f64 / m.slots.max(1) as f64)
            .fold(0.0, f64::max);
        act.domain.len() as f64 / (1.0 + 4.0 * busiest) / act.dur as f64
    };
    let mut keyed: Vec<(f64, usize)> = rest.into_iter().map(|a| (key(a), a)).collect();
    keyed.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
    keyed.into_iter().map(|(_, a)| a).collect()
}

/// A temperature at which a typical worsening move is taken about one time in three.
fn initial_temperature(
    st: &mut State,
    movable: &[usize],
    rng: &mut StdRng,
    scratch: &mut Vec<u32>,
    moves: &mut Vec<Move>,
    undo: &mut Vec<Move>,
) -> f64 {
    let m = st.m;
    let (mut sum, mut n) = (0f64, 0u32);
    for _ in 0..200 {
        let a = movable[rng.gen_range(0..movable.len())];
        let dom = &m.acts[a].domain;
        let s = dom[rng.gen_range(0..dom.len())] as usize;
        if st.build(a, s, rng.gen_bool(0.5), rng, scratch, moves) {
            let Delta {
                hard: dh, soft: ds, ..
            } = st.try_moves(moves, undo);
            if dh <= 0 && ds > 0 {
                sum += ds as f64;
                n += 1;
            }
        }
    }
    let mean = if n == 0 {
        POINT as f64
    } else {
        sum / f64::from(n)
    };
    mean / 3f64.ln()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timetable::Instance;

    /// The reader's sample school: unavailable times, a break, limits on gaps and hours,
    /// min days, locked and preferred times and rooms, a virtual room.
    fn sample() -> Instance {
        crate::fet::read(include_str!("../../tests/fet/school.fet"))
            .expect("the sample reads")
            .instance
    }

    /// Everything placed at random; the figures of a state built afresh from the placements.
    fn fresh(m: &Model, st: &State) -> (i64, Cost) {
        let mut again = State::new(m);
        let all: Vec<Move> = (0..m.acts.len())
            .map(|a| Move {
                act: a as u32,
                start: st.start[a],
                room: st.room[a],
            })
            .collect();
        again.apply(&all);
        (again.hard, again.soft)
    }

    #[test]
    fn running_figures_equal_a_fresh_count_after_any_moves() {
        let i = sample();
        let m = Model::new(&i, &Timetable::default());
        let mut st = State::new(&m);
        let mut rng = StdRng::seed_from_u64(3);
        for a in 0..m.acts.len() {
            let dom = &m.acts[a].domain;
            if dom.is_empty() {
                continue;
            }
            let s = dom[rng.gen_range(0..dom.len())] as usize;
            let room = st.pick_room(a, s, &mut rng);
            st.apply(&[Move {
                act: a as u32,
                start: s as u16,
                room,
            }]);
        }
        assert_eq!((st.hard, st.soft), fresh(&m, &st));
        let (mut scratch, mut moves, mut undo) = (Vec::new(), Vec::new(), Vec::new());
        let movable: Vec<usize> = (0..m.acts.len())
            .filter(|&a| !m.acts[a].fixed && !m.acts[a].domain.is_empty())
            .collect();
        let mut kinds = [0; 3];
        for step in 0..3000 {
            let a = movable[rng.gen_range(0..movable.len())];
            let dom = &m.acts[a].domain;
            let s = dom[rng.gen_range(0..dom.len())] as usize;
            let kind = rng.gen_range(0..3);
            let built = match kind {
                0 | 1 => st.build(a, s, kind == 1, &mut rng, &mut scratch, &mut moves),
                _ => st.kempe(a, s, &mut moves),
            };
            if !built {
                continue;
            }
            kinds[kind] += 1;
            // Trying a move leaves everything as it was.
            let before = (st.start.clone(), st.room.clone(), st.hard, st.soft);
            let tried = st.try_moves(&moves, &mut undo);
            assert_eq!(
                before,
                (st.start.clone(), st.room.clone(), st.hard, st.soft)
            );
            let made = st.apply(&moves);
            assert_eq!(tried, made);
            if step % 50 == 0 {
                assert_eq!((st.hard, st.soft), fresh(&m, &st), "after step {step}");
            }
        }
        assert!(
            kinds.iter().all(|&k| k > 20),
            "every kind of move tried: {kinds:?}"
        );
        assert_eq!((st.hard, st.soft), fresh(&m, &st));
    }

    #[test]
    fn weights_raise_the_weighted_count_by_what_is_broken() {
        let i = sample();
        let m = Model::new(&i, &Timetable::default());
        let mut st = State::new(&m);
        let all: Vec<Move> = (0..m.acts.len())
            .filter(|&a| !m.acts[a].domain.is_empty())
            .map(|a| Move {
                act: a as u32,
                start: m.acts[a].domain[0],
                room: if m.acts[a].rooms.is_empty() { NONE } else { 0 },
            })
            .collect();
        st.apply(&all);
        assert!(st.hard > 0);
        assert_eq!(st.weighted, st.hard);
        st.bump();
        assert_eq!(st.weighted, 2 * st.hard);
        // Moving everything away and back counts the same, weights and all.
        let back = all.clone();
        let mut undo = Vec::new();
        st.inverse(&all, &mut undo);
        let undo_moves = undo.clone();
        let d1 = st.apply(&undo_moves);
        let d2 = st.apply(&back);
        assert_eq!(d1.weighted, -d2.weighted);
        assert_eq!(st.weighted, 2 * st.hard);
    }
}
