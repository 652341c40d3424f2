//! Regions: the three countries with their address formats, and their
//! states, provinces and nations.

use mobproc_types::Validation::{Optional, Required};
use mobproc_types::{AddressField, AddressOption, Currency, Region, RegionType, Validation};
use rusqlite::{params, Transaction};

use super::json;

pub(super) const US_ID: &str = "70144640";
pub(super) const CANADA_ID: &str = "70144641";
pub(super) const UK_ID: &str = "70144642";

/// The 50 states and DC, by name: (name, abbreviation).
const US_STATES: &[(&str, &str)] = &[
    ("Alabama", "AL"),
    ("Alaska", "AK"),
    ("Arizona", "AZ"),
    ("Arkansas", "AR"),
    ("California", "CA"),
    ("Colorado", "CO"),
    ("Connecticut", "CT"),
    ("Delaware", "DE"),
    ("District of Columbia", "DC"),
    ("Florida", "FL"),
    ("Georgia", "GA"),
    ("Hawaii", "HI"),
    ("Idaho", "ID"),
    ("Illinois", "IL"),
    ("Indiana", "IN"),
    ("Iowa", "IA"),
    ("Kansas", "KS"),
    ("Kentucky", "KY"),
    ("Louisiana", "LA"),
    ("Maine", "ME"),
    ("Maryland", "MD"),
    ("Massachusetts", "MA"),
    ("Michigan", "MI"),
    ("Minnesota", "MN"),
    ("Mississippi", "MS"),
    ("Missouri", "MO"),
    ("Montana", "MT"),
    ("Nebraska", "NE"),
    ("Nevada", "NV"),
    ("New Hampshire", "NH"),
    ("New Jersey", "NJ"),
    ("New Mexico", "NM"),
    ("New York", "NY"),
    ("North Carolina", "NC"),
    ("North Dakota", "ND"),
    ("Ohio", "OH"),
    ("Oklahoma", "OK"),
    ("Oregon", "OR"),
    ("Pennsylvania", "PA"),
    ("Rhode Island", "RI"),
    ("South Carolina", "SC"),
    ("South Dakota", "SD"),
    ("Tennessee", "TN"),
    ("Texas", "TX"),
    ("Utah", "UT"),
    ("Vermont", "VT"),
    ("Virginia", "VA"),
    ("Washington", "WA"),
    ("West Virginia", "WV"),
    ("Wisconsin", "WI"),
    ("Wyoming", "WY"),
];

/// The 13 provinces and territories, by name.
const CANADIAN_PROVINCES: &[(&str, &str)] = &[
    ("Alberta", "AB"),
    ("British Columbia", "BC"),
    ("Manitoba", "MB"),
    ("New Brunswick", "NB"),
    ("Newfoundland and Labrador", "NL"),
    ("Northwest Territories", "NT"),
    ("Nova Scotia", "NS"),
    ("Nunavut", "NU"),
    ("Ontario", "ON"),
    ("Prince Edward Island", "PE"),
    ("Quebec", "QC"),
    ("Saskatchewan", "SK"),
    ("Yukon", "YT"),
];

/// The four nations, with their ISO 3166-2:GB codes.
const UK_NATIONS: &[(&str, &str)] = &[
    ("England", "ENG"),
    ("Scotland", "SCT"),
    ("Wales", "WLS"),
    ("Northern Ireland", "NIR"),
];

/// A state's region id, as on the real service: Alaska 158385986, Alabama
/// 158385987, Wyoming 158386042; the others count on from 158385988.
fn us_state_id(index: usize, abbreviation: &str) -> String {
    match abbreviation {
        "AK" => "158385986".into(),
        "AL" => "158385987".into(),
        "WY" => "158386042".into(),
        _ => (158_385_986 + index as u64).to_string(),
    }
}

fn address_field(
    id: &str,
    label: &str,
    (min, max): (u32, u32),
    validation: Validation,
) -> AddressField {
    AddressField {
        id: id.to_owned(),
        label: label.to_owned(),
        min_length: Some(min),
        max_length: Some(max),
        validation,
        options: None,
        pattern: None,
        reg_ex: None,
    }
}

fn options(list: &[(&str, &str)]) -> Option<Vec<AddressOption>> {
    Some(
        list.iter()
            .map(|(label, value)| AddressOption {
                label: (*label).to_owned(),
                value: (*value).to_owned(),
            })
            .collect(),
    )
}

fn country(
    id: &str,
    name: &str,
    abbreviation: &str,
    country_code: &str,
    currency: Currency,
) -> Region {
    Region {
        meta: None,
        id: id.to_owned(),
        name: name.to_owned(),
        abbreviation: Some(abbreviation.to_owned()),
        kind: RegionType::Country,
        parent_id: None,
        country_code: Some(country_code.to_owned()),
        currency: Some(currency),
        address_format: None,
        postal_code_pattern: None,
        postal_code_reg_ex: None,
    }
}

