//! The words of the authorization server's pages, one catalogue per
//! language (English, Canadian French), chosen by the request's
//! `Accept-Language`. A missing translation is a compile error, as both
//! catalogues fill the same struct. Placeholders are `{0}`, `{1}`...

mod en;
mod fr_ca;

use axum::http::{header, HeaderMap};

use super::csrf::FormRefusal;

/// A language the pages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageLocale {
    En,
    FrCa,
}

impl PageLocale {
    /// The language the request's `Accept-Language` prefers.
    pub fn of(headers: &HeaderMap) -> PageLocale {
        let accepted = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok());
        PageLocale::from_accept_language(accepted)
    }

    /// The first language of `accepted` (an `Accept-Language` value) the
    /// pages are written in, by q-value and then by order: French for `fr`
    /// and any `fr-*`, English for `en`, `en-*` and `*`; English when
    /// nothing matches. Entries with `q=0` or a malformed q are skipped.
    pub fn from_accept_language(accepted: Option<&str>) -> PageLocale {
        let mut ranges: Vec<(&str, u16)> = accepted
            .unwrap_or_default()
            .split(',')
            .filter_map(language_range)
            .filter(|(_, weight)| *weight > 0)
            .collect();
        ranges.sort_by_key(|(_, weight)| std::cmp::Reverse(*weight));
        ranges
            .into_iter()
            .find_map(|(range, _)| {
                let primary = range.split('-').next().unwrap_or_default();
                if primary.eq_ignore_ascii_case("fr") {
                    Some(PageLocale::FrCa)
                } else if primary.eq_ignore_ascii_case("en") || range == "*" {
                    Some(PageLocale::En)
                } else {
                    None
                }
            })
            .unwrap_or(PageLocale::En)
    }

    /// This language's catalogue.
    pub fn texts(self) -> &'static PageTexts {
        match self {
            PageLocale::En => &en::TEXTS,
            PageLocale::FrCa => &fr_ca::TEXTS,
        }
    }
}

/// One `Accept-Language` entry: its range and its q-value in thousandths,
/// or `None` when it is malformed.
fn language_range(entry: &str) -> Option<(&str, u16)> {
    let mut parts = entry.split(';');
    let range = parts.next()?.trim();
    let well_formed = !range.is_empty()
        && range
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'*');
    if !well_formed {
        return None;
    }
    let mut weight = 1000;
    for parameter in parts {
        let (name, value) = parameter.split_once('=')?;
        if name.trim().eq_ignore_ascii_case("q") {
            weight = q_value(value.trim())?;
        }
    }
    Some((range, weight))
}

/// An RFC 9110 qvalue (`0`, `0.8`, `1.000`...) in thousandths.
fn q_value(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits_ok = fraction.len() <= 3 && fraction.bytes().all(|b| b.is_ascii_digit());
    let thousandths = match whole {
        "0" if digits_ok => format!("{fraction:0<3}").parse().ok()?,
        "1" if digits_ok && fraction.bytes().all(|b| b == b'0') => 1000,
        _ => return None,
    };
    Some(thousandths)
}

