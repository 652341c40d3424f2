//! Who is signed in (in the header), signing out and switching account,
//! the tenant chooser of a page that serves several tenants, and the one
//! panel shown when the account belongs to another tenant.

use leptos::prelude::*;

use crate::app::context::{forget_stored_draft, use_ctx, Ctx};
use crate::app::sign_in::{end_session, start, SignInState};
use crate::auth::account::{end_server_session, Account};
use crate::auth::oauth::encode;
use crate::browser::{self, EventDetail};
use crate::config::SignInMode;
use crate::draft::{external_order_number, Draft, Step};
use crate::i18n::fill;

/// The signed-in account as the authorization server describes it, asked
/// again for each new token (`None` until known, or when it cannot say).
#[derive(Clone, Copy)]
pub struct AccountInfo(RwSignal<Option<Account>>);

impl AccountInfo {
    /// Starts asking who each new session's token belongs to.
    pub fn load(ctx: &Ctx) -> AccountInfo {
        let account = RwSignal::new(None);
        let (config, session) = (ctx.config.clone(), ctx.session);
        Effect::new(move |_| {
            let token = session.with(|s| s.as_ref().map(|s| s.token.clone()));
            account.set(None);
            let Some(token) = token else { return };
            let config = config.clone();
            leptos::task::spawn_local(async move {
                let found = crate::auth::account::who_is_signed_in(&config, &token).await;
                // Only for the session still current.
                let current = session.with_untracked(|s| s.as_ref().map(|s| s.token == token));
                if current == Some(true) {
                    account.set(found);
                }
            });
        });
        AccountInfo(account)
    }

    /// The account, once known.
    pub fn now(self) -> Option<Account> {
        self.0.get()
    }
}

/// Starts signing in as someone else (`prompt=login`), the configured way.
fn sign_in_as_someone_else(ctx: &Ctx) {
    start(ctx.config.sign_in == SignInMode::Popup, Some("login"));
}

/// Signs out: ends the authorization server's session, forgets the token
/// and, unless `keep_draft`, the order in progress.
fn sign_out(ctx: Ctx, keep_draft: bool, restored: RwSignal<bool>) {
    let state = expect_context::<SignInState>();
    leptos::task::spawn_local(async move {
        end_server_session(&ctx.config).await;
        if !keep_draft {
            forget_stored_draft(&ctx.config);
            ctx.draft
                .set(Draft::new(external_order_number(&browser::random_bytes(5))));
            ctx.acting_for.set(ctx.config.on_behalf_of.clone());
            ctx.step.set(Step::Line);
            restored.set(false);
        }
        state.error.set(None);
        state.signed_out.set(true);
        end_session(&ctx);
        ctx.emit(
            "signed-out",
            EventDetail::new().with("draftKept", keep_draft),
        );
    });
}

/// The header's account controls: who is signed in, "Not you? Switch
/// account", and "Sign out" (asking first whether to keep an order in progress).
#[component]
pub fn AccountBar(
    /// The "we restored your order" notice, hidden when the order is discarded.
    restored: RwSignal<bool>,
) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let account = expect_context::<AccountInfo>();
    let confirming = RwSignal::new(false);
    let in_progress = {
        let draft = ctx.draft;
        move || draft.with(|d| d.service_id.is_some())
    };
    let on_sign_out = {
        let ctx = ctx.clone();
        move |_| {
            if in_progress() {
                confirming.set(true);
            } else {
                sign_out(ctx.clone(), true, restored);
            }
        }
    };
    let finish = {
        let ctx = ctx.clone();
        move |keep: bool| {
            confirming.set(false);
            sign_out(ctx.clone(), keep, restored);
        }
    };
    let switch = {
        let ctx = ctx.clone();
        move |_| sign_in_as_someone_else(&ctx)
    };
    let finish_keep = finish.clone();
    view! {
        <section class="mobproc-account" aria-label=t.account_label>
            {move || account.now().map(|account| view! {
                <span class="mobproc-account-who" data-testid="signed-in-as">
                    {fill(t.signed_in_as, &[&account.username, &account.tenant])}
                </span>
            })}
            <button type="button" class="mobproc-link-button" data-testid="switch-account" on:click=switch>
                {t.switch_account}
            </button>
            <button type="button" class="mobproc-link-button" data-testid="sign-out" on:click=on_sign_out>
                {t.sign_out}
            </button>
            <Show when=move || confirming.get()>
                <div class="mobproc-notice mobproc-account-confirm" role="group" aria-labelledby="mobproc-sign-out-question" data-testid="sign-out-confirm">
                    <p id="mobproc-sign-out-question">{t.sign_out_keep_question}</p>
                    <div class="mobproc-nav">
                        <button type="button" class="mobproc-button mobproc-button-primary" data-testid="sign-out-keep" on:click={
                            let finish = finish_keep.clone();
                            move |_| finish(true)
                        }>{t.keep_draft}</button>
                        <button type="button" class="mobproc-button" data-testid="sign-out-discard" on:click={
                            let finish = finish.clone();
                            move |_| finish(false)
                        }>{t.discard_draft}</button>
                        <button type="button" class="mobproc-button" on:click=move |_| confirming.set(false)>
                            {t.cancel_sign_out}
                        </button>
                    </div>
                </div>
            </Show>
        </section>
    }
}

