//! The diagnostics report: one check per thing that can keep the widget
//! from working, each passed, warned or failed, in plain words with what
//! to do. The functions here (and in [`super::environment`]) turn what
//! the probes found into checks.

use super::csp::{first_block, origin, Need, Policy};
use super::settings::Review;
use crate::i18n::{fill, Texts};

/// How a check came out (ordered: the worst is the greatest).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Pass,
    Warn,
    Fail,
}

impl Status {
    /// The word the panel shows and the `data-status` it carries.
    pub fn id(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Warn => "warn",
            Status::Fail => "fail",
        }
    }
}

/// One check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// Stable name (`ping`, `setting-tenant`...): the panel's `data-testid`.
    pub id: String,
    pub status: Status,
    /// What was found.
    pub summary: String,
    /// What to do about it (for a warning or a failure).
    pub advice: Option<String>,
}

impl Check {
    pub(super) fn new(
        id: impl Into<String>,
        status: Status,
        summary: String,
        advice: Option<String>,
    ) -> Check {
        Check {
            id: id.into(),
            status,
            summary,
            advice,
        }
    }

    /// A check that needs a usable configuration, when there is none.
    pub fn skipped(t: &Texts, id: &str) -> Check {
        Check::new(
            id,
            Status::Warn,
            t.diag_skipped.into(),
            Some(t.diag_skipped_advice.into()),
        )
    }
}

/// Every check, in the order they are shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub checks: Vec<Check>,
}

impl Report {
    /// How many checks came out `status`.
    pub fn count(&self, status: Status) -> usize {
        self.checks.iter().filter(|c| c.status == status).count()
    }
}

/// Why the config file could not be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileFailure {
    /// No answer (network, CSP or CORS).
    Unreachable(String),
    /// An HTTP error status.
    Status(u16),
}

/// The config file's check and one check per setting.
pub fn config_checks(t: &Texts, url: &str, file: Result<&Review, FileFailure>) -> Vec<Check> {
    let review = match file {
        Ok(review) => review,
        Err(failure) => {
            let why = match failure {
                FileFailure::Unreachable(reason) => reason,
                FileFailure::Status(status) => format!("HTTP {status}"),
            };
            return vec![Check::new(
                "config-file",
                Status::Fail,
                fill(t.diag_config_unreachable, &[url, &why]),
                Some(t.diag_config_unreachable_advice.into()),
            )];
        }
    };
    let file_check = if let Some(problem) = &review.unreadable {
        Check::new(
            "config-file",
            Status::Fail,
            fill(t.diag_config_unreadable, &[url, problem]),
            Some(t.diag_config_unreadable_advice.into()),
        )
    } else if !review.unknown.is_empty() {
        Check::new(
            "config-file",
            Status::Fail,
            fill(t.diag_config_unknown, &[url, &review.unknown.join(", ")]),
            Some(t.diag_config_unknown_advice.into()),
        )
    } else {
        Check::new(
            "config-file",
            Status::Pass,
            fill(t.diag_config_loaded, &[url]),
            None,
        )
    };
    // Settings from the file are said to come from it, by its name.
    let file_name = url.rsplit('/').next().unwrap_or(url);
    let file_name = file_name.split('?').next().unwrap_or(file_name);
    let settings = review.settings.iter().map(|setting| {
        let id = format!("setting-{}", setting.name);
        let source = setting
            .attribute
            .clone()
            .unwrap_or_else(|| file_name.to_owned());
        match (&setting.value, &setting.problem) {
            (_, Some(problem)) => Check::new(
                id,
                Status::Fail,
                format!("{} ({source}) {problem}", setting.name),
                Some(t.diag_setting_fix.into()),
            ),
            (Some(value), None) => Check::new(
                id,
                Status::Pass,
                fill(t.diag_setting_value, &[setting.name, value, &source]),
                None,
            ),
            (None, None) => Check::new(
                id,
                Status::Pass,
                fill(t.diag_setting_default, &[setting.name]),
                None,
            ),
        }
    });
    std::iter::once(file_check).chain(settings).collect()
}

