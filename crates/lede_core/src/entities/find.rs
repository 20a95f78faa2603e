//! The tagger over an article's paragraphs, then the passes over its mentions.

use super::*;

/// A mention found in the text (byte offsets), before grouping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub label: EntityLabel,
}

/// Tokens of one paragraph and its sentences.
pub struct Para<'a> {
    pub tokens: &'a [Token],
    pub sentences: &'a [Sentence],
}

/// A model installed at run time ([`install_model`]): the browser bundles
/// fetch theirs after the first paint.
static INSTALLED: OnceLock<Model> = OnceLock::new();

/// Why there is no tagger yet in a build without the bundled model.
pub const NOT_LOADED: ModelError =
    ModelError("not loaded yet (a browser bundle fetches it just after it opens; installEntityModel gives it)");

/// Install the entity model from the bytes of its file ([`ner::MODEL_FILE`]).
/// The first valid model installed stays for the life of the program; a
/// later call checks its bytes and changes nothing.
pub fn install_model(bytes: &[u8]) -> Result<(), ModelError> {
    let model = Model::from_bytes(bytes)?;
    let _ = INSTALLED.set(model);
    Ok(())
}

/// The tagger: the installed model, else the one built into the binary.
pub(crate) fn model() -> Result<&'static Model, ModelError> {
    if let Some(m) = INSTALLED.get() {
        return Ok(m);
    }
    bundled()
}

#[cfg(feature = "bundled-model")]
fn bundled() -> Result<&'static Model, ModelError> {
    static MODEL: OnceLock<Result<Model, ModelError>> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(ner::MODEL_BYTES)).as_ref().map_err(Clone::clone)
}

#[cfg(not(feature = "bundled-model"))]
fn bundled() -> Result<&'static Model, ModelError> {
    Err(NOT_LOADED)
}

/// Whether the tagger can run (a model is bundled or installed).
pub fn model_ready() -> bool {
    INSTALLED.get().is_some() || cfg!(feature = "bundled-model")
}

pub(crate) const TYPES: [EntityLabel; 4] = [EntityLabel::Per, EntityLabel::Org, EntityLabel::Loc, EntityLabel::Misc];

/// Find mentions in paragraphs, sentence by sentence, with the tagger.
/// `cache` keeps per-word scores across the calls of one document.
pub fn find(text: &str, paras: &[Para<'_>], cache: &mut ner::WordCache) -> Result<Vec<Mention>, ModelError> {
    find_without(text, paras, cache, &[])
}

/// [`find`] with the passes named in `skip` switched off.
pub(crate) fn find_without(
    text: &str,
    paras: &[Para<'_>],
    cache: &mut ner::WordCache,
    skip: &[&str],
) -> Result<Vec<Mention>, ModelError> {
    let model = model()?;
    let mut out = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    for p in paras {
        // One sequence per paragraph, with the sentence starts marked.
        words.clear();
        words.extend(p.tokens.iter().map(|t| t.text(text)));
        starts.clear();
        starts.extend(p.sentences.iter().map(|s| s.first));
        for (mut a, mut b, ty) in ner::spans(&model.tag_sentences_with(&words, &starts, cache)) {
            // A name never starts or ends with a full stop or a comma (". Party
            // Chairman Reince Priebus" across a sentence end).
            let stop = |k: usize| matches!(words[k], "." | "," | ";" | ":");
            while a < b && stop(a) {
                a += 1;
            }
            while b > a && stop(b - 1) {
                b -= 1;
            }
            if a < b {
                out.push(Mention { start: p.tokens[a].start, end: p.tokens[b - 1].end, label: TYPES[ty] });
            }
        }
    }
    let ctx = MentionCtx { text, paras, model };
    for (name, pass) in PASSES {
        if !skip.contains(name) {
            pass(&ctx, &mut out);
        }
    }
    Ok(out)
}

/// What the passes over the tagger's mentions read.
pub struct MentionCtx<'c> {
    pub text: &'c str,
    pub paras: &'c [Para<'c>],
    pub model: &'c Model,
}

/// A named pass over the mentions of a document's paragraphs.
pub type Pass = (&'static str, fn(&MentionCtx<'_>, &mut Vec<Mention>));

/// The passes over the tagger's mentions, in order.
pub const PASSES: &[Pass] = &[
    // "Ministry" + "of Defence", "Institute for the Study of War": one organisation.
    ("merge_org_heads", |c, out| merge_org_heads(c.text, out)),
    // "Defense Pete Hegseth" as one organisation: the person split off.
    ("split_given_names", |c, out| split_given_names(c.text, c.model, out)),
    // A name tagged one way is tagged so throughout the document.
    ("harmonise", |c, out| harmonise(c.text, c.paras, out)),
];
