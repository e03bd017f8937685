//! A realistic demo organisation for trying Dala and for tests: a rural school of about 300
//! pupils in Kazakh- and Russian-language classes, or a kindergarten with its age groups. Names
//! are drawn from the pools of `demo_names`; every IIN is valid and agrees with its person.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use rand::Rng;
use uuid::Uuid;

use crate::account::{Account, Role};
use crate::activities::{self, PlannedActivity};
use crate::assignment::{Assignment, Guardianship};
use crate::command::Command;
use crate::curriculum;
use crate::demo_names::{NameStyle, full_name};
use crate::enrolment::Enrolment;
use crate::generator::{self, Options};
use crate::group::{AgeGroup, Class};
use crate::iin::{Iin, Sex, generate_bin};
use crate::journal::{Acting, Attendance, CellEdit, Lesson, LessonKind, Mark};
use crate::journal_plan;
use crate::load::LoadAssignment;
use crate::org::{Language, OrgKind, Organisation};
use crate::person::{Person, PersonKind};
use crate::reference;
use crate::register::{self, Presence, PresenceEdit};
use crate::room::{Room, RoomKind};
use crate::school_timetable::{Problem, TimetableLesson, WeekClass, WeekPlan, standard_week};
use crate::year::{self, AcademicYear, Term};

pub struct Demo {
    /// In the order they must be applied.
    pub commands: Vec<Command>,
    /// The demo's accounts; the caller gives them their passwords.
    pub accounts: Vec<Account>,
}

struct Builder<'a, R: Rng> {
    rng: &'a mut R,
    new_id: &'a mut dyn FnMut() -> Uuid,
    iins: HashSet<Iin>,
    commands: Vec<Command>,
}

