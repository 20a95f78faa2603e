//! Character references (&amp;, &#8217;, &rsquo;) decoded.

pub(crate) fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "copy" => '©',
        "eacute" => 'é',
        "euro" => '€',
        "pound" => '£',
        "middot" => '·',
        "bull" => '•',
        "trade" => '™',
        "reg" => '®',
        "deg" => '°',
        "times" => '×',
        "divide" => '÷',
        "cent" => '¢',
        "yen" => '¥',
        "sect" => '§',
        "para" => '¶',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "plusmn" => '±',
        "micro" => 'µ',
        "iexcl" => '¡',
        "iquest" => '¿',
        "acute" => '´',
        "sbquo" => '‚',
        "bdquo" => '„',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "prime" => '′',
        "Prime" => '″',
        "dagger" => '†',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "shy" => '\u{AD}',
        "aacute" => 'á',
        "agrave" => 'à',
        "acirc" => 'â',
        "auml" => 'ä',
        "atilde" => 'ã',
        "aring" => 'å',
        "aelig" => 'æ',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "iacute" => 'í',
        "igrave" => 'ì',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ntilde" => 'ñ',
        "oacute" => 'ó',
        "ograve" => 'ò',
        "ocirc" => 'ô',
        "ouml" => 'ö',
        "otilde" => 'õ',
        "oslash" => 'ø',
        "uacute" => 'ú',
        "ugrave" => 'ù',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "yacute" => 'ý',
        "szlig" => 'ß',
        "Aacute" => 'Á',
        "Auml" => 'Ä',
        "Eacute" => 'É',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "Ntilde" => 'Ñ',
        "Ccedil" => 'Ç',
        _ => return None,
    })
}

/// Decode character references in a text run.
pub fn decode_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        // A reference ends at ';' within 12 bytes (a byte search: ';' is ASCII,
        // so the cut is always on a char boundary).
        let semi = rest.bytes().take(12).position(|b| b == b';');
        let decoded = semi.and_then(|q| {
            let name = &rest[1..q];
            let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse::<u32>().ok().and_then(char::from_u32)
            } else {
                named_entity(name)
            };
            c.map(|c| (c, q + 1))
        });
        match decoded {
            Some((c, used)) => {
                out.push(if c == '\0' { '\u{FFFD}' } else { c });
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}
