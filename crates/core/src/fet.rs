//! Reading FET's `.fet` files, the free timetabling program many schools already use, into a
//! timetabling `Instance`, and writing an instance (with its timetable, if any) back as one, so
//! that a school can go on in FET or look at Dala's timetable there. The text is parsed into a
//! small tree first (files are at most a few megabytes) because FET writes rooms and constraints
//! after the activities that need them. Every name a file refers to must be defined, or the
//! import stops and says where; every constraint the instance cannot hold is counted by its
//! element name and returned, so the user learns what was left out instead of getting a
//! timetable that quietly ignores it. The writer writes what the instance holds and no more, so
//! that `read` gives the same instance back.

use std::collections::{BTreeMap, HashMap};
use std::fmt::{self, Write as _};

use quick_xml::Reader;
use quick_xml::events::Event;
use thiserror::Error;

use crate::generator::Timetable;
use crate::timetable::{
    Activity, Constraint, Instance, Room, Rule, Slot, StudentsKind, StudentsSet,
};

/// A file read: the instance, and the constraints it holds that the instance could not.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub instance: Instance,
    /// Most frequent first.
    pub unsupported: Vec<Unsupported>,
}

/// One kind of FET constraint (or a FET mode) the instance does not model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported {
    /// FET's element name (`ConstraintTeacherMaxDaysPerWeek`), or `Mode=…` for a mode other than
    /// the official one, whose days and hours mean something else.
    pub element: String,
    pub count: usize,
    /// How many of them are active; inactive ones would not have changed the timetable.
    pub active: usize,
}

/// What a name in the file refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Name {
    Teacher,
    Subject,
    StudentsSet,
    Room,
    Day,
    Hour,
    Activity,
}

impl Name {
    fn noun(self) -> &'static str {
        match self {
            Name::Teacher => "teacher",
            Name::Subject => "subject",
            Name::StudentsSet => "students set",
            Name::Room => "room",
            Name::Day => "day",
            Name::Hour => "hour",
            Name::Activity => "activity",
        }
    }
}

/// Why a file could not be read. `element` is `Parent/Child` where it happened, `line` its line.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FetError {
    #[error("line {line}, <{element}>: {detail}")]
    Malformed {
        element: String,
        line: u32,
        detail: String,
    },
    #[error("line {line}, <{element}>: {value:?} is not {expected}")]
    BadValue {
        element: String,
        line: u32,
        value: String,
        expected: &'static str,
    },
    #[error("line {line}, <{element}>: there is no {} named {name:?}", kind.noun())]
    Unknown {
        kind: Name,
        name: String,
        element: String,
        line: u32,
    },
    #[error("line {line}, <{element}>: the {} {name:?} is defined twice", kind.noun())]
    Duplicate {
        kind: Name,
        name: String,
        element: String,
        line: u32,
    },
}

impl FetError {
    /// The stable code; never change one that has shipped.
    pub fn code(&self) -> &'static str {
        match self {
            FetError::Malformed { .. } => "timetable.fet_malformed",
            FetError::BadValue { .. } => "timetable.fet_bad_value",
            FetError::Unknown { kind, .. } => match kind {
                Name::Teacher => "timetable.fet_unknown_teacher",
                Name::Subject => "timetable.fet_unknown_subject",
                Name::StudentsSet => "timetable.fet_unknown_students_set",
                Name::Room => "timetable.fet_unknown_room",
                Name::Day | Name::Hour => "timetable.fet_unknown_time",
                Name::Activity => "timetable.fet_unknown_activity",
            },
            FetError::Duplicate { .. } => "timetable.fet_duplicate",
        }
    }

    /// The values a message needs, by the names the Fluent messages use.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let (element, line) = self.place();
        let mut args = vec![("element", element.to_string()), ("line", line.to_string())];
        match self {
            FetError::Malformed { detail, .. } => args.push(("detail", detail.clone())),
            FetError::BadValue {
                value, expected, ..
            } => {
                args.push(("value", value.clone()));
                args.push(("expected", expected.to_string()));
            }
            FetError::Unknown { kind, name, .. } | FetError::Duplicate { kind, name, .. } => {
                args.push(("kind", kind.noun().to_string()));
                args.push(("name", name.clone()));
            }
        }
        args
    }

    /// The element (`Parent/Child`) and line where it happened.
    pub fn place(&self) -> (&str, u32) {
        match self {
            FetError::Malformed { element, line, .. }
            | FetError::BadValue { element, line, .. }
            | FetError::Unknown { element, line, .. }
            | FetError::Duplicate { element, line, .. } => (element, *line),
        }
    }
}

/// Reads the text of a `.fet` file.
pub fn read(text: &str) -> Result<Import, FetError> {
    let root = parse(text)?;
    if root.name != "fet" {
        return Err(malformed(
            &root.name,
            root.line,
            "the root element is not <fet>",
        ));
    }
    build(&root)
}

/// FET files nest six deep; a limit keeps hostile input from exhausting the stack.
const MAX_DEPTH: usize = 32;

/// An element: its name, its text (children's text excluded), the line it starts on.
#[derive(Debug)]
struct Node {
    name: String,
    text: String,
    line: u32,
    children: Vec<Node>,
}

fn malformed(element: &str, line: u32, detail: impl Into<String>) -> FetError {
    FetError::Malformed {
        element: element.to_string(),
        line,
        detail: detail.into(),
    }
}

/// Turns byte offsets into line numbers, counting forward only.
struct Lines<'a> {
    text: &'a [u8],
    offset: usize,
    line: u32,
}

impl Lines<'_> {
    fn at(&mut self, offset: u64) -> u32 {
        let to = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        if to > self.offset {
            let newlines = self.text[self.offset..to]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.line = self
                .line
                .saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
            self.offset = to;
        }
        self.line
    }
}

fn parse(text: &str) -> Result<Node, FetError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader::from_str(text);
    let mut lines = Lines {
        text: text.as_bytes(),
        offset: 0,
        line: 1,
    };
    let mut open: Vec<Node> = Vec::new();
    let mut root: Option<Node> = None;
    let here = |open: &[Node]| open.last().map_or("fet", |n| n.name.as_str()).to_string();
    loop {
        let line = lines.at(reader.buffer_position());
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                let line = lines.at(reader.error_position());
                return Err(malformed(&here(&open), line, e.to_string()));
            }
        };
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(tag) | Event::Empty(tag) => {
                if root.is_some() {
                    return Err(malformed(tag.name().0, line, "a second root element"));
                }
                if open.len() >= MAX_DEPTH {
                    return Err(malformed(&here(&open), line, "elements nest too deep"));
                }
                let node = Node {
                    name: tag.name().0.to_string(),
                    text: String::new(),
                    line,
                    children: Vec::new(),
                };
                open.push(node);
                if empty {
                    close(&mut open, &mut root);
                }
            }
            Event::End(_) => close(&mut open, &mut root),
            Event::Text(t) => append(&mut open, &t.xml10_content(), line)?,
            Event::CData(t) => append(&mut open, &t.into_inner(), line)?,
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    Ok(None) => match &*r {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => {
                            let detail = format!("unknown entity &{other};");
                            return Err(malformed(&here(&open), line, detail));
                        }
                    },
                    Err(e) => return Err(malformed(&here(&open), line, e.to_string())),
                };
                append(&mut open, c.encode_utf8(&mut [0; 4]), line)?;
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if let Some(unclosed) = open.last() {
        let detail = format!("<{}> is never closed", unclosed.name);
        return Err(malformed(&unclosed.name, unclosed.line, detail));
    }
    root.ok_or_else(|| malformed("fet", 1, "the file holds no XML element"))
}