impl<R: Rng> Builder<'_, R> {
    fn person(
        &mut self,
        kind: PersonKind,
        style: NameStyle,
        born_from: NaiveDate,
        span_days: u64,
    ) -> Person {
        let male = self.rng.gen_bool(0.5);
        let rng = &mut *self.rng;
        let name = full_name(style, male, &mut |n| rng.gen_range(0..n));
        let birth_date = born_from + Days::new(self.rng.gen_range(0..span_days));
        let sex = if male { Sex::Male } else { Sex::Female };
        let iin = loop {
            let serial = self.rng.gen_range(0..10_000);
            if let Some(iin) = Iin::generate(birth_date, sex, serial)
                && self.iins.insert(iin.clone())
            {
                break iin;
            }
        };
        Person {
            id: (self.new_id)(),
            kind,
            last_name: name.last,
            first_name: name.first,
            patronymic: Some(name.patronymic),
            iin: Some(iin),
            birth_date,
            sex,
            position: None,
            subject: None,
        }
    }

    fn staff(
        &mut self,
        position: &str,
        subject: Option<&str>,
        style: NameStyle,
        year: i32,
    ) -> Person {
        let born_from = NaiveDate::from_ymd_opt(year - 60, 1, 1).expect("a calendar date");
        let mut person = self.person(PersonKind::Staff, style, born_from, 365 * 36);
        person.position = Some(position.into());
        person.subject = subject.map(Into::into);
        self.commands.push(Command::SavePerson(person.clone()));
        person
    }

    fn rooms(&mut self, year: Uuid, rooms: &[(&str, RoomKind, u32)]) -> Vec<Room> {
        let rooms: Vec<Room> = rooms
            .iter()
            .map(|&(name, kind, capacity)| Room {
                id: (self.new_id)(),
                year_id: year,
                name: name.into(),
                capacity,
                kind,
            })
            .collect();
        self.commands
            .extend(rooms.iter().cloned().map(Command::SaveRoom));
        rooms
    }

    /// The week generated from the classes and the assignments made so far: a bounded number of
    /// steps and a fixed seed, so every demo school gets the same timetable on any machine.
    fn timetable(
        &mut self,
        year: Uuid,
        classes: &[(Class, Vec<Uuid>)],
        teachers: &[Person],
        rooms: &[Room],
    ) -> Vec<TimetableLesson> {
        let assignments: Vec<LoadAssignment> = self
            .commands
            .iter()
            .filter_map(|c| match c {
                Command::Assign(a) => a.load(),
                _ => None,
            })
            .collect();
        let week_classes: Vec<WeekClass> = classes
            .iter()
            .map(|(c, pupils)| WeekClass {
                class_id: c.id,
                name: c.name(),
                grade: c.grade,
                language: c.language,
                pupils: pupils.len() as u32,
            })
            .collect();
        let teachers: Vec<(Uuid, String)> = teachers
            .iter()
            .map(|t| (t.id, t.last_name.clone()))
            .collect();
        let problem = Problem::build(&WeekPlan {
            classes: &week_classes,
            assignments: &assignments,
            teachers: &teachers,
            rooms,
            days_off: &[],
            curriculum: curriculum::standard(),
            split: Default::default(),
            week: standard_week(),
        });
        let stop = AtomicBool::new(false);
        let mut options = Options::new(Duration::from_secs(30), 2026, &stop);
        options.max_steps = 200_000;
        let outcome = generator::generate(
            &problem.instance,
            &generator::Timetable::empty(&problem.instance),
            options,
        );
        let put = problem.lessons(&outcome.timetable, &[], year, &mut *self.new_id);
        self.commands.push(Command::SaveTimetable {
            year_id: year,
            put: put.clone(),
            remove: Vec::new(),
        });
        put
    }

    /// The standard week of the group's age, music in the music hall and physical education in
    /// the gym, started `later` minutes after the standard time.
    fn activities(&mut self, group: &AgeGroup, halls: &[Room], educator: &Person, later: i64) {
        let hall = |kind| halls.iter().find(|r| r.kind == kind).map(|r| r.id);
        let put = activities::template_for(activities::standard_norms(), group.age_from)
            .into_iter()
            .map(|(day, starts, minutes, activity)| PlannedActivity {
                id: (self.new_id)(),
                year_id: group.year_id,
                group_id: group.id,
                day,
                starts: starts + chrono::Duration::minutes(later),
                minutes,
                room_id: match activity.as_str() {
                    "music" => hall(RoomKind::MusicHall),
                    "physical" => hall(RoomKind::Gym),
                    _ => None,
                },
                activity,
                educator_id: Some(educator.id),
            })
            .collect();
        self.commands.push(Command::SaveActivities {
            year_id: group.year_id,
            put,
            remove: Vec::new(),
        });
    }

    fn assign(&mut self, year: Uuid, group: Uuid, subject: Option<&str>, teacher: &Person) {
        let assignment = Assignment {
            id: (self.new_id)(),
            year_id: year,
            group_id: group,
            subject: subject.map(Into::into),
            teacher_id: teacher.id,
            subgroup: None,
            hours: None,
        };
        self.commands.push(Command::Assign(assignment));
    }

    /// A parent of the given pupils, with the links that let the parent's account see them.
    fn parent(&mut self, children: &[&Person], year: i32) -> Person {
        let born_from = NaiveDate::from_ymd_opt(year - 45, 1, 1).expect("a calendar date");
        let mut parent = self.person(PersonKind::Parent, NameStyle::Kazakh, born_from, 365 * 12);
        parent.last_name = children[0].last_name.clone();
        self.commands.push(Command::SavePerson(parent.clone()));
        for child in children {
            let link = Guardianship {
                id: (self.new_id)(),
                parent_id: parent.id,
                child_id: child.id,
            };
            self.commands.push(Command::LinkGuardian(link));
        }
        parent
    }

    /// Three lessons a week of one class and subject from the term's start to today, with
    /// attendance, formative marks and one СОр every third week; today's lesson is left unmarked
    /// for the teacher to take.
    /// The journals as a school that started with Dala today has them: every class's lessons from
    /// today to the end of the term by its timetable, and, written up since the term began, the
    /// demo teacher's mathematics: topics, homework, a СОр every ninth lesson, attendance and marks.
    fn journals(
        &mut self,
        week: &[TimetableLesson],
        classes: &[(Class, Vec<Uuid>)],
        term: &Term,
        today: NaiveDate,
        written: &[Uuid],
    ) {
        for (class, pupils) in classes {
            let of_class: Vec<TimetableLesson> = week
                .iter()
                .filter(|l| l.class_id == class.id)
                .cloned()
                .collect();
            if of_class.is_empty() {
                continue;
            }
            let keeps = written.contains(&class.id);
            let from = if keeps {
                term.starts
            } else {
                today.max(term.starts)
            };
            let days = standard_week().days;
            let planned: Vec<Lesson> =
                journal_plan::planned(&of_class, term, from, days, &mut *self.new_id)
                    .into_iter()
                    .filter(|l| l.date >= today || l.subject == "mathematics")
                    .collect();
            self.commands.push(Command::FollowTimetable {
                class_id: class.id,
                term_id: term.id,
                from,
                planned: planned.clone(),
            });
            if keeps {
                let past = planned.into_iter().filter(|l| l.date < today);
                for (n, lesson) in past.enumerate() {
                    self.write_up(class, lesson, n, pupils);
                }
            }
        }
    }

    /// One past lesson written up by its teacher: a topic, homework, attendance and marks; every
    /// ninth is a СОр.
    fn write_up(&mut self, class: &Class, lesson: Lesson, n: usize, pupils: &[Uuid]) {
        let sor = n % 9 == 8;
        let lesson = Lesson {
            topic: Some(format!("§{}", n + 1)),
            homework: Some(format!("§{}, № {}", n + 1, 100 + n)),
            kind: if sor {
                LessonKind::Sor
            } else {
                LessonKind::Ordinary
            },
            max_score: sor.then_some(20),
            ..lesson
        };
        self.commands.push(Command::SaveLesson {
            lesson: lesson.clone(),
            by: Acting::Supervisor,
        });
        let cells = pupils
            .iter()
            .filter_map(|&student| {
                let absent = self.rng.gen_bool(0.06);
                let marked = sor || self.rng.gen_bool(0.35);
                let mark = match (absent, sor) {
                    (true, _) => Mark {
                        attendance: Some(Attendance::Absent),
                        score: None,
                    },
                    (false, true) => Mark {
                        attendance: None,
                        score: Some(self.rng.gen_range(8..=20)),
                    },
                    (false, false) if marked => Mark {
                        attendance: None,
                        score: Some(self.rng.gen_range(5..=10)),
                    },
                    _ => return None,
                };
                Some(CellEdit {
                    lesson_id: lesson.id,
                    student_id: student,
                    mark,
                    comment: None,
                })
            })
            .collect();
        self.commands.push(Command::SaveMarks {
            class_id: class.id,
            term_id: lesson.term_id,
            subject: lesson.subject.clone(),
            cells,
            taken: vec![lesson.id],
            by: Acting::Supervisor,
        });
    }

    /// This month's register of a group up to yesterday: a few children away each day.
    fn presence(&mut self, group: Uuid, children: &[Person], today: NaiveDate) {
        let month = register::month_of(today);
        for day in register::working_days(month)
            .into_iter()
            .filter(|d| *d < today)
        {
            let cells = children
                .iter()
                .filter_map(|child| {
                    let presence = match self.rng.gen_range(0..100) {
                        0..=5 => Presence::Ill,
                        6..=7 => Presence::Vacation,
                        8..=9 => Presence::Excused,
                        10 => Presence::Absent,
                        _ => return None,
                    };
                    Some(PresenceEdit {
                        date: day,
                        child_id: child.id,
                        presence: Some(presence),
                    })
                })
                .collect();
            self.commands.push(Command::SavePresence {
                group_id: group,
                month,
                cells,
                taken: vec![day],
                by: Acting::Supervisor,
            });
        }
    }

    fn pupils(
        &mut self,
        kind: PersonKind,
        count: usize,
        style_of: impl Fn(&mut R) -> NameStyle,
        born_from: NaiveDate,
        year: &AcademicYear,
        group: Uuid,
    ) -> Vec<Person> {
        (0..count)
            .map(|_| {
                let style = style_of(self.rng);
                let person = self.person(kind, style, born_from, 365);
                let enrolment = Enrolment {
                    id: (self.new_id)(),
                    year_id: year.id,
                    person_id: person.id,
                    group_id: group,
                    from: year.starts,
                    to: None,
                };
                self.commands.push(Command::SavePerson(person.clone()));
                self.commands.push(Command::Enrol(enrolment));
                person
            })
            .collect()
    }
}

