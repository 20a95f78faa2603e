//! Recent documents, kept in this browser's localStorage only (never sent
//! anywhere): the last few texts analysed, with a title, newest first.

use serde::{Deserialize, Serialize};

const KEY: &str = "lede:recent";
/// How many documents are kept.
pub const KEEP: usize = 6;
/// Larger documents are not kept (localStorage holds a few MB per site).
pub const MAX_BYTES: usize = 512 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recent {
    pub title: String,
    pub text: String,
}

/// A title for a document: its first line with words, shortened.
pub fn title_of(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| l.chars().any(char::is_alphanumeric)).unwrap_or("Untitled");
    let mut t: String = line.chars().take(80).collect();
    if line.chars().count() > 80 {
        t.push('…');
    }
    t
}

/// The main article's headline (else the first article's), if it has one.
pub fn headline(a: &lede_core::Analysis) -> Option<String> {
    let main = a.articles.iter().find(|x| x.role == lede_core::Role::Main).or(a.articles.first())?;
    main.headline.as_ref().map(|h| h.text.trim().to_string()).filter(|h| !h.is_empty())
}

/// `list` with `text` first (once), at most [`KEEP`] entries, titled by
/// `headline` (shortened) when there is one, else by [`title_of`] the text.
pub fn push(mut list: Vec<Recent>, text: &str, headline: Option<&str>) -> Vec<Recent> {
    if text.len() > MAX_BYTES || text.trim().is_empty() {
        return list;
    }
    list.retain(|r| r.text != text);
    let title = headline.map_or_else(|| title_of(text), title_of);
    list.insert(0, Recent { title, text: text.to_string() });
    list.truncate(KEEP);
    list
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

pub fn load() -> Vec<Recent> {
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default()
}

pub fn save(list: &[Recent]) {
    if let (Some(s), Ok(j)) = (storage(), serde_json::to_string(list)) {
        // A full storage quota just means nothing more is remembered.
        let _ = s.set_item(KEY, &j);
    }
}

pub fn clear() {
    if let Some(s) = storage() {
        let _ = s.remove_item(KEY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_list_table() {
        assert_eq!(title_of("\n  \n— \nFlood Barrier Fails\nBody"), "Flood Barrier Fails");
        assert_eq!(title_of(&"x".repeat(100)).chars().count(), 81);
        let mut list = Vec::new();
        for i in 0..10 {
            list = push(list, &format!("Story {i}\nText."), None);
        }
        assert_eq!(list.len(), KEEP);
        assert_eq!(list[0].title, "Story 9");
        // Opening a document again moves it to the front, once.
        list = push(list, "Story 5\nText.", None);
        assert_eq!(list.iter().filter(|r| r.title == "Story 5").count(), 1);
        assert_eq!(list[0].title, "Story 5");
        // Too big or empty: not kept.
        assert_eq!(push(list.clone(), &"y".repeat(MAX_BYTES + 1), None), list);
        assert_eq!(push(list.clone(), "  ", None), list);
        // A web page is named by its story's headline, not by its markup.
        let page = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><h1>Flood Barrier Fails</h1><p>The barrier failed on Monday, officials said, as the storm surge reached the harbour.</p></body></html>";
        let a = lede_core::analyze(page, &lede_core::Options::default()).expect("analyses");
        assert_eq!(headline(&a).as_deref(), Some("Flood Barrier Fails"));
        assert_eq!(push(Vec::new(), page, headline(&a).as_deref())[0].title, "Flood Barrier Fails");
        assert!(title_of(page).starts_with("<html"));
    }
}
