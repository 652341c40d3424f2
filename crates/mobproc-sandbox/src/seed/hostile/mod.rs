//! `HOSTILE` ("Hostile Data Inc."): a Premium Mobile tenant for security
//! testing, whose every text a widget shows carries script or markup
//! payloads, bidirectional text or combining characters. Its ids stay
//! plain digits so URLs work, and its data is coherent enough that a whole
//! UPGRADE order can be placed on it: Mallory's line `66620001` (on the
//! CDMA carrier `661`, with the device asset `66630001`), five catalog
//! devices on that carrier, the plan `6665000001` with optional features,
//! UPGRADE properties with one required TEXT (no `regEx`) and one required
//! CHOICE, and shipping to the United States.
//!
//! The texts are public so that tests can check that answers carry them
//! verbatim.

/// The tenant's code (`X-TNGO-TENANT`).
pub const TENANT: &str = "HOSTILE";
/// The tenant's name.
pub const TENANT_NAME: &str = "Hostile Data Inc.";
/// The one user (password `sandbox`).
pub const USERNAME: &str = "mallory.hostile";
/// What the sign-in page says of the user.
pub const USER_DESCRIPTION: &str = "Security testing (Premium Mobile, US): every name, label and image URL carries script and markup payloads";

/// The raw payloads the texts below are made of.
pub const SCRIPT: &str = "<script>window.__pwned=1</script>";
pub const IMG_ONERROR: &str = "<img src=x onerror=\"window.__pwned=1\">";
pub const SVG_ONLOAD: &str = "\"><svg onload=window.__pwned=1>";
pub const JAVASCRIPT_URL: &str = "javascript:window.__pwned=1";
pub const BROKEN_MARKUP: &str = "<b><i>unclosed";
/// A right-to-left override (U+202E) with Arabic and Hebrew text.
pub const BIDI: &str = "\u{202E}gnp.exe\u{202C} مرحبا بالعالم שלום עולם";
/// Letters piled with combining marks ("Zalgo").
pub const ZALGO: &str = "Z\u{0351}\u{0358}\u{0363}\u{0489}a\u{0310}\u{0315}\u{0337}\u{0330}l\u{0303}\u{0330}\u{0362}\u{035C}g\u{0352}\u{0326}\u{0334}o\u{0346}\u{0329}\u{0360}\u{0361}";

/// Mallory, the user: an employee with one report.
pub const MALLORY_ID: &str = "66600001";
pub const MALLORY_FIRST_NAME: &str = "Mallory<img src=x onerror=\"window.__pwned=1\">";
pub const MALLORY_LAST_NAME: &str = "<script>window.__pwned=1</script>Hostile";
/// Mallory's report, who has no line.
pub const REPORT_ID: &str = "66600002";
pub const REPORT_FIRST_NAME: &str = "\u{202E}evE\u{202C} إيف";
pub const REPORT_LAST_NAME: &str = "Z\u{0351}\u{0358}\u{0363}\u{0489}a\u{0310}\u{0315}\u{0337}\u{0330}l\u{0303}\u{0330}\u{0362}\u{035C}g\u{0352}\u{0326}\u{0334}o\u{0346}\u{0329}\u{0360}\u{0361} כהן";
pub const DEPARTMENT_ID: &str = "66610001";
pub const DEPARTMENT: &str = "\"><svg onload=window.__pwned=1> Security <b><i>unclosed";

/// The carriers: the line's (CDMA) and another (GSM).
pub const VENDOR_ID: &str = "661";
pub const VENDOR_NAME: &str = "<script>window.__pwned=1</script> Wireless";
pub const OTHER_VENDOR_ID: &str = "662";
pub const OTHER_VENDOR_NAME: &str = "\"><svg onload=window.__pwned=1> Mobile";

/// Manufacturers: (id, name).
pub const MANUFACTURERS: [(&str, &str); 3] = [
    ("6601", "<img src=x onerror=\"window.__pwned=1\">Phones"),
    ("6602", "javascript:window.__pwned=1"),
    (
        "6603",
        "\u{202E}ynoS\u{202C} Z\u{0351}\u{0358}\u{0363}a\u{0310}\u{0315}l\u{0303}\u{0330}",
    ),
];

/// Mallory's line and the device on it.
pub const SERVICE_ID: &str = "66620001";
pub const SERVICE_NUMBER: &str = "2025550166";
pub const DEVICE_ASSET_ID: &str = "66630001";
/// The device asset's manufacturer (`MANUFACTURERS[0]`).
pub const DEVICE_MANUFACTURER_ID: &str = "6601";
pub const DEVICE_MODEL: &str = "<b><i>unclosed Model";
pub const DEVICE_COMPANY_ASSET_ID: &str = "Mallory's <script>window.__pwned=1</script> phone";
/// The device's ESN.
pub const DEVICE_SERIAL: &str = "27182818284";
pub const DEVICE_SIM: &str = "89010666000000000001";

