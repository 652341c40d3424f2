//! Where a new or incoming number is used (TRANSACTIONS.md 3.3): a known
//! country, and a postal code matching its `postalCodeRegEx` (required in
//! the United States, the region whose abbreviation is `US`).

use mobproc_types::validation::PatternMatcher;
use mobproc_types::{ErrorDetail, OrderRequest, RegionType};

use super::{problem, OrderContext, RegexMatcher};

pub fn check(context: &OrderContext, request: &OrderRequest, problems: &mut Vec<ErrorDetail>) {
    let Some(id) = &request.region_id else {
        return;
    };
    let Some(region) = context
        .use_region
        .as_ref()
        .filter(|r| r.kind == RegionType::Country)
    else {
        problems.push(problem(
            "invalid-region",
            "regionId",
            format!("Region '{id}' is not a country (see GET /regions)."),
        ));
        return;
    };
    let is_us = region.abbreviation.as_deref() == Some("US");
    let postal_code = request
        .postal_code
        .as_deref()
        .map(str::trim)
        .filter(|code| !code.is_empty());
    match (postal_code, region.postal_code_reg_ex.as_deref()) {
        (None, _) if is_us => problems.push(problem(
            "postal-code-required",
            "postalCode",
            "In the United States the postal (ZIP) code of the place of use is required.",
        )),
        (Some(code), Some(pattern)) if RegexMatcher.full_match(pattern, code) != Some(true) => {
            problems.push(problem(
                "invalid-postal-code",
                "postalCode",
                format!("'{code}' is not a postal code of {}.", region.name),
            ))
        }
        _ => {}
    }
}
