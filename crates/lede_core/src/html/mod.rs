//! HTML to document text (first version): a single linear pass that keeps
//! block structure as lines, drops script, style, noscript, template, svg
//! and head content, and decodes character references. No recursion, so
//! deep nesting and broken markup cannot overflow the stack.

/// Does this input look like HTML markup?
pub fn looks_like_html(input: &str) -> bool {
    let head: String = input.trim_start().chars().take(1024).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    head.starts_with('<')
        && ["<body", "<div", "<p>", "<p ", "<article", "<head", "<meta", "<section"].iter().any(|t| head.contains(t))
}

mod extract;
mod metadata;
mod references;
mod walk;
pub use extract::*;
pub use metadata::*;
pub use references::*;
pub use walk::*;

#[cfg(test)]
mod tests;

/// Elements that end a line of text.
pub const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "title",
    "tr",
    "ul",
];
/// Elements whose content is never text of the page.
pub const SKIP_TAGS: &[&str] =
    &["head", "iframe", "noscript", "object", "script", "select", "style", "svg", "template", "textarea"];

/// Elements whose content is raw text up to their end tag.
pub const RAW_TEXT_TAGS: &[&str] = &["script", "style", "textarea", "xmp"];
