//! What the API confirmed, as the review shows it: the line, the device
//! and plan in the cart, where it ships, the order's details with their
//! labels from the carrier's forms, and the cost summary.

use leptos::prelude::*;
use mobproc_types::{OrderConfirmation, PropertyGroup, Recurrence};

use super::swap;
use crate::app::context::use_ctx;
use crate::contact;
use crate::format;

/// The label of a property (and of its chosen choice) from the form's definitions.
fn property_label(
    groups: &[PropertyGroup],
    group_id: &str,
    field_id: &str,
    choice: Option<&str>,
) -> (String, Option<String>) {
    let field = groups
        .iter()
        .filter(|g| g.group_id == group_id)
        .flat_map(|g| &g.fields)
        .find(|f| f.id == field_id);
    let label = field
        .map(|f| f.label.clone())
        .unwrap_or_else(|| field_id.to_owned());
    let choice_label = choice.and_then(|id| {
        field?
            .choices
            .as_ref()?
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.label.clone())
    });
    (label, choice_label)
}

/// Everything the confirmation expands, and the cost summary.
#[component]
pub fn Confirmation(confirmation: OrderConfirmation, groups: Vec<PropertyGroup>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let locale = ctx.format_locale;
    let money = move |amount: &mobproc_types::Amount| format::money(amount, locale);
    let cart = confirmation.shopping_cart.clone().unwrap_or_default();
    let current = confirmation.device.as_ref().map(|d| {
        format!(
            "{} {}",
            d.manufacturer
                .as_ref()
                .and_then(|m| m.name.clone())
                .unwrap_or_default(),
            d.model.clone().unwrap_or_default()
        )
    });
    let properties: Vec<(String, String)> = confirmation
        .properties
        .iter()
        .flat_map(|group| {
            group.fields.iter().map(|field| {
                let (label, choice_label) = property_label(
                    &groups,
                    &group.group_id,
                    &field.id,
                    field.choice.as_ref().map(|c| c.id.as_str()),
                );
                let value = match &field.choice {
                    Some(choice) => {
                        let name = choice_label.unwrap_or_else(|| choice.id.clone());
                        match &choice.other_text {
                            Some(other) => format!("{name}: {other}"),
                            None => name,
                        }
                    }
                    None => {
                        let text = field
                            .text
                            .clone()
                            .or_else(|| field.date.as_deref().map(|d| format::date(d, locale)))
                            .unwrap_or_default();
                        if contact::is_phone_field(&field.id, &label) {
                            contact::phone_number(&text)
                        } else {
                            text
                        }
                    }
                };
                (field.label.clone().unwrap_or(label), value)
            })
        })
        .collect();
    let costs: Vec<(String, String, &'static str)> = confirmation
        .cost_summary
        .iter()
        .flatten()
        .map(|cost| {
            let (name, id) = match cost.recurrence {
                Recurrence::OneTime => (t.one_time.to_owned(), "cost-onetime"),
                Recurrence::Monthly => (t.monthly.to_owned(), "cost-monthly"),
                Recurrence::Unknown(ref other) => (other.clone(), "cost-other"),
            };
            (name, money(cost), id)
        })
        .collect();
    view! {
        <div class="mobproc-confirmation" data-testid="confirmation">
            <dl class="mobproc-summary">
                <dt>{t.account_holder}</dt>
                <dd data-testid="review-account-holder">{confirmation.account_holder.full_name()}</dd>
                {confirmation.service.as_ref().map(|s| view! {
                    <dt>{t.line}</dt>
                    <dd data-testid="review-line">{contact::phone_number(&s.service_number)}</dd>
                })}
                {current.filter(|_| confirmation.new_device.is_none()).map(|current| view! { <dt>{t.current_device}</dt><dd>{current}</dd> })}
                {confirmation.current_vendor.as_ref().and_then(|v| v.name.clone()).map(|name| view! {
                    <dt>{t.current_carrier}</dt>
                    <dd data-testid="review-current-carrier">{name}</dd>
                })}
                {confirmation.postal_code.clone().map(|code| {
                    let country = confirmation.region.as_ref().and_then(|r| r.name.clone());
                    view! {
                        <dt>{t.used_in}</dt>
                        <dd data-testid="review-used-in">{country.map(|c| format!("{c}, {code}")).unwrap_or(code)}</dd>
                    }
                })}
            </dl>
            {confirmation.existing_device.clone().zip(confirmation.new_device.clone()).map(|(existing, new)| view! {
                <swap::DeviceChange existing=existing new=new/>
            })}
            {cart.device.map(|device| view! {
                <div class="mobproc-review-item" data-testid="review-device">
                    <h3>{t.new_device}</h3>
                    {format::safe_image_url(device.image_url.as_deref()).map(|src| view! { <img src=src alt="" width="60" height="80"/> })}
                    <p>{device.name.clone()} " — " {device.price.as_ref().map(money).unwrap_or_default()}</p>
                    <ul>
                        {cart.device_feature_choices.clone().unwrap_or_default().into_iter().map(|choice| view! {
                            <li>{format!("{}: {}", choice.label, choice.choice_label)} {choice.price.as_ref().filter(|p| p.amount.cents > 0).map(|p| format!(" (+{})", money(p)))}</li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {cart.plan.map(|plan| view! {
                <div class="mobproc-review-item" data-testid="review-plan">
                    <h3>{t.new_plan}</h3>
                    <p>{plan.name.clone()} " — " {plan.price.as_ref().map(|p| format!("{}{}", money(p), t.per_month)).unwrap_or_default()}</p>
                    <p class="mobproc-hint">{t.included_features} ": " {plan.included_features.clone().unwrap_or_default().into_iter().map(|f| f.description).collect::<Vec<_>>().join(", ")}</p>
                    <ul>
                        {plan.optional_features.clone().unwrap_or_default().into_iter().map(|f| view! {
                            <li>{f.description.clone()} {f.price.as_ref().map(|p| format!(" ({}{})", money(p), t.per_month))}</li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {confirmation.ship_to.clone().map(|ship_to| view! {
                <div class="mobproc-review-item" data-testid="review-ship-to">
                    <h3>{t.ship_to}</h3>
                    <address>
                        {ship_to.name.clone()}<br/>
                        <span data-testid="review-address">{contact::ship_to_line(&ship_to)}</span>
                    </address>
                    {ship_to.expedite.then(|| view! { <p>{t.expedited}</p> })}
                </div>
            })}
            {(!properties.is_empty()).then(|| view! {
                <div class="mobproc-review-item" data-testid="review-properties">
                    <h3>{t.order_details}</h3>
                    <dl class="mobproc-summary">
                        {properties.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
                    </dl>
                </div>
            })}
            <div class="mobproc-costs" data-testid="cost-summary">
                <h3>{t.cost_summary}</h3>
                {if costs.is_empty() {
                    view! { <p data-testid="no-charge">{t.no_charge}</p> }.into_any()
                } else {
                    view! {
                        <dl>
                            {costs.into_iter().map(|(name, amount, id)| view! { <dt>{name}</dt><dd data-testid=id>{amount}</dd> }).collect_view()}
                        </dl>
                    }.into_any()
                }}
            </div>
        </div>
    }
}
