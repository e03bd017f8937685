//! The organisation: a school or a kindergarten, placed in the region and district of the
//! reference data (order 503's hierarchy), identified by its BIN.

use uuid::Uuid;

use crate::error::CoreError;
use crate::iin::validate_bin;
use crate::record::{Collection, DocKey, Entity, Fields, Value};
use crate::reference;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrgKind {
    School,
    Kindergarten,
}

impl OrgKind {
    pub fn code(self) -> &'static str {
        match self {
            OrgKind::School => "school",
            OrgKind::Kindergarten => "kindergarten",
        }
    }

    pub fn from_code(code: &str) -> Option<OrgKind> {
        match code {
            "school" => Some(OrgKind::School),
            "kindergarten" => Some(OrgKind::Kindergarten),
            _ => None,
        }
    }
}

/// A language of instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    Kazakh,
    Russian,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Kazakh => "kk",
            Language::Russian => "ru",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        match code {
            "kk" => Some(Language::Kazakh),
            "ru" => Some(Language::Russian),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub id: Uuid,
    pub kind: OrgKind,
    pub name: String,
    pub bin: Option<String>,
    pub region: Option<String>,
    pub district: Option<String>,
    /// Languages of instruction; a mixed school teaches in both.
    pub languages: Vec<Language>,
}

impl Organisation {
    /// An organisation as first set up: only the kind and the name are known yet.
    pub fn new(id: Uuid, kind: OrgKind, name: &str) -> Organisation {
        Organisation {
            id,
            kind,
            name: name.trim().to_string(),
            bin: None,
            region: None,
            district: None,
            languages: vec![Language::Kazakh],
        }
    }

    pub fn validate(&self) -> Result<(), CoreError> {
        if self.name.trim().is_empty() {
            return Err(CoreError::OrgNameRequired);
        }
        if let Some(bin) = &self.bin {
            validate_bin(bin)?;
        }
        if let Some(code) = &self.region {
            reference::region(code).ok_or(CoreError::UnknownRegion { code: code.clone() })?;
        }
        if let Some(code) = &self.district {
            let district = reference::district(code)
                .ok_or(CoreError::UnknownDistrict { code: code.clone() })?;
            if self.region.as_deref() != Some(district.region) {
                return Err(CoreError::UnknownDistrict { code: code.clone() });
            }
        }
        Ok(())
    }
}

impl Entity for Organisation {
    const COLLECTION: Collection = Collection::Organisations;

    fn id(&self) -> Uuid {
        self.id
    }

    fn doc(&self) -> DocKey {
        DocKey::Org
    }

    fn fields(&self) -> Vec<(&'static str, Value)> {
        let languages: Vec<&str> = self.languages.iter().map(|l| l.code()).collect();
        vec![
            ("kind", self.kind.code().into()),
            ("name", self.name.clone().into()),
            ("bin", self.bin.clone().into()),
            ("region", self.region.clone().into()),
            ("district", self.district.clone().into()),
            ("languages", languages.join(",").into()),
        ]
    }

    fn from_fields(id: Uuid, fields: &Fields) -> Result<Self, CoreError> {
        let r = Self::reader(fields);
        let languages = r
            .text("languages")?
            .split(',')
            .filter(|c| !c.is_empty())
            .map(|c| Language::from_code(c).ok_or_else(|| r.invalid("languages")))
            .collect::<Result<_, _>>()?;
        Ok(Organisation {
            id,
            kind: r.code("kind", OrgKind::from_code)?,
            name: r.text("name")?,
            bin: r.opt_text("bin")?,
            region: r.opt_text("region")?,
            district: r.opt_text("district")?,
            languages,
        })
    }
}