/// The tenants a page serves, as links that reload it for another one
/// (`?tenant=GLOBEX`); nothing when the configuration lists none.
#[component]
pub fn TenantChooser() -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let current = ctx.config.tenant.clone();
    let tenants = ctx.config.tenants.clone();
    (!tenants.is_empty()).then(|| {
        view! {
            <nav class="mobproc-tenants" aria-label=t.company_label data-testid="tenant-chooser">
                <span class="mobproc-tenants-label" aria-hidden="true">{t.company_label}</span>
                <ul>
                    {tenants
                        .into_iter()
                        .map(|code| {
                            let current = (code == current).then_some("page");
                            let href = format!("?tenant={}", encode(&code));
                            view! { <li><a href=href aria-current=current>{code}</a></li> }
                        })
                        .collect_view()}
                </ul>
            </nav>
        }
    })
}

/// Whether the signed-in account cannot order for the page's tenant: the
/// API refused it (`403 tenant-not-allowed`) or its token names another tenant.
pub fn is_wrong_account(ctx: &Ctx, account: AccountInfo) -> Memo<bool> {
    let (me, tenant) = (
        expect_context::<crate::app::context::Data>().me,
        ctx.config.tenant.clone(),
    );
    Memo::new(move |_| {
        let refused = me
            .get()
            .is_some_and(|me| me.as_ref().is_err_and(|error| error.is_wrong_tenant()));
        refused
            || account
                .now()
                .is_some_and(|account| !account.belongs_to(&tenant))
    })
}

/// The one panel for an account of another tenant: who is signed in, for
/// which company, and a way to sign in as someone else (never a retry).
#[component]
pub fn WrongAccountPanel() -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let account = expect_context::<AccountInfo>();
    let (tenant, tenants) = (ctx.config.tenant.clone(), ctx.config.tenants.clone());
    let explanation = {
        let tenant = tenant.clone();
        move || match account.now() {
            Some(who) => fill(t.wrong_account, &[&who.username, &who.tenant, &tenant]),
            None => fill(t.wrong_account_unknown, &[&tenant]),
        }
    };
    // A page that also serves the account's tenant offers to go there.
    let elsewhere = move || {
        account
            .now()
            .filter(|who| !who.belongs_to(&tenant) && tenants.iter().any(|code| who.belongs_to(code)))
            .map(|who| {
                view! {
                    <a class="mobproc-button" href=format!("?tenant={}", encode(&who.tenant)) data-testid="order-for-tenant">
                        {fill(t.order_for_tenant, &[&who.tenant])}
                    </a>
                }
            })
    };
    view! {
        <section class="mobproc-error mobproc-wrong-account" role="alert" data-testid="wrong-account">
            <p data-testid="wrong-account-message">{explanation}</p>
            <div class="mobproc-nav">
                <button type="button" class="mobproc-button mobproc-button-primary" data-testid="sign-in-as-someone-else" on:click=move |_| sign_in_as_someone_else(&ctx)>
                    {t.sign_in_as_someone_else}
                </button>
                {elsewhere}
            </div>
        </section>
    }
}
