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

/// `list` with `text` first (once), at most [`KEEP`] entries.
pub fn push(mut list: Vec<Recent>, text: &str) -> Vec<Recent> {
    if text.len() > MAX_BYTES || text.trim().is_empty() {
        return list;
    }
    list.retain(|r| r.text != text);
    list.insert(0, Recent { title: title_of(text), text: text.to_string() });
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
            list = push(list, &format!("Story {i}\nText."));
        }
        assert_eq!(list.len(), KEEP);
        assert_eq!(list[0].title, "Story 9");
        // Opening a document again moves it to the front, once.
        list = push(list, "Story 5\nText.");
        assert_eq!(list.iter().filter(|r| r.title == "Story 5").count(), 1);
        assert_eq!(list[0].title, "Story 5");
        // Too big or empty: not kept.
        assert_eq!(push(list.clone(), &"y".repeat(MAX_BYTES + 1)), list);
        assert_eq!(push(list.clone(), "  "), list);
    }
}
