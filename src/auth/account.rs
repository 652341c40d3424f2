//! Who is signed in, signing in again without asking (`prompt=none` in a
//! hidden frame), and ending the authorization server's session.

use super::{begin, complete, oauth, popup_redirect_uri, Session, SignInError};
use crate::browser;
use crate::config::Config;

/// What the sign-in page's frame posts to the widget after a silent attempt.
pub const SILENT_MESSAGE_SOURCE: &str = "mobproc-oauth-silent";

/// How long a silent sign-in may take before the user is asked instead.
const SILENT_TIMEOUT_MS: u32 = 10_000;

/// The signed-in account, as the authorization server describes the token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub username: String,
    /// The tenant (company code) the account belongs to.
    pub tenant: String,
}

impl Account {
    /// Whether the account may order for `tenant`.
    pub fn belongs_to(&self, tenant: &str) -> bool {
        self.tenant.eq_ignore_ascii_case(tenant)
    }
}

/// Asks the introspection endpoint whose `token` it is; `None` when no
/// endpoint is configured or it does not say.
pub async fn who_is_signed_in(config: &Config, token: &str) -> Option<Account> {
    let url = config.introspection_url.as_deref()?;
    let response = gloo_net::http::Request::get(url)
        .header("Authorization", &format!("Bearer {token}"))
        .send()
        .await
        .ok()?;
    if !response.ok() {
        return None;
    }
    // MOBPROC's token validation: `{ ..., "access_token": { "tenant", "identifier", ... } }`.
    let body = js_sys::JSON::parse(&response.text().await.ok()?).ok()?;
    let subject = js_sys::Reflect::get(&body, &"access_token".into()).ok()?;
    let read = |key: &str| {
        js_sys::Reflect::get(&subject, &key.into())
            .ok()?
            .as_string()
    };
    Some(Account {
        username: read("identifier")?,
        tenant: read("tenant")?,
    })
}

/// Signs in without showing anything (`prompt=none`, answered to the
/// callback page in a hidden frame): a session when the authorization
/// server still has one, else why not (`login_required`...).
pub async fn sign_in_silently(config: &Config) -> Result<Session, SignInError> {
    let url = begin(config, true, Some("none")).await?;
    let origin = browser::origin_of(&popup_redirect_uri(config));
    let answer =
        browser::answer_from_hidden_frame(&url, &origin, SILENT_MESSAGE_SOURCE, SILENT_TIMEOUT_MS)
            .await
            .ok_or_else(|| SignInError::Failed("the silent sign-in did not answer".into()))?;
    let callback = oauth::parse_callback(&answer)
        .ok_or_else(|| SignInError::Failed("the silent sign-in answer is unreadable".into()))?;
    complete(config, callback).await
}

/// Ends the authorization server's sign-in session (its cookie goes with
/// the request), so that the next sign-in asks again.
pub async fn end_server_session(config: &Config) {
    if let Some(url) = &config.logout_url {
        browser::get_with_cookies(url).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_belongs_to_its_tenant_whatever_the_case() {
        let account = Account {
            username: "chloe.tremblay".into(),
            tenant: "GLOBEX".into(),
        };
        assert!(account.belongs_to("GLOBEX"));
        assert!(account.belongs_to("globex"));
        assert!(!account.belongs_to("ACME"));
    }
}
