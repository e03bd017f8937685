//! The school's or kindergarten's rooms that the week is planned in: the ones a lesson or an
//! activity needs by kind (a computer lab, the gym, the music hall), which two groups may not use
//! at once.

use serde::Serialize;
use uuid::Uuid;

use crate::error::CoreError;
use crate::record::{Collection, DocKey, Entity, Fields, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RoomKind {
    Classroom,
    ComputerLab,
    Gym,
    MusicHall,
}

impl RoomKind {
    pub const ALL: [RoomKind; 4] = [
        RoomKind::Classroom,
        RoomKind::ComputerLab,
        RoomKind::Gym,
        RoomKind::MusicHall,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RoomKind::Classroom => "classroom",
            RoomKind::ComputerLab => "computer_lab",
            RoomKind::Gym => "gym",
            RoomKind::MusicHall => "music_hall",
        }
    }

    pub fn from_code(code: &str) -> Option<RoomKind> {
        RoomKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Room {
    pub id: Uuid,
    pub year_id: Uuid,
    /// As the school calls it: "Информатика кабинеті 2", "Музыка залы".
    pub name: String,
    /// Seats; 0 when nobody counted them.
    pub capacity: u32,
    pub kind: RoomKind,
}

impl Room {
    pub fn validate(&self) -> Result<(), CoreError> {
        if self.name.trim().is_empty() {
            return Err(CoreError::RoomNameRequired);
        }
        Ok(())
    }
}

impl Entity for Room {
    const COLLECTION: Collection = Collection::Rooms;

    fn id(&self) -> Uuid {
        self.id
    }

    fn doc(&self) -> DocKey {
        DocKey::Timetable(self.year_id)
    }

    fn fields(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("year_id", self.year_id.into()),
            ("name", self.name.clone().into()),
            ("capacity", i64::from(self.capacity).into()),
            ("kind", self.kind.code().into()),
        ]
    }

    fn from_fields(id: Uuid, fields: &Fields) -> Result<Self, CoreError> {
        let r = Self::reader(fields);
        Ok(Room {
            id,
            year_id: r.parse("year_id")?,
            name: r.text("name")?,
            capacity: r.small("capacity")?,
            kind: r.code("kind", RoomKind::from_code)?,
        })
    }
}
