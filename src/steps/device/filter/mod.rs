//! Searching and sorting the catalog in memory: the catalog is read once
//! per session, then every keystroke filters thousands of devices without
//! a request. Sort orders are computed once, so a filter is one pass; a
//! search sorted by name puts the best matches first (ranked by the
//! device step's private `ranking` module).

use mobproc_types::sort::{sort_by, sort_by_key};
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
        sort_by(&mut by_name, |a, b| {
            natural_cmp(&names[*a as usize], &names[*b as usize])
        });
        let mut by_price = by_name.clone();
        sort_by_key(&mut by_price, |i| prices[*i as usize]);
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
        sort_by_key(&mut scored, |(score, _)| std::cmp::Reverse(*score));
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
    sort_by(&mut all, |a, b| {
        natural_cmp(&a.1, &b.1).then_with(|| a.0.cmp(&b.0))
    });
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
mod tests;
