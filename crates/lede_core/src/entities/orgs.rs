//! Pass `merge_org_heads`: "Ministry" + "of Defence" as one organisation; company suffixes.

use super::*;

/// Words that head an organisation's name and take a complement:
/// "Institute for the Study of War", "Ministry of Defence".
pub(crate) fn is_org_head(w: &str) -> bool {
    crate::text::lexicon::org_heads(w)
}

/// "Institute" + "for the" + "Study of War" → one organisation.
pub(crate) fn merge_org_heads(text: &str, out: &mut Vec<Mention>) {
    let mut merged: Vec<Mention> = Vec::with_capacity(out.len());
    for m in out.drain(..) {
        if let Some(prev) = merged.last_mut() {
            let head = text[prev.start..prev.end].rsplit(' ').next().unwrap_or("");
            // (Mentions come in text order; a segmentation that broke that
            // must not make this slice panic.)
            let between = text.get(prev.end..m.start).unwrap_or("");
            if prev.label == EntityLabel::Org
                && is_org_head(head)
                && matches!(between, " for the " | " for " | " of the " | " of " | " on ")
            {
                prev.end = m.end;
                continue;
            }
        }
        merged.push(m);
    }
    *out = merged;
}

/// Company-name suffixes: "Nvidia Corp." makes a bare "Nvidia" the company.
pub(crate) fn is_company_suffix(w: &str) -> bool {
    crate::text::lexicon::company_suffixes(w)
}