fn currency(code: &str, name: &str, symbol: &str) -> Currency {
    Currency {
        code: code.to_owned(),
        name: name.to_owned(),
        symbol: symbol.to_owned(),
    }
}

fn united_states() -> Region {
    let address = vec![
        address_field("LINE_1", "Address Line1", (1, 100), Required),
        address_field("LINE_2", "Address Line2", (0, 100), Optional),
        address_field("CITY", "City", (1, 50), Required),
        AddressField {
            options: options(US_STATES),
            reg_ex: Some("[A-Za-z][A-Za-z]".into()),
            ..address_field("STATE", "State", (2, 2), Required)
        },
        AddressField {
            pattern: Some("[99999] or [99999-9999]".into()),
            reg_ex: Some("[0-9]{5}(-[0-9]{4})?".into()),
            ..address_field("POSTAL_CODE", "Zip Code", (5, 10), Required)
        },
    ];
    Region {
        address_format: Some(address),
        postal_code_pattern: Some("99999".into()),
        postal_code_reg_ex: Some(r"^\d{5}$".into()),
        ..country(
            US_ID,
            "United States",
            "US",
            "1",
            currency("USD", "US Dollars", "$"),
        )
    }
}

fn canada() -> Region {
    let postal = "[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9]";
    let address = vec![
        address_field("LINE_1", "Address Line 1", (1, 100), Required),
        address_field("LINE_2", "Address Line 2", (0, 100), Optional),
        address_field("CITY", "City", (1, 50), Required),
        AddressField {
            options: options(CANADIAN_PROVINCES),
            reg_ex: Some("[A-Za-z]{2}".into()),
            ..address_field("PROVINCE", "Province/Territory", (2, 2), Required)
        },
        AddressField {
            pattern: Some("A9A 9A9".into()),
            reg_ex: Some(postal.into()),
            ..address_field("POSTAL_CODE", "Postal Code", (6, 7), Required)
        },
    ];
    Region {
        address_format: Some(address),
        postal_code_pattern: Some("A9A 9A9".into()),
        postal_code_reg_ex: Some(format!("^{postal}$")),
        ..country(
            CANADA_ID,
            "Canada",
            "CA",
            "1",
            currency("CAD", "Canadian Dollars", "$"),
        )
    }
}

fn united_kingdom() -> Region {
    let postcode = "[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}";
    let address = vec![
        address_field("LINE_1", "Address Line 1", (1, 100), Required),
        address_field("LINE_2", "Address Line 2", (0, 100), Optional),
        address_field("TOWN", "Town/City", (1, 50), Required),
        address_field("COUNTY", "County", (0, 50), Optional),
        AddressField {
            pattern: Some("SW1A 1AA".into()),
            reg_ex: Some(postcode.into()),
            ..address_field("POSTCODE", "Postcode", (5, 8), Required)
        },
    ];
    Region {
        address_format: Some(address),
        postal_code_pattern: Some("SW1A 1AA".into()),
        postal_code_reg_ex: Some(format!("^{postcode}$")),
        ..country(
            UK_ID,
            "United Kingdom",
            "GB",
            "44",
            currency("GBP", "Pound Sterling", "£"),
        )
    }
}

fn subdivision(id: String, (name, abbreviation): (&str, &str), parent: &str) -> Region {
    Region {
        meta: None,
        id,
        name: name.to_owned(),
        abbreviation: Some(abbreviation.to_owned()),
        kind: RegionType::StateProvince,
        parent_id: Some(parent.to_owned()),
        country_code: None,
        currency: None,
        address_format: None,
        postal_code_pattern: None,
        postal_code_reg_ex: None,
    }
}

/// The three countries, then the states, provinces and nations of each.
fn regions() -> Vec<Region> {
    let mut regions = vec![united_states(), canada(), united_kingdom()];
    for (i, state) in US_STATES.iter().enumerate() {
        regions.push(subdivision(us_state_id(i, state.1), *state, US_ID));
    }
    for (i, province) in CANADIAN_PROVINCES.iter().enumerate() {
        regions.push(subdivision(
            (158_386_101 + i).to_string(),
            *province,
            CANADA_ID,
        ));
    }
    for (i, nation) in UK_NATIONS.iter().enumerate() {
        regions.push(subdivision((158_386_201 + i).to_string(), *nation, UK_ID));
    }
    regions
}

pub(super) fn insert_regions(tx: &Transaction) -> rusqlite::Result<()> {
    let mut insert = tx
        .prepare_cached("INSERT INTO regions (id, parent_id, seq, body) VALUES (?1, ?2, ?3, ?4)")?;
    for (seq, region) in regions().iter().enumerate() {
        insert.execute(params![region.id, region.parent_id, seq, json(region)?])?;
    }
    Ok(())
}
