//! The standfirst: one statement between an article's headline and its byline or date line.

use super::*;

/// Headline, one paragraph, then a byline or a date: that paragraph is the
/// standfirst (marked once). True while the article is just that, so a
/// second byline or date line after it still belongs to the article.
pub(crate) fn standfirst(text: &str, a: &mut ArticleDraft) -> bool {
    let &[(s, e, ParagraphKind::Body)] = a.paragraphs.as_slice() else {
        return false;
    };
    if a.standfirst == Some((s, e)) {
        return true;
    }
    // (Not when a byline or date already stood over it.)
    // One statement of 8 to 60 words: not a question, a call ("Get
    // breaking news."), two sentences (a caption, a promo) or a teaser cut
    // short ("…").
    let line = text[s..e].trim_end();
    let words = line.split_whitespace().count();
    let sentences = line.match_indices(". ").filter(|(i, _)| line[i + 2..].starts_with(char::is_uppercase)).count();
    if a.headline.is_none()
        || a.byline.is_some()
        || a.published.is_some()
        || a.standfirst.is_some()
        || !(8..=60).contains(&words)
        || sentences > 0
        || line.ends_with(['?', '!', '…'])
        || line.ends_with("...")
    {
        return false;
    }
    a.standfirst = Some((s, e));
    true
}
