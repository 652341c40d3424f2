//! CSS made smaller at compile time: comments and the spaces that mean
//! nothing go (around `{`, `}`, `;`, `,` and `>`, after `:`, runs of
//! them, the last `;` of a block); strings stay as written.

/// Writes `byte` at `len` when there is room, and returns the new length.
const fn put<const N: usize>(out: &mut [u8; N], len: usize, byte: u8) -> usize {
    if len < N {
        out[len] = byte;
    }
    len + 1
}

/// Whether spaces beside `byte` mean nothing.
const fn tight(byte: u8) -> bool {
    matches!(byte, b'{' | b'}' | b';' | b',' | b'>')
}

/// `css` minified into `N` bytes, and its length (which may exceed `N`:
/// call with `N = 0` first to learn it).
pub const fn minify<const N: usize>(css: &[u8]) -> ([u8; N], usize) {
    let mut out = [0u8; N];
    let (mut i, mut len) = (0, 0);
    let mut last = b'{';
    let mut space = false;
    while i < css.len() {
        let byte = css[i];
        if byte == b'/' && i + 1 < css.len() && css[i + 1] == b'*' {
            i += 2;
            while i + 1 < css.len() && !(css[i] == b'*' && css[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
            space = true;
            continue;
        }
        if byte.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        // (A space after `:` means nothing either; before it, it may: `.a :hover`.)
        if space && !tight(last) && last != b':' && !tight(byte) {
            len = put(&mut out, len, b' ');
        }
        space = false;
        if byte == b'}' && last == b';' {
            len -= 1;
        }
        len = put(&mut out, len, byte);
        last = byte;
        i += 1;
        if byte == b'"' || byte == b'\'' {
            while i < css.len() && css[i] != byte {
                len = put(&mut out, len, css[i]);
                i += 1;
            }
            if i < css.len() {
                len = put(&mut out, len, byte);
                i += 1;
            }
        }
    }
    (out, len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minified(css: &str) -> String {
        let (bytes, len) = minify::<256>(css.as_bytes());
        assert_eq!(minify::<0>(css.as_bytes()).1, len);
        String::from_utf8(bytes[..len].to_vec()).unwrap()
    }

    #[test]
    fn comments_and_meaningless_spaces_go() {
        let css =
            "/* a */\n.a > .b ,\n.c  :focus {\n  color : red;\n  width: calc(50% + 1rem);\n}\n";
        assert_eq!(
            minified(css),
            ".a>.b,.c :focus{color :red;width:calc(50% + 1rem)}"
        );
    }

    #[test]
    fn strings_stay_as_written() {
        assert_eq!(
            minified(".a::after { content: \" ▾ /* x */ \"; }"),
            ".a::after{content:\" ▾ /* x */ \"}"
        );
        assert_eq!(
            minified("@container m (min-width: 1px) { .a { b: c } }"),
            "@container m (min-width:1px){.a{b:c}}"
        );
    }

    #[test]
    fn the_widget_css_keeps_its_rules() {
        let raw = concat!(
            include_str!("../app/app.css"),
            include_str!("../app/account.css"),
            include_str!("../components/fields.css"),
            include_str!("../components/error_summary.css"),
            include_str!("../steps/line/line.css"),
            include_str!("../steps/device/device.css"),
            include_str!("../steps/plan/plan.css"),
            include_str!("../steps/review/review.css"),
            include_str!("../steps/status/status.css"),
            include_str!("../steps/features/features.css"),
            include_str!("../steps/accessories/accessories.css"),
            include_str!("../steps/acknowledgements/acknowledgements.css"),
            include_str!("../steps/carrier/carrier.css"),
            include_str!("../steps/summary/summary.css"),
            include_str!("../approvals/approvals.css"),
            include_str!("../diagnostics/diagnostics.css"),
            include_str!("../move_line/move_line.css"),
        );
        let small: String = crate::style::ALL.iter().map(|sheet| sheet.css()).collect();
        let small = small.as_str();
        assert!(
            small.len() < raw.len() * 9 / 10,
            "{} of {}",
            small.len(),
            raw.len()
        );
        assert!(!small.contains("/*"));
        let count = |css: &str, c: char| css.matches(c).count();
        assert_eq!(count(small, '{'), count(raw, '{'));
        assert_eq!(count(small, '}'), count(raw, '}'));
        assert!(small.contains(".mobproc-order-summary-open{display:block}"));
        assert!(small.contains(".mobproc :focus-visible{"));
    }
}