/// What the authorization endpoint answered the probe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthorizeAnswer {
    /// A redirect (to the redirect URI: it is registered).
    Redirect,
    /// An error page with this status (the client or redirect URI is refused).
    ErrorPage(u16),
    /// Something else (a sign-in page: no `prompt=none` support).
    Other(u16),
    /// No readable answer (CORS, CSP or network), for this reason.
    Unknown(String),
}

/// Whether the authorization server takes the redirect URI.
pub fn redirect_check(
    t: &Texts,
    redirect_uri: &str,
    client_id: &str,
    probe_url: &str,
    answer: AuthorizeAnswer,
) -> Check {
    let (status, summary, advice) = match answer {
        AuthorizeAnswer::Redirect => (
            Status::Pass,
            fill(t.diag_redirect_ok, &[redirect_uri, client_id]),
            None,
        ),
        AuthorizeAnswer::ErrorPage(code) => (
            Status::Fail,
            fill(
                t.diag_redirect_refused,
                &[redirect_uri, client_id, &code.to_string()],
            ),
            Some(fill(
                t.diag_redirect_refused_advice,
                &[redirect_uri, client_id],
            )),
        ),
        AuthorizeAnswer::Other(code) => (
            Status::Warn,
            fill(
                t.diag_redirect_unclear,
                &[redirect_uri, &format!("HTTP {code}")],
            ),
            Some(fill(t.diag_redirect_by_hand, &[probe_url])),
        ),
        AuthorizeAnswer::Unknown(reason) => (
            Status::Warn,
            fill(t.diag_redirect_unclear, &[redirect_uri, &reason]),
            Some(fill(t.diag_redirect_by_hand, &[probe_url])),
        ),
    };
    Check::new("redirect-uri", status, summary, advice)
}

/// What the widget needs of the page's Content-Security-Policy: the
/// check's id, a name for it, and the need.
pub type CspNeed<'a> = (&'static str, String, Need<'a>);