/// Replaces `{0}`, `{1}`... in `template` with `args`, in one pass (an
/// argument's own braces are kept as they are).
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let argument = after.split_once('}').and_then(|(index, tail)| {
            let arg = args.get(index.parse::<usize>().ok()?)?;
            Some((arg, tail))
        });
        match argument {
            Some((arg, tail)) => {
                out.push_str(arg);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every text of the pages, in one language.
#[derive(Debug)]
pub struct PageTexts {
    /// The `lang` attribute of the pages.
    pub lang: &'static str,
    /// The line above every heading, and the end of every title.
    pub brand: &'static str,
    // The sign-in page.
    pub sign_in_title: &'static str,
    pub sign_in_heading: &'static str,
    /// `{0}`: the client's name (already marked up).
    pub sign_in_asks: &'static str,
    pub username: &'static str,
    pub password: &'static str,
    pub sign_in_button: &'static str,
    pub cancel_button: &'static str,
    pub wrong_credentials: &'static str,
    pub demo_users_heading: &'static str,
    /// `{0}`: the demo password (already marked up).
    pub demo_users_password: &'static str,
    pub demo_users_tenant: &'static str,
    pub demo_users_who: &'static str,
    // The error page.
    pub error_title: &'static str,
    pub error_heading: &'static str,
    pub misconfigured_advice: &'static str,
    pub refused_form_advice: &'static str,
    pub no_client_id: &'static str,
    pub no_redirect_uri: &'static str,
    /// `{0}`: the client id.
    pub unknown_client: &'static str,
    /// `{0}`: the redirect URI; `{1}`: the client id.
    pub unregistered_redirect: &'static str,
    /// `{0}`: what could not be read, as the server's parser says it.
    pub unreadable_request: &'static str,
    pub form_from_another_site: &'static str,
    pub form_expired: &'static str,
    // The signed-out page.
    pub signed_out_title: &'static str,
    pub signed_out_heading: &'static str,
    pub signed_out_text: &'static str,
    pub back_to_application: &'static str,
}

/// Why a sign-in request stops on an error page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    NoClientId,
    NoRedirectUri,
    UnknownClient(String),
    UnregisteredRedirect {
        redirect_uri: String,
        client_id: String,
    },
    /// The query or form could not be parsed; the parser's explanation.
    Unreadable(String),
    /// The sign-in form failed the anti-CSRF checks.
    RefusedForm(FormRefusal),
}

impl PageTexts {
    /// What the error page says went wrong (plain text).
    pub fn stop_message(&self, stop: &Stop) -> String {
        match stop {
            Stop::NoClientId => self.no_client_id.to_owned(),
            Stop::NoRedirectUri => self.no_redirect_uri.to_owned(),
            Stop::UnknownClient(client_id) => fill(self.unknown_client, &[client_id]),
            Stop::UnregisteredRedirect {
                redirect_uri,
                client_id,
            } => fill(self.unregistered_redirect, &[redirect_uri, client_id]),
            Stop::Unreadable(detail) => fill(self.unreadable_request, &[detail]),
            Stop::RefusedForm(FormRefusal::ForeignOrigin) => self.form_from_another_site.to_owned(),
            Stop::RefusedForm(FormRefusal::BadToken) => self.form_expired.to_owned(),
        }
    }

    /// What the error page advises the user to do (plain text).
    pub fn stop_advice(&self, stop: &Stop) -> &'static str {
        match stop {
            Stop::RefusedForm(_) => self.refused_form_advice,
            _ => self.misconfigured_advice,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(accepted: &str) -> PageLocale {
        PageLocale::from_accept_language(Some(accepted))
    }

    #[test]
    fn french_for_any_french_region() {
        for accepted in [
            "fr",
            "fr-CA",
            "fr-FR",
            "FR-ca",
            "fr-CA,fr;q=0.9,en;q=0.8",
            " fr-BE ",
        ] {
            assert_eq!(locale(accepted), PageLocale::FrCa, "{accepted}");
        }
    }

    #[test]
    fn english_by_default_and_for_other_languages() {
        assert_eq!(PageLocale::from_accept_language(None), PageLocale::En);
        for accepted in [
            "",
            "en-US",
            "en",
            "de-DE",
            "*",
            "es, de;q=0.5",
            "frisian",
            "fry",
        ] {
            assert_eq!(locale(accepted), PageLocale::En, "{accepted}");
        }
    }

    #[test]
    fn q_values_order_the_choice() {
        assert_eq!(locale("en;q=0.5, fr;q=0.8"), PageLocale::FrCa);
        assert_eq!(locale("fr;q=0.5, en;q=0.8"), PageLocale::En);
        assert_eq!(locale("de, fr-CA;q=0.7, en;q=0.3"), PageLocale::FrCa);
        assert_eq!(locale("fr;q=0, en;q=0.1"), PageLocale::En);
        assert_eq!(locale("fr;q=0"), PageLocale::En);
        assert_eq!(locale("fr;q=1.000"), PageLocale::FrCa);
        assert_eq!(locale("en;q=0.001, fr;q=0.002"), PageLocale::FrCa);
    }

    #[test]
    fn equal_q_values_keep_the_listed_order() {
        assert_eq!(locale("fr-CA, en"), PageLocale::FrCa);
        assert_eq!(locale("en, fr-CA"), PageLocale::En);
        assert_eq!(locale("*;q=0.9, fr;q=0.9"), PageLocale::En);
    }

    #[test]
    fn malformed_entries_are_skipped() {
        assert_eq!(locale("en;q=2, fr"), PageLocale::FrCa);
        assert_eq!(locale("en;q=0.5x, fr;q=0.1"), PageLocale::FrCa);
        assert_eq!(locale("en;q=, fr;q=0.1"), PageLocale::FrCa);
        assert_eq!(locale("en;q=1.5, fr;q=0.1"), PageLocale::FrCa);
        assert_eq!(locale("<en>, fr;q=0.1"), PageLocale::FrCa);
        assert_eq!(locale("en;q=0.0001, fr;q=0.1"), PageLocale::FrCa);
        assert_eq!(locale(",,;q=1,fr"), PageLocale::FrCa);
    }

    #[test]
    fn q_values_read_in_thousandths() {
        assert_eq!(q_value("1"), Some(1000));
        assert_eq!(q_value("1."), Some(1000));
        assert_eq!(q_value("0.8"), Some(800));
        assert_eq!(q_value("0.05"), Some(50));
        assert_eq!(q_value("0"), Some(0));
        assert_eq!(q_value("1.001"), None);
        assert_eq!(q_value("-0.5"), None);
        assert_eq!(q_value(".5"), None);
    }

    #[test]
    fn fill_replaces_placeholders_once() {
        assert_eq!(fill("{0} and {1}", &["a{1}", "b"]), "a{1} and b");
        assert_eq!(fill("{2} {x} {", &["a"]), "{2} {x} {");
        assert_eq!(fill("«\u{a0}{0}\u{a0}»", &["é"]), "«\u{a0}é\u{a0}»");
    }

    #[test]
    fn both_catalogues_name_their_language() {
        assert_eq!(PageLocale::En.texts().lang, "en");
        assert_eq!(PageLocale::FrCa.texts().lang, "fr-CA");
    }

    #[test]
    fn stop_messages_fill_their_details() {
        let stop = Stop::UnregisteredRedirect {
            redirect_uri: "http://x/cb".into(),
            client_id: "acme".into(),
        };
        let english = PageLocale::En.texts().stop_message(&stop);
        assert!(
            english.contains("'http://x/cb'") && english.contains("('acme')"),
            "{english}"
        );
        let french = PageLocale::FrCa.texts().stop_message(&stop);
        assert!(
            french.contains("http://x/cb") && french.contains("acme"),
            "{french}"
        );
        assert!(
            !french.contains("{0}") && !french.contains("{1}"),
            "{french}"
        );
    }
}
