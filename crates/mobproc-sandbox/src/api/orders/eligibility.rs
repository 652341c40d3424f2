//! Whether the line an order upgrades may be upgraded at all: it must be
//! active, and its upgrade-eligibility date must have come (by the
//! sandbox's clock). The widget shows the same rule; this enforces it.

use mobproc_types::{EntityStatus, ErrorDetail, ServiceAsset};

use crate::api::orders::store::timestamp_seconds;

fn problem(code: &str, message: String) -> ErrorDetail {
    ErrorDetail {
        error_code: format!("400-{code}"),
        message,
        field: Some("orderRequest.serviceId".into()),
    }
}

/// The problems with upgrading `line` at `now` (Unix seconds): not active,
/// not yet eligible. A line without an eligibility date (or with one that
/// does not parse) is eligible, as the widget treats it.
pub fn check_line(line: &ServiceAsset, now: i64, problems: &mut Vec<ErrorDetail>) {
    if line.status != EntityStatus::Active {
        problems.push(problem(
            "line-not-active",
            format!(
                "Line {} is {}: only an active line can be upgraded.",
                line.service_number, line.status
            ),
        ));
    }
    let not_yet = line
        .upgrade_eligibility_date
        .as_deref()
        .filter(|date| timestamp_seconds(date).is_some_and(|at| at > now));
    if let Some(date) = not_yet {
        problems.push(problem(
            "line-not-eligible",
            format!(
                "Line {} may be upgraded from {} on, not yet.",
                line.service_number,
                date.get(..10).unwrap_or(date)
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(status: EntityStatus, eligible: Option<&str>) -> ServiceAsset {
        ServiceAsset {
            meta: None,
            id: "1".into(),
            service_number: "2035557677".into(),
            status,
            contract_dates: None,
            upgrade_eligibility_date: eligible.map(str::to_owned),
            vendor: None,
            device: None,
            employee: None,
            order_actions: None,
        }
    }

    fn codes(line: &ServiceAsset, now: i64) -> Vec<String> {
        let mut problems = Vec::new();
        check_line(line, now, &mut problems);
        problems.into_iter().map(|p| p.error_code).collect()
    }

    #[test]
    fn a_line_is_eligible_from_its_date_on() {
        let date = "2016-01-21T06:00:00Z";
        let at = timestamp_seconds(date).unwrap();
        let active = line(EntityStatus::Active, Some(date));
        assert_eq!(codes(&active, at - 1), ["400-line-not-eligible"]);
        assert!(codes(&active, at).is_empty());
        assert!(codes(&line(EntityStatus::Active, None), 0).is_empty());
    }

    #[test]
    fn only_active_lines_may_be_upgraded() {
        let suspended = line(EntityStatus::Suspended, Some("2030-01-01T00:00:00Z"));
        assert_eq!(
            codes(&suspended, 0),
            ["400-line-not-active", "400-line-not-eligible"]
        );
        assert_eq!(
            codes(&line(EntityStatus::Inactive, None), 0),
            ["400-line-not-active"]
        );
    }
}
