//! Searching and sorting the catalog in memory: the catalog is read once
//! per session, then every keystroke filters thousands of devices without
//! a request. Sort orders are computed once, so a filter is one pass; a
//! search sorted by name puts the best matches first (ranked by the
//! device step's private `ranking` module).

use mobproc_types::{CatalogDevice, NamedRef};

use super::ranking::{natural_cmp, relevance};

/// Folds texts for matching, all in one call: lower case and without
/// accents, so "telephone" finds "Téléphone". The widget passes
/// [`crate::browser::fold_for_search`], which uses the browser's Unicode
/// tables, so the wasm carries none of its own.
pub type Fold = fn(Vec<String>) -> Vec<String>;

/// How the list is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Name,
    PriceLow,
    PriceHigh,
}

impl Sort {
    /// The value of the sort control.
    pub fn id(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::PriceLow => "price",
            Sort::PriceHigh => "-price",
        }
    }

    /// Reads the sort control's value.
    pub fn from_id(id: &str) -> Sort {
        match id {
            "price" => Sort::PriceLow,
            "-price" => Sort::PriceHigh,
            _ => Sort::Name,
        }
    }
}

/// What the user asked for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Words that must all appear in the name, manufacturer or carrier,
    /// any case.
    pub search: String,
    /// A manufacturer id, or "" for all.
    pub manufacturer: String,
    /// A carrier (vendor) id, or "" for all.
    pub carrier: String,
    /// The highest price in cents, if any.
    pub max_price_cents: Option<i64>,
    /// A network (access method, e.g. `GSM`), or "" for all; devices of
    /// an unknown network are always kept.
    pub network: String,
    pub sort: Sort,
}

/// The catalog prepared for filtering.
#[derive(Debug, Clone)]
pub struct Index {
    fold: Fold,
    names: Vec<String>,
    haystacks: Vec<String>,
    manufacturers: Vec<String>,
    carriers: Vec<String>,
    networks: Vec<String>,
    prices: Vec<i64>,
    by_name: Vec<u32>,
    by_price: Vec<u32>,
}

impl Index {
    /// Prepares `devices` (in any order), folding their names with `fold`.
    pub fn new(devices: &[CatalogDevice], fold: Fold) -> Index {
        let names = devices.iter().map(|d| d.name.clone());
        let haystacks = devices.iter().map(|d| {
            let maker = name_of(d.manufacturer.as_ref());
            let carrier = name_of(d.vendor.as_ref());
            format!("{} {maker} {carrier}", d.name)
        });
        let mut folded = fold(names.chain(haystacks).collect());
        let haystacks = folded.split_off(devices.len().min(folded.len()));
        let names = folded;
        let manufacturers = devices
            .iter()
            .map(|d| id_of(d.manufacturer.as_ref()))
            .collect();
        let carriers = devices.iter().map(|d| id_of(d.vendor.as_ref())).collect();
        let networks = devices
            .iter()
            .map(|d| {
                d.access_method
                    .as_ref()
                    .map_or_else(String::new, |m| m.as_str().to_owned())
            })
            .collect();
        let prices: Vec<i64> = devices
            .iter()
            .map(|d| d.price.as_ref().map_or(0, |p| p.amount.cents))
            .collect();
        let mut by_name: Vec<u32> = (0..devices.len() as u32).collect();
        by_name.sort_by(|a, b| natural_cmp(&names[*a as usize], &names[*b as usize]));
        let mut by_price = by_name.clone();
        by_price.sort_by_key(|i| prices[*i as usize]);
        Index {
            fold,
            names,
            haystacks,
            manufacturers,
            carriers,
            networks,
            prices,
            by_name,
            by_price,
        }
    }

    /// The positions (in the catalog) of the matching devices, in order:
    /// a search sorted by name puts the best matches first, then names in
    /// their natural order.
    pub fn filter(&self, filter: &Filter) -> Vec<u32> {
        let search = (self.fold)(vec![filter.search.clone()])
            .pop()
            .unwrap_or_default();
        let words: Vec<&str> = search.split_whitespace().collect();
        let in_facets = |i: usize| {
            (filter.manufacturer.is_empty() || self.manufacturers[i] == filter.manufacturer)
                && (filter.carrier.is_empty() || self.carriers[i] == filter.carrier)
                && (filter.network.is_empty()
                    || self.networks[i].is_empty()
                    || self.networks[i] == filter.network)
                && filter
                    .max_price_cents
                    .is_none_or(|max| self.prices[i] <= max)
        };
        if filter.sort == Sort::Name && !words.is_empty() {
            return self.by_relevance(&words, in_facets);
        }
        let keep = |i: &&u32| {
            let i = **i as usize;
            in_facets(i) && words.iter().all(|w| self.haystacks[i].contains(w))
        };
        match filter.sort {
            Sort::Name => self.by_name.iter().filter(keep).copied().collect(),
            Sort::PriceLow => self.by_price.iter().filter(keep).copied().collect(),
            Sort::PriceHigh => self.by_price.iter().rev().filter(keep).copied().collect(),
        }
    }

    /// The devices in the facets that match every word, best first; equal
    /// matches in natural name order.
    fn by_relevance(&self, words: &[&str], in_facets: impl Fn(usize) -> bool) -> Vec<u32> {
        let phrase = words.join(" ");
        let mut scored: Vec<(u32, u32)> = self
            .by_name
            .iter()
            .filter(|i| in_facets(**i as usize))
            .filter_map(|i| {
                let at = *i as usize;
                relevance(&self.names[at], &self.haystacks[at], words, &phrase)
                    .map(|score| (score, *i))
            })
            .collect();
        scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
        scored.into_iter().map(|(_, i)| i).collect()
    }
}

fn name_of(named: Option<&NamedRef>) -> &str {
    named.and_then(|r| r.name.as_deref()).unwrap_or("")
}

fn id_of(named: Option<&NamedRef>) -> String {
    named.map(|r| r.id.clone()).unwrap_or_default()
}

/// The manufacturers of the catalog as (id, name), by name, once each.
pub fn manufacturers(devices: &[CatalogDevice]) -> Vec<(String, String)> {
    named_once(devices.iter().filter_map(|d| d.manufacturer.as_ref()))
}

/// The carriers (vendors) of the catalog as (id, name), by name, once each.
pub fn carriers(devices: &[CatalogDevice]) -> Vec<(String, String)> {
    named_once(devices.iter().filter_map(|d| d.vendor.as_ref()))
}

fn named_once<'a>(refs: impl Iterator<Item = &'a NamedRef>) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = refs
        .map(|r| (r.id.clone(), r.name.clone().unwrap_or_else(|| r.id.clone())))
        .collect();
    all.sort_by(|a, b| natural_cmp(&a.1, &b.1).then_with(|| a.0.cmp(&b.0)));
    all.dedup();
    all
}

/// Which rows of a list of `total` rows of `row_height` pixels to draw for
/// a viewport `viewport` pixels high scrolled to `scroll_top`, with
/// `overscan` rows more on each side.
pub fn visible_rows(
    total: usize,
    scroll_top: f64,
    viewport: f64,
    row_height: f64,
    overscan: usize,
) -> std::ops::Range<usize> {
    let first = (scroll_top.max(0.0) / row_height).floor() as usize;
    let count = (viewport / row_height).ceil() as usize + 1;
    let start = first.saturating_sub(overscan).min(total);
    let end = (first + count + overscan).min(total);
    start..end
}

#[cfg(test)]
mod tests {
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
}
