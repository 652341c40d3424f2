//! Reading a whole collection: a collection answers one page at a time
//! (`limit`, `offset`), so the widget asks for the rest once the first page
//! says how many there are. Pure planning, tested natively.

use mobproc_types::{
    AccessoriesPage, Accessory, CatalogDevice, CatalogDevicesPage, DeviceAsset, DeviceAssetsPage,
    Employee, EmployeesPage, Meta, Plan, PlansPage, Region, RegionsPage, ServiceAsset,
    ServicesPage, Vendor, VendorsPage,
};

/// The most pages read from one collection (with the catalog's 5,000 a
/// page, 100,000 devices).
pub const MAX_PAGES: usize = 20;

/// A page of a MOBPROC collection.
pub trait Page {
    /// What the collection holds.
    type Item;
    /// The page's `_meta` and its items.
    fn into_parts(self) -> (Option<Meta>, Vec<Self::Item>);
}

macro_rules! page {
    ($page:ty, $item:ty, $field:ident) => {
        impl Page for $page {
            type Item = $item;
            fn into_parts(self) -> (Option<Meta>, Vec<$item>) {
                (self.meta, self.$field)
            }
        }
    };
}

page!(CatalogDevicesPage, CatalogDevice, devices);
page!(PlansPage, Plan, plans);
page!(EmployeesPage, Employee, employees);
page!(ServicesPage, ServiceAsset, services);
page!(VendorsPage, Vendor, vendors);
page!(RegionsPage, Region, regions);
page!(AccessoriesPage, Accessory, accessories);
page!(DeviceAssetsPage, DeviceAsset, devices);

/// The offsets of the pages still to read after a page with `meta` and
/// `count` items, at most `room` of them. With a `totalCount`, all of
/// them at once (they can be asked for together); without one, the next
/// page only, while the page links to one.
pub fn more_pages(meta: Option<&Meta>, count: usize, room: usize) -> Vec<u32> {
    let Some(meta) = meta else {
        return Vec::new();
    };
    let offset = meta.offset.unwrap_or(0);
    let limit = meta
        .limit
        .filter(|limit| *limit > 0)
        .unwrap_or(count as u32);
    if limit == 0 {
        return Vec::new();
    }
    let after = |pages: u32| offset.checked_add(pages.checked_mul(limit)?);
    match meta.total_count {
        Some(total) => (1..)
            .map_while(after)
            .take_while(|next| *next < total)
            .take(room)
            .collect(),
        None if meta.href_next.is_some() => after(1).into_iter().take(room).collect(),
        None => Vec::new(),
    }
}

/// `path` (which may have a query already) asking for the page at `offset`.
pub fn with_offset(path: &str, offset: u32) -> String {
    let separator = if path.contains('?') { '&' } else { '?' };
    format!("{path}{separator}offset={offset}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(limit: u32, offset: u32, total: Option<u32>, next: bool) -> Meta {
        Meta {
            limit: Some(limit),
            offset: Some(offset),
            total_count: total,
            href_next: next.then(|| "https://api/next".to_owned()),
            ..Meta::default()
        }
    }

    #[test]
    fn with_a_total_every_other_page_is_asked_for_at_once() {
        let first = meta(5000, 0, Some(5680), true);
        assert_eq!(more_pages(Some(&first), 5000, MAX_PAGES), [5000]);
        let small = meta(100, 0, Some(250), true);
        assert_eq!(more_pages(Some(&small), 100, MAX_PAGES), [100, 200]);
        let last = meta(100, 200, Some(250), false);
        assert!(more_pages(Some(&last), 50, MAX_PAGES).is_empty());
    }

    #[test]
    fn one_page_or_no_paging_figures_means_nothing_more() {
        assert!(more_pages(Some(&meta(200, 0, Some(12), false)), 12, MAX_PAGES).is_empty());
        assert!(more_pages(None, 25, MAX_PAGES).is_empty());
        assert!(more_pages(Some(&Meta::default()), 0, MAX_PAGES).is_empty());
    }

    #[test]
    fn without_a_total_the_next_link_is_followed_one_page_at_a_time() {
        let page = meta(25, 50, None, true);
        assert_eq!(more_pages(Some(&page), 25, MAX_PAGES), [75]);
        assert!(more_pages(Some(&meta(25, 75, None, false)), 3, MAX_PAGES).is_empty());
        let no_limit = Meta {
            href_next: Some("https://api/next".into()),
            ..Meta::default()
        };
        assert_eq!(
            more_pages(Some(&no_limit), 25, MAX_PAGES),
            [25],
            "the page's size as its limit"
        );
    }

    #[test]
    fn a_huge_total_is_read_up_to_the_cap_and_offsets_never_overflow() {
        let huge = meta(10, 0, Some(u32::MAX), true);
        assert_eq!(more_pages(Some(&huge), 10, 3), [10, 20, 30]);
        let near_end = meta(u32::MAX / 2 + 1, u32::MAX / 2 + 1, Some(u32::MAX), true);
        assert!(more_pages(Some(&near_end), 1, MAX_PAGES).is_empty());
        assert!(more_pages(Some(&huge), 10, 0).is_empty(), "no room left");
    }

    #[test]
    fn the_offset_joins_the_query() {
        assert_eq!(
            with_offset("/catalog/devices?limit=5000&sort=name", 5000),
            "/catalog/devices?limit=5000&sort=name&offset=5000"
        );
        assert_eq!(with_offset("/regions", 25), "/regions?offset=25");
    }
}
