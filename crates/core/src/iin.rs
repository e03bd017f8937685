//! The individual identification number (ИИН): YYMMDD, a century-and-sex digit, four serial
//! digits and a check digit. NOBD keys its records by it, so a typo must be caught at entry.
//! The business identification number (БИН) of an organisation shares the check digit.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::CoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sex {
    #[serde(rename = "m")]
    Male,
    #[serde(rename = "f")]
    Female,
}

impl Sex {
    pub fn code(self) -> &'static str {
        match self {
            Sex::Male => "m",
            Sex::Female => "f",
        }
    }

    pub fn from_code(code: &str) -> Option<Sex> {
        match code {
            "m" => Some(Sex::Male),
            "f" => Some(Sex::Female),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Iin(String);

impl Iin {
    pub fn parse(text: &str) -> Result<Iin, CoreError> {
        let digits = digits12(text).ok_or(CoreError::IinFormat)?;
        if !(1..=6).contains(&digits[6]) {
            return Err(CoreError::IinCentury);
        }
        birth_date_of(&digits).ok_or(CoreError::IinDate)?;
        if check_digit(&digits) != Some(digits[11]) {
            return Err(CoreError::IinChecksum);
        }
        Ok(Iin(text.trim().to_string()))
    }

    /// The IIN a person born on `birth` with this serial would get, or `None` for the serials
    /// the registry never issues (both weight sequences give 10).
    pub fn generate(birth: NaiveDate, sex: Sex, serial: u16) -> Option<Iin> {
        let century = match birth.year() {
            1800..=1899 => 1,
            1900..=1999 => 3,
            2000..=2099 => 5,
            _ => return None,
        } + u8::from(sex == Sex::Female);
        let head = format!(
            "{:02}{:02}{:02}{}{:04}",
            birth.year() % 100,
            birth.month(),
            birth.day(),
            century,
            serial % 10_000
        );
        let mut digits = [0u8; 12];
        for (d, c) in digits.iter_mut().zip(head.bytes()) {
            *d = c - b'0';
        }
        let check = check_digit(&digits)?;
        Some(Iin(format!("{head}{check}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn birth_date(&self) -> NaiveDate {
        let digits = digits12(&self.0).expect("an Iin holds 12 digits");
        birth_date_of(&digits).expect("an Iin holds a valid date")
    }

    pub fn sex(&self) -> Sex {
        if self.0.as_bytes()[6] % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    }
}

impl TryFrom<String> for Iin {
    type Error = CoreError;
    fn try_from(text: String) -> Result<Iin, CoreError> {
        Iin::parse(&text)
    }
}

impl From<Iin> for String {
    fn from(iin: Iin) -> String {
        iin.0
    }
}

impl std::fmt::Display for Iin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A BIN: YYMM of registration, the kind of entity, its attribute, five serial digits, check digit.
pub fn validate_bin(text: &str) -> Result<(), CoreError> {
    let digits = digits12(text).ok_or(CoreError::BinInvalid)?;
    let month = digits[2] * 10 + digits[3];
    if !(1..=12).contains(&month) || !(4..=6).contains(&digits[4]) {
        return Err(CoreError::BinInvalid);
    }
    if check_digit(&digits) != Some(digits[11]) {
        return Err(CoreError::BinInvalid);
    }
    Ok(())
}

/// A BIN of a resident legal entity registered in `year`/`month` with this serial, if valid.
pub fn generate_bin(year: i32, month: u32, serial: u32) -> Option<String> {
    let head = format!("{:02}{:02}40{:05}", year % 100, month, serial % 100_000);
    let mut digits = [0u8; 12];
    for (d, c) in digits.iter_mut().zip(head.bytes()) {
        *d = c - b'0';
    }
    Some(format!("{head}{}", check_digit(&digits)?))
}

fn digits12(text: &str) -> Option<[u8; 12]> {
    let text = text.trim();
    if text.len() != 12 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut digits = [0u8; 12];
    for (d, c) in digits.iter_mut().zip(text.bytes()) {
        *d = c - b'0';
    }
    Some(digits)
}

fn birth_date_of(d: &[u8; 12]) -> Option<NaiveDate> {
    let century = match d[6] {
        1 | 2 => 1800,
        3 | 4 => 1900,
        5 | 6 => 2000,
        _ => return None,
    };
    let year = century + i32::from(d[0] * 10 + d[1]);
    NaiveDate::from_ymd_opt(
        year,
        u32::from(d[2] * 10 + d[3]),
        u32::from(d[4] * 10 + d[5]),
    )
}

/// Weights 1..11 first; when that gives 10, weights 3..11,1,2; when that gives 10 too the number
/// is never issued.
fn check_digit(d: &[u8; 12]) -> Option<u8> {
    const FIRST: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const SECOND: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
    let sum = |w: &[u32; 11]| (0..11).map(|i| u32::from(d[i]) * w[i]).sum::<u32>() % 11;
    let first = sum(&FIRST);
    if first != 10 {
        return Some(first as u8);
    }
    let second = sum(&SECOND);
    (second != 10).then_some(second as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_number_worked_by_hand_is_valid() {
        // 950701 3 0123 ?: 9·1+5·2+0·3+7·4+0·5+1·6+3·7+0·8+1·9+2·10+3·11 = 136; 136 mod 11 = 4.
        let iin = Iin::parse("950701301234").unwrap();
        assert_eq!(iin.birth_date(), date(1995, 7, 1));
        assert_eq!(iin.sex(), Sex::Male);
    }

    #[test]
    fn the_second_weight_sequence_is_used_when_the_first_gives_ten() {
        // Find a serial whose first sum is 10 and check that the generator used the second.
        let found = (0..10_000u16).find_map(|serial| {
            let head = format!("0803156{serial:04}");
            let d: Vec<u32> = head.bytes().map(|b| u32::from(b - b'0')).collect();
            let first: u32 = (0..11).map(|i| d[i] * (i as u32 + 1)).sum::<u32>() % 11;
            let w2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
            let second: u32 = (0..11).map(|i| d[i] * w2[i]).sum::<u32>() % 11;
            (first == 10 && second != 10).then_some((serial, second))
        });
        let (serial, second) = found.expect("some serial needs the second sequence");
        let iin = Iin::generate(date(2008, 3, 15), Sex::Female, serial).unwrap();
        assert_eq!(iin.as_str().as_bytes()[11] - b'0', second as u8);
        assert!(Iin::parse(iin.as_str()).is_ok());
    }

    #[test]
    fn generated_numbers_round_trip_their_date_and_sex() {
        for (birth, sex) in [
            (date(2015, 2, 28), Sex::Female),
            (date(1999, 12, 31), Sex::Male),
            (date(2000, 1, 1), Sex::Female),
            (date(1880, 6, 5), Sex::Male),
        ] {
            let iin = (0..20).find_map(|s| Iin::generate(birth, sex, s)).unwrap();
            let parsed = Iin::parse(iin.as_str()).unwrap();
            assert_eq!((parsed.birth_date(), parsed.sex()), (birth, sex));
        }
    }

    #[test]
    fn each_kind_of_bad_number_has_its_own_error() {
        assert_eq!(Iin::parse("95070130123"), Err(CoreError::IinFormat));
        assert_eq!(Iin::parse("9507013012345"), Err(CoreError::IinFormat));
        assert_eq!(Iin::parse("95070130123a"), Err(CoreError::IinFormat));
        assert_eq!(Iin::parse("950701701234"), Err(CoreError::IinCentury));
        assert_eq!(Iin::parse("950701001234"), Err(CoreError::IinCentury));
        assert_eq!(Iin::parse("950231301234"), Err(CoreError::IinDate));
        assert_eq!(Iin::parse("950701301235"), Err(CoreError::IinChecksum));
    }

    #[test]
    fn bins_validate_their_check_digit_and_kind() {
        let bin = generate_bin(2004, 9, 1234).unwrap();
        assert_eq!(validate_bin(&bin), Ok(()));
        let mut wrong = bin.clone().into_bytes();
        wrong[11] = b'0' + (wrong[11] - b'0' + 1) % 10;
        assert_eq!(
            validate_bin(std::str::from_utf8(&wrong).unwrap()),
            Err(CoreError::BinInvalid)
        );
        assert_eq!(validate_bin("041390001234"), Err(CoreError::BinInvalid));
    }
}
