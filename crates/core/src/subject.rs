//! The subject catalogue: a code (`mathematics`) that documents and projections keep, and its name
//! in each interface language. The standard subjects of the curriculum ship here as reference data;
//! a school's own catalogue (issue: curriculum) extends it.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subject {
    pub code: &'static str,
    pub kk: &'static str,
    pub ru: &'static str,
    pub en: &'static str,
}

impl Subject {
    /// The name in a language given by its code (`kk`, `ru`, `en`); Kazakh otherwise.
    pub fn name(&self, lang: &str) -> &'static str {
        match lang {
            "ru" => self.ru,
            "en" => self.en,
            _ => self.kk,
        }
    }
}

const fn s(code: &'static str, kk: &'static str, ru: &'static str, en: &'static str) -> Subject {
    Subject { code, kk, ru, en }
}

pub const SUBJECTS: &[Subject] = &[
    s(
        "kazakh_language",
        "Қазақ тілі",
        "Казахский язык",
        "Kazakh language",
    ),
    s(
        "kazakh_literature",
        "Қазақ әдебиеті",
        "Казахская литература",
        "Kazakh literature",
    ),
    s(
        "russian_language",
        "Орыс тілі",
        "Русский язык",
        "Russian language",
    ),
    s(
        "russian_literature",
        "Орыс әдебиеті",
        "Русская литература",
        "Russian literature",
    ),
    s("english", "Ағылшын тілі", "Английский язык", "English"),
    s("literacy", "Сауат ашу", "Обучение грамоте", "Literacy"),
    s("mathematics", "Математика", "Математика", "Mathematics"),
    s("algebra", "Алгебра", "Алгебра", "Algebra"),
    s("geometry", "Геометрия", "Геометрия", "Geometry"),
    s(
        "natural_science",
        "Жаратылыстану",
        "Естествознание",
        "Natural science",
    ),
    s("physics", "Физика", "Физика", "Physics"),
    s("chemistry", "Химия", "Химия", "Chemistry"),
    s("biology", "Биология", "Биология", "Biology"),
    s("geography", "География", "География", "Geography"),
    s(
        "history",
        "Қазақстан тарихы",
        "История Казахстана",
        "History of Kazakhstan",
    ),
    s(
        "world_history",
        "Дүниежүзі тарихы",
        "Всемирная история",
        "World history",
    ),
    s("informatics", "Информатика", "Информатика", "Informatics"),
    s(
        "digital_literacy",
        "Цифрлық сауаттылық",
        "Цифровая грамотность",
        "Digital literacy",
    ),
    s(
        "physical_education",
        "Дене шынықтыру",
        "Физическая культура",
        "Physical education",
    ),
    s("music", "Музыка", "Музыка", "Music"),
    s(
        "art_work",
        "Көркем еңбек",
        "Художественный труд",
        "Art and work",
    ),
    s(
        "self_knowledge",
        "Өзін-өзі тану",
        "Самопознание",
        "Self-knowledge",
    ),
    s(
        "primary_school",
        "Бастауыш сынып",
        "Начальные классы",
        "Primary school",
    ),
    s(
        "literary_reading",
        "Әдебиеттік оқу",
        "Литературное чтение",
        "Literary reading",
    ),
    s(
        "knowing_the_world",
        "Дүниетану",
        "Познание мира",
        "Knowing the world",
    ),
    s(
        "kazakh_language_literature",
        "Қазақ тілі мен әдебиеті",
        "Казахский язык и литература",
        "Kazakh language and literature",
    ),
    s(
        "russian_language_literature",
        "Орыс тілі мен әдебиеті",
        "Русский язык и литература",
        "Russian language and literature",
    ),
    s(
        "law_basics",
        "Құқық негіздері",
        "Основы права",
        "Foundations of law",
    ),
    s(
        "military_training",
        "Алғашқы әскери және технологиялық дайындық",
        "Начальная военная и технологическая подготовка",
        "Basic military and technological training",
    ),
    s(
        "graphics_design",
        "Графика және жобалау",
        "Графика и проектирование",
        "Graphics and design",
    ),
    s(
        "elective_course",
        "Таңдау курсы",
        "Курс по выбору",
        "Elective course",
    ),
];

pub fn subject(code: &str) -> Option<&'static Subject> {
    SUBJECTS.iter().find(|s| s.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_every_name_is_given() {
        for (i, a) in SUBJECTS.iter().enumerate() {
            assert!(
                SUBJECTS[i + 1..].iter().all(|b| b.code != a.code),
                "{}",
                a.code
            );
            assert!(!a.kk.is_empty() && !a.ru.is_empty() && !a.en.is_empty());
        }
        assert_eq!(
            subject("mathematics").map(|s| s.name("ru")),
            Some("Математика")
        );
        assert_eq!(
            subject("history").map(|s| s.name("kk")),
            Some("Қазақстан тарихы")
        );
        assert!(subject("alchemy").is_none());
    }
}
