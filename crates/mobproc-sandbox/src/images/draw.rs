//! Product pictures: each kind of device or accessory drawn in its colour.

use super::colour::{colour_of, is_dark, shade};
use super::escape;

/// The screens' colour.
const SCREEN: &str = "#0f172a";
/// The lenses' and ports' colour.
const LENS: &str = "#111827";
/// The metal of plugs.
const METAL: &str = "#9ca3af";
/// A glare across a screen whose top-left corner is at (0, 0), moved into place.
const GLARE: &str = r##"<path d="M0 0h30L0 56z" fill="#fff" opacity=".1"/>"##;

/// What a picture shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Phone,
    /// A clamshell folding phone (Razr, Z Flip).
    Flip,
    /// A phone that opens like a book (Z Fold).
    Fold,
    /// A phone with a physical keyboard (BlackBerry KEY2, Priv).
    KeyboardPhone,
    Tablet,
    Watch,
    Hotspot,
    Case,
    Pouch,
    Charger,
    Cable,
    Mount,
    PowerBank,
    /// An accessory of no kind the pictures know: a box.
    Package,
}

/// The words of a name, lowercase: runs of letters and digits.
fn words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The kind of a catalog device, from its name.
pub fn device_kind(name: &str) -> Kind {
    let words = words(name);
    let has = |test: &dyn Fn(&str) -> bool| words.iter().any(|word| test(word));
    if has(&|w| w.starts_with("flip") || w == "razr" || w.starts_with("duraxv")) {
        Kind::Flip
    } else if has(&|w| w.starts_with("fold")) {
        Kind::Fold
    } else if has(&|w| (w.starts_with("key") && w.len() <= 6) || w == "priv") {
        Kind::KeyboardPhone
    } else if has(&|w| w.starts_with("ipad") || w == "tab" || w == "tablet") {
        Kind::Tablet
    } else if has(&|w| w == "watch") {
        Kind::Watch
    } else if has(&|w| ["hotspot", "mifi", "jetpack"].contains(&w)) {
        Kind::Hotspot
    } else {
        Kind::Phone
    }
}

/// The kind of an accessory, from its name.
pub fn accessory_kind(name: &str) -> Kind {
    let words = words(name);
    let has = |options: &[&str]| words.iter().any(|word| options.contains(&word.as_str()));
    if has(&["bank", "battery"]) {
        Kind::PowerBank
    } else if has(&["case", "cover", "bumper", "folio"]) {
        Kind::Case
    } else if has(&["pouch", "pocket", "holster", "sleeve"]) {
        Kind::Pouch
    } else if has(&["charger", "adapter"]) {
        Kind::Charger
    } else if has(&["cable", "cord"]) {
        Kind::Cable
    } else if has(&["mount", "holder", "stand"]) {
        Kind::Mount
    } else {
        Kind::Package
    }
}

/// The colours one picture is drawn with.
struct Paint {
    /// The body.
    body: &'static str,
    /// Outlines: darker than the body, so that white shows on white.
    edge: String,
    /// Details on the body (camera bumps, keys): lighter on dark bodies.
    detail: String,
}

impl Paint {
    fn of(body: &'static str) -> Paint {
        let detail_shift = if is_dark(body) { -0.25 } else { 0.18 };
        Paint {
            body,
            edge: shade(body, 0.4),
            detail: shade(body, detail_shift),
        }
    }
}

/// A 120×160 picture of `kind` in the colour `name` names, with `name` as
/// its accessible title (none when `name` is empty); no other text.
pub fn picture_svg(name: &str, kind: Kind) -> String {
    let paint = Paint::of(colour_of(name));
    let title: String = name.chars().take(120).collect();
    let label = if title.is_empty() {
        String::new()
    } else {
        let title = escape(&title);
        format!(r#" aria-label="{title}"><title>{title}</title"#)
    };
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="160" viewBox="0 0 120 160" role="img"{label}>{}</svg>"#,
        shapes(kind, &paint)
    )
}

/// A rectangle in the body colour with the edge around it.
fn body(paint: &Paint, x: u32, y: u32, width: u32, height: u32, radius: u32) -> String {
    format!(
        r#"<rect x="{x}" y="{y}" width="{width}" height="{height}" rx="{radius}" fill="{}" stroke="{}" stroke-width="1.5"/>"#,
        paint.body, paint.edge
    )
}

/// A dark screen with a glare.
fn screen(x: u32, y: u32, width: u32, height: u32, radius: u32) -> String {
    format!(
        r#"<rect x="{x}" y="{y}" width="{width}" height="{height}" rx="{radius}" fill="{SCREEN}"/><g transform="translate({x} {y})">{GLARE}</g>"#
    )
}

