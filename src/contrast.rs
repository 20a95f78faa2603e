//! WCAG contrast of the reader's palette, checked natively against the
//! stylesheet itself: every text colour on every background it is used on,
//! in the light and the dark theme, must reach AA (4.5:1 for body text).

#[cfg(test)]
mod tests {
    const CSS: &str = include_str!("../style/lede.css");

    /// `--name: light-dark(#light, #dark);` → (light, dark) as RGB.
    fn colour(name: &str) -> ([f64; 3], [f64; 3]) {
        let decl = format!("--lede-{name}:");
        let at = CSS.find(&decl).unwrap_or_else(|| panic!("no {decl} in the stylesheet"));
        let value = CSS[at + decl.len()..].split(';').next().unwrap_or("").trim();
        let inner = value.strip_prefix("light-dark(").and_then(|v| v.strip_suffix(')')).unwrap_or(value);
        let mut parts = inner.split(',').map(|p| hex(p.trim()));
        let light = parts.next().expect("a colour");
        let dark = parts.next().unwrap_or(light);
        (light, dark)
    }

    fn hex(h: &str) -> [f64; 3] {
        let h = h.trim_start_matches('#');
        let v = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).map(f64::from).unwrap_or(0.0) / 255.0;
        [v(0), v(2), v(4)]
    }

    fn luminance(c: [f64; 3]) -> f64 {
        let lin = |x: f64| if x <= 0.03928 { x / 12.92 } else { ((x + 0.055) / 1.055).powf(2.4) };
        0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
    }

    fn ratio(a: [f64; 3], b: [f64; 3]) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn every_text_colour_reaches_aa_on_its_backgrounds_in_both_themes() {
        // (text, background) pairs as the stylesheet uses them.
        let pairs = [
            ("text", "bg"),
            ("text", "surface"),
            ("muted", "surface"),
            ("muted", "bg"),
            ("accent", "bg"),
            ("accent-text", "accent"),
            ("text", "per"),
            ("text", "org"),
            ("text", "loc"),
            ("text", "misc"),
            ("text", "quote"),
            ("casualty-text", "casualty"),
            ("surface", "quote-rule"),
            ("surface", "casualty-text"),
        ];
        let mut failures = Vec::new();
        for (fg, bg) in pairs {
            let (fl, fd) = colour(fg);
            let (bl, bd) = colour(bg);
            for (theme, r) in [("light", ratio(fl, bl)), ("dark", ratio(fd, bd))] {
                if r < 4.5 {
                    failures.push(format!("{fg} on {bg} in {theme}: {r:.2}:1"));
                }
            }
        }
        assert!(failures.is_empty(), "below WCAG AA (4.5:1): {failures:#?}");
        // The check itself: black on white is 21:1.
        assert!((ratio([0.0; 3], [1.0; 3]) - 21.0).abs() < 1e-9);
    }
}