/// One check per need: allowed by every policy of the page, or the
/// directive that blocks it. `violations` are the browser's reports
/// (`directive blocked-url`) seen meanwhile.
pub fn csp_checks(
    t: &Texts,
    policies: &[Policy],
    page_url: &str,
    needs: &[CspNeed],
    violations: &[String],
) -> Vec<Check> {
    let mut checks: Vec<Check> = needs
        .iter()
        .map(
            |(id, what, need)| match first_block(policies, *need, page_url) {
                None => Check::new(*id, Status::Pass, fill(t.diag_csp_allows, &[what]), None),
                Some(directive) => {
                    let name = directive.split(' ').next().unwrap_or_default().to_owned();
                    let origin = match need {
                        Need::Wasm => "'wasm-unsafe-eval'".to_owned(),
                        Need::Script(url) | Need::Connect(url) | Need::Image(url) => origin(url),
                    };
                    Check::new(
                        *id,
                        Status::Fail,
                        fill(t.diag_csp_blocks, &[what, &directive]),
                        Some(fill(t.diag_csp_blocks_advice, &[&origin, &name])),
                    )
                }
            },
        )
        .collect();
    if !violations.is_empty() {
        checks.push(Check::new(
            "csp-violations",
            Status::Fail,
            fill(t.diag_csp_violations, &[&violations.join("; ")]),
            Some(t.diag_csp_violations_advice.into()),
        ));
    }
    checks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::environment::{clock_check, ping_check, PingAnswer};
    use crate::diagnostics::settings::review;
    use crate::i18n::Locale;

    fn t() -> &'static Texts {
        Locale::En.texts()
    }

    #[test]
    fn the_config_file_and_each_setting_get_a_check() {
        let good = review(
            r#"{"apiBaseUrl": "/v1", "authorizationUrl": "/as", "clientId": "w", "tenant": "ACME", "grant": "x"}"#,
            &[],
        );
        let checks = config_checks(t(), "/config.json", Ok(&good));
        assert_eq!(checks[0].id, "config-file");
        assert_eq!(checks[0].status, Status::Pass);
        let tenant = checks.iter().find(|c| c.id == "setting-tenant").unwrap();
        assert_eq!(tenant.status, Status::Pass);
        assert!(tenant.summary.contains("ACME"), "{}", tenant.summary);
        assert!(
            tenant.summary.contains("(from config.json)"),
            "{}",
            tenant.summary
        );
        let grant = checks.iter().find(|c| c.id == "setting-grant").unwrap();
        assert_eq!(grant.status, Status::Fail);
        assert!(grant.advice.is_some());
        let elsewhere = config_checks(t(), "https://w/portal-config.json?v=2", Ok(&good));
        let grant = elsewhere.iter().find(|c| c.id == "setting-grant").unwrap();
        assert!(
            grant.summary.contains("(portal-config.json)"),
            "{}",
            grant.summary
        );
        let missing = config_checks(t(), "/config.json", Err(FileFailure::Status(404)));
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].status, Status::Fail);
        assert!(missing[0].summary.contains("HTTP 404"));
        let unknown = review(r#"{"tenent": "ACME"}"#, &[]);
        let checks = config_checks(t(), "/config.json", Ok(&unknown));
        assert_eq!(checks[0].status, Status::Fail);
        assert!(checks[0].summary.contains("tenent"));
    }

    #[test]
    fn only_a_redirect_proves_the_redirect_uri() {
        let check = |answer| redirect_check(t(), "https://p/", "w", "https://as/?x", answer).status;
        assert_eq!(check(AuthorizeAnswer::Redirect), Status::Pass);
        assert_eq!(check(AuthorizeAnswer::ErrorPage(400)), Status::Fail);
        assert_eq!(check(AuthorizeAnswer::Other(200)), Status::Warn);
        assert_eq!(check(AuthorizeAnswer::Unknown("CORS".into())), Status::Warn);
        let unknown = redirect_check(
            t(),
            "https://p/",
            "w",
            "https://as/?x",
            AuthorizeAnswer::Unknown("CORS".into()),
        );
        assert!(
            unknown.advice.unwrap().contains("https://as/?x"),
            "the address to try by hand"
        );
    }

    #[test]
    fn csp_checks_name_the_blocking_directive_and_the_origin_to_add() {
        let page = "http://127.0.0.1:8080/portal.html";
        let policies =
            Policy::parse_header("script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'");
        let needs: Vec<CspNeed> = vec![
            ("csp-wasm", "WebAssembly".into(), Need::Wasm),
            (
                "csp-api",
                "the API".into(),
                Need::Connect("http://localhost:8080/mobproc/v1"),
            ),
        ];
        let checks = csp_checks(t(), &policies, page, &needs, &[]);
        assert_eq!(checks[0].status, Status::Pass);
        assert_eq!(checks[1].status, Status::Fail);
        assert!(
            checks[1].summary.contains("connect-src 'self'"),
            "{}",
            checks[1].summary
        );
        assert!(checks[1]
            .advice
            .as_ref()
            .unwrap()
            .contains("http://localhost:8080"));
        let with_reports = csp_checks(t(), &[], page, &needs, &["connect-src http://x/".into()]);
        assert_eq!(with_reports.len(), 3);
        assert_eq!(with_reports[2].status, Status::Fail);
    }

    #[test]
    fn a_report_counts_its_outcomes() {
        let report = Report {
            checks: vec![
                clock_check(t(), None),
                clock_check(t(), Some(0.0)),
                ping_check(t(), "/v1", "A", PingAnswer::Unreachable("x".into())),
            ],
        };
        assert_eq!(
            (
                report.count(Status::Pass),
                report.count(Status::Warn),
                report.count(Status::Fail)
            ),
            (1, 1, 1)
        );
    }
}
