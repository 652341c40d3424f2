//! The diagnostics panel: a summary, then every check with its outcome,
//! what was found and what to do.

use leptos::prelude::*;
use mobproc_types::sort::sort_by_key;

use super::probes::run;
use super::report::{Check, Report, Status};
use super::DiagnoseRequest;
use crate::components::Busy;
use crate::i18n::{fill, Texts};

fn status_word(t: &Texts, status: Status) -> &'static str {
    match status {
        Status::Pass => t.diag_status_pass,
        Status::Warn => t.diag_status_warn,
        Status::Fail => t.diag_status_fail,
    }
}

fn check_item(t: &'static Texts, check: Check) -> impl IntoView {
    view! {
        <li class="mobproc-diagnostics-check" data-testid=format!("check-{}", check.id) data-status=check.status.id()>
            <span class="mobproc-diagnostics-status">{status_word(t, check.status)}</span>
            " "
            <span class="mobproc-diagnostics-summary">{check.summary}</span>
            {check.advice.map(|advice| view! {
                <p class="mobproc-diagnostics-advice">
                    <strong>{t.diag_what_to_do}</strong>" "{advice}
                </p>
            })}
        </li>
    }
}

/// The report, failures first, then warnings (each in the checks' order).
fn report_view(t: &'static Texts, mut report: Report) -> impl IntoView {
    sort_by_key(&mut report.checks, |check| std::cmp::Reverse(check.status));
    let summary = fill(
        t.diag_summary,
        &[
            &report.count(Status::Pass).to_string(),
            &report.count(Status::Warn).to_string(),
            &report.count(Status::Fail).to_string(),
        ],
    );
    view! {
        <p class="mobproc-diagnostics-totals" role="status" data-testid="diagnostics-summary">{summary}</p>
        <ul class="mobproc-diagnostics-checks" data-testid="diagnostics-checks">
            {report.checks.into_iter().map(|check| check_item(t, check)).collect_view()}
        </ul>
    }
}

crate::stylesheet! {
    /// The panel's styles (applied when it is first built).
    pub static STYLE = include_str!("diagnostics.css");
}

/// The panel for `request`: busy while the checks run, then the report.
pub fn panel(request: DiagnoseRequest) -> impl IntoView {
    crate::style::require(&STYLE);
    let (t, lang) = (request.locale.texts(), request.locale.lang());
    let report = LocalResource::new(move || run(request.clone()));
    view! {
        <section class="mobproc mobproc-diagnostics" lang=lang data-testid="diagnostics" aria-labelledby="mobproc-diagnostics-title">
            <h2 class="mobproc-title" id="mobproc-diagnostics-title">{t.diag_title}</h2>
            <p class="mobproc-diagnostics-intro">{t.diag_intro}</p>
            <Suspense fallback=move || view! { <Busy label=t.diag_running/> }>
                {move || Suspend::new(async move { report_view(t, report.await) })}
            </Suspense>
        </section>
    }
}
