//! Unit tests of the catalog's search and sort, and of the rows a scroll
//! position shows.

use super::*;
use mobproc_types::{Amount, NamedRef};

fn device(id: &str, name: &str, maker: &str, cents: i64) -> CatalogDevice {
    CatalogDevice {
        meta: None,
        id: id.into(),
        name: name.into(),
        image_url: None,
        manufacturer: Some(NamedRef {
            meta: None,
            id: maker.into(),
            name: Some(maker.into()),
            logo_url: None,
        }),
        vendor: None,
        price: Some(Amount::one_time(cents, "USD")),
        access_method: None,
        device_features: None,
    }
}

fn catalog() -> Vec<CatalogDevice> {
    vec![
        device("1", "Galaxy S22 (128GB) - Black", "Samsung", 79999),
        device("2", "iPhone 5 (16GB) - Black", "Apple", 19999),
        device("3", "Pixel 7 (128GB) - Snow", "Google", 59999),
        device("4", "iPhone 14 (256GB) - Blue", "Apple", 109999),
    ]
}

/// A fold for native tests: lower case only (the browser's also
/// removes accents; tests/components.rs checks that one).
fn lower_case(texts: Vec<String>) -> Vec<String> {
    texts.iter().map(|t| t.to_lowercase()).collect()
}

fn ids(catalog: &[CatalogDevice], rows: Vec<u32>) -> Vec<&str> {
    rows.iter()
        .map(|i| catalog[*i as usize].id.as_str())
        .collect()
}

#[test]
fn every_word_must_match_name_or_maker_in_any_case() {
    let catalog = catalog();
    let index = Index::new(&catalog, lower_case);
    let found = index.filter(&Filter {
        search: "IPHONE black".into(),
        ..Filter::default()
    });
    assert_eq!(ids(&catalog, found), ["2"]);
    let by_maker = index.filter(&Filter {
        search: "apple".into(),
        ..Filter::default()
    });
    assert_eq!(
        ids(&catalog, by_maker),
        ["2", "4"],
        "equal matches by name, iPhone 5 before iPhone 14"
    );
}

fn on(carrier: &str, device: CatalogDevice) -> CatalogDevice {
    CatalogDevice {
        vendor: Some(NamedRef {
            meta: None,
            id: carrier.to_lowercase(),
            name: Some(carrier.into()),
            logo_url: None,
        }),
        ..device
    }
}

fn iphones() -> Vec<CatalogDevice> {
    vec![
        on(
            "Verizon",
            device("red", "iPhone 15 (PRODUCT)RED", "Apple", 79999),
        ),
        on(
            "AT&T Mobility",
            device("max", "iPhone 15 Pro Max", "Apple", 119999),
        ),
        on("Verizon", device("pro", "iPhone 15 Pro", "Apple", 99999)),
        on("Verizon", device("plus", "iPhone 15 Plus", "Apple", 89999)),
        on("AT&T Mobility", device("11", "iPhone 11", "Apple", 49999)),
        on("AT&T Mobility", device("5", "iPhone 5", "Apple", 19999)),
    ]
}

fn search(index: &Index, catalog: &[CatalogDevice], words: &str) -> Vec<String> {
    let found = index.filter(&Filter {
        search: words.into(),
        ..Filter::default()
    });
    ids(catalog, found).into_iter().map(str::to_owned).collect()
}

#[test]
fn what_was_asked_comes_first() {
    let catalog = iphones();
    let index = Index::new(&catalog, lower_case);
    assert_eq!(
        search(&index, &catalog, "iPhone 15 Pro"),
        ["pro", "max", "red"],
        "whole words before the word start in (PRODUCT)RED"
    );
    assert_eq!(
        search(&index, &catalog, "15 pro max"),
        ["max"],
        "every word must match"
    );
    assert_eq!(
        search(&index, &catalog, "iphone 1"),
        ["11", "red", "plus", "pro", "max"],
        "equal word starts in natural name order"
    );
}

