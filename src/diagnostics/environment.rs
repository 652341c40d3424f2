//! The checks of the browser and the API: storage, the clock against the
//! API's, and the API's `/ping` for the tenant.

use super::report::{Check, Status};
use crate::i18n::{fill, Texts};

/// Whether the browser lets the widget keep things: `session` and `local`
/// are `Err(reason)` when unavailable; `redirect_sign_in` when signing in
/// leaves the page (and comes back to it through sessionStorage).
pub fn storage_check(
    t: &Texts,
    session: Result<(), String>,
    local: Result<(), String>,
    redirect_sign_in: bool,
) -> Check {
    match (session, local) {
        (Ok(()), Ok(())) => Check::new("storage", Status::Pass, t.diag_storage_ok.into(), None),
        (Err(reason), _) => Check::new(
            "storage",
            if redirect_sign_in {
                Status::Fail
            } else {
                Status::Warn
            },
            fill(t.diag_storage_no_session, &[&reason]),
            Some(t.diag_storage_advice.into()),
        ),
        (Ok(()), Err(reason)) => Check::new(
            "storage",
            Status::Warn,
            fill(t.diag_storage_no_local, &[&reason]),
            Some(t.diag_storage_advice.into()),
        ),
    }
}

/// How far this computer's clock is ahead of the API's (negative: behind),
/// in ms: the API's `Date` (whole seconds, so its middle) against the
/// middle of the request.
pub fn clock_skew_ms(server_date_ms: f64, sent_ms: f64, received_ms: f64) -> f64 {
    (sent_ms + received_ms) / 2.0 - (server_date_ms + 500.0)
}

/// A skew over this makes tokens look expired early or late.
pub const SKEW_LIMIT_MS: f64 = 120_000.0;

/// Whether a skew is small enough.
pub fn skew_status(skew_ms: f64) -> Status {
    if skew_ms.abs() <= SKEW_LIMIT_MS {
        Status::Pass
    } else {
        Status::Warn
    }
}

/// The clock check: `None` when the API's `Date` could not be read.
pub fn clock_check(t: &Texts, skew_ms: Option<f64>) -> Check {
    let Some(skew) = skew_ms else {
        return Check::new(
            "clock",
            Status::Warn,
            t.diag_clock_unknown.into(),
            Some(t.diag_clock_unknown_advice.into()),
        );
    };
    let seconds = format!("{:.0}", (skew / 1000.0).abs());
    let template = if skew >= 0.0 {
        t.diag_clock_ahead
    } else {
        t.diag_clock_behind
    };
    let status = skew_status(skew);
    let advice = (status != Status::Pass).then(|| t.diag_clock_advice.into());
    Check::new("clock", status, fill(template, &[&seconds]), advice)
}

/// What `/ping` answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PingAnswer {
    /// It answered, with this backend.
    Backend(String),
    /// An HTTP error status and the API's message.
    Refused(u16, String),
    /// No answer (network, CORS or CSP), for this reason.
    Unreachable(String),
}

/// Whether the API answers `/ping` for the tenant.
pub fn ping_check(t: &Texts, api: &str, tenant: &str, answer: PingAnswer) -> Check {
    match answer {
        PingAnswer::Backend(backend) => Check::new(
            "ping",
            Status::Pass,
            fill(t.diag_ping_ok, &[api, tenant, &backend]),
            None,
        ),
        PingAnswer::Refused(status, message) => Check::new(
            "ping",
            Status::Fail,
            fill(
                t.diag_ping_refused,
                &[api, tenant, &format!("HTTP {status} {message}")],
            ),
            Some(t.diag_ping_refused_advice.into()),
        ),
        PingAnswer::Unreachable(reason) => Check::new(
            "ping",
            Status::Fail,
            fill(t.diag_ping_unreachable, &[api, &reason]),
            Some(t.diag_ping_unreachable_advice.into()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn t() -> &'static Texts {
        Locale::En.texts()
    }

    #[test]
    fn storage_without_session_storage_fails_only_for_redirect_sign_in() {
        let none = || Err::<(), String>("SecurityError".into());
        assert_eq!(
            storage_check(t(), Ok(()), Ok(()), true).status,
            Status::Pass
        );
        assert_eq!(
            storage_check(t(), none(), Ok(()), true).status,
            Status::Fail
        );
        assert_eq!(
            storage_check(t(), none(), Ok(()), false).status,
            Status::Warn
        );
        assert_eq!(
            storage_check(t(), Ok(()), none(), true).status,
            Status::Warn
        );
    }

    #[test]
    fn clock_skew_is_measured_from_the_middle_of_the_request() {
        // Sent at 10.0 s, back at 11.0 s, the API said 10 s (so 10.5 s).
        assert_eq!(clock_skew_ms(10_000.0, 10_000.0, 11_000.0), 0.0);
        assert_eq!(clock_skew_ms(10_000.0, 190_000.0, 191_000.0), 180_000.0);
        assert_eq!(skew_status(119_000.0), Status::Pass);
        assert_eq!(skew_status(-121_000.0), Status::Warn);
        assert_eq!(skew_status(121_000.0), Status::Warn);
        let behind = clock_check(t(), Some(-180_000.0));
        assert_eq!(behind.status, Status::Warn);
        assert!(behind.summary.contains("180"), "{}", behind.summary);
        assert_eq!(clock_check(t(), None).status, Status::Warn);
        assert_eq!(clock_check(t(), Some(3_000.0)).status, Status::Pass);
    }

    #[test]
    fn ping_passes_only_with_an_answer() {
        let ok = ping_check(t(), "/v1", "ACME", PingAnswer::Backend("SAP".into()));
        assert_eq!(ok.status, Status::Pass);
        assert!(ok.summary.contains("SAP"));
        let refused = ping_check(
            t(),
            "/v1",
            "NOPE",
            PingAnswer::Refused(400, "Unknown tenant".into()),
        );
        assert_eq!(refused.status, Status::Fail);
        assert!(refused.summary.contains("Unknown tenant"));
        assert_eq!(
            ping_check(t(), "/v1", "ACME", PingAnswer::Unreachable("x".into())).status,
            Status::Fail
        );
    }
}
