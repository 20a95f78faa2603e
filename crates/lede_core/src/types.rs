//! The output contract shared by the CLI JSON, the JS API and the UI.
//!
//! All offsets are Unicode scalar (char) offsets, end-exclusive, into the
//! analysed text (see `Analysis::text`).

use serde::{Deserialize, Serialize};

/// A half-open range of char offsets into the analysed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A span with the text it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// How the input was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    Text,
    Html,
}

/// The role of an article on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Main,
    Related,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    Body,
    Embed,
    Caption,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub kind: ParagraphKind,
    /// Kept in the body though it may be page furniture: segmentation was
    /// not sure of it, and keeps text rather than dropping it.
    pub unsure: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityLabel {
    #[serde(rename = "PER")]
    Per,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityLabel {
    pub const ALL: [EntityLabel; 4] = [Self::Per, Self::Org, Self::Loc, Self::Misc];
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Per => "PER",
            Self::Org => "ORG",
            Self::Loc => "LOC",
            Self::Misc => "MISC",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: EntityLabel,
    /// The name this mention is grouped under within its article.
    pub canonical: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Partial,
}

impl QuoteKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Direct => "direct",
            Self::Partial => "partial",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The person the mention resolves to, when it can be resolved.
    pub canonical: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    pub cue: Option<TextSpan>,
    /// The names of the rules that gave the speaker, in the order they
    /// applied (filled with [`crate::Options::explain`]; left out of the
    /// JSON when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speaker_evidence: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    Approx,
    AtLeast,
    AtMost,
    MoreThan,
    LessThan,
}

impl Qualifier {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Approx => "approx",
            Self::AtLeast => "at_least",
            Self::AtMost => "at_most",
            Self::MoreThan => "more_than",
            Self::LessThan => "less_than",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CasualtyCategory {
    Killed,
    Wounded,
    Casualties,
    Missing,
    Captured,
    Equipment,
}

impl CasualtyCategory {
    pub const ALL: [CasualtyCategory; 6] =
        [Self::Killed, Self::Wounded, Self::Casualties, Self::Missing, Self::Captured, Self::Equipment];
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Killed => "killed",
            Self::Wounded => "wounded",
            Self::Casualties => "casualties",
            Self::Missing => "missing",
            Self::Captured => "captured",
            Self::Equipment => "equipment",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Casualty {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: u64,
    pub value_max: Option<u64>,
    pub qualifier: Qualifier,
    pub category: CasualtyCategory,
    pub subject: Option<String>,
    pub actor: Option<String>,
    pub reported_by: Option<String>,
    pub period: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub role: Role,
    pub headline: Option<TextSpan>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub byline: Option<String>,
    /// The summary under the headline, before the byline or date; also the
    /// first paragraph.
    pub standfirst: Option<TextSpan>,
    /// The dateline that opens the story's first paragraph ("KYIV, Ukraine"
    /// before "— …"), without its dash; it stays in that paragraph.
    pub dateline: Option<TextSpan>,
    pub span: Span,
    pub paragraphs: Vec<Paragraph>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub casualties: Vec<Casualty>,
    /// Each victim counted once, per category (see [`Tally`]).
    #[serde(default)]
    pub tally: Tally,
}

/// How many were killed, wounded … in one article, each victim counted once:
/// per category, the count and the `casualties` entries (indexes) behind it.
/// Equipment is not tallied (it is not people).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    pub killed: Option<TallyCount>,
    pub wounded: Option<TallyCount>,
    pub casualties: Option<TallyCount>,
    pub missing: Option<TallyCount>,
    pub captured: Option<TallyCount>,
}

impl Tally {
    pub fn get(&self, c: CasualtyCategory) -> Option<&TallyCount> {
        match c {
            CasualtyCategory::Killed => self.killed.as_ref(),
            CasualtyCategory::Wounded => self.wounded.as_ref(),
            CasualtyCategory::Casualties => self.casualties.as_ref(),
            CasualtyCategory::Missing => self.missing.as_ref(),
            CasualtyCategory::Captured => self.captured.as_ref(),
            CasualtyCategory::Equipment => None,
        }
    }

    pub fn slot(&mut self, c: CasualtyCategory) -> Option<&mut Option<TallyCount>> {
        match c {
            CasualtyCategory::Killed => Some(&mut self.killed),
            CasualtyCategory::Wounded => Some(&mut self.wounded),
            CasualtyCategory::Casualties => Some(&mut self.casualties),
            CasualtyCategory::Missing => Some(&mut self.missing),
            CasualtyCategory::Captured => Some(&mut self.captured),
            CasualtyCategory::Equipment => None,
        }
    }
}

/// One category's count. `disputed`: the counts other reporters give that
/// disagree with it, each kept apart with who reported it (never summed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TallyCount {
    pub count: u64,
    pub qualifier: Qualifier,
    /// Indexes into the article's `casualties`.
    pub figures: Vec<usize>,
    #[serde(default)]
    pub disputed: Vec<DisputedCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DisputedCount {
    pub count: u64,
    pub qualifier: Qualifier,
    pub reported_by: Option<String>,
    pub figures: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    Ad,
    Navigation,
    RelatedLinks,
    Comments,
    Social,
    Promo,
    Trailer,
    Other,
}

impl BoilerplateKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Ad => "ad",
            Self::Navigation => "navigation",
            Self::RelatedLinks => "related_links",
            Self::Comments => "comments",
            Self::Social => "social",
            Self::Promo => "promo",
            Self::Trailer => "trailer",
            Self::Other => "other",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boilerplate {
    pub start: usize,
    pub end: usize,
    pub kind: BoilerplateKind,
    pub text: String,
}

/// The whole result of [`crate::analyze`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub lede_version: String,
    pub input_kind: InputKind,
    /// The analysed text, given only when it differs from the input (HTML input).
    pub text: Option<String>,
    pub articles: Vec<Article>,
    pub boilerplate: Vec<Boilerplate>,
}
