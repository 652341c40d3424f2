//! Every user-facing text, one catalogue per locale: English and French
//! (Canada). A missing translation is a compile error, as both catalogues
//! fill the same struct. Placeholders are `{0}`, `{1}`... (see [`fill`]).

mod en;
mod format_locale;
mod fr_ca;

pub use format_locale::format_locale;

use mobproc_types::expected_format::Language;
use mobproc_types::AccessMethod;

/// A language the widget speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    En,
    FrCa,
}

impl Locale {
    /// The locale for a BCP 47 tag: French for `fr`, `fr-CA`..., English otherwise.
    pub fn from_tag(tag: &str) -> Locale {
        if tag.to_ascii_lowercase().starts_with("fr") {
            Locale::FrCa
        } else {
            Locale::En
        }
    }

    /// The tag `Intl` formats with when the browser names no region for
    /// this language.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en-US",
            Locale::FrCa => "fr-CA",
        }
    }

    /// The `lang` attribute of the widget's root.
    pub fn lang(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::FrCa => "fr-CA",
        }
    }

    /// The primary language subtag this locale stands for.
    pub(crate) fn primary(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::FrCa => "fr",
        }
    }

    /// This locale's catalogue.
    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::En => &en::TEXTS,
            // (English until [`prepare`] has loaded the French catalogue.)
            Locale::FrCa => french().unwrap_or(&en::TEXTS),
        }
    }
}

/// The order statuses the catalogues name, in the order of
/// [`Texts::status_names`].
const STATUS_CODES: [&str; 8] = [
    "ORDER_SUBMITTED",
    "AWAITING_APPROVAL",
    "APPROVED",
    "REJECTED",
    "IN_PROGRESS",
    "SHIPPED",
    "COMPLETE",
    "CANCELLED",
];

/// The French catalogue, in its own chunk of the release wasm (English
/// readers never fetch it): [`prepare`] loads it.
#[cfg(all(target_arch = "wasm32", not(debug_assertions)))]
#[leptos::wasm_split::wasm_split(french, wasm_split_path = leptos::wasm_split, fallible)]
fn french_catalogue() -> Result<&'static Texts, crate::app::chunks::ChunkError> {
    Ok(&fr_ca::TEXTS)
}

#[cfg(all(target_arch = "wasm32", not(debug_assertions)))]
static FRENCH: std::sync::OnceLock<&'static Texts> = std::sync::OnceLock::new();

/// The French catalogue, if it is loaded (always, but in the release wasm).
fn french() -> Option<&'static Texts> {
    #[cfg(all(target_arch = "wasm32", not(debug_assertions)))]
    return FRENCH.get().copied();
    #[cfg(not(all(target_arch = "wasm32", not(debug_assertions))))]
    Some(&fr_ca::TEXTS)
}

/// Makes `locale`'s texts available, and returns the locale to show:
/// `locale`, or English when the French catalogue cannot be fetched (the
/// widget still works; the console says why).
pub async fn prepare(locale: Locale) -> Locale {
    if locale == Locale::En || french().is_some() {
        return locale;
    }
    #[cfg(all(target_arch = "wasm32", not(debug_assertions)))]
    {
        #[allow(clippy::useless_conversion)]
        match french_catalogue()
            .await
            .map_err(crate::app::chunks::ChunkError::from)
        {
            Ok(texts) => {
                let _ = FRENCH.set(texts);
                return locale;
            }
            Err(_) => web_sys::console::warn_1(
                &"mobproc: the French texts could not be fetched; showing English".into(),
            ),
        }
    }
    Locale::En
}

/// Replaces `{0}`, `{1}`... in `template` with `args`.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = template.to_owned();
    for (i, arg) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), arg);
    }
    out
}

