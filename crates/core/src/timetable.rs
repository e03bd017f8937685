//! A school timetabling instance: the week's grid, who teaches, who learns, where, the lessons to
//! place and the rules a placement must keep. It is the generator's input, so it is plain data:
//! everything refers to everything else by index into the instance's lists, checked once when the
//! instance is built (from FET's files in `fet`, later from Dala's own assignments), never again.
//! Only the rules that school timetables use are here; a source that has others says so itself.

use serde::Serialize;

/// The whole problem. Indices: `teacher` into `teachers`, `subject` into `subjects`, `room` into
/// `rooms`, `students` into `students`, `activity` into `activities`; a `Slot` into `days` × `hours`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Instance {
    /// The school's name, as the source gives it.
    pub name: String,
    pub days: Vec<String>,
    /// The periods of a day, the same every day, named as the school's bells are (`08.30-09.15`).
    pub hours: Vec<String>,
    pub subjects: Vec<String>,
    pub teachers: Vec<String>,
    pub rooms: Vec<Room>,
    /// Years (classes or parallels), their groups and the groups' subgroups, in one list: a group
    /// may belong to several years and a subgroup to several groups, so the tree is a graph.
    pub students: Vec<StudentsSet>,
    pub activities: Vec<Activity>,
    pub constraints: Vec<Constraint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Room {
    pub name: String,
    pub capacity: u32,
    /// A virtual room takes one real room from each set at once (a class split over two labs);
    /// empty for a real room.
    pub real_rooms: Vec<Vec<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StudentsKind {
    Year,
    Group,
    Subgroup,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StudentsSet {
    pub name: String,
    pub kind: StudentsKind,
    pub size: u32,
    /// A year's groups or a group's subgroups.
    pub parts: Vec<usize>,
}

/// One lesson to place, or one part of a lesson split over the week (FET's subactivity).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Activity {
    /// The source's id, kept so that an export writes back the same activity.
    pub id: u32,
    /// The id shared by the parts of a split activity (the first part's id); `None` when whole.
    pub group: Option<u32>,
    pub subject: usize,
    pub teachers: Vec<usize>,
    pub students: Vec<usize>,
    /// Consecutive periods this part takes.
    pub duration: u32,
    /// The periods of all parts together.
    pub total_duration: u32,
    /// How many students attend when it is not the sum of the sets' sizes.
    pub students_count: Option<u32>,
    /// An inactive activity is kept but not placed.
    pub active: bool,
}

/// A period of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Slot {
    pub day: usize,
    pub hour: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Constraint {
    /// How much the rule matters, in percent: 100 is a hard rule, less is a soft one.
    pub weight: f64,
    /// An inactive constraint is kept but not enforced.
    pub active: bool,
    pub rule: Rule,
}

impl Constraint {
    pub fn is_hard(&self) -> bool {
        self.weight >= 100.0
    }
}

/// Where a rule about teachers or students applies: `None` means to every teacher or every set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Rule {
    /// No teacher and no students set in two activities at once; every activity placed whole
    /// inside a day.
    BasicTime,
    /// No room holding two activities at once.
    BasicSpace,
    TeacherNotAvailable {
        teacher: usize,
        slots: Vec<Slot>,
    },
    StudentsNotAvailable {
        students: usize,
        slots: Vec<Slot>,
    },
    /// No activity at these periods (the long break, lunch).
    Break {
        slots: Vec<Slot>,
    },
    TeacherMaxGapsPerWeek {
        teacher: Option<usize>,
        max: u32,
    },
    TeacherMaxGapsPerDay {
        teacher: Option<usize>,
        max: u32,
    },
    StudentsMaxGapsPerWeek {
        students: Option<usize>,
        max: u32,
    },
    StudentsMaxGapsPerDay {
        students: Option<usize>,
        max: u32,
    },
    TeacherMaxHoursDaily {
        teacher: Option<usize>,
        max: u32,
    },
    StudentsMaxHoursDaily {
        students: Option<usize>,
        max: u32,
    },
    /// The activities (usually a split activity's parts) fall on days at least `days` apart;
    /// when the weight lets two share a day, `consecutive_if_same_day` asks them to be adjacent.
    MinDaysBetween {
        activities: Vec<usize>,
        days: u32,
        consecutive_if_same_day: bool,
    },
    /// The activity starts at this period; `locked` when the deputy pinned it there.
    PreferredStartingTime {
        activity: usize,
        slot: Slot,
        locked: bool,
    },
    /// The activity takes one of these rooms; `locked` when the deputy pinned the room.
    PreferredRooms {
        activity: usize,
        rooms: Vec<usize>,
        locked: bool,
    },
    RoomNotAvailable {
        room: usize,
        slots: Vec<Slot>,
    },
    /// No lesson of these subjects ends a students set's day: the sanitary rules keep the hardest
    /// subjects off the last lesson. FET has no such rule, so a FET file neither brings nor takes
    /// it.
    SubjectsNotLast {
        students: Option<usize>,
        subjects: Vec<usize>,
    },
}
