//! A realistic demo organisation for trying Dala and for tests: a rural school of about 300
//! pupils in Kazakh- and Russian-language classes, or a kindergarten with its age groups. Names
//! are drawn from the pools of `demo_names`; every IIN is valid and agrees with its person.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};
use rand::Rng;
use uuid::Uuid;

use crate::account::{Account, Role};
use crate::command::Command;
use crate::demo_names::{NameStyle, full_name};
use crate::enrolment::Enrolment;
use crate::group::{AgeGroup, Class};
use crate::iin::{Iin, Sex, generate_bin};
use crate::org::{Language, OrgKind, Organisation};
use crate::person::{Person, PersonKind};
use crate::reference;
use crate::year::{self, AcademicYear};

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
    ("primary_school", 4),
    ("kazakh_language", 3),
    ("russian_language", 2),
    ("english", 2),
    ("mathematics", 3),
    ("physics", 1),
    ("chemistry", 1),
    ("biology", 1),
    ("geography", 1),
    ("history", 1),
    ("informatics", 1),
    ("physical_education", 2),
    ("music", 1),
    ("art_work", 1),
];

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
        terms,
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
            students.extend(b.pupils(
                PersonKind::Student,
                count,
                style_of,
                born_from,
                &year,
                class.id,
            ));
        }
    }

    let mut ids = || (b.new_id)();
    let accounts = vec![
        account(ids(), "director", Role::Director, Some(&director)),
        account(ids(), "deputy", Role::DeputyDirector, Some(&deputy)),
        account(ids(), "teacher", Role::Teacher, teachers.first()),
        account(ids(), "teacher2", Role::Teacher, teachers.get(4)),
        account(ids(), "methodist", Role::Methodist, Some(&methodist)),
        account(ids(), "tutor", Role::Tutor, Some(&tutor)),
        account(ids(), "student", Role::Student, students.get(40)),
        account(ids(), "student2", Role::Student, students.get(200)),
        account(ids(), "parent", Role::Parent, None),
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
        educators.push(b.staff("educator", None, style, start_year));
        b.staff("educator", None, style, start_year);
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
        children.extend(b.pupils(
            PersonKind::Child,
            count,
            style_of,
            born_from,
            &year,
            group.id,
        ));
    }

    let mut ids = || (b.new_id)();
    let accounts = vec![
        account(ids(), "head", Role::Head, Some(&head)),
        account(ids(), "methodist", Role::Methodist, Some(&methodist)),
        account(ids(), "educator", Role::Educator, educators.first()),
        account(ids(), "educator2", Role::Educator, educators.get(1)),
        account(ids(), "parent", Role::Parent, None),
    ];
    Demo {
        commands: b.commands,
        accounts,
    }
}
