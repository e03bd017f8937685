//! The two embedded faces, DejaVu Sans and DejaVu Sans Bold, and everything the PDF needs of them:
//! measuring text for layout, encoding it as glyph ids, and writing each face as a subset CID font
//! (Type0 / CIDFontType2, Identity-H) with a ToUnicode map so the text can be searched and copied.
//!
//! Glyphs are renumbered as they are first used while the pages are laid out; the subset written at
//! the end holds exactly those glyphs, in that order, so a glyph's new id is also its CID.
//! Cyrillic, Kazakh and Latin need no shaping, so one character is one glyph.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use subsetter::GlyphRemapper;
use ttf_parser::{Face, GlyphId};

use super::compress;
use crate::ReportError;

// DejaVu (Bitstream Vera licence, fonts/LICENSE-DejaVu.txt); a subset keeps the font's name.
static REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

const IDENTITY: SystemInfo = SystemInfo {
    registry: Str(b"Adobe"),
    ordering: Str(b"Identity"),
    supplement: 0,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Weight {
    Regular,
    Bold,
}

pub(super) struct Fonts {
    pub regular: Embedded,
    pub bold: Embedded,
}

impl Fonts {
    pub fn load() -> Result<Self, ReportError> {
        Ok(Self {
            regular: Embedded::parse(REGULAR, "DejaVuSans", "DALAAA", b"F1")?,
            bold: Embedded::parse(BOLD, "DejaVuSans-Bold", "DALAAB", b"F2")?,
        })
    }

    pub fn get(&self, weight: Weight) -> &Embedded {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    pub fn get_mut(&mut self, weight: Weight) -> &mut Embedded {
        match weight {
            Weight::Regular => &mut self.regular,
            Weight::Bold => &mut self.bold,
        }
    }
}

pub(super) struct Embedded {
    /// The font's PostScript name.
    name: &'static str,
    /// Six capitals that mark the embedded font as a subset.
    tag: &'static str,
    /// The page resource name, `/F1` or `/F2`.
    pub resource: &'static [u8],
    data: &'static [u8],
    face: Face<'static>,
    units_per_em: f32,
    /// Stands in for characters the font lacks, so the page shows "?" rather than an empty box.
    question_mark: u16,
    remapper: GlyphRemapper,
    /// New glyph id → the character it is read back as.
    unicode: BTreeMap<u16, char>,
}

impl Embedded {
    fn parse(
        data: &'static [u8],
        name: &'static str,
        tag: &'static str,
        resource: &'static [u8],
    ) -> Result<Self, ReportError> {
        let face = Face::parse(data, 0).map_err(|e| ReportError::Font {
            font: name,
            reason: e.to_string(),
        })?;
        let units_per_em = f32::from(face.units_per_em().max(1));
        let question_mark = face.glyph_index('?').map_or(0, |g| g.0);
        Ok(Self {
            name,
            tag,
            resource,
            data,
            face,
            units_per_em,
            question_mark,
            remapper: GlyphRemapper::new(),
            unicode: BTreeMap::new(),
        })
    }

    /// The glyph a character is drawn with and the character it reads back as.
    fn glyph(&self, c: char) -> (u16, char) {
        match self.face.glyph_index(c) {
            Some(g) if g.0 != 0 => (g.0, c),
            _ => (self.question_mark, '?'),
        }
    }

    fn advance(&self, glyph: u16) -> f32 {
        f32::from(self.face.glyph_hor_advance(GlyphId(glyph)).unwrap_or(0)) / self.units_per_em
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.char_width(c, size)).sum()
    }

    pub fn char_width(&self, c: char, size: f32) -> f32 {
        self.advance(self.glyph(c).0) * size
    }

    /// `text` as the two-byte CIDs of the subset, recording each glyph for the subset and ToUnicode.
    pub fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let (glyph, reads_as) = self.glyph(c);
            let cid = self.remapper.remap(glyph);
            if glyph != 0 {
                self.unicode.entry(cid).or_insert(reads_as);
            }
            bytes.extend_from_slice(&cid.to_be_bytes());
        }
        bytes
    }

    /// Writes the Type0 font at `type0` and its descendant, descriptor, ToUnicode map and subset.
    pub fn write(&self, pdf: &mut Pdf, type0: Ref, alloc: &mut Ref) -> Result<(), ReportError> {
        let (cid_ref, descriptor_ref, cmap_ref, file_ref) =
            (alloc.bump(), alloc.bump(), alloc.bump(), alloc.bump());
        let base_font = format!("{}+{}", self.tag, self.name);
        let base_font = Name(base_font.as_bytes());

        pdf.type0_font(type0)
            .base_font(base_font)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid_ref)
            .to_unicode(cmap_ref);

        let mut cid = pdf.cid_font(cid_ref);
        cid.subtype(CidFontType::Type2)
            .base_font(base_font)
            .system_info(IDENTITY)
            .font_descriptor(descriptor_ref)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        let widths: Vec<f32> = self
            .remapper
            .remapped_gids()
            .map(|g| self.advance(g) * 1000.0)
            .collect();
        cid.widths().consecutive(0, widths);
        cid.finish();

        let em = |v: i16| f32::from(v) / self.units_per_em * 1000.0;
        let bbox = self.face.global_bounding_box();
        let ascent = em(self.face.ascender());
        let weight = f32::from(self.face.weight().to_number());
        pdf.font_descriptor(descriptor_ref)
            .name(base_font)
            .flags(FontFlags::SYMBOLIC)
            .bbox(Rect::new(
                em(bbox.x_min),
                em(bbox.y_min),
                em(bbox.x_max),
                em(bbox.y_max),
            ))
            .italic_angle(0.0)
            .ascent(ascent)
            .descent(em(self.face.descender()))
            .cap_height(self.face.capital_height().map_or(ascent, em))
            // The usual estimate of the vertical stem width from the weight class.
            .stem_v(10.0 + 0.244 * (weight - 50.0))
            .font_file2(file_ref);

        let mut cmap = UnicodeCmap::new(Name(b"Custom"), IDENTITY);
        for (&cid, &c) in &self.unicode {
            cmap.pair(cid, c);
        }
        let cmap = compress(&cmap.finish());
        pdf.cmap(cmap_ref, &cmap).filter(Filter::FlateDecode);

        let subset =
            subsetter::subset(self.data, 0, &self.remapper).map_err(|e| ReportError::Font {
                font: self.name,
                reason: e.to_string(),
            })?;
        let length = i32::try_from(subset.len()).unwrap_or(i32::MAX);
        pdf.stream(file_ref, &compress(&subset))
            .filter(Filter::FlateDecode)
            .pair(Name(b"Length1"), length);
        Ok(())
    }
}