fn close(open: &mut Vec<Node>, root: &mut Option<Node>) {
    if let Some(node) = open.pop() {
        match open.last_mut() {
            Some(parent) => parent.children.push(node),
            None => *root = Some(node),
        }
    }
}

fn append(open: &mut [Node], text: &str, line: u32) -> Result<(), FetError> {
    match open.last_mut() {
        Some(node) => node.text.push_str(text),
        None if text.trim().is_empty() => {}
        None => return Err(malformed("fet", line, "text outside the root element")),
    }
    Ok(())
}

impl Node {
    fn all<'s, 'n>(&'s self, name: &'n str) -> impl Iterator<Item = &'s Node> + use<'s, 'n> {
        self.children.iter().filter(move |c| c.name == name)
    }

    fn first(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    fn get(&self, name: &str) -> Result<&Node, FetError> {
        self.first(name).ok_or_else(|| {
            let element = format!("{}/{name}", self.name);
            malformed(&element, self.line, format!("<{name}> is missing"))
        })
    }

    /// A number or a flag: FET writes none with spaces, but a hand edit may.
    fn value(&self) -> &str {
        self.text.trim()
    }

    /// A name, exactly as written: FET tells `1` from ` 1`, and files rely on it.
    fn name_of(&self, name: &str) -> Result<&str, FetError> {
        Ok(&self.get(name)?.text)
    }

    fn bad(&self, child: &Node, expected: &'static str) -> FetError {
        FetError::BadValue {
            element: format!("{}/{}", self.name, child.name),
            line: child.line,
            value: child.value().to_string(),
            expected,
        }
    }

    fn whole_of(&self, child: &Node) -> Result<u32, FetError> {
        child
            .value()
            .parse()
            .map_err(|_| self.bad(child, "a whole number"))
    }

    fn whole(&self, name: &str) -> Result<u32, FetError> {
        self.whole_of(self.get(name)?)
    }

    fn whole_or(&self, name: &str, default: u32) -> Result<u32, FetError> {
        self.first(name).map_or(Ok(default), |c| self.whole_of(c))
    }

    fn flag_or(&self, name: &str, default: bool) -> Result<bool, FetError> {
        match self.first(name) {
            None => Ok(default),
            Some(c) => match c.value() {
                "true" => Ok(true),
                "false" => Ok(false),
                _ => Err(self.bad(c, "true or false")),
            },
        }
    }

    fn weight(&self) -> Result<f64, FetError> {
        let child = self.get("Weight_Percentage")?;
        match child.value().parse::<f64>() {
            Ok(w) if (0.0..=100.0).contains(&w) => Ok(w),
            _ => Err(self.bad(child, "a percentage from 0 to 100")),
        }
    }
}

/// The names one kind of thing is known by, for resolving references.
struct Names<'a> {
    kind: Name,
    index: HashMap<&'a str, usize>,
}

impl<'a> Names<'a> {
    fn new(kind: Name) -> Self {
        Names {
            kind,
            index: HashMap::new(),
        }
    }

    /// Defines `child`'s text as the next name; `parent` is where the definition sits.
    fn define(&mut self, parent: &Node, child: &'a Node) -> Result<usize, FetError> {
        let next = self.index.len();
        if self.index.insert(child.text.as_str(), next).is_some() {
            return Err(FetError::Duplicate {
                kind: self.kind,
                name: child.text.clone(),
                element: format!("{}/{}", parent.name, child.name),
                line: child.line,
            });
        }
        Ok(next)
    }

    fn find(&self, parent: &Node, child: &Node) -> Result<usize, FetError> {
        self.index
            .get(child.text.as_str())
            .copied()
            .ok_or_else(|| FetError::Unknown {
                kind: self.kind,
                name: child.text.clone(),
                element: format!("{}/{}", parent.name, child.name),
                line: child.line,
            })
    }

    fn find_in(&self, parent: &Node, name: &str) -> Result<usize, FetError> {
        self.find(parent, parent.get(name)?)
    }

    fn find_all(&self, parent: &Node, name: &str) -> Result<Vec<usize>, FetError> {
        parent.all(name).map(|c| self.find(parent, c)).collect()
    }
}

/// The names read so far, for resolving references.
struct Index<'a> {
    days: Names<'a>,
    hours: Names<'a>,
    subjects: Names<'a>,
    teachers: Names<'a>,
    rooms: Names<'a>,
    students: Names<'a>,
    activities: HashMap<u32, usize>,
}

fn build(root: &Node) -> Result<Import, FetError> {
    let mut i = Instance {
        name: root
            .first("Institution_Name")
            .map_or(String::new(), |n| n.value().to_string()),
        ..Instance::default()
    };
    let mut unsupported: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    if let Some(mode) = root.first("Mode").map(Node::value)
        && mode != "Official"
    {
        unsupported.insert(format!("Mode={mode}"), (1, 1));
    }
    let mut ix = Index {
        days: Names::new(Name::Day),
        hours: Names::new(Name::Hour),
        subjects: Names::new(Name::Subject),
        teachers: Names::new(Name::Teacher),
        rooms: Names::new(Name::Room),
        students: Names::new(Name::StudentsSet),
        activities: HashMap::new(),
    };
    i.days = named_list(
        root.get("Days_List")?,
        "Number_of_Days",
        "Day",
        &mut ix.days,
    )?;
    i.hours = named_list(
        root.get("Hours_List")?,
        "Number_of_Hours",
        "Hour",
        &mut ix.hours,
    )?;
    for s in root.all("Subjects_List").flat_map(|l| l.all("Subject")) {
        ix.subjects.define(s, s.get("Name")?)?;
        i.subjects.push(s.name_of("Name")?.to_string());
    }
    for t in root.all("Teachers_List").flat_map(|l| l.all("Teacher")) {
        ix.teachers.define(t, t.get("Name")?)?;
        i.teachers.push(t.name_of("Name")?.to_string());
    }
    for year in root.all("Students_List").flat_map(|l| l.all("Year")) {
        students_set(year, StudentsKind::Year, &mut i.students, &mut ix.students)?;
    }
    let rooms: Vec<&Node> = root.all("Rooms_List").flat_map(|l| l.all("Room")).collect();
    for r in &rooms {
        ix.rooms.define(r, r.get("Name")?)?;
        i.rooms.push(Room {
            name: r.name_of("Name")?.to_string(),
            capacity: r.whole_or("Capacity", 0)?,
            real_rooms: Vec::new(),
        });
    }
    // A virtual room names real rooms that may come after it.
    for (r, room) in rooms.iter().zip(i.rooms.iter_mut()) {
        for set in r.all("Set_of_Real_Rooms") {
            room.real_rooms.push(ix.rooms.find_all(set, "Real_Room")?);
        }
    }
    for a in root.all("Activities_List").flat_map(|l| l.all("Activity")) {
        let id_node = a.get("Id")?;
        let id = a.whole_of(id_node)?;
        if ix.activities.insert(id, i.activities.len()).is_some() {
            return Err(FetError::Duplicate {
                kind: Name::Activity,
                name: id.to_string(),
                element: "Activity/Id".into(),
                line: id_node.line,
            });
        }
        i.activities.push(activity(&ix, a, id)?);
    }
    let mut totals: HashMap<u32, u32> = HashMap::new();
    for a in &i.activities {
        if let Some(g) = a.group {
            let total = totals.entry(g).or_default();
            *total = total.saturating_add(a.duration);
        }
    }
    for a in &mut i.activities {
        if let Some(total) = a.group.and_then(|g| totals.get(&g)) {
            a.total_duration = *total;
        }
    }
    let constraints = ["Time_Constraints_List", "Space_Constraints_List"]
        .into_iter()
        .flat_map(|list| root.all(list))
        .flat_map(|list| list.children.iter());
    for c in constraints {
        match rule(&ix, c)? {
            Some(rule) => i.constraints.push(Constraint {
                weight: c.weight()?,
                active: c.flag_or("Active", true)?,
                rule,
            }),
            None => {
                let seen = unsupported.entry(c.name.clone()).or_default();
                seen.0 += 1;
                seen.1 += usize::from(c.flag_or("Active", true)?);
            }
        }
    }
    let mut unsupported: Vec<Unsupported> = unsupported
        .into_iter()
        .map(|(element, (count, active))| Unsupported {
            element,
            count,
            active,
        })
        .collect();
    unsupported.sort_by(|a, b| b.count.cmp(&a.count).then(a.element.cmp(&b.element)));
    Ok(Import {
        instance: i,
        unsupported,
    })
}