#[test]
fn equal_matches_and_the_name_sort_follow_numbers() {
    let catalog = iphones();
    let index = Index::new(&catalog, lower_case);
    assert_eq!(
        ids(&catalog, index.filter(&Filter::default())),
        ["5", "11", "red", "plus", "pro", "max"]
    );
    assert_eq!(
        search(&index, &catalog, "iphone"),
        ["5", "11", "red", "plus", "pro", "max"],
        "all equal: natural name order"
    );
    let by_price = index.filter(&Filter {
        search: "iphone 15".into(),
        sort: Sort::PriceHigh,
        ..Filter::default()
    });
    assert_eq!(
        ids(&catalog, by_price),
        ["max", "pro", "plus", "red"],
        "a price sort stays a price sort"
    );
}

#[test]
fn carriers_filter_and_are_searched() {
    let catalog = iphones();
    let index = Index::new(&catalog, lower_case);
    let at_t = index.filter(&Filter {
        carrier: "at&t mobility".into(),
        ..Filter::default()
    });
    assert_eq!(ids(&catalog, at_t), ["5", "11", "max"]);
    assert_eq!(search(&index, &catalog, "verizon pro"), ["pro", "red"]);
    let names: Vec<String> = carriers(&catalog).into_iter().map(|(_, n)| n).collect();
    assert_eq!(names, ["AT&T Mobility", "Verizon"]);
}

#[test]
fn a_network_keeps_its_devices_and_those_of_no_known_network() {
    use mobproc_types::AccessMethod;
    let on_network = |method: Option<AccessMethod>, device: CatalogDevice| CatalogDevice {
        access_method: method,
        ..device
    };
    let catalog: Vec<CatalogDevice> = iphones()
        .into_iter()
        .enumerate()
        .map(|(i, device)| match i {
            0 => on_network(Some(AccessMethod::Cdma), device),
            1 => on_network(None, device),
            _ => on_network(Some(AccessMethod::Gsm), device),
        })
        .collect();
    let index = Index::new(&catalog, lower_case);
    let cdma = index.filter(&Filter {
        network: "CDMA".into(),
        ..Filter::default()
    });
    assert_eq!(
        cdma.len(),
        2,
        "the CDMA device and the one of no known network"
    );
    assert!(cdma.contains(&0) && cdma.contains(&1));
    assert_eq!(index.filter(&Filter::default()).len(), catalog.len());
}

#[test]
fn manufacturer_price_and_sort_combine() {
    let catalog = catalog();
    let index = Index::new(&catalog, lower_case);
    let filter = Filter {
        manufacturer: "Apple".into(),
        sort: Sort::PriceHigh,
        ..Filter::default()
    };
    assert_eq!(ids(&catalog, index.filter(&filter)), ["4", "2"]);
    let cheap = Filter {
        max_price_cents: Some(60000),
        sort: Sort::PriceLow,
        ..Filter::default()
    };
    assert_eq!(ids(&catalog, index.filter(&cheap)), ["2", "3"]);
    assert!(index
        .filter(&Filter {
            search: "nokia".into(),
            ..Filter::default()
        })
        .is_empty());
}

#[test]
fn manufacturers_are_listed_once_by_name() {
    let names: Vec<String> = manufacturers(&catalog())
        .into_iter()
        .map(|(_, n)| n)
        .collect();
    assert_eq!(names, ["Apple", "Google", "Samsung"]);
}

#[test]
fn only_the_rows_in_view_are_drawn() {
    assert_eq!(visible_rows(5000, 0.0, 440.0, 88.0, 3), 0..9);
    assert_eq!(visible_rows(5000, 880.0, 440.0, 88.0, 3), 7..19);
    assert_eq!(visible_rows(12, 10_000.0, 440.0, 88.0, 3), 12..12);
    assert_eq!(visible_rows(0, 0.0, 440.0, 88.0, 3), 0..0);
}

#[test]
fn sort_ids_round_trip() {
    for sort in [Sort::Name, Sort::PriceLow, Sort::PriceHigh] {
        assert_eq!(Sort::from_id(sort.id()), sort);
    }
}
