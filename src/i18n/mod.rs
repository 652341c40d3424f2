//! Every user-facing text, per locale: English and French (Canada). Each
//! locale has two catalogues, the first screen's ([`Texts`]) and the later
//! steps' ([`StepTexts`], data of the steps' chunks); a `Texts` reads as
//! both. A missing translation is a compile error, as both locales fill the
//! same structs. The French catalogues are a chunk of their own
//! ([`prepare`]). Placeholders are `{0}`, `{1}`... (see [`fill`]).

mod en;
mod format_locale;
mod fr_ca;
mod step_texts;

pub use format_locale::format_locale;
pub use step_texts::StepTexts;

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
            Locale::FrCa => french().map_or(&en::TEXTS, |french| french.texts),
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

/// A locale's two catalogues.
pub struct Catalogue {
    /// The first screen's texts (and the frame's).
    pub texts: &'static Texts,
    /// The later steps' texts.
    pub steps: &'static StepTexts,
}

/// The French catalogues, in their own chunk of the release wasm (English
/// readers never fetch it): [`prepare`] loads them.
#[cfg(all(target_arch = "wasm32", not(debug_assertions)))]
#[leptos::wasm_split::wasm_split(french, wasm_split_path = leptos::wasm_split, fallible)]
fn french_catalogue() -> Result<&'static Catalogue, crate::app::chunks::ChunkError> {
    Ok(&fr_ca::CATALOGUE)
}

#[cfg(all(target_arch = "wasm32", not(debug_assertions)))]
static FRENCH: std::sync::OnceLock<&'static Catalogue> = std::sync::OnceLock::new();

/// The French catalogues, if they are loaded (always, but in the release
/// wasm).
fn french() -> Option<&'static Catalogue> {
    #[cfg(all(target_arch = "wasm32", not(debug_assertions)))]
    return FRENCH.get().copied();
    #[cfg(not(all(target_arch = "wasm32", not(debug_assertions))))]
    Some(&fr_ca::CATALOGUE)
}

/// The later steps' texts of the locale of `texts`.
fn step_texts_of(texts: &Texts) -> &'static StepTexts {
    match french() {
        Some(french) if std::ptr::eq(texts, french.texts) => french.steps,
        _ => &en::STEP_TEXTS,
    }
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
            Ok(catalogue) => {
                let _ = FRENCH.set(catalogue);
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

/// The frame's and the first screen's texts, one field per text (the
/// later steps' are in [`StepTexts`], reached through `Deref`).
#[derive(Debug)]
pub struct Texts {
    /// The language rule shapes are worded in ("5 digits").
    pub language: Language,
    // The frame.
    pub title: &'static str,
    pub loading: &'static str,
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
    pub manufacturer: &'static str,
    pub model: &'static str,
    pub serial_type: &'static str,
    pub serial_value: &'static str,
    pub sim_id: &'static str,
    pub search: &'static str,
    pub carrier: &'static str,
    pub other_text: &'static str,
    pub choose: &'static str,
    pub expedite: &'static str,
    pub new_device: &'static str,
    pub ship_to: &'static str,
    pub feature_comment: &'static str,
    pub something_new: &'static str,
    pub postal_code: &'static str,
    pub status: &'static str,
    pub history: &'static str,
    pub diag_chunk_failed: &'static str,
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
    pub not_listed: &'static str,
    pub make_model: &'static str,
    pub move_line: &'static str,
    /// The error summary's title for one problem.
    pub error_summary_one: &'static str,
    /// `{0}`: how many problems (more than one).
    pub error_summary_many: &'static str,
    /// Beside a step the order skips (nothing ships).
    pub step_not_needed: &'static str,
    /// The position before a line is chosen: "Step 1 · Line · …".
    pub step_first_undecided: &'static str,
    /// The step indicator's last item before the order is known.
    pub steps_follow: &'static str,
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
mod tests;