fn activity(ix: &Index, a: &Node, id: u32) -> Result<Activity, FetError> {
    let duration = positive(a, "Duration")?;
    Ok(Activity {
        id,
        group: Some(a.whole_or("Activity_Group_Id", 0)?).filter(|&g| g != 0),
        subject: ix.subjects.find_in(a, "Subject")?,
        teachers: ix.teachers.find_all(a, "Teacher")?,
        students: ix.students.find_all(a, "Students")?,
        duration,
        // Summed over the parts once all are read: FET's own field can be stale.
        total_duration: duration,
        students_count: a
            .first("Number_Of_Students")
            .map(|c| a.whole_of(c))
            .transpose()?,
        active: a.flag_or("Active", true)?,
    })
}

fn activity_of(ix: &Index, parent: &Node, child: &Node) -> Result<usize, FetError> {
    let id = parent.whole_of(child)?;
    ix.activities
        .get(&id)
        .copied()
        .ok_or_else(|| FetError::Unknown {
            kind: Name::Activity,
            name: id.to_string(),
            element: format!("{}/{}", parent.name, child.name),
            line: child.line,
        })
}

fn slots(ix: &Index, c: &Node, each: &str) -> Result<Vec<Slot>, FetError> {
    c.all(each)
        .map(|t| {
            Ok(Slot {
                day: ix.days.find_in(t, "Day")?,
                hour: ix.hours.find_in(t, "Hour")?,
            })
        })
        .collect()
}

/// The rule a constraint element holds, or `None` when the instance has no such rule.
fn rule(ix: &Index, c: &Node) -> Result<Option<Rule>, FetError> {
    let teacher = || ix.teachers.find_in(c, "Teacher_Name").map(Some);
    let students = || ix.students.find_in(c, "Students").map(Some);
    let gaps = || c.whole("Max_Gaps");
    let hours = || c.whole("Maximum_Hours_Daily");
    let rule = match c.name.as_str() {
        "ConstraintBasicCompulsoryTime" => Rule::BasicTime,
        "ConstraintBasicCompulsorySpace" => Rule::BasicSpace,
        "ConstraintTeacherNotAvailableTimes" => Rule::TeacherNotAvailable {
            teacher: ix.teachers.find_in(c, "Teacher")?,
            slots: slots(ix, c, "Not_Available_Time")?,
        },
        "ConstraintStudentsSetNotAvailableTimes" => Rule::StudentsNotAvailable {
            students: ix.students.find_in(c, "Students")?,
            slots: slots(ix, c, "Not_Available_Time")?,
        },
        "ConstraintBreakTimes" => Rule::Break {
            slots: slots(ix, c, "Break_Time")?,
        },
        "ConstraintTeacherMaxGapsPerWeek" => Rule::TeacherMaxGapsPerWeek {
            teacher: teacher()?,
            max: gaps()?,
        },
        "ConstraintTeachersMaxGapsPerWeek" => Rule::TeacherMaxGapsPerWeek {
            teacher: None,
            max: gaps()?,
        },
        "ConstraintTeacherMaxGapsPerDay" => Rule::TeacherMaxGapsPerDay {
            teacher: teacher()?,
            max: gaps()?,
        },
        "ConstraintTeachersMaxGapsPerDay" => Rule::TeacherMaxGapsPerDay {
            teacher: None,
            max: gaps()?,
        },
        "ConstraintStudentsSetMaxGapsPerWeek" => Rule::StudentsMaxGapsPerWeek {
            students: students()?,
            max: gaps()?,
        },
        "ConstraintStudentsMaxGapsPerWeek" => Rule::StudentsMaxGapsPerWeek {
            students: None,
            max: gaps()?,
        },
        "ConstraintStudentsSetMaxGapsPerDay" => Rule::StudentsMaxGapsPerDay {
            students: students()?,
            max: gaps()?,
        },
        "ConstraintStudentsMaxGapsPerDay" => Rule::StudentsMaxGapsPerDay {
            students: None,
            max: gaps()?,
        },
        "ConstraintTeacherMaxHoursDaily" => Rule::TeacherMaxHoursDaily {
            teacher: teacher()?,
            max: hours()?,
        },
        "ConstraintTeachersMaxHoursDaily" => Rule::TeacherMaxHoursDaily {
            teacher: None,
            max: hours()?,
        },
        "ConstraintStudentsSetMaxHoursDaily" => Rule::StudentsMaxHoursDaily {
            students: students()?,
            max: hours()?,
        },
        "ConstraintStudentsMaxHoursDaily" => Rule::StudentsMaxHoursDaily {
            students: None,
            max: hours()?,
        },
        "ConstraintMinDaysBetweenActivities" => Rule::MinDaysBetween {
            activities: c
                .all("Activity_Id")
                .map(|a| activity_of(ix, c, a))
                .collect::<Result<_, _>>()?,
            days: c.whole("MinDays")?,
            consecutive_if_same_day: c.flag_or("Consecutive_If_Same_Day", false)?,
        },
        "ConstraintActivityPreferredStartingTime" => Rule::PreferredStartingTime {
            activity: activity_of(ix, c, c.get("Activity_Id")?)?,
            slot: Slot {
                day: ix.days.find_in(c, "Preferred_Day")?,
                hour: ix.hours.find_in(c, "Preferred_Hour")?,
            },
            locked: c.flag_or("Permanently_Locked", false)?,
        },
        "ConstraintActivityPreferredRoom" => Rule::PreferredRooms {
            activity: activity_of(ix, c, c.get("Activity_Id")?)?,
            rooms: vec![ix.rooms.find_in(c, "Room")?],
            locked: c.flag_or("Permanently_Locked", false)?,
        },
        "ConstraintActivityPreferredRooms" => Rule::PreferredRooms {
            activity: activity_of(ix, c, c.get("Activity_Id")?)?,
            rooms: ix.rooms.find_all(c, "Preferred_Room")?,
            locked: false,
        },
        "ConstraintRoomNotAvailableTimes" => Rule::RoomNotAvailable {
            room: ix.rooms.find_in(c, "Room")?,
            slots: slots(ix, c, "Not_Available_Time")?,
        },
        _ => return Ok(None),
    };
    Ok(Some(rule))
}