fn account(id: Uuid, login: &str, role: Role, person: Option<&Person>) -> Account {
    Account {
        id,
        login: login.into(),
        role,
        person_id: person.map(|p| p.id),
        lang: "kk".into(),
        must_change_password: false,
        totp_secret: None,
    }
}

/// A rural region and one of its districts from the reference data.
fn place() -> (Option<String>, Option<String>) {
    let district = reference::REGIONS
        .iter()
        .filter_map(|r| reference::districts_of(r.code).next())
        .next();
    (
        district.map(|d| d.region.to_string()),
        district.map(|d| d.code.to_string()),
    )
}

const SUBJECTS: [(&str, usize); 14] = [
    ("primary_school", 8),
    ("kazakh_language", 3),
    ("russian_language", 3),
    ("english", 3),
    ("mathematics", 4),
    ("physics", 1),
    ("chemistry", 1),
    ("biology", 2),
    ("geography", 1),
    ("history", 3),
    ("informatics", 1),
    ("physical_education", 4),
    ("music", 1),
    ("art_work", 1),
];

/// The staff specialty that teaches a curriculum subject from grade 5 (and the specialists'
/// subjects in grades 1–4).
fn specialty(subject: &str) -> &'static str {
    match subject {
        "kazakh_language" | "kazakh_literature" | "kazakh_language_literature" => "kazakh_language",
        "russian_language" | "russian_literature" | "russian_language_literature" => {
            "russian_language"
        }
        "english" => "english",
        "physics" => "physics",
        "chemistry" => "chemistry",
        "biology" | "natural_science" => "biology",
        "geography" => "geography",
        "history" | "world_history" | "law_basics" | "self_knowledge" | "knowing_the_world" => {
            "history"
        }
        "informatics" | "digital_literacy" | "graphics_design" => "informatics",
        "physical_education" | "military_training" => "physical_education",
        "music" => "music",
        "art_work" => "art_work",
        _ => "mathematics",
    }
}

