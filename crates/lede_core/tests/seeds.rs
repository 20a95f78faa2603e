//! What the seed pages in ../shared/seeds must give (skipped aloud when
//! ../shared is not beside the project).

mod common;

use common::*;
use lede_core::*;

// ---- Seeds (third-party pages, read from ../shared at test time) ----

fn seed(name: &str) -> Option<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if !dir.is_dir() {
        println!("skipped: ../shared not found");
        return None;
    }
    let path = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.file_name().and_then(|f| f.to_str()).map(|f| f.starts_with(name)).unwrap_or(false))?;
    std::fs::read_to_string(path).ok()
}

#[test]
fn seed_000_is_one_article_of_13_body_paragraphs() {
    let Some(text) = seed("000_") else { return };
    let a = analyze(&text, &Options::default()).expect("analyses");
    assert_contract(&text, &a);
    assert_eq!(a.articles.len(), 1);
    let art = &a.articles[0];
    assert!(art.headline.is_none());
    assert_eq!(art.paragraphs.len(), 13);
    assert!(art.paragraphs.iter().all(|p| p.kind == ParagraphKind::Body));
    let names: Vec<(&str, EntityLabel)> = art.entities.iter().map(|e| (e.text.as_str(), e.label)).collect();
    for (n, l) in [
        ("Sergey Lavrov", EntityLabel::Per),
        ("Marco Rubio", EntityLabel::Per),
        ("Volodymyr Zelenskyy", EntityLabel::Per),
        ("RIA Novosti", EntityLabel::Org),
        ("Reuters", EntityLabel::Org),
        ("Institute for the Study of War", EntityLabel::Org),
        ("Kuala Lumpur", EntityLabel::Loc),
        ("Pokrovsk", EntityLabel::Loc),
    ] {
        assert!(names.contains(&(n, l)), "{n} missing from {names:?}");
    }
    // The quotes with pronoun speakers resolve to the person.
    let q = art.quotes.iter().find(|q| q.text.contains("We would not like to wait")).expect("quote");
    assert_eq!(q.speaker.as_ref().and_then(|s| s.canonical.as_deref()), Some("Volodymyr Zelenskyy"));
    // The quotes the issue names, with their speakers resolved.
    let speaker = |start: &str| speaker_of(&art.quotes, start);
    assert_eq!(speaker("Secretary of State Marco Rubio and I").as_deref(), Some("Sergey Lavrov"));
    assert_eq!(speaker("No one questions").as_deref(), Some("Sergey Lavrov"));
    assert_eq!(speaker("At the moment, Russia").as_deref(), Some("a Russian journalist"));
    assert_eq!(speaker("The Kremlin denied").as_deref(), Some("a Russian journalist"));
    // Casualty figures of the "N casualties" / "N tanks destroyed" forms.
    let figs: Vec<(u64, CasualtyCategory)> = art.casualties.iter().map(|c| (c.value, c.category)).collect();
    for want in [
        (1_090, CasualtyCategory::Casualties),
        (11_342, CasualtyCategory::Equipment),
        (1_152_160, CasualtyCategory::Casualties),
    ] {
        assert!(figs.contains(&want), "{want:?} missing from {figs:?}");
    }
    assert!(!figs.iter().any(|f| f.0 == 170_000 || f.0 == 25), "forces and orders are not losses: {figs:?}");
}

#[test]
fn seed_001_is_one_article_and_a_related_links_block() {
    let Some(text) = seed("001_") else { return };
    let a = analyze(&text, &Options::default()).expect("analyses");
    assert_contract(&text, &a);
    assert_eq!(a.articles.len(), 1);
    assert_eq!(a.articles[0].paragraphs.len(), 7);
    let rl: Vec<_> = a.boilerplate.iter().filter(|b| b.kind == BoilerplateKind::RelatedLinks).collect();
    assert_eq!(rl.len(), 1);
    assert_eq!(rl[0].text.lines().count(), 16);
    assert!(a.articles[0].casualties.is_empty(), "{:?}", a.articles[0].casualties);
}

#[test]
fn seed_002_has_a_main_article_and_related_ones() {
    let Some(text) = seed("002_") else { return };
    let a = analyze(&text, &Options::default()).expect("analyses");
    assert_contract(&text, &a);
    assert!(a.articles.len() >= 2, "{} articles", a.articles.len());
    let main = &a.articles[0];
    assert_eq!(main.role, Role::Main);
    assert!(main.headline.as_ref().map(|h| h.text.starts_with("Marco Rubio confronts")).unwrap_or(false));
    assert!(main.paragraphs.iter().any(|p| p.kind == ParagraphKind::Embed));
    assert!(a.articles[1..].iter().all(|r| r.role == Role::Related));
    assert!(a.boilerplate.iter().any(|b| b.kind == BoilerplateKind::Comments));
    // The ad line glued twice into a related article's body is cut out of it.
    assert!(a.boilerplate.iter().any(|b| b.kind == BoilerplateKind::Ad && b.text.matches("Remove Ads").count() == 2));
    for art in &a.articles {
        assert!(!art.entities.iter().any(|e| e.text.contains("Ads")), "{:?}", art.entities);
    }
    // The people, organisations and places the seed names, with their types.
    let all: Vec<(&str, EntityLabel)> =
        a.articles.iter().flat_map(|x| &x.entities).map(|e| (e.text.as_str(), e.label)).collect();
    for want in [
        ("Pete Hegseth", EntityLabel::Per),
        ("Jensen Huang", EntityLabel::Per),
        ("Mikhail Simdyankin", EntityLabel::Per),
        ("Nvidia", EntityLabel::Org),
        ("Kuala Lumpur", EntityLabel::Loc),
        ("Vovchansk", EntityLabel::Loc),
    ] {
        assert!(all.contains(&want), "{want:?} missing");
    }
    let speaker = |start: &str| speaker_of(a.articles.iter().flat_map(|x| &x.quotes), start);
    assert_eq!(speaker("I echoed what the president said").as_deref(), Some("Rubio"));
    assert_eq!(speaker("Putin is not").as_deref(), Some("Trump"));
    assert_eq!(speaker("Our commanders saw us").as_deref(), Some("Mikhail Simdyankin"));
    assert_eq!(speaker("We all knew it was a one-way ticket").as_deref(), Some("Ivan Shabunko"));
    assert_eq!(speaker("Just sticking your nose out").as_deref(), Some("Aleksandr Trofimov"));
    for art in &a.articles {
        let nvidia: Vec<_> = art.entities.iter().filter(|e| e.text == "Nvidia").map(|e| e.label).collect();
        assert!(nvidia.iter().all(|l| *l == EntityLabel::Org), "{nvidia:?}");
    }
    // The photo captions run into the third related article's text are caption spans.
    let chars: Vec<char> = text.chars().collect();
    let captions: Vec<String> = a.articles[3]
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Caption)
        .map(|p| chars[p.start..p.end].iter().collect())
        .collect();
    assert!(captions.iter().any(|c| c == "Destroyed buildings in Vovchansk in October."), "{captions:?}");
    assert!(captions.iter().any(|c| c == "Ivan Shabunko in a Ukrainian detention center in February."), "{captions:?}");
    // No other article has any, and the prose around them stays body.
    assert!(a.articles[..3].iter().flat_map(|x| &x.paragraphs).all(|p| p.kind != ParagraphKind::Caption));
    assert!(a.articles[3].paragraphs.iter().filter(|p| p.kind == ParagraphKind::Body).count() > captions.len());
}
