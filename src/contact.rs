//! Phone numbers and addresses as people write them: North American
//! numbers as `(512) 555-0134`, UK numbers as `07700 900123`, anything else
//! as sent; an address on one line, "street, city, state postal code,
//! country".

use mobproc_types::ShipTo;

/// A phone number grouped the way its country writes it; a number of no
/// known shape is shown as sent (trimmed).
pub fn phone_number(raw: &str) -> String {
    let raw = raw.trim();
    let plain = raw
        .chars()
        .all(|c| c.is_ascii_digit() || " -.()+".contains(c));
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let international = raw.starts_with('+');
    let grouped = if !plain {
        None
    } else if international {
        match digits.as_bytes() {
            [b'1', rest @ ..] => north_american(rest).map(|n| format!("+1 {n}")),
            [b'4', b'4', rest @ ..] => uk(rest).map(|n| format!("+44 {n}")),
            _ => None,
        }
    } else {
        match digits.as_bytes() {
            [b'1', rest @ ..] if rest.len() == 10 => north_american(rest).map(|n| format!("1 {n}")),
            [b'0', rest @ ..] => uk(rest).map(|n| format!("0{n}")),
            all => north_american(all),
        }
    };
    grouped.unwrap_or_else(|| raw.to_owned())
}

/// Whether an order property holds a phone number: the line's service
/// number, a contact number, or a field named for a phone.
pub fn is_phone_field(id: &str, label: &str) -> bool {
    let id = id.to_ascii_uppercase();
    let label = label.to_lowercase();
    matches!(id.as_str(), "SERVICE_NUMBER" | "CONTACT_NUMBER")
        || id.contains("PHONE")
        || label.contains("phone")
}

/// `(512) 555-0134` for the ten digits of a NANP number (area code and
/// exchange never start with 0 or 1).
fn north_american(digits: &[u8]) -> Option<String> {
    let valid = digits.len() == 10 && digits[0] >= b'2' && digits[3] >= b'2';
    valid.then(|| {
        let text = std::str::from_utf8(digits).unwrap_or_default();
        format!("({}) {}-{}", &text[..3], &text[3..6], &text[6..])
    })
}

/// The ten digits of a UK number after its leading 0 (or +44), grouped:
/// `20 7946 0018` for London-style 02x numbers, `7700 900123` otherwise.
fn uk(digits: &[u8]) -> Option<String> {
    if digits.len() != 10 || !matches!(digits[0], b'1' | b'2' | b'3' | b'7' | b'8') {
        return None;
    }
    let text = std::str::from_utf8(digits).ok()?;
    Some(if digits[0] == b'2' {
        format!("{} {} {}", &text[..2], &text[2..6], &text[6..])
    } else {
        format!("{} {}", &text[..4], &text[4..])
    })
}

/// Where an address field goes on the line, from its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Street,
    Locality,
    Region,
    PostalCode,
}

fn role(field_id: &str) -> Role {
    let id = field_id.to_ascii_uppercase();
    let is = |names: &[&str]| names.iter().any(|name| id.contains(name));
    if is(&["POSTAL", "POSTCODE", "POST_CODE", "ZIP"]) {
        Role::PostalCode
    } else if is(&["CITY", "TOWN", "LOCALITY", "SUBURB", "MUNICIPALITY"]) {
        Role::Locality
    } else if is(&[
        "STATE",
        "PROVINCE",
        "COUNTY",
        "REGION",
        "TERRITORY",
        "PREFECTURE",
    ]) {
        Role::Region
    } else {
        Role::Street
    }
}

/// The city (town, locality) of an address, the first one entered.
pub fn locality<'a>(fields: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<&'a str> {
    fields
        .into_iter()
        .find(|(id, value)| role(id) == Role::Locality && !value.trim().is_empty())
        .map(|(_, value)| value.trim())
}