fn shapes(kind: Kind, paint: &Paint) -> String {
    let Paint {
        body: fill,
        edge,
        detail,
    } = paint;
    match kind {
        Kind::Phone => format!(
            r##"{back}<rect x="22" y="16" width="20" height="24" rx="6" fill="{detail}" stroke="{edge}"/><circle cx="28" cy="23" r="3.5" fill="{LENS}"/><circle cx="36" cy="33" r="3.5" fill="{LENS}"/>{front}{screen}<rect x="66" y="38" width="14" height="4" rx="2" fill="#000"/>"##,
            back = body(paint, 16, 10, 56, 118, 11),
            front = body(paint, 44, 30, 58, 120, 11),
            screen = screen(48, 34, 50, 112, 8),
        ),
        Kind::Flip => format!(
            r##"{closed}{cover}<circle cx="24" cy="118" r="4" fill="{LENS}"/><circle cx="36" cy="118" r="4" fill="{LENS}"/>{open}{screen}<line x1="62" y1="80" x2="104" y2="80" stroke="#334155" stroke-width="1.5"/><rect x="55" y="73" width="4" height="14" rx="2" fill="{edge}"/><rect x="107" y="73" width="4" height="14" rx="2" fill="{edge}"/>"##,
            closed = body(paint, 8, 72, 46, 60, 10),
            cover = screen(14, 78, 34, 28, 6),
            open = body(paint, 58, 8, 50, 144, 10),
            screen = screen(62, 12, 42, 136, 7),
        ),
        Kind::Fold => format!(
            r##"{outer}{screen}<line x1="60" y1="36" x2="60" y2="124" stroke="#334155" stroke-width="1.5"/><rect x="56" y="28" width="8" height="4" rx="2" fill="{edge}"/>"##,
            outer = body(paint, 8, 32, 104, 96, 10),
            screen = screen(12, 36, 96, 88, 7),
        ),
        Kind::KeyboardPhone => {
            let keys: String = (0..3)
                .flat_map(|row| (0..6).map(move |column| (row, column)))
                .map(|(row, column)| {
                    format!(
                        r#"<rect x="{}" y="{}" width="7" height="9" rx="2" fill="{detail}"/>"#,
                        35 + column * 9,
                        96 + row * 12
                    )
                })
                .collect();
            format!(
                r#"{outer}{screen}{keys}<rect x="45" y="134" width="30" height="8" rx="3" fill="{detail}"/>"#,
                outer = body(paint, 28, 8, 64, 144, 9),
                screen = screen(33, 14, 54, 74, 4),
            )
        }
        Kind::Tablet => format!(
            r#"{outer}{screen}<circle cx="60" cy="17" r="1.5" fill="{LENS}"/>"#,
            outer = body(paint, 10, 12, 100, 136, 10),
            screen = screen(16, 20, 88, 120, 4),
        ),
        Kind::Watch => format!(
            r#"{top}{bottom}{case}{screen}<rect x="88" y="66" width="5" height="14" rx="2" fill="{edge}"/>"#,
            top = body(paint, 42, 4, 36, 44, 6),
            bottom = body(paint, 42, 112, 36, 44, 6),
            case = body(paint, 32, 40, 56, 80, 16),
            screen = screen(37, 45, 46, 70, 12),
        ),
        Kind::Hotspot => format!(
            r#"{outer}{screen}<path d="M76 72a8 8 0 0 1 12 0M71 66a15 15 0 0 1 22 0" stroke="{edge}" stroke-width="2.5" fill="none" stroke-linecap="round"/><circle cx="82" cy="78" r="2.5" fill="{edge}"/>"#,
            outer = body(paint, 20, 50, 80, 60, 14),
            screen = screen(30, 60, 36, 24, 4),
        ),
        Kind::Case => format!(
            r##"<rect x="28" y="10" width="64" height="140" rx="14" fill="{fill}" stroke="{edge}" stroke-width="2"/><rect x="36" y="18" width="26" height="30" rx="8" fill="#f8fafc" stroke="{edge}"/><rect x="92" y="40" width="3" height="18" rx="1.5" fill="{edge}"/>"##
        ),
        Kind::Pouch => format!(
            r#"<path d="M30 30h60v110a10 10 0 0 1-10 10H40a10 10 0 0 1-10-10z" fill="{fill}" stroke="{edge}" stroke-width="1.5"/><path d="M28 28h64v28a8 8 0 0 1-8 8H36a8 8 0 0 1-8-8z" fill="{detail}" stroke="{edge}" stroke-width="1.5"/><path d="M36 74v62M84 74v62" stroke="{edge}" stroke-dasharray="3 3"/>"#
        ),
        Kind::Charger => format!(
            r#"<rect x="46" y="30" width="6" height="20" rx="1" fill="{METAL}"/><rect x="68" y="30" width="6" height="20" rx="1" fill="{METAL}"/>{cube}<rect x="50" y="92" width="20" height="7" rx="3.5" fill="{LENS}"/>"#,
            cube = body(paint, 30, 48, 60, 64, 12),
        ),
        Kind::Cable => format!(
            r#"<path d="M40 34C40 90 80 70 80 126" stroke="{edge}" stroke-width="8" fill="none"/><path d="M40 34C40 90 80 70 80 126" stroke="{fill}" stroke-width="5" fill="none"/><rect x="37" y="4" width="6" height="8" rx="1" fill="{METAL}"/>{top}{bottom}<rect x="77" y="148" width="6" height="8" rx="1" fill="{METAL}"/>"#,
            top = body(paint, 33, 10, 14, 24, 3),
            bottom = body(paint, 73, 124, 14, 24, 3),
        ),
        Kind::Mount => format!(
            r#"<circle cx="60" cy="128" r="16" fill="{detail}" stroke="{edge}" stroke-width="1.5"/>{arm}{cradle}<rect x="24" y="40" width="8" height="22" rx="3" fill="{detail}" stroke="{edge}"/><rect x="88" y="40" width="8" height="22" rx="3" fill="{detail}" stroke="{edge}"/>"#,
            arm = body(paint, 56, 92, 8, 36, 2),
            cradle = body(paint, 30, 28, 60, 68, 8),
        ),
        Kind::PowerBank => format!(
            r##"{outer}<path d="M64 48l-16 28h11l-4 24 16-30h-11z" fill="{detail}"/><circle cx="48" cy="118" r="2.5" fill="#22c55e"/><circle cx="56" cy="118" r="2.5" fill="#22c55e"/><circle cx="64" cy="118" r="2.5" fill="#22c55e"/><circle cx="72" cy="118" r="2.5" fill="{edge}"/><rect x="50" y="128" width="20" height="5" rx="2.5" fill="{LENS}"/>"##,
            outer = body(paint, 28, 20, 64, 120, 12),
        ),
        Kind::Package => format!(
            r#"<path d="M20 50l40-20 40 20v60l-40 20-40-20z" fill="{fill}" stroke="{edge}" stroke-width="1.5"/><path d="M20 50l40 20 40-20M60 70v60" stroke="{edge}" stroke-width="1.5" fill="none"/>"#
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_are_drawn_as_their_kind() {
        for (name, kind) in [
            ("Apple iPhone 15 (128GB) - Blue", Kind::Phone),
            ("Samsung Galaxy Z Flip5 (256GB) - Mint", Kind::Flip),
            ("Motorola Razr (256GB) - Viva Magenta", Kind::Flip),
            ("Kyocera DuraXV Extreme (16GB) - Black", Kind::Flip),
            ("Samsung Galaxy Z Fold5 (512GB) - Cream", Kind::Fold),
            ("BlackBerry KEY2 LE (32GB) - Slate", Kind::KeyboardPhone),
            ("BlackBerry Priv (32GB) - Black", Kind::KeyboardPhone),
            ("Apple iPad Air - Blue", Kind::Tablet),
            ("Samsung Galaxy Tab S9", Kind::Tablet),
            ("Apple Watch Series 9", Kind::Watch),
            ("Verizon Jetpack MiFi 8800L", Kind::Hotspot),
            ("Google Pixel 8 Pro (512GB) - Bay", Kind::Phone),
            ("Samsung Galaxy S8 (keyless)", Kind::Phone),
        ] {
            assert_eq!(device_kind(name), kind, "{name}");
        }
    }

    #[test]
    fn accessories_are_drawn_as_their_kind() {
        for (name, kind) in [
            ("Apple iPhone 15 Silicone Case - Black", Kind::Case),
            ("Apple 20W USB-C Power Adapter", Kind::Charger),
            ("Apple USB-C to Lightning Cable (1 m)", Kind::Cable),
            ("LG Cookie Plus Leather Pouch", Kind::Pouch),
            ("Kyocera DuraForce Belt Clip Holster", Kind::Pouch),
            ("Universal Car Vent Mount", Kind::Mount),
            ("Universal 10,000 mAh Power Bank", Kind::PowerBank),
            ("Screen protector", Kind::Package),
        ] {
            assert_eq!(accessory_kind(name), kind, "{name}");
        }
    }

    #[test]
    fn every_kind_is_drawn_in_the_named_colour() {
        let blue = colour_of("Blue");
        for kind in [
            Kind::Phone,
            Kind::Flip,
            Kind::Fold,
            Kind::KeyboardPhone,
            Kind::Tablet,
            Kind::Watch,
            Kind::Hotspot,
            Kind::Case,
            Kind::Pouch,
            Kind::Charger,
            Kind::Cable,
            Kind::Mount,
            Kind::PowerBank,
            Kind::Package,
        ] {
            let svg = picture_svg("Thing - Blue", kind);
            assert!(
                svg.contains(&format!(r#"fill="{blue}""#)),
                "{kind:?}: {svg}"
            );
            assert!(
                svg.starts_with("<svg") && svg.ends_with("</svg>"),
                "{kind:?}"
            );
        }
    }
}
