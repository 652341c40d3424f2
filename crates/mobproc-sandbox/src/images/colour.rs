//! The colour a product name says it comes in: "iPhone 15 (128GB) - Blue",
//! "Galaxy S24 Onyx Black", "(PRODUCT)RED"...

/// The body colour of a product whose name has no colour word.
pub const NEUTRAL: &str = "#9ca3af";

/// Colour words and how they look. Finishes ("titanium", "platinum") only
/// count when no plain colour word is in the name: "Black Titanium" is black.
#[rustfmt::skip]
const COLOURS: &[(&str, &str)] = &[
    ("black", "#1c1c1e"), ("onyx", "#232325"), ("obsidian", "#202124"), ("graphite", "#41424c"),
    ("charcoal", "#36454f"), ("midnight", "#1f2a44"), ("night", "#1f2a44"), ("slate", "#4b5563"),
    ("gray", "#8e8e93"), ("grey", "#8e8e93"), ("granite", "#676767"), ("silver", "#d4d6d9"),
    ("white", "#f5f5f7"), ("snow", "#f7f7f5"), ("starlight", "#f0e6d8"), ("cream", "#f3ecd9"),
    ("porcelain", "#eeeae3"), ("mist", "#dfe3e6"), ("clear", "#e0ecf5"), ("gold", "#e6cfa6"),
    ("champagne", "#e8d8b9"), ("sand", "#d8c7a3"), ("bronze", "#a97142"), ("khaki", "#8f8a5c"),
    ("hazel", "#b2ab94"), ("blue", "#2563eb"), ("navy", "#1e3a8a"), ("bay", "#8fb5d9"),
    ("sea", "#9cc3d5"), ("green", "#2e7d4f"), ("emerald", "#2e8b57"), ("pine", "#2f5d50"),
    ("mint", "#b7e4c7"), ("sage", "#9caf88"), ("lime", "#c5e17a"), ("camo", "#5b6b3a"),
    ("red", "#d0021b"), ("burgundy", "#7c1f30"), ("coral", "#f88379"), ("rose", "#e8b4b8"),
    ("pink", "#f4b6c2"), ("raspberry", "#b3446c"), ("magenta", "#c2185b"), ("purple", "#7e57c2"),
    ("violet", "#8b5cf6"), ("lavender", "#c8b6e2"), ("dusk", "#8a7f96"), ("orange", "#f97316"),
    ("sunset", "#f08a4b"), ("yellow", "#f5d547"), ("amber", "#f5b642"),
];

/// Finishes: colours only when the name has no plain colour word.
const FINISHES: &[(&str, &str)] = &[("titanium", "#b5afa3"), ("platinum", "#cfd2d6")];

/// The colour of the last colour word in `name` (words are runs of letters
/// and digits, so "(PRODUCT)RED" is red and "BlackBerry" is not black); a
/// finish when there is no colour word; [`NEUTRAL`] when there is neither.
pub fn colour_of(name: &str) -> &'static str {
    let lowercase = name.to_lowercase();
    let words: Vec<&str> = lowercase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let last_in = |table: &[(&str, &'static str)]| {
        words.iter().rev().find_map(|word| {
            table
                .iter()
                .find(|(colour_word, _)| colour_word == word)
                .map(|(_, hex)| *hex)
        })
    };
    last_in(COLOURS)
        .or_else(|| last_in(FINISHES))
        .unwrap_or(NEUTRAL)
}

/// `hex` (`#rrggbb`) moved toward black by `amount` (0 to 1), or toward
/// white when `amount` is negative.
pub fn shade(hex: &str, amount: f32) -> String {
    let channel = |at: usize| u8::from_str_radix(&hex[at..at + 2], 16).unwrap_or(0) as f32;
    let target = if amount < 0.0 { 255.0 } else { 0.0 };
    let weight = amount.abs().min(1.0);
    let mix = |value: f32| (value + (target - value) * weight).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(channel(1)),
        mix(channel(3)),
        mix(channel(5))
    )
}

/// Whether `hex` is a dark colour (relative luminance under 0.25).
pub fn is_dark(hex: &str) -> bool {
    let channel = |at: usize| {
        let value = u8::from_str_radix(&hex[at..at + 2], 16).unwrap_or(0) as f32 / 255.0;
        if value <= 0.04045 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5) < 0.25
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(word: &str) -> &'static str {
        COLOURS
            .iter()
            .chain(FINISHES)
            .find(|(name, _)| *name == word)
            .unwrap()
            .1
    }

    #[test]
    fn the_last_colour_word_wins() {
        for (name, word) in [
            ("Apple iPhone 15 (128GB) - Blue", "blue"),
            ("Samsung Galaxy S24 Onyx Black", "black"),
            ("Apple iPhone SE (64GB) - (PRODUCT)RED", "red"),
            ("Apple iPhone 13 (256GB) - Midnight", "midnight"),
            ("Samsung Galaxy A54 Awesome Graphite", "graphite"),
            ("Sony Xperia 1 V (256GB) - Platinum Silver", "silver"),
            ("Apple iPhone 15 Pro Black Titanium", "black"),
            ("Motorola Razr (512GB) - Viva Magenta", "magenta"),
            ("Google Pixel 7a Sea", "sea"),
            ("Apple iPhone 15 Silicone Case - Black", "black"),
            ("Samsung Galaxy S24 Clear Case", "clear"),
            ("APPLE IPHONE 8 - GOLD", "gold"),
        ] {
            assert_eq!(colour_of(name), hex(word), "{name}");
        }
    }

    #[test]
    fn a_finish_colours_only_without_a_colour_word() {
        assert_eq!(
            colour_of("Apple iPhone 15 Pro Natural Titanium"),
            hex("titanium")
        );
        assert_eq!(
            colour_of("Apple iPhone 15 Pro White Titanium"),
            hex("white")
        );
    }

    #[test]
    fn words_inside_other_words_are_not_colours() {
        for name in [
            "BlackBerry KEY2 (64GB)",
            "Motorola Edge+ (128GB)",
            "Universal Car Vent Mount",
            "Redmi Note",
            "<b>Long</b> \"text\" & <script>",
            "",
        ] {
            assert_eq!(colour_of(name), NEUTRAL, "{name}");
        }
    }

    #[test]
    fn shades_darken_and_lighten() {
        assert_eq!(shade("#808080", 0.5), "#404040");
        assert_eq!(shade("#808080", -0.5), "#c0c0c0");
        assert_eq!(shade("#2563eb", 0.0), "#2563eb");
        assert_eq!(shade("#ffffff", 1.0), "#000000");
    }

    #[test]
    fn dark_and_light_colours() {
        assert!(is_dark(hex("black")));
        assert!(is_dark(hex("navy")));
        assert!(!is_dark(hex("white")));
        assert!(!is_dark(hex("yellow")));
    }
}
