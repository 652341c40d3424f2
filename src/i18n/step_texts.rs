//! The later steps' texts: a catalogue of their own, data of the steps'
//! chunks rather than of the first load. A [`Texts`] reads as one
//! catalogue with them: `t.plan_intro` is found through `Deref`, whose
//! code (and so the English step texts it points to) only the steps'
//! chunks call.

use super::Texts;

/// The later steps' texts: one field per text.
#[derive(Debug)]
pub struct StepTexts {
    // Step 2.
    pub current_device_intro: &'static str,
    pub serial_invalid: &'static str,
    pub sim_invalid: &'static str,
    // Step 3.
    pub device_intro: &'static str,
    pub keep_device: &'static str,
    pub all_manufacturers: &'static str,
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
    // Step 7.
    pub review_intro: &'static str,
    pub confirming: &'static str,
    pub account_holder: &'static str,
    pub line: &'static str,
    pub current_device: &'static str,
    pub new_plan: &'static str,
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
    pub region_intro: &'static str,
    pub country_of_use: &'static str,
    pub zip_code: &'static str,
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
    pub segments: &'static str,
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
    pub new_device_choose: &'static str,
    pub same_device: &'static str,
    pub serial_of: &'static str,
    pub device_change: &'static str,
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
    // The order summary and the step indicator's skipped steps.
    pub summary_title: &'static str,
    pub summary_carrier: &'static str,
    pub summary_nothing: &'static str,
    /// Under catalog prices added up, before the review confirms them.
    pub summary_estimate: &'static str,
    /// Under the totals the review confirmed.
    pub summary_confirmed: &'static str,
    /// Under an empty device list filtered by network: how many devices of
    /// other networks match.
    pub devices_elsewhere: &'static str,
    /// The button that shows them.
    pub show_other_networks: &'static str,
}

impl std::ops::Deref for Texts {
    type Target = StepTexts;

    fn deref(&self) -> &StepTexts {
        super::step_texts_of(self)
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Locale;

    /// The quoted strings of a catalogue's `Debug` output.
    fn strings(debug: &str) -> Vec<String> {
        let mut found = Vec::new();
        let mut chars = debug.chars();
        while chars.by_ref().any(|c| c == '"') {
            let mut text = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => text.extend(chars.next()),
                    '"' => break,
                    c => text.push(c),
                }
            }
            found.push(text);
        }
        found
    }

    /// A later step's English text that is also a French text is one
    /// string of the wasm, used by the French chunk and the steps' chunks
    /// alike: wasm-split then puts it in a chunk of its own that every
    /// order fetches.
    #[test]
    fn no_later_step_text_in_english_is_also_a_french_text() {
        let english = strings(&format!("{:?}", &**Locale::En.texts()));
        let french = Locale::FrCa.texts();
        let french = strings(&format!("{french:?} {:?}", &**french));
        assert!(english.len() > 150, "{} texts read", english.len());
        assert!(french.len() > english.len(), "{} texts read", french.len());
        for text in english {
            assert!(!french.contains(&text), "{text:?} is in both languages");
        }
    }
}