/// Days or hours: their names, checked against the count FET writes before them.
fn named_list<'a>(
    list: &'a Node,
    count: &str,
    each: &str,
    names: &mut Names<'a>,
) -> Result<Vec<String>, FetError> {
    let mut out = Vec::new();
    for item in list.all(each) {
        names.define(item, item.get("Name")?)?;
        out.push(item.name_of("Name")?.to_string());
    }
    let said = list.whole(count)?;
    if usize::try_from(said).ok() != Some(out.len()) {
        let detail = format!("<{count}> says {said} but {} follow", out.len());
        return Err(malformed(
            &format!("{}/{count}", list.name),
            list.line,
            detail,
        ));
    }
    if out.is_empty() {
        let detail = format!("a week needs at least one <{each}>");
        return Err(malformed(&list.name, list.line, detail));
    }
    Ok(out)
}

/// A duration in periods: at least one.
fn positive(parent: &Node, name: &str) -> Result<u32, FetError> {
    let child = parent.get(name)?;
    match parent.whole_of(child)? {
        0 => Err(parent.bad(child, "a whole number of periods from 1")),
        n => Ok(n),
    }
}

/// Reads a year, group or subgroup with what it contains. A group may sit under several years
/// and a subgroup under several groups (FET writes them out in each): the same name of the same
/// kind is the same set, so it is kept once; a year's name must be its own.
fn students_set<'a>(
    node: &'a Node,
    kind: StudentsKind,
    sets: &mut Vec<StudentsSet>,
    names: &mut Names<'a>,
) -> Result<usize, FetError> {
    let name = node.get("Name")?;
    let shared = kind != StudentsKind::Year;
    let ix = match names.index.get(name.text.as_str()) {
        Some(&ix) if shared && sets.get(ix).map(|s| s.kind) == Some(kind) => ix,
        _ => {
            let ix = names.define(node, name)?;
            sets.push(StudentsSet {
                name: name.text.clone(),
                kind,
                size: node.whole_or("Number_of_Students", 0)?,
                parts: Vec::new(),
            });
            ix
        }
    };
    let (part, part_kind) = match kind {
        StudentsKind::Year => ("Group", StudentsKind::Group),
        StudentsKind::Group => ("Subgroup", StudentsKind::Subgroup),
        StudentsKind::Subgroup => return Ok(ix),
    };
    for child in node.all(part) {
        let p = students_set(child, part_kind, sets, names)?;
        if let Some(set) = sets.get_mut(ix)
            && !set.parts.contains(&p)
        {
            set.parts.push(p);
        }
    }
    Ok(ix)
}

/// Writes `instance` as a `.fet` file, and with `timetable` pins each placed lesson where it is
/// (a permanently locked starting time, and room when it has one, whether Dala's placement was
/// pinned or not), so that FET opens Dala's timetable as it is and can be asked to change only
/// what the deputy unlocks.
///
/// `read` gives the instance back as it was, with what FET's format imposes: the time rules come
/// before the space rules, and an instance without the basic rules gets them (Dala always keeps
/// them; FET generates nothing without them). A placement's start that is no period of the week,
/// or room that is no room, is left for FET to choose; a rule with several preferred rooms is
/// written without its `locked`, which FET has only for a single room. A rule FET does not have
/// (a subject kept off the day's last lesson) is left out, so it does not come back.
pub fn write(instance: &Instance, timetable: Option<&Timetable>) -> String {
    let i = instance;
    let mut x = Xml::default();
    x.out
        .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<fet version=\"6.8.5\">\n");
    x.field("Mode", "Official");
    x.field("Institution_Name", Escaped(&i.name));
    x.list("Days_List", "Number_of_Days", "Day", &i.days);
    x.list("Hours_List", "Number_of_Hours", "Hour", &i.hours);
    x.open("Subjects_List");
    for s in &i.subjects {
        x.open("Subject");
        x.field("Name", Escaped(s));
        x.close("Subject");
    }
    x.close("Subjects_List");
    x.open("Activity_Tags_List");
    x.close("Activity_Tags_List");
    x.open("Teachers_List");
    for t in &i.teachers {
        x.open("Teacher");
        x.field("Name", Escaped(t));
        x.close("Teacher");
    }
    x.close("Teachers_List");
    // FET nests sets under years; a group under two years is written in both and read once.
    x.open("Students_List");
    for (s, set) in i.students.iter().enumerate() {
        if set.kind == StudentsKind::Year {
            x.students_set(i, s);
        }
    }
    x.close("Students_List");
    x.open("Activities_List");
    for a in &i.activities {
        x.activity(i, a);
    }
    x.close("Activities_List");
    x.open("Buildings_List");
    x.close("Buildings_List");
    x.open("Rooms_List");
    for r in &i.rooms {
        x.room(i, r);
    }
    x.close("Rooms_List");

    let has = |rule: &Rule| i.constraints.iter().any(|c| c.rule == *rule);
    let basic = |rule: Rule| Constraint {
        weight: 100.0,
        active: true,
        rule,
    };
    let basic_time = (!has(&Rule::BasicTime)).then(|| basic(Rule::BasicTime));
    let basic_space = (!has(&Rule::BasicSpace)).then(|| basic(Rule::BasicSpace));
    let (times, rooms) = timetable.map(|t| pins(i, t)).unwrap_or_default();
    x.open("Time_Constraints_List");
    let time = basic_time
        .iter()
        .chain(i.constraints.iter().filter(|c| !is_space(&c.rule)))
        .chain(&times);
    for c in time {
        x.constraint(i, c);
    }
    x.close("Time_Constraints_List");
    x.open("Space_Constraints_List");
    let space = basic_space
        .iter()
        .chain(i.constraints.iter().filter(|c| is_space(&c.rule)))
        .chain(&rooms);
    for c in space {
        x.constraint(i, c);
    }
    x.close("Space_Constraints_List");
    x.out.push_str("</fet>\n");
    x.out
}

/// FET keeps rules about rooms in a list of their own.
fn is_space(rule: &Rule) -> bool {
    matches!(
        rule,
        Rule::BasicSpace | Rule::PreferredRooms { .. } | Rule::RoomNotAvailable { .. }
    )
}