/// An address on one line: its street lines, its city, its state or
/// province with its postal code, and its country, e.g.
/// `35 Executive Blvd, Orange, CT 06477, United States`.
pub fn address_line<'a>(
    fields: impl IntoIterator<Item = (&'a str, &'a str)>,
    country: &str,
) -> String {
    let mut streets = Vec::new();
    let (mut locality, mut region, mut postal_code) = (Vec::new(), Vec::new(), Vec::new());
    for (id, value) in fields {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match role(id) {
            Role::Street => streets.push(value),
            Role::Locality => locality.push(value),
            Role::Region => region.push(value),
            Role::PostalCode => postal_code.push(value),
        }
    }
    let region_and_code = region
        .into_iter()
        .chain(postal_code)
        .collect::<Vec<_>>()
        .join(" ");
    streets
        .into_iter()
        .chain(locality)
        .chain([region_and_code.as_str(), country.trim()])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The address of a shipment on one line (without the recipient).
pub fn ship_to_line(ship_to: &ShipTo) -> String {
    address_line(
        ship_to
            .address
            .iter()
            .map(|field| (field.id.as_str(), field.value.as_str())),
        ship_to
            .region
            .as_ref()
            .and_then(|r| r.name.as_deref())
            .unwrap_or(""),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use mobproc_types::{LabelledAddressValue, NamedRef};

    #[test]
    fn north_american_numbers_are_grouped() {
        assert_eq!(phone_number("5125550134"), "(512) 555-0134");
        assert_eq!(phone_number(" 512-555-0134 "), "(512) 555-0134");
        assert_eq!(phone_number("(512) 555.0134"), "(512) 555-0134");
        assert_eq!(phone_number("+15125550134"), "+1 (512) 555-0134");
        assert_eq!(phone_number("15125550134"), "1 (512) 555-0134");
        assert_eq!(
            phone_number("1235550134"),
            "1235550134",
            "no area code starts with 1"
        );
        assert_eq!(
            phone_number("5121550134"),
            "5121550134",
            "no exchange starts with 1"
        );
    }

    #[test]
    fn uk_numbers_are_grouped() {
        assert_eq!(phone_number("07700900123"), "07700 900123");
        assert_eq!(phone_number("+447700900123"), "+44 7700 900123");
        assert_eq!(phone_number("02079460018"), "020 7946 0018");
        assert_eq!(phone_number("+44 20 7946 0018"), "+44 20 7946 0018");
        assert_eq!(phone_number("01632960001"), "01632 960001");
    }

    #[test]
    fn other_numbers_are_shown_as_sent() {
        for raw in [
            "0612345678",
            "+33612345678",
            "12345",
            "555-CALL-NOW",
            "ext. 42",
            "",
        ] {
            assert_eq!(phone_number(raw), raw, "{raw}");
        }
    }

    #[test]
    fn phone_fields_are_known_by_id_or_label() {
        assert!(is_phone_field("SERVICE_NUMBER", "Service Number"));
        assert!(is_phone_field("CONTACT_NUMBER", "Contact Phone Number"));
        assert!(is_phone_field("X1", "Numéro de téléphone"));
        assert!(is_phone_field("mobilePhone", "Mobile"));
        assert!(!is_phone_field("CONTACT_NUMBER_EXT", "Ext"));
        assert!(!is_phone_field("ACCOUNT_PIN", "Account PIN"));
    }

    #[test]
    fn the_city_of_an_address_is_found_by_its_field() {
        let fields = [("LINE_1", "35 Executive Blvd"), ("CITY", " Orange ")];
        assert_eq!(locality(fields), Some("Orange"));
        assert_eq!(locality([("TOWN", ""), ("SUBURB", "Bondi")]), Some("Bondi"));
        assert_eq!(locality([("LINE_1", "1 Yonge St")]), None);
    }

    #[test]
    fn addresses_read_as_one_writes_them() {
        let us = [
            ("LINE_1", "35 Executive Blvd"),
            ("LINE_2", ""),
            ("CITY", "Orange"),
            ("STATE", "CT"),
            ("POSTAL_CODE", "06477"),
        ];
        assert_eq!(
            address_line(us, "United States"),
            "35 Executive Blvd, Orange, CT 06477, United States"
        );
        let canada = [
            ("LINE_1", "1 Yonge St"),
            ("LINE_2", "Suite 1801"),
            ("CITY", "Toronto"),
            ("PROVINCE", "ON"),
            ("POSTAL_CODE", "M5E 1W7"),
        ];
        assert_eq!(
            address_line(canada, "Canada"),
            "1 Yonge St, Suite 1801, Toronto, ON M5E 1W7, Canada"
        );
        let uk = [
            ("LINE_1", "10 Downing Street"),
            ("TOWN", "London"),
            ("COUNTY", ""),
            ("POSTCODE", "SW1A 2AA"),
        ];
        assert_eq!(
            address_line(uk, "United Kingdom"),
            "10 Downing Street, London, SW1A 2AA, United Kingdom"
        );
        assert_eq!(address_line([("ADDRESS", "Somewhere")], ""), "Somewhere");
    }

    #[test]
    fn a_shipment_address_uses_its_fields_and_country() {
        let field = |id: &str, value: &str| LabelledAddressValue {
            id: id.into(),
            label: None,
            value: value.into(),
        };
        let ship_to = ShipTo {
            name: Some("Peter Gibbons".into()),
            region: Some(NamedRef {
                meta: None,
                id: "US".into(),
                name: Some("United States".into()),
                logo_url: None,
            }),
            address: vec![
                field("POSTAL_CODE", "06477"),
                field("LINE_1", "35 Executive Blvd"),
                field("STATE", "CT"),
                field("CITY", "Orange"),
            ],
            expedite: false,
        };
        assert_eq!(
            ship_to_line(&ship_to),
            "35 Executive Blvd, Orange, CT 06477, United States"
        );
    }
}
