//! `limit`/`offset` paging and the `_meta` links of a page.

use axum::http::Uri;
use mobproc_types::Meta;

use crate::error::{ApiError, ApiResult};
use crate::links::Links;
use crate::model::Platform;

/// Items per page when `limit` is not given.
pub const DEFAULT_LIMIT: u32 = 25;
/// The largest page; enough for a whole catalog in one call.
pub const MAX_LIMIT: u32 = 5000;

/// One page of a collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub limit: u32,
    pub offset: u32,
}

impl Paging {
    /// Reads `limit` and `offset`. Premium Mobile (Command) answers the
    /// page that *contains* `offset`, so there it is rounded down to a
    /// multiple of `limit`.
    pub fn parse(
        limit: Option<&str>,
        offset: Option<&str>,
        platform: Platform,
    ) -> ApiResult<Paging> {
        let limit = match limit {
            None => DEFAULT_LIMIT,
            Some(text) => match text.trim().parse::<u32>() {
                Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
                _ => {
                    return Err(ApiError::bad_request(
                        "invalid-limit",
                        format!(
                            "limit must be a whole number from 1 to {MAX_LIMIT}, not '{text}'."
                        ),
                    ))
                }
            },
        };
        let offset = match offset {
            None => 0,
            Some(text) => text.trim().parse::<u32>().map_err(|_| {
                ApiError::bad_request(
                    "invalid-offset",
                    format!("offset must be a whole number from 0, not '{text}'."),
                )
            })?,
        };
        let offset = match platform {
            Platform::Command => offset / limit * limit,
            Platform::Rivermine | Platform::Atlas => offset,
        };
        Ok(Paging { limit, offset })
    }

    /// This page's share of `items`.
    pub fn slice<T>(&self, items: Vec<T>) -> Vec<T> {
        items
            .into_iter()
            .skip(self.offset as usize)
            .take(self.limit as usize)
            .collect()
    }

    /// `_meta` for this page of `total` items: `href` is this page; start,
    /// previous, next and end are present only when they are other pages.
    pub fn meta(&self, links: &Links, uri: &Uri, total: u32) -> Meta {
        let link = |offset: u32| links.absolute(&page_uri(uri, self.limit, offset));
        let last = if total == 0 {
            0
        } else {
            (total - 1) / self.limit * self.limit
        };
        let differs = |offset: u32| offset != self.offset;
        Meta {
            href: Some(link(self.offset)),
            href_start: differs(0).then(|| link(0)),
            href_previous: (self.offset > 0).then(|| link(self.offset.saturating_sub(self.limit))),
            href_next: (self.offset.saturating_add(self.limit) < total)
                .then(|| link(self.offset + self.limit)),
            href_end: differs(last).then(|| link(last)),
            limit: Some(self.limit),
            offset: Some(self.offset),
            total_count: Some(total),
            ..Meta::default()
        }
    }
}

/// The request's path and query with `limit` and `offset` replaced
/// (appended last), other parameters kept in order.
fn page_uri(uri: &Uri, limit: u32, offset: u32) -> String {
    let mut query: Vec<&str> = uri
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| {
            let key = pair.split('=').next().unwrap_or("");
            key != "limit" && key != "offset"
        })
        .collect();
    let paging = format!("limit={limit}&offset={offset}");
    query.push(&paging);
    format!("{}?{}", uri.path(), query.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(limit: &str, offset: &str, total: u32, platform: Platform) -> Meta {
        let uri: Uri = "/mobproc/v1/employees?sortAscending=true&limit=10&offset=30"
            .parse()
            .unwrap();
        Paging::parse(Some(limit), Some(offset), platform)
            .unwrap()
            .meta(&Links::new("http://sandbox"), &uri, total)
    }

    #[test]
    fn middle_page_links_everywhere() {
        let m = meta("10", "30", 72, Platform::Rivermine);
        assert_eq!(
            m.href.unwrap(),
            "http://sandbox/mobproc/v1/employees?sortAscending=true&limit=10&offset=30"
        );
        assert!(m.href_start.unwrap().ends_with("offset=0"));
        assert!(m.href_previous.unwrap().ends_with("offset=20"));
        assert!(m.href_next.unwrap().ends_with("offset=40"));
        assert!(m.href_end.unwrap().ends_with("offset=70"));
        assert_eq!(
            (m.limit, m.offset, m.total_count),
            (Some(10), Some(30), Some(72))
        );
    }

    #[test]
    fn first_and_last_pages_omit_links_to_themselves() {
        let first = meta("10", "0", 72, Platform::Rivermine);
        assert!(first.href_start.is_none() && first.href_previous.is_none());
        assert!(first.href_next.is_some() && first.href_end.is_some());
        let last = meta("10", "70", 72, Platform::Rivermine);
        assert!(last.href_next.is_none() && last.href_end.is_none());
        let only = meta("10", "0", 5, Platform::Rivermine);
        assert!(only.href_start.is_none() && only.href_next.is_none() && only.href_end.is_none());
    }

    #[test]
    fn premium_mobile_answers_the_page_containing_offset() {
        assert_eq!(meta("10", "35", 72, Platform::Command).offset, Some(30));
        assert_eq!(meta("10", "35", 72, Platform::Atlas).offset, Some(35));
    }

    #[test]
    fn an_offset_near_the_end_of_u32_has_no_next_page() {
        let m = meta("5000", "4294967295", 72, Platform::Rivermine);
        assert!(m.href_next.is_none());
        assert!(m.href_end.unwrap().ends_with("offset=0"));
    }

    #[test]
    fn bad_paging_is_a_clear_400() {
        for (limit, offset) in [("0", "0"), ("5001", "0"), ("ten", "0"), ("10", "-1")] {
            let error = Paging::parse(Some(limit), Some(offset), Platform::Command).unwrap_err();
            assert_eq!(error.status.as_u16(), 400, "{limit} {offset}");
        }
    }
}