/// The timetable's placements as locked rules: starting times, then rooms. Where the instance
/// already holds the lock, hard and active, it is not written again: FET drops such a copy as a
/// duplicate (whether either is permanently locked does not count), with a message to the user.
fn pins(i: &Instance, timetable: &Timetable) -> (Vec<Constraint>, Vec<Constraint>) {
    let unlocked = |rule: &Rule| {
        let mut rule = rule.clone();
        if let Rule::PreferredStartingTime { locked, .. } | Rule::PreferredRooms { locked, .. } =
            &mut rule
        {
            *locked = false;
        }
        rule
    };
    let holds = |rule: &Rule| {
        let rule = unlocked(rule);
        i.constraints
            .iter()
            .any(|c| c.active && c.weight == 100.0 && unlocked(&c.rule) == rule)
    };
    let lock = |rule: Rule| {
        (!holds(&rule)).then_some(Constraint {
            weight: 100.0,
            active: true,
            rule,
        })
    };
    let (mut times, mut rooms) = (Vec::new(), Vec::new());
    let placed = i.activities.iter().zip(&timetable.placements).enumerate();
    for (activity, (a, p)) in placed {
        let Some(p) = p.filter(|_| a.active) else {
            continue;
        };
        if p.start.day >= i.days.len() || p.start.hour >= i.hours.len() {
            continue;
        }
        times.extend(lock(Rule::PreferredStartingTime {
            activity,
            slot: p.start,
            locked: true,
        }));
        if let Some(room) = p.room.filter(|&r| r < i.rooms.len()) {
            rooms.extend(lock(Rule::PreferredRooms {
                activity,
                rooms: vec![room],
                locked: true,
            }));
        }
    }
    (times, rooms)
}

/// A name as XML text. A carriage return is written as a reference because a parser turns a
/// literal one into a line feed.
struct Escaped<'a>(&'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(['&', '<', '>', '"', '\r']) {
            f.write_str(&rest[..at])?;
            let c = rest[at..].chars().next().unwrap_or('&');
            f.write_str(match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#13;",
            })?;
            rest = &rest[at + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

/// The file being written, indented with tabs as FET indents its own.
#[derive(Default)]
struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push('\t');
        }
    }

    fn open(&mut self, element: &str) {
        self.indent();
        let _ = writeln!(self.out, "<{element}>");
        self.depth += 1;
    }

    fn close(&mut self, element: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.indent();
        let _ = writeln!(self.out, "</{element}>");
    }

    /// An element holding text; names must come wrapped in `Escaped`.
    fn field(&mut self, element: &str, value: impl fmt::Display) {
        self.indent();
        let _ = writeln!(self.out, "<{element}>{value}</{element}>");
    }

    /// Days or hours: their count, then each by name.
    fn list(&mut self, list: &str, count: &str, each: &str, names: &[String]) {
        self.open(list);
        self.field(count, names.len());
        for n in names {
            self.open(each);
            self.field("Name", Escaped(n));
            self.close(each);
        }
        self.close(list);
    }

    fn students_set(&mut self, i: &Instance, s: usize) {
        let set = &i.students[s];
        let element = match set.kind {
            StudentsKind::Year => "Year",
            StudentsKind::Group => "Group",
            StudentsKind::Subgroup => "Subgroup",
        };
        self.open(element);
        self.field("Name", Escaped(&set.name));
        self.field("Number_of_Students", set.size);
        if set.kind == StudentsKind::Year {
            self.field("Number_of_Categories", 0);
            self.field("Separator", " ");
        }
        // A part's kind is the next one down, as the instance keeps it.
        for &p in &set.parts {
            self.students_set(i, p);
        }
        self.close(element);
    }

    fn activity(&mut self, i: &Instance, a: &Activity) {
        self.open("Activity");
        for &t in &a.teachers {
            self.field("Teacher", Escaped(&i.teachers[t]));
        }
        self.field("Subject", Escaped(&i.subjects[a.subject]));
        for &s in &a.students {
            self.field("Students", Escaped(&i.students[s].name));
        }
        self.field("Duration", a.duration);
        self.field("Total_Duration", a.total_duration);
        self.field("Id", a.id);
        self.field("Activity_Group_Id", a.group.unwrap_or(0));
        // Without it FET sums the sets' sizes, as `Activity` says.
        if let Some(n) = a.students_count {
            self.field("Number_Of_Students", n);
        }
        self.field("Active", a.active);
        self.field("Comments", "");
        self.close("Activity");
    }

    fn room(&mut self, i: &Instance, r: &Room) {
        self.open("Room");
        self.field("Name", Escaped(&r.name));
        self.field("Building", "");
        // No capacity is FET's default, which is unlimited, as 0 is for Dala.
        if r.capacity != 0 {
            self.field("Capacity", r.capacity);
        }
        self.field("Virtual", !r.real_rooms.is_empty());
        if !r.real_rooms.is_empty() {
            self.field("Number_of_Sets_of_Real_Rooms", r.real_rooms.len());
            for set in &r.real_rooms {
                self.open("Set_of_Real_Rooms");
                self.field("Number_of_Real_Rooms", set.len());
                for &real in set {
                    self.field("Real_Room", Escaped(&i.rooms[real].name));
                }
                self.close("Set_of_Real_Rooms");
            }
        }
        self.field("Comments", "");
        self.close("Room");
    }

    /// Periods: their count, then each as a day and an hour.
    fn times(&mut self, i: &Instance, (count, each): (&str, &str), slots: &[Slot]) {
        self.field(count, slots.len());
        for s in slots {
            self.open(each);
            self.field("Day", Escaped(&i.days[s.day]));
            self.field("Hour", Escaped(&i.hours[s.hour]));
            self.close(each);
        }
    }

    /// Whom a rule limits; none names the rule for everyone (`element_of` tells them apart).
    fn teacher(&mut self, i: &Instance, t: &Option<usize>) {
        if let Some(t) = t {
            self.field("Teacher_Name", Escaped(&i.teachers[*t]));
        }
    }

    fn students(&mut self, i: &Instance, s: &Option<usize>) {
        if let Some(s) = s {
            self.field("Students", Escaped(&i.students[*s].name));
        }
    }

    fn constraint(&mut self, i: &Instance, c: &Constraint) {
        let Some(element) = element_of(&c.rule) else {
            return;
        };
        let id = |a: usize| i.activities[a].id;
        self.open(element);
        self.field("Weight_Percentage", c.weight);
        match &c.rule {
            Rule::BasicTime | Rule::BasicSpace => {}
            Rule::TeacherNotAvailable { teacher, slots } => {
                self.field("Teacher", Escaped(&i.teachers[*teacher]));
                self.times(i, NOT_AVAILABLE, slots);
            }
            Rule::StudentsNotAvailable { students, slots } => {
                self.field("Students", Escaped(&i.students[*students].name));
                self.times(i, NOT_AVAILABLE, slots);
            }
            Rule::Break { slots } => self.times(i, ("Number_of_Break_Times", "Break_Time"), slots),
            Rule::TeacherMaxGapsPerWeek { teacher, max }
            | Rule::TeacherMaxGapsPerDay { teacher, max } => {
                self.teacher(i, teacher);
                self.field("Max_Gaps", max);
            }
            Rule::TeacherMaxHoursDaily { teacher, max } => {
                self.teacher(i, teacher);
                self.field("Maximum_Hours_Daily", max);
            }
            Rule::StudentsMaxGapsPerWeek { students, max }
            | Rule::StudentsMaxGapsPerDay { students, max } => {
                self.students(i, students);
                self.field("Max_Gaps", max);
            }
            Rule::StudentsMaxHoursDaily { students, max } => {
                self.students(i, students);
                self.field("Maximum_Hours_Daily", max);
            }
            Rule::MinDaysBetween {
                activities,
                days,
                consecutive_if_same_day,
            } => {
                self.field("Consecutive_If_Same_Day", consecutive_if_same_day);
                self.field("Number_of_Activities", activities.len());
                for &a in activities {
                    self.field("Activity_Id", id(a));
                }
                self.field("MinDays", days);
            }
            Rule::PreferredStartingTime {
                activity,
                slot,
                locked,
            } => {
                self.field("Activity_Id", id(*activity));
                self.field("Preferred_Day", Escaped(&i.days[slot.day]));
                self.field("Preferred_Hour", Escaped(&i.hours[slot.hour]));
                self.field("Permanently_Locked", locked);
            }
            Rule::PreferredRooms {
                activity,
                rooms,
                locked,
            } => {
                self.field("Activity_Id", id(*activity));
                if let [room] = rooms[..] {
                    self.field("Room", Escaped(&i.rooms[room].name));
                    self.field("Permanently_Locked", locked);
                } else {
                    self.field("Number_of_Preferred_Rooms", rooms.len());
                    for &r in rooms {
                        self.field("Preferred_Room", Escaped(&i.rooms[r].name));
                    }
                }
            }
            Rule::RoomNotAvailable { room, slots } => {
                self.field("Room", Escaped(&i.rooms[*room].name));
                self.times(i, NOT_AVAILABLE, slots);
            }
            Rule::SubjectsNotLast { .. } => {}
        }
        self.field("Active", c.active);
        self.field("Comments", "");
        self.close(element);
    }
}

