//! Exports of the analysis: the contract as JSON, casualty figures and
//! quotes as CSV. They are offered as `data:` links built in the page, so
//! nothing is sent anywhere.

use lede_core::{Analysis, Role};

/// The whole analysis in the contract's JSON form.
pub fn json(a: &Analysis) -> String {
    serde_json::to_string_pretty(a).unwrap_or_default()
}

/// The analysis as JSON with the analysed text in it: the contract leaves
/// `text` out for text input (the input is the text), but an exported file
/// stands alone, so its offsets need the text beside them.
pub fn json_document(a: &Analysis, text: &str) -> String {
    if a.text.is_some() {
        return json(a);
    }
    json(&Analysis { text: Some(text.to_string()), ..a.clone() })
}

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn row(fields: &[&str]) -> String {
    let mut line = fields.iter().map(|f| field(f)).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

fn article_name(i: usize, role: Role) -> String {
    format!("{} {}", i + 1, if role == Role::Main { "main" } else { "related" })
}

/// Casualty figures as CSV, one row per figure.
pub fn casualties_csv(a: &Analysis) -> String {
    let mut out = row(&[
        "article",
        "figure",
        "value",
        "value_max",
        "category",
        "qualifier",
        "subject",
        "actor",
        "reported_by",
        "period",
        "start",
        "end",
    ]);
    for (i, art) in a.articles.iter().enumerate() {
        for c in &art.casualties {
            out.push_str(&row(&[
                &article_name(i, art.role),
                &c.text,
                &c.value.to_string(),
                &c.value_max.map(|v| v.to_string()).unwrap_or_default(),
                c.category.as_str(),
                c.qualifier.as_str(),
                c.subject.as_deref().unwrap_or(""),
                c.actor.as_deref().unwrap_or(""),
                c.reported_by.as_deref().unwrap_or(""),
                c.period.as_deref().unwrap_or(""),
                &c.start.to_string(),
                &c.end.to_string(),
            ]));
        }
    }
    out
}

/// Quotes as CSV, one row per quote.
pub fn quotes_csv(a: &Analysis) -> String {
    let mut out = row(&["article", "speaker", "speaker_canonical", "kind", "cue", "quote", "start", "end"]);
    for (i, art) in a.articles.iter().enumerate() {
        for q in &art.quotes {
            let sp = q.speaker.as_ref();
            out.push_str(&row(&[
                &article_name(i, art.role),
                sp.map(|s| s.text.as_str()).unwrap_or(""),
                sp.and_then(|s| s.canonical.as_deref()).unwrap_or(""),
                q.kind.as_str(),
                q.cue.as_ref().map(|c| c.text.as_str()).unwrap_or(""),
                &q.text,
                &q.start.to_string(),
                &q.end.to_string(),
            ]));
        }
    }
    out
}

/// A `data:` URL holding `content` (percent-encoded UTF-8).
pub fn data_url(mime: &str, content: &str) -> String {
    let mut out = format!("data:{mime};charset=utf-8,");
    for b in content.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_core::{analyze, Options};

    #[test]
    fn csv_fields_are_escaped() {
        assert_eq!(row(&["a", "b,c", "say \"hi\"", "x\ny"]), "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n");
    }

    #[test]
    fn exports_of_the_sample() {
        let a = analyze(lede_core::SAMPLE_ARTICLE, &Options::default()).expect("sample");
        let csv = casualties_csv(&a);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 1 + a.articles[0].casualties.len());
        assert!(
            lines[0].starts_with("article,figure,value,value_max,category,qualifier,subject,actor,reported_by,period")
        );
        assert!(lines[1].starts_with("1 main,At least 14 people were killed,14,,killed,at_least,people"));
        let q = quotes_csv(&a);
        assert!(q.lines().any(|l| l.contains(",she,Ines Calloway,direct,said,")), "{q}");
        let j: serde_json::Value = serde_json::from_str(&json(&a)).expect("json");
        assert_eq!(j["articles"][0]["casualties"].as_array().map(Vec::len), Some(5));
    }

    #[test]
    fn data_urls_percent_encode_everything_but_unreserved() {
        assert_eq!(data_url("text/csv", "a b,“c”"), "data:text/csv;charset=utf-8,a%20b%2C%E2%80%9Cc%E2%80%9D");
    }
}