/// What a primary class's own teacher teaches: all but the other language, English, physical
/// education and music.
fn primary_teaches(subject: &str, class_language: Language) -> bool {
    match subject {
        "kazakh_language" => class_language == Language::Kazakh,
        "russian_language" => class_language == Language::Russian,
        "english" | "physical_education" | "music" => false,
        _ => true,
    }
}

/// `org_id` is the organisation the store was set up with; the demo fills it in.
pub fn school(
    org_id: Uuid,
    today: NaiveDate,
    rng: &mut impl Rng,
    new_id: &mut dyn FnMut() -> Uuid,
) -> Demo {
    let start_year = year::start_year_of(today);
    let mut b = Builder {
        rng,
        new_id,
        iins: HashSet::new(),
        commands: Vec::new(),
    };
    let (region, district) = place();
    let org = Organisation {
        id: org_id,
        kind: OrgKind::School,
        name: "Қарабұлақ жалпы білім беретін мектебі".into(),
        bin: generate_bin(2004, 9, 11_207).or_else(|| generate_bin(2004, 9, 11_208)),
        region,
        district,
        languages: vec![Language::Kazakh, Language::Russian],
    };
    b.commands.push(Command::SetOrganisation(org));
    let (year, terms) = year::standard_school_year(start_year, &mut *b.new_id);
    b.commands.push(Command::AddYear {
        year: year.clone(),
        terms: terms.clone(),
    });

    let director = b.staff("director", None, NameStyle::Kazakh, start_year);
    let deputy = b.staff("deputy_director", None, NameStyle::Kazakh, start_year);
    b.staff("deputy_director", None, NameStyle::Russian, start_year);
    let methodist = b.staff("methodist", None, NameStyle::Kazakh, start_year);
    let tutor = b.staff("tutor", None, NameStyle::Kazakh, start_year);
    b.staff("psychologist", None, NameStyle::Russian, start_year);
    b.staff("librarian", None, NameStyle::Kazakh, start_year);
    let mut teachers = Vec::new();
    for (subject, count) in SUBJECTS {
        for i in 0..count {
            let style = if i % 3 == 2 {
                NameStyle::Russian
            } else {
                NameStyle::Kazakh
            };
            teachers.push(b.staff("teacher", Some(subject), style, start_year));
        }
    }

    let mut students = Vec::new();
    let mut classes = Vec::new();
    for grade in 0..=11i64 {
        let born_from =
            NaiveDate::from_ymd_opt(start_year - 6 - grade as i32, 9, 1).expect("a calendar date");
        for (letter, language) in [("А", Language::Kazakh), ("Б", Language::Russian)] {
            if grade == 0 && language == Language::Russian {
                continue;
            }
            let class = Class {
                id: (b.new_id)(),
                year_id: year.id,
                grade,
                letter: letter.into(),
                language,
            };
            b.commands.push(Command::AddClass(class.clone()));
            let (count, kazakh_share) = match language {
                Language::Kazakh => (b.rng.gen_range(12..=16), 0.95),
                Language::Russian => (b.rng.gen_range(10..=14), 0.3),
            };
            let style_of = |rng: &mut _| {
                if Rng::gen_bool(rng, kazakh_share) {
                    NameStyle::Kazakh
                } else {
                    NameStyle::Russian
                }
            };
            let pupils = b.pupils(
                PersonKind::Student,
                count,
                style_of,
                born_from,
                &year,
                class.id,
            );
            classes.push((class, pupils.iter().map(|p| p.id).collect::<Vec<_>>()));
            students.extend(pupils);
        }
    }
    let by_subject = |code: &str| -> Vec<Person> {
        teachers
            .iter()
            .filter(|t| t.subject.as_deref() == Some(code))
            .cloned()
            .collect()
    };
    // Every class is taught its curriculum: a primary class by its own class teacher, apart from
    // the subjects specialists teach; from grade 5 each subject by a teacher of its specialty, a
    // class keeping one teacher per specialty (algebra and geometry with the same one).
    let primary = by_subject("primary_school");
    let mut demo_journals = Vec::new();
    let mut turn: HashMap<&str, usize> = HashMap::new();
    let mut primary_turn = 0;
    for (class, pupils) in classes.iter().filter(|(c, _)| c.grade >= 1) {
        let class_teacher = (class.grade <= 4).then(|| {
            primary_turn += 1;
            &primary[(primary_turn - 1) % primary.len()]
        });
        let mut chosen: HashMap<&str, usize> = HashMap::new();
        for planned in curriculum::standard_plan(class.language).subjects(class.grade) {
            let subject = planned.subject.as_str();
            let teacher = match class_teacher {
                Some(t) if primary_teaches(subject, class.language) => t,
                _ => {
                    let specialty = specialty(subject);
                    let staff: Vec<&Person> = teachers
                        .iter()
                        .filter(|t| t.subject.as_deref() == Some(specialty))
                        .collect();
                    let n = *chosen.entry(specialty).or_insert_with(|| {
                        // Mathematics of grades 5–6 is the demo teacher's, whose journals are
                        // filled; the other mathematics teachers share the upper grades.
                        let shared = usize::from(specialty == "mathematics");
                        if shared == 1 && class.grade <= 6 {
                            return 0;
                        }
                        let next = turn.entry(specialty).or_default();
                        *next += 1;
                        shared + (*next - 1) % (staff.len() - shared)
                    });
                    staff[n]
                }
            };
            b.assign(year.id, class.id, Some(subject), teacher);
            if subject == "mathematics" && class.grade >= 5 {
                demo_journals.push((class.clone(), pupils.clone(), teacher.id));
            }
        }
    }
    let rooms = b.rooms(
        year.id,
        &[
            ("Информатика кабинеті", RoomKind::ComputerLab, 16),
            ("Спорт залы", RoomKind::Gym, 0),
        ],
    );
    let week = b.timetable(year.id, &classes, &teachers, &rooms);
    let math = by_subject("mathematics");
    // The journals follow the timetable in the current term (or the next one, in the holidays).
    let term = terms
        .iter()
        .find(|t| t.starts <= today && today <= t.ends)
        .or_else(|| terms.iter().find(|t| t.starts > today));
    if let Some(term) = term {
        let written: Vec<Uuid> = demo_journals.iter().map(|(c, _, _)| c.id).collect();
        b.journals(&week, &classes, term, today, &written);
    }
    let family: Vec<&Person> = students
        .get(40)
        .into_iter()
        .chain(students.get(41))
        .collect();
    let parent = (!family.is_empty()).then(|| b.parent(&family, start_year));

    let mut ids = || (b.new_id)();
    let accounts = vec![
        account(ids(), "director", Role::Director, Some(&director)),
        account(ids(), "deputy", Role::DeputyDirector, Some(&deputy)),
        account(ids(), "teacher", Role::Teacher, math.first()),
        account(ids(), "teacher2", Role::Teacher, teachers.get(4)),
        account(ids(), "methodist", Role::Methodist, Some(&methodist)),
        account(ids(), "tutor", Role::Tutor, Some(&tutor)),
        account(ids(), "student", Role::Student, students.get(40)),
        account(ids(), "student2", Role::Student, students.get(200)),
        account(ids(), "parent", Role::Parent, parent.as_ref()),
    ];
    Demo {
        commands: b.commands,
        accounts,
    }
}