const NOT_AVAILABLE: (&str, &str) = ("Number_of_Not_Available_Times", "Not_Available_Time");

/// FET's name for a rule; a rule for one teacher or set and the same rule for all have two.
/// `None` for a rule FET does not have, which is left out of the file.
fn element_of(rule: &Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::BasicTime => "ConstraintBasicCompulsoryTime",
        Rule::BasicSpace => "ConstraintBasicCompulsorySpace",
        Rule::TeacherNotAvailable { .. } => "ConstraintTeacherNotAvailableTimes",
        Rule::StudentsNotAvailable { .. } => "ConstraintStudentsSetNotAvailableTimes",
        Rule::Break { .. } => "ConstraintBreakTimes",
        Rule::TeacherMaxGapsPerWeek {
            teacher: Some(_), ..
        } => "ConstraintTeacherMaxGapsPerWeek",
        Rule::TeacherMaxGapsPerWeek { teacher: None, .. } => "ConstraintTeachersMaxGapsPerWeek",
        Rule::TeacherMaxGapsPerDay {
            teacher: Some(_), ..
        } => "ConstraintTeacherMaxGapsPerDay",
        Rule::TeacherMaxGapsPerDay { teacher: None, .. } => "ConstraintTeachersMaxGapsPerDay",
        Rule::StudentsMaxGapsPerWeek {
            students: Some(_), ..
        } => "ConstraintStudentsSetMaxGapsPerWeek",
        Rule::StudentsMaxGapsPerWeek { students: None, .. } => "ConstraintStudentsMaxGapsPerWeek",
        Rule::StudentsMaxGapsPerDay {
            students: Some(_), ..
        } => "ConstraintStudentsSetMaxGapsPerDay",
        Rule::StudentsMaxGapsPerDay { students: None, .. } => "ConstraintStudentsMaxGapsPerDay",
        Rule::TeacherMaxHoursDaily {
            teacher: Some(_), ..
        } => "ConstraintTeacherMaxHoursDaily",
        Rule::TeacherMaxHoursDaily { teacher: None, .. } => "ConstraintTeachersMaxHoursDaily",
        Rule::StudentsMaxHoursDaily {
            students: Some(_), ..
        } => "ConstraintStudentsSetMaxHoursDaily",
        Rule::StudentsMaxHoursDaily { students: None, .. } => "ConstraintStudentsMaxHoursDaily",
        Rule::MinDaysBetween { .. } => "ConstraintMinDaysBetweenActivities",
        Rule::PreferredStartingTime { .. } => "ConstraintActivityPreferredStartingTime",
        Rule::PreferredRooms { rooms, .. } if rooms.len() == 1 => "ConstraintActivityPreferredRoom",
        Rule::PreferredRooms { .. } => "ConstraintActivityPreferredRooms",
        Rule::RoomNotAvailable { .. } => "ConstraintRoomNotAvailableTimes",
        Rule::SubjectsNotLast { .. } => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small school written for these tests; `fet-cl` reads it and solves it.
    const SCHOOL: &str = include_str!("../tests/fet/school.fet");

    fn school() -> Import {
        read(SCHOOL).expect("the sample reads")
    }

    fn index_of(list: &[String], name: &str) -> usize {
        list.iter().position(|n| n == name).expect(name)
    }

    #[test]
    fn reads_the_week_the_people_and_the_rooms() {
        let i = school().instance;
        assert_eq!(i.name, "№1 мектеп-гимназия");
        assert_eq!(i.days.len(), 5);
        assert_eq!(i.days[4], "Жұма");
        assert_eq!(i.hours.len(), 6);
        assert_eq!(i.hours[0], "08.00-08.45");
        assert_eq!(i.subjects[5], "Art & Design");
        assert_eq!(
            i.teachers,
            ["Айгүл", "Бауыржан", "Динара", "Ерлан", "Жанар"]
        );
        let rooms: Vec<_> = i
            .rooms
            .iter()
            .map(|r| (r.name.as_str(), r.capacity))
            .collect();
        assert_eq!(
            rooms,
            [
                ("Информатика 5А", 25),
                ("101", 30),
                ("102", 30),
                ("Спортзал", 60),
                ("КК-1", 13),
                ("КК-2", 12)
            ]
        );
        // The virtual room names real rooms defined after it.
        assert_eq!(i.rooms[0].real_rooms, [vec![4], vec![5]]);
        assert!(i.rooms[1].real_rooms.is_empty());
    }

    #[test]
    fn reads_years_groups_and_subgroups_with_a_group_shared_by_two_years() {
        let i = school().instance;
        let sets: Vec<_> = i
            .students
            .iter()
            .map(|s| (s.name.as_str(), s.kind, s.size))
            .collect();
        use StudentsKind::*;
        assert_eq!(
            sets,
            [
                ("5", Year, 50),
                ("5А", Group, 25),
                ("5А-1", Subgroup, 13),
                ("5А-2", Subgroup, 12),
                ("5Ә", Group, 25),
                ("Хор", Group, 20),
                ("6", Year, 24),
                ("6А", Group, 24),
            ]
        );
        assert_eq!(i.students[0].parts, [1, 4, 5]);
        assert_eq!(i.students[1].parts, [2, 3]);
        // The choir is one set in both years.
        assert_eq!(i.students[6].parts, [7, 5]);
    }

    #[test]
    fn reads_activities_and_sums_a_split_activity_over_its_parts() {
        let i = school().instance;
        assert_eq!(i.activities.len(), 10);
        let maths = index_of(&i.subjects, "Математика");
        let parts: Vec<_> = i.activities.iter().filter(|a| a.group == Some(1)).collect();
        assert_eq!(parts.len(), 3);
        assert!(
            parts
                .iter()
                .all(|a| a.subject == maths && a.teachers == [0])
        );
        assert_eq!(
            parts.iter().map(|a| a.duration).collect::<Vec<_>>(),
            [1, 1, 2]
        );
        // The file says 3; the parts add up to 4.
        assert!(parts.iter().all(|a| a.total_duration == 4));
        assert_eq!(
            i.activities[3],
            Activity {
                id: 4,
                group: None,
                subject: 1,
                teachers: vec![1],
                students: vec![4],
                duration: 2,
                total_duration: 2,
                students_count: None,
                active: true,
            }
        );
        let computing = &i.activities[6];
        assert_eq!(computing.teachers, [3, 4]);
        assert_eq!(computing.students_count, Some(25));
        let gym = &i.activities[7];
        assert_eq!(gym.students, [0, 6]);
        assert!(!gym.active);
        assert!(i.activities[9].teachers.is_empty());
    }

    #[test]
    fn reads_every_supported_constraint_with_its_values() {
        let i = school().instance;
        let slot = |day, hour| Slot { day, hour };
        let expected = [
            (100.0, true, Rule::BasicTime),
            (
                100.0,
                true,
                Rule::Break {
                    slots: vec![slot(4, 5)],
                },
            ),
            (
                100.0,
                true,
                Rule::TeacherNotAvailable {
                    teacher: 0,
                    slots: vec![slot(0, 0), slot(0, 1)],
                },
            ),
            (
                100.0,
                true,
                Rule::StudentsNotAvailable {
                    students: 7,
                    slots: vec![slot(4, 4)],
                },
            ),
            (
                100.0,
                true,
                Rule::TeacherMaxGapsPerWeek {
                    teacher: Some(1),
                    max: 3,
                },
            ),
            (
                100.0,
                true,
                Rule::TeacherMaxGapsPerWeek {
                    teacher: None,
                    max: 5,
                },
            ),
            (
                100.0,
                true,
                Rule::TeacherMaxGapsPerDay {
                    teacher: Some(2),
                    max: 1,
                },
            ),
            (
                100.0,
                true,
                Rule::TeacherMaxGapsPerDay {
                    teacher: None,
                    max: 2,
                },
            ),
            (
                100.0,
                true,
                Rule::StudentsMaxGapsPerWeek {
                    students: Some(1),
                    max: 0,
                },
            ),
            (
                100.0,
                true,
                Rule::StudentsMaxGapsPerWeek {
                    students: None,
                    max: 1,
                },
            ),
            (
                100.0,
                true,
                Rule::StudentsMaxGapsPerDay {
                    students: Some(4),
                    max: 0,
                },
            ),
            (
                100.0,
                true,
                Rule::StudentsMaxGapsPerDay {
                    students: None,
                    max: 0,
                },
            ),
            (
                100.0,
                true,
                Rule::TeacherMaxHoursDaily {
                    teacher: Some(3),
                    max: 4,
                },
            ),
            (
                100.0,
                false,
                Rule::TeacherMaxHoursDaily {
                    teacher: None,
                    max: 6,
                },
            ),
            (
                100.0,
                true,
                Rule::StudentsMaxHoursDaily {
                    students: Some(0),
                    max: 5,
                },
            ),
            (
                100.0,
                true,
                Rule::StudentsMaxHoursDaily {
                    students: None,
                    max: 6,
                },
            ),
            (
                95.0,
                true,
                Rule::MinDaysBetween {
                    activities: vec![0, 1, 2],
                    days: 1,
                    consecutive_if_same_day: true,
                },
            ),
            (
                100.0,
                true,
                Rule::PreferredStartingTime {
                    activity: 3,
                    slot: slot(1, 0),
                    locked: true,
                },
            ),
            (100.0, true, Rule::BasicSpace),
            (
                100.0,
                true,
                Rule::PreferredRooms {
                    activity: 3,
                    rooms: vec![1],
                    locked: true,
                },
            ),
            (
                97.5,
                true,
                Rule::PreferredRooms {
                    activity: 4,
                    rooms: vec![1, 2],
                    locked: false,
                },
            ),
            (
                100.0,
                true,
                Rule::PreferredRooms {
                    activity: 6,
                    rooms: vec![0],
                    locked: false,
                },
            ),
            (
                100.0,
                true,
                Rule::RoomNotAvailable {
                    room: 3,
                    slots: vec![slot(3, 0)],
                },
            ),
        ];
        let read: Vec<_> = i
            .constraints
            .iter()
            .map(|c| (c.weight, c.active, c.rule.clone()))
            .collect();
        assert_eq!(read, expected);
        assert!(i.constraints[0].is_hard());
        assert!(!i.constraints[16].is_hard());
    }

    #[test]
    fn lists_the_constraints_it_does_not_support() {
        let unsupported = school().unsupported;
        let listed: Vec<_> = unsupported
            .iter()
            .map(|u| (u.element.as_str(), u.count, u.active))
            .collect();
        assert_eq!(
            listed,
            [
                ("ConstraintTeacherMaxDaysPerWeek", 2, 1),
                ("ConstraintActivitiesSameStartingTime", 1, 1),
                ("ConstraintSubjectPreferredRoom", 1, 1),
            ]
        );
    }

    #[test]
    fn lists_a_mode_other_than_the_official_one() {
        let text = SCHOOL.replace("<Mode>Official</Mode>", "<Mode>Mornings_Afternoons</Mode>");
        let unsupported = read(&text).expect("reads").unsupported;
        assert!(unsupported.contains(&Unsupported {
            element: "Mode=Mornings_Afternoons".into(),
            count: 1,
            active: 1,
        }));
    }

    #[test]
    fn accepts_a_byte_order_mark_and_windows_line_ends() {
        let text = format!("\u{feff}{}", SCHOOL.replace('\n', "\r\n"));
        assert_eq!(read(&text).expect("reads").instance, school().instance);
    }

    /// Each broken variant of the sample: what is replaced, by what, the code and the place.
    const BROKEN: &[(&str, &str, &str, &str)] = &[
        ("<Id>4</Id>", "<Id>4</Idd>", "timetable.fet_malformed", "Id"),
        ("</fet>", "", "timetable.fet_malformed", "fet"),
        (
            "<Id>4</Id>",
            "<Id>&nbsp;</Id>",
            "timetable.fet_malformed",
            "Id",
        ),
        ("<Id>4</Id>", "", "timetable.fet_malformed", "Activity/Id"),
        (
            "<Number_of_Days>5</Number_of_Days>",
            "<Number_of_Days>6</Number_of_Days>",
            "timetable.fet_malformed",
            "Days_List/Number_of_Days",
        ),
        (
            "<Duration>2</Duration>\n\t<Total_Duration>2</Total_Duration>",
            "<Duration>two</Duration>",
            "timetable.fet_bad_value",
            "Activity/Duration",
        ),
        (
            "<Duration>2</Duration>\n\t<Total_Duration>2</Total_Duration>",
            "<Duration>0</Duration>",
            "timetable.fet_bad_value",
            "Activity/Duration",
        ),
        (
            "<Max_Gaps>3</Max_Gaps>",
            "<Max_Gaps>-3</Max_Gaps>",
            "timetable.fet_bad_value",
            "ConstraintTeacherMaxGapsPerWeek/Max_Gaps",
        ),
        (
            "<Weight_Percentage>97.5</Weight_Percentage>",
            "<Weight_Percentage>120</Weight_Percentage>",
            "timetable.fet_bad_value",
            "ConstraintActivityPreferredRooms/Weight_Percentage",
        ),
        (
            "<Active>false</Active>\n\t<Comments>Both",
            "<Active>no</Active>\n\t<Comments>Both",
            "timetable.fet_bad_value",
            "Activity/Active",
        ),
        (
            "<Teacher>Динара</Teacher>",
            "<Teacher>Dinara</Teacher>",
            "timetable.fet_unknown_teacher",
            "Activity/Teacher",
        ),
        (
            "<Subject>Қазақ тілі</Subject>",
            "<Subject>Kazakh</Subject>",
            "timetable.fet_unknown_subject",
            "Activity/Subject",
        ),
        (
            "<Students>5Ә</Students>",
            "<Students>5Ә </Students>",
            "timetable.fet_unknown_students_set",
            "Activity/Students",
        ),
        (
            "<Room>Спортзал</Room>",
            "<Room>Gym</Room>",
            "timetable.fet_unknown_room",
            "ConstraintRoomNotAvailableTimes/Room",
        ),
        (
            "<Real_Room>КК-2</Real_Room>",
            "<Real_Room>КК-3</Real_Room>",
            "timetable.fet_unknown_room",
            "Set_of_Real_Rooms/Real_Room",
        ),
        (
            "<Day>Жұма</Day>\n\t\t<Hour>12.30-13.15</Hour>",
            "<Day>Сенбі</Day>\n\t\t<Hour>12.30-13.15</Hour>",
            "timetable.fet_unknown_time",
            "Break_Time/Day",
        ),
        (
            "<Preferred_Hour>08.00-08.45</Preferred_Hour>",
            "<Preferred_Hour>07.00-07.45</Preferred_Hour>",
            "timetable.fet_unknown_time",
            "ConstraintActivityPreferredStartingTime/Preferred_Hour",
        ),
        (
            "<Activity_Id>3</Activity_Id>",
            "<Activity_Id>33</Activity_Id>",
            "timetable.fet_unknown_activity",
            "ConstraintMinDaysBetweenActivities/Activity_Id",
        ),
        (
            "<Name>Ерлан</Name>",
            "<Name>Динара</Name>",
            "timetable.fet_duplicate",
            "Teacher/Name",
        ),
        (
            "<Name>6</Name>",
            "<Name>5</Name>",
            "timetable.fet_duplicate",
            "Year/Name",
        ),
        (
            "<Name>6А</Name>",
            "<Name>5А-1</Name>",
            "timetable.fet_duplicate",
            "Group/Name",
        ),
        (
            "<Id>10</Id>",
            "<Id>9</Id>",
            "timetable.fet_duplicate",
            "Activity/Id",
        ),
    ];

    #[test]
    fn each_broken_file_gives_its_code_and_where() {
        for &(from, to, code, element) in BROKEN {
            assert!(SCHOOL.contains(from), "{from}");
            let text = SCHOOL.replacen(from, to, 1);
            let error = read(&text).expect_err(to);
            assert_eq!((error.code(), error.place().0), (code, element), "{error}");
            assert!(error.place().1 > 1, "{error}: a line");
        }
    }

    #[test]
    fn says_which_line_and_name() {
        let text = SCHOOL.replacen("<Teacher>Динара</Teacher>", "<Teacher>Dinara</Teacher>", 1);
        let error = read(&text).expect_err("unknown teacher");
        let line = SCHOOL
            .lines()
            .position(|l| l.contains("<Teacher>Динара</Teacher>"))
            .expect("in the sample")
            + 1;
        assert_eq!(
            error.to_string(),
            format!("line {line}, <Activity/Teacher>: there is no teacher named \"Dinara\"")
        );
        assert!(error.args().contains(&("name", "Dinara".to_string())));
        assert!(error.args().contains(&("line", line.to_string())));
    }

    #[test]
    fn refuses_what_is_not_a_fet_file() {
        let deep = "<fet>".repeat(100);
        let cases = [
            "",
            "   ",
            "not xml at all",
            "<?xml version=\"1.0\"?>",
            "<timetable></timetable>",
            "<fet></fet><fet></fet>",
            "<fet></fet> trailing",
            "<fet><Days_List>",
            "<fet>",
            deep.as_str(),
            "<fet><Days_List><Number_of_Days>0</Number_of_Days></Days_List></fet>",
        ];
        for text in cases {
            let error = read(text).expect_err(text);
            assert_eq!(error.code(), "timetable.fet_malformed", "{text}: {error}");
        }
    }

    #[test]
    fn a_minimal_file_reads_with_nothing_unsupported() {
        let text = "<fet>\
            <Days_List><Number_of_Days>1</Number_of_Days><Day><Name>Mon</Name></Day></Days_List>\
            <Hours_List><Number_of_Hours>1</Number_of_Hours><Hour><Name>1</Name></Hour></Hours_List>\
            <Subjects_List><Subject><Name>Maths</Name></Subject></Subjects_List>\
            <Activities_List><Activity><Subject>Maths</Subject><Duration>1</Duration><Id>7</Id>\
            </Activity></Activities_List></fet>";
        let import = read(text).expect("reads");
        assert!(import.unsupported.is_empty());
        let a = &import.instance.activities[0];
        assert_eq!(
            (a.id, a.group, a.total_duration, a.active),
            (7, None, 1, true)
        );
    }

    /// Every prefix of the sample, and the sample with bytes swapped for markup, gives a result
    /// or an error; none panics.
    #[test]
    fn never_panics_on_cut_or_garbled_input() {
        let cuts = SCHOOL.char_indices().map(|(i, _)| i).step_by(11);
        for cut in cuts {
            let _ = read(&SCHOOL[..cut]);
        }
        for (n, (i, _)) in SCHOOL.char_indices().step_by(97).enumerate() {
            for garbage in [
                "<",
                ">",
                "&",
                "</",
                "/>",
                "\"",
                "]]>",
                "<![CDATA[",
                "&#0;",
                "\0",
            ] {
                let mut text = SCHOOL.to_string();
                text.insert_str(i, garbage);
                let _ = read(&text);
                if n % 2 == 0 {
                    text.truncate(i);
                    let _ = read(&text);
                }
            }
        }
    }
}