/// The catalogue: one field per text.
#[derive(Debug)]
pub struct Texts {
    /// The language rule shapes are worded in ("5 digits").
    pub language: Language,
    // The frame.
    pub title: &'static str,
    pub loading: &'static str,
    pub config_error: &'static str,
    pub steps_label: &'static str,
    pub step_names: [&'static str; 14],
    pub step_of: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub retry: &'static str,
    pub required_mark: &'static str,
    pub none: &'static str,
    // Signing in.
    pub sign_in_title: &'static str,
    pub sign_in_intro: &'static str,
    pub sign_in: &'static str,
    pub sign_in_popup: &'static str,
    pub signing_in: &'static str,
    pub sign_in_denied: &'static str,
    pub sign_in_refused: &'static str,
    pub sign_in_failed: &'static str,
    /// `{0}`: the authorization server's own explanation.
    pub sign_in_server_says: &'static str,
    /// `{0}`: what went wrong, as the widget knows it.
    pub sign_in_details: &'static str,
    pub popup_blocked: &'static str,
    pub session_ends_soon: &'static str,
    pub session_expired: &'static str,
    pub sign_in_again: &'static str,
    pub draft_restored: &'static str,
    // Errors.
    pub error_network: &'static str,
    pub error_unauthorized: &'static str,
    pub error_status: &'static str,
    pub error_unreadable: &'static str,
    pub chunk_failed: &'static str,
    pub error_code: &'static str,
    pub error_id: &'static str,
    pub entries_kept: &'static str,
    // Step 1.
    pub ordering_for: &'static str,
    pub myself: &'static str,
    pub lines_heading: &'static str,
    pub no_lines: &'static str,
    pub line_carrier: &'static str,
    pub line_device: &'static str,
    pub line_contract_end: &'static str,
    pub no_contract_end: &'static str,
    pub eligible_now: &'static str,
    pub eligible_on: &'static str,
    pub choose_line: &'static str,
    pub what_to_do: &'static str,
    /// The flows' names, in `flows::FLOWS` order.
    pub flow_names: [&'static str; 12],
    pub line_suspended: &'static str,
    // Step 2.
    pub current_device_intro: &'static str,
    pub manufacturer: &'static str,
    pub model: &'static str,
    pub serial_type: &'static str,
    pub serial_value: &'static str,
    pub sim_id: &'static str,
    pub serial_invalid: &'static str,
    pub sim_invalid: &'static str,
    // Step 3.
    pub device_intro: &'static str,
    pub keep_device: &'static str,
    pub search: &'static str,
    pub all_manufacturers: &'static str,
    pub carrier: &'static str,
    pub all_carriers: &'static str,
    pub max_price: &'static str,
    pub any_price: &'static str,
    pub sort_by: &'static str,
    pub sort_name: &'static str,
    pub sort_price_low: &'static str,
    pub sort_price_high: &'static str,
    pub devices_found: &'static str,
    pub one_device_found: &'static str,
    /// `{0}`: the network's name.
    pub only_network_devices: &'static str,
    /// `{0}`: the network's name.
    pub needs_plan_on: &'static str,
    pub no_devices: &'static str,
    pub chosen_device: &'static str,
    pub device_options: &'static str,
    pub choose_option: &'static str,
    pub included: &'static str,
    // Step 4.
    pub plan_intro: &'static str,
    pub keep_plan: &'static str,
    pub per_month: &'static str,
    pub included_features: &'static str,
    pub optional_features: &'static str,
    pub needs_new_device: &'static str,
    pub device_mismatch: &'static str,
    pub choose_device: &'static str,
    pub nothing_chosen: &'static str,
    // Step 5.
    pub details_intro: &'static str,
    pub other_text: &'static str,
    pub choose: &'static str,
    pub problem_required: &'static str,
    pub problem_too_short: &'static str,
    pub problem_too_long: &'static str,
    pub problem_format: &'static str,
    pub problem_format_example: &'static str,
    pub problem_format_date: &'static str,
    pub problem_format_unknown: &'static str,
    pub problem_date: &'static str,
    pub problem_choice: &'static str,
    pub problem_other: &'static str,
    // Step 6.
    pub shipping_intro: &'static str,
    pub recipient: &'static str,
    pub country: &'static str,
    pub expedite: &'static str,
    // Step 7.
    pub review_intro: &'static str,
    pub confirming: &'static str,
    pub account_holder: &'static str,
    pub line: &'static str,
    pub current_device: &'static str,
    pub new_device: &'static str,
    pub new_plan: &'static str,
    pub ship_to: &'static str,
    pub order_details: &'static str,
    pub cost_summary: &'static str,
    pub one_time: &'static str,
    pub no_charge: &'static str,
    pub consequence_pauses: &'static str,
    pub consequence_ends: &'static str,
    pub consequence_confirm: &'static str,
    pub consequence_leaves: &'static str,
    // The line-care steps.
    pub features_intro: &'static str,
    pub features_empty: &'static str,
    pub feature_on_line: &'static str,
    pub feature_will_go: &'static str,
    pub feature_will_come: &'static str,
    pub feature_comment: &'static str,
    pub features_nothing: &'static str,
    pub accessories_intro: &'static str,
    pub accessories_empty: &'static str,
    pub quantity_of: &'static str,
    pub one_fewer: &'static str,
    pub one_more: &'static str,
    pub accessories_total: &'static str,
    pub accessories_nothing: &'static str,
    pub acknowledgements_intro: &'static str,
    pub acknowledgements_none: &'static str,
    pub acknowledgement_required: &'static str,
    pub something_new: &'static str,
    pub region_intro: &'static str,
    pub country_of_use: &'static str,
    pub zip_code: &'static str,
    pub postal_code: &'static str,
    pub use_own_device: &'static str,
    pub approvals_title: &'static str,
    pub approvals_none: &'static str,
    pub approval_summary: &'static str,
    pub approval_reason: &'static str,
    pub approval_reason_required: &'static str,
    pub approve: &'static str,
    pub reject: &'static str,
    pub monthly: &'static str,
    pub expedited: &'static str,
    pub submit: &'static str,
    pub submitting: &'static str,
    pub order_refused: &'static str,
    pub go_fix: &'static str,
    pub checking_order: &'static str,
    // Steps 8 and 9.
    pub order_placed: &'static str,
    pub order_number: &'static str,
    pub your_reference: &'static str,
    pub status: &'static str,
    pub segments: &'static str,
    pub history: &'static str,
    pub shipments: &'static str,
    pub no_shipments: &'static str,
    pub tracking: &'static str,
    pub refresh: &'static str,
    pub recent_orders: &'static str,
    pub no_orders: &'static str,
    pub view_order: &'static str,
    pub new_order: &'static str,
    pub submitted_on: &'static str,
    // Embedding diagnostics (src/diagnostics).
    pub diag_title: &'static str,
    pub diag_intro: &'static str,
    pub diag_running: &'static str,
    pub diag_summary: &'static str,
    pub diag_status_pass: &'static str,
    pub diag_status_warn: &'static str,
    pub diag_status_fail: &'static str,
    pub diag_what_to_do: &'static str,
    pub diag_chunk_failed: &'static str,
    pub diag_skipped: &'static str,
    pub diag_skipped_advice: &'static str,
    pub diag_config_loaded: &'static str,
    pub diag_config_unreachable: &'static str,
    pub diag_config_unreachable_advice: &'static str,
    pub diag_config_unreadable: &'static str,
    pub diag_config_unreadable_advice: &'static str,
    pub diag_config_unknown: &'static str,
    pub diag_config_unknown_advice: &'static str,
    pub diag_setting_value: &'static str,
    pub diag_setting_default: &'static str,
    pub diag_setting_fix: &'static str,
    pub diag_redirect_ok: &'static str,
    pub diag_redirect_refused: &'static str,
    pub diag_redirect_refused_advice: &'static str,
    pub diag_redirect_unclear: &'static str,
    pub diag_redirect_by_hand: &'static str,
    pub diag_need_script: &'static str,
    pub diag_need_wasm: &'static str,
    pub diag_need_files: &'static str,
    pub diag_need_api: &'static str,
    pub diag_need_images: &'static str,
    pub diag_need_auth: &'static str,
    pub diag_csp_allows: &'static str,
    pub diag_csp_blocks: &'static str,
    pub diag_csp_blocks_advice: &'static str,
    pub diag_csp_violations: &'static str,
    pub diag_csp_violations_advice: &'static str,
    pub diag_storage_ok: &'static str,
    pub diag_storage_no_session: &'static str,
    pub diag_storage_no_local: &'static str,
    pub diag_storage_advice: &'static str,
    pub diag_clock_ahead: &'static str,
    pub diag_clock_behind: &'static str,
    pub diag_clock_advice: &'static str,
    pub diag_clock_unknown: &'static str,
    pub diag_clock_unknown_advice: &'static str,
    pub diag_ping_ok: &'static str,
    pub diag_ping_refused: &'static str,
    pub diag_ping_refused_advice: &'static str,
    pub diag_ping_unreachable: &'static str,
    pub diag_ping_unreachable_advice: &'static str,
    pub diag_blocked_by_policy: &'static str,
    // Account: who is signed in, signing out, switching tenant (widget-account).
    /// Who is signed in: `{0}` the username, `{1}` the tenant.
    pub signed_in_as: &'static str,
    pub switch_account: &'static str,
    pub sign_out: &'static str,
    pub sign_out_keep_question: &'static str,
    pub keep_draft: &'static str,
    pub discard_draft: &'static str,
    pub cancel_sign_out: &'static str,
    pub signed_out: &'static str,
    /// `{0}` the username, `{1}` its tenant, `{2}` the page's tenant.
    pub wrong_account: &'static str,
    /// `{0}` the page's tenant.
    pub wrong_account_unknown: &'static str,
    pub sign_in_as_someone_else: &'static str,
    /// `{0}` a tenant the page can switch to.
    pub order_for_tenant: &'static str,
    pub company_label: &'static str,
    pub account_label: &'static str,
    pub dismiss_notice: &'static str,
    // Carrier (port, transfer in).
    /// `{0}`: the line's number.
    pub carrier_intro_port: &'static str,
    pub carrier_intro_stays: &'static str,
    pub carrier_intro_ported: &'static str,
    pub carrier_none: &'static str,
    /// `{0}`: the flow that ports a personal number.
    pub carrier_not_listed: &'static str,
    pub choose_carrier: &'static str,
    pub plan_required: &'static str,
    pub device_required: &'static str,
    /// `{0}`: the carrier's name.
    pub devices_of_carrier: &'static str,
    /// `{0}`: the carrier's name.
    pub plans_of_carrier: &'static str,
    /// `{0}`: the carrier's name.
    pub plans_not_of_carrier: &'static str,
    pub current_carrier: &'static str,
    pub used_in: &'static str,
    pub approver: &'static str,
    pub ordered_for: &'static str,
    pub ordered_by: &'static str,
    // Swapping devices and moving a line (swap-move).
    pub sim_required: &'static str,
    pub new_device_intro: &'static str,
    pub new_device_none: &'static str,
    pub not_listed: &'static str,
    pub make_model: &'static str,
    pub new_device_choose: &'static str,
    pub same_device: &'static str,
    pub serial_of: &'static str,
    pub device_change: &'static str,
    pub move_line: &'static str,
    pub move_title: &'static str,
    pub move_intro: &'static str,
    pub move_search: &'static str,
    pub move_owner: &'static str,
    pub move_no_match: &'static str,
    pub move_owner_required: &'static str,
    pub move_charges: &'static str,
    pub move_charges_required: &'static str,
    pub move_no_charges: &'static str,
    pub move_last_month: &'static str,
    pub move_all_charges: &'static str,
    pub move_review: &'static str,
    pub move_confirm: &'static str,
    pub move_change: &'static str,
    pub moving: &'static str,
    pub move_done: &'static str,
    pub move_cancel: &'static str,
    pub move_close: &'static str,
    /// The error summary's title for one problem.
    pub error_summary_one: &'static str,
    /// `{0}`: how many problems (more than one).
    pub error_summary_many: &'static str,
    // The order summary and the step indicator's skipped steps.
    pub summary_title: &'static str,
    pub summary_carrier: &'static str,
    pub summary_nothing: &'static str,
    /// Under catalog prices added up, before the review confirms them.
    pub summary_estimate: &'static str,
    /// Under the totals the review confirmed.
    pub summary_confirmed: &'static str,
    /// Beside a step the order skips (nothing ships).
    pub step_not_needed: &'static str,
    /// The position before a line is chosen: "Step 1 · Line · …".
    pub step_first_undecided: &'static str,
    /// The step indicator's last item before the order is known.
    pub steps_follow: &'static str,
    /// Under an empty device list filtered by network: how many devices of
    /// other networks match.
    pub devices_elsewhere: &'static str,
    /// The button that shows them.
    pub show_other_networks: &'static str,
    /// Under a text area: how many characters are left.
    pub characters_left: &'static str,
    /// The badge of an inactive line (nothing can be ordered for it).
    pub line_inactive: &'static str,
    /// The badge of a line the user may order nothing for.
    pub line_nothing_to_order: &'static str,
    /// Order status names, in the order of `STATUS_CODES`.
    pub status_names: [&'static str; 8],
    /// The name of the CDMA (PCS) network.
    pub network_cdma_pcs: &'static str,
}

impl Texts {
    /// The name of an order status, or the status as sent when unknown.
    pub fn status_name(&self, status: &str) -> String {
        STATUS_CODES
            .iter()
            .position(|code| *code == status)
            .map(|index| self.status_names[index].to_owned())
            .unwrap_or_else(|| status.replace('_', " ").to_ascii_lowercase())
    }

    /// The name of a network access method ("CDMA (PCS)"), or its code
    /// with spaces for underscores (the name of the others).
    pub fn network_name(&self, method: &AccessMethod) -> String {
        match method {
            AccessMethod::CdmaPcs => self.network_cdma_pcs.to_owned(),
            AccessMethod::Iden => "iDEN".to_owned(),
            other => other.as_str().replace('_', " "),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_in_order() {
        assert_eq!(fill("Step {0} of {1}", &["2", "7"]), "Step 2 of 7");
    }

    #[test]
    fn french_is_chosen_for_any_french_tag() {
        assert_eq!(Locale::from_tag("fr-CA"), Locale::FrCa);
        assert_eq!(Locale::from_tag("FR"), Locale::FrCa);
        assert_eq!(Locale::from_tag("en-GB"), Locale::En);
        assert_eq!(Locale::from_tag(""), Locale::En);
    }

    #[test]
    fn both_catalogues_use_the_same_placeholders() {
        fn placeholders(text: &str) -> Vec<usize> {
            (0..4)
                .filter(|i| text.contains(&format!("{{{i}}}")))
                .collect()
        }
        let pairs = [
            (en::TEXTS.step_of, fr_ca::TEXTS.step_of),
            (en::TEXTS.devices_elsewhere, fr_ca::TEXTS.devices_elsewhere),
            (en::TEXTS.characters_left, fr_ca::TEXTS.characters_left),
            (
                en::TEXTS.step_first_undecided,
                fr_ca::TEXTS.step_first_undecided,
            ),
            (en::TEXTS.eligible_on, fr_ca::TEXTS.eligible_on),
            (en::TEXTS.needs_new_device, fr_ca::TEXTS.needs_new_device),
            (en::TEXTS.device_mismatch, fr_ca::TEXTS.device_mismatch),
            (en::TEXTS.devices_found, fr_ca::TEXTS.devices_found),
            (en::TEXTS.problem_too_short, fr_ca::TEXTS.problem_too_short),
            (en::TEXTS.problem_too_long, fr_ca::TEXTS.problem_too_long),
            (en::TEXTS.problem_format, fr_ca::TEXTS.problem_format),
            (
                en::TEXTS.problem_format_example,
                fr_ca::TEXTS.problem_format_example,
            ),
            (
                en::TEXTS.problem_format_date,
                fr_ca::TEXTS.problem_format_date,
            ),
            (en::TEXTS.session_ends_soon, fr_ca::TEXTS.session_ends_soon),
            (en::TEXTS.error_status, fr_ca::TEXTS.error_status),
        ];
        for (english, french) in pairs {
            assert_eq!(
                placeholders(english),
                placeholders(french),
                "{english} / {french}"
            );
        }
    }

    #[test]
    fn every_known_network_has_a_name_in_both_languages() {
        let names: Vec<String> = AccessMethod::KNOWN
            .iter()
            .map(|method| Locale::En.texts().network_name(method))
            .collect();
        assert_eq!(names, ["GSM", "CDMA", "CDMA (PCS)", "iDEN", "LTE"]);
        assert_eq!(
            Locale::En.texts().network_name(&AccessMethod::CdmaPcs),
            "CDMA (PCS)"
        );
        assert_eq!(
            Locale::FrCa.texts().network_name(&AccessMethod::CdmaPcs),
            "CDMA (SCP)"
        );
        assert_eq!(
            Locale::En
                .texts()
                .network_name(&AccessMethod::Unknown("NR_SA".into())),
            "NR SA"
        );
    }

    #[test]
    fn statuses_have_names_in_both_languages() {
        assert_eq!(
            Locale::En.texts().status_name("ORDER_SUBMITTED"),
            "Submitted"
        );
        assert_eq!(Locale::FrCa.texts().status_name("SHIPPED"), "Expédiée");
        assert_eq!(
            Locale::En.texts().status_name("BACK_ORDERED"),
            "back ordered"
        );
    }

    #[test]
    fn account_texts_use_the_same_placeholders() {
        fn placeholders(text: &str) -> Vec<usize> {
            (0..4)
                .filter(|i| text.contains(&format!("{{{i}}}")))
                .collect()
        }
        for (english, french) in [
            (en::TEXTS.signed_in_as, fr_ca::TEXTS.signed_in_as),
            (en::TEXTS.wrong_account, fr_ca::TEXTS.wrong_account),
            (
                en::TEXTS.wrong_account_unknown,
                fr_ca::TEXTS.wrong_account_unknown,
            ),
            (en::TEXTS.order_for_tenant, fr_ca::TEXTS.order_for_tenant),
        ] {
            assert_eq!(placeholders(english), placeholders(french), "{english}");
        }
    }
}