/// Age groups of a kindergarten: name, ages, norm of places, language.
const GROUPS: [(&str, i64, i64, i64, Language); 6] = [
    ("Бөбек", 1, 2, 15, Language::Kazakh),
    ("Балапан", 2, 3, 20, Language::Kazakh),
    ("Құлыншақ", 3, 4, 25, Language::Kazakh),
    ("Солнышко", 3, 4, 25, Language::Russian),
    ("Ботақан", 4, 5, 25, Language::Kazakh),
    ("Айгөлек", 5, 6, 25, Language::Kazakh),
];

pub fn kindergarten(
    org_id: Uuid,
    today: NaiveDate,
    rng: &mut impl Rng,
    new_id: &mut dyn FnMut() -> Uuid,
) -> Demo {
    let start_year = year::start_year_of(today);
    let mut b = Builder {
        rng,
        new_id,
        iins: HashSet::new(),
        commands: Vec::new(),
    };
    let (region, district) = place();
    let org = Organisation {
        id: org_id,
        kind: OrgKind::Kindergarten,
        name: "«Балбөбек» бөбекжай-бақшасы".into(),
        bin: generate_bin(2011, 3, 40_512).or_else(|| generate_bin(2011, 3, 40_513)),
        region,
        district,
        languages: vec![Language::Kazakh, Language::Russian],
    };
    b.commands.push(Command::SetOrganisation(org));
    let year = year::kindergarten_year(start_year, (b.new_id)());
    b.commands.push(Command::AddYear {
        year: year.clone(),
        terms: Vec::new(),
    });

    let head = b.staff("head", None, NameStyle::Kazakh, start_year);
    let methodist = b.staff("methodist", None, NameStyle::Kazakh, start_year);
    b.staff("nurse", None, NameStyle::Russian, start_year);
    b.staff("music_director", None, NameStyle::Kazakh, start_year);
    let mut educators = Vec::new();
    let mut children = Vec::new();
    let halls = b.rooms(
        year.id,
        &[
            ("Музыка залы", RoomKind::MusicHall, 30),
            ("Спорт залы", RoomKind::Gym, 30),
        ],
    );
    let mut later = 0;
    for (name, age_from, age_to, norm, language) in GROUPS {
        let group = AgeGroup {
            id: (b.new_id)(),
            year_id: year.id,
            name: name.into(),
            age_from,
            age_to,
            norm_places: norm,
            language,
        };
        b.commands.push(Command::AddAgeGroup(group.clone()));
        let style = if language == Language::Kazakh {
            NameStyle::Kazakh
        } else {
            NameStyle::Russian
        };
        let educator = b.staff("educator", None, style, start_year);
        let second = b.staff("educator", None, style, start_year);
        b.assign(year.id, group.id, None, &educator);
        b.assign(year.id, group.id, None, &second);
        // Every group follows its age's standard week, each half an hour after the one before,
        // so the halls are free when a group comes.
        b.activities(&group, &halls, &educator, later);
        later += 30;
        educators.push(educator);
        let born_from = NaiveDate::from_ymd_opt(start_year - 1 - age_from as i32, 9, 1)
            .expect("a calendar date");
        let count = (norm - b.rng.gen_range(1..=4)) as usize;
        let kazakh_share = if language == Language::Kazakh {
            0.95
        } else {
            0.4
        };
        let style_of = |rng: &mut _| {
            if Rng::gen_bool(rng, kazakh_share) {
                NameStyle::Kazakh
            } else {
                NameStyle::Russian
            }
        };
        let group_children = b.pupils(
            PersonKind::Child,
            count,
            style_of,
            born_from,
            &year,
            group.id,
        );
        b.presence(group.id, &group_children, today);
        children.extend(group_children);
    }
    let family: Vec<&Person> = children.first().into_iter().collect();
    let parent = (!family.is_empty()).then(|| b.parent(&family, start_year));

    let mut ids = || (b.new_id)();
    let accounts = vec![
        account(ids(), "head", Role::Head, Some(&head)),
        account(ids(), "methodist", Role::Methodist, Some(&methodist)),
        account(ids(), "educator", Role::Educator, educators.first()),
        account(ids(), "educator2", Role::Educator, educators.get(1)),
        account(ids(), "parent", Role::Parent, parent.as_ref()),
    ];
    Demo {
        commands: b.commands,
        accounts,
    }
}