/// The catalog devices; the fifth's name is [`long_text`] (`None` here).
pub const CATALOG: [CatalogSeed; 6] = [
    CatalogSeed {
        id: "6664000001",
        name: Some("<script>window.__pwned=1</script> Phone X"),
        image: CatalogImage::Fixed("javascript:alert(1)"),
        manufacturer_id: "6601",
        vendor_id: VENDOR_ID,
        cents: 19_999,
    },
    CatalogSeed {
        id: "6664000002",
        name: Some("<img src=x onerror=\"window.__pwned=1\"> Phone Y"),
        image: CatalogImage::Fixed("data:text/html,<script>window.__pwned=1</script>"),
        manufacturer_id: "6602",
        vendor_id: VENDOR_ID,
        cents: 29_999,
    },
    CatalogSeed {
        id: "6664000003",
        name: Some("\"><svg onload=window.__pwned=1> Phone Z"),
        image: CatalogImage::Long,
        manufacturer_id: "6603",
        vendor_id: VENDOR_ID,
        cents: 9_999,
    },
    CatalogSeed {
        id: "6664000004",
        name: Some("<b><i>unclosed Phone"),
        image: CatalogImage::Fixed("javascript:window.__pwned=1"),
        manufacturer_id: "6601",
        vendor_id: VENDOR_ID,
        cents: 0,
    },
    CatalogSeed {
        id: "6664000005",
        name: None,
        image: CatalogImage::Fixed(
            "/sandbox/images/devices/6664000005.svg?\"><script>window.__pwned=1</script>",
        ),
        manufacturer_id: "6602",
        vendor_id: VENDOR_ID,
        cents: 49_999,
    },
    CatalogSeed {
        id: "6664000006",
        name: Some("\u{202E}enohP\u{202C} هاتف טלפון Z\u{0351}\u{0358}a\u{0310}\u{0315}l\u{0303}g\u{0352}o\u{0346}"),
        image: CatalogImage::Fixed("/sandbox/images/devices/6664000006.svg"),
        manufacturer_id: "6603",
        vendor_id: OTHER_VENDOR_ID,
        cents: 39_999,
    },
];

/// A catalog device of the hostile tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CatalogSeed {
    pub id: &'static str,
    /// `None`: [`long_text`].
    pub name: Option<&'static str>,
    pub image: CatalogImage,
    pub manufacturer_id: &'static str,
    pub vendor_id: &'static str,
    /// One-time price in US cents.
    pub cents: i64,
}

/// How a catalog device's image URL is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogImage {
    /// This very text.
    Fixed(&'static str),
    /// [`long_image_url`] of the device.
    Long,
}

/// The plan, on [`VENDOR_ID`].
pub const PLAN_ID: &str = "6665000001";
pub const PLAN_NAME: &str = "<script>window.__pwned=1</script> Unlimited <b><i>unclosed";
pub const INCLUDED_FEATURES: [&str; 3] = [
    "<img src=x onerror=\"window.__pwned=1\"> Talk & Text",
    "\u{202E}atad\u{202C} بيانات נתונים",
    "Z\u{0351}\u{0358}\u{0363}\u{0489}a\u{0310}\u{0315}\u{0337}\u{0330}l\u{0303}\u{0330}\u{0362}\u{035C}g\u{0352}\u{0326}\u{0334}o\u{0346}\u{0329}\u{0360}\u{0361} Roaming",
];
/// Optional features: (id, description, monthly cents); the third's
/// description is [`long_text`] (`None` here).
pub const OPTIONAL_FEATURES: [(&str, Option<&str>, i64); 3] = [
    (
        "6661",
        Some("\"><svg onload=window.__pwned=1> Hotspot"),
        1000,
    ),
    ("6662", Some("javascript:window.__pwned=1"), 500),
    ("6663", None, 100),
];

/// Accessories: (id, name, image URL, compatible manufacturer id).
pub const ACCESSORIES: [(&str, &str, &str, Option<&str>); 2] = [
    (
        "6667000001",
        "<img src=x onerror=\"window.__pwned=1\"> Case",
        "javascript:alert(1)",
        Some("6601"),
    ),
    (
        "6667000002",
        "\u{202E}regrahC\u{202C} شاحن מטען",
        "/sandbox/images/accessories/6667000002.svg",
        None,
    ),
];

/// The UPGRADE properties (both carriers): group, then the required
/// TEXT, the required CHOICE with its choices and "other" choice, and
/// an optional TEXT whose label is [`long_text`] and whose default is
/// [`IMG_ONERROR`].
pub const PROPERTY_GROUP: &str = "MISCELLANEOUS";
pub const NOTE_FIELD: &str = "NOTE";
pub const NOTE_LABEL: &str = "<script>window.__pwned=1</script> Note";
pub const NOTE_PATTERN: &str = "\"><svg onload=window.__pwned=1>";
pub const FLAVOUR_FIELD: &str = "FLAVOUR";
pub const FLAVOUR_LABEL: &str = "<img src=x onerror=\"window.__pwned=1\"> Flavour";
pub const FLAVOUR_CHOICES: [(&str, &str); 3] = [
    ("1", "<script>window.__pwned=1</script> Vanilla"),
    ("2", "\u{202E}ytsaT\u{202C} لذيذ טעים"),
    (
        "3",
        "Z\u{0351}\u{0358}\u{0363}\u{0489}a\u{0310}\u{0315}\u{0337}\u{0330}l\u{0303}\u{0330}\u{0362}\u{035C}g\u{0352}\u{0326}\u{0334}o\u{0346}\u{0329}\u{0360}\u{0361}",
    ),
];
pub const FLAVOUR_OTHER: (&str, &str) = ("99", "<b><i>unclosed Other (please specify)");
pub const REMARKS_FIELD: &str = "REMARKS";
pub const REMARKS_PATTERN: &str = "javascript:window.__pwned=1";

/// A 2,000-character text of markup, quotes and script: a catalog
/// device's name, an optional feature's description, a property label.
pub fn long_text() -> String {
    let unit = "<b>Long</b> \"text\" & <script>window.__pwned=1</script> ";
    unit.chars().cycle().take(2000).collect()
}

/// A site-relative image URL of over 4,000 characters.
pub fn long_image_url(device_id: &str) -> String {
    format!(
        "/sandbox/images/devices/{device_id}.svg?pad={}",
        "A".repeat(4000)
    )
}

mod properties;
mod records;

pub(super) use records::insert_hostile_tenant;
