//! Step 6 (when something ships, a SIM for a plan-only upgrade on Premium
//! Mobile included): the country, then that country's address fields in
//! its order, states and provinces as a list, the postal code checked by
//! the country's rule, and express delivery.

use leptos::prelude::*;
use mobproc_types::validation::{check_address, FieldProblem};
use mobproc_types::{AddressField, AddressValue, Region};

use crate::app::context::{use_ctx, use_data};
use crate::app::load_error;
use crate::app::order_data::use_order_data;
use crate::components::{
    focus_first_issue, Busy, ErrorPanel, ErrorSummary, FieldError, FieldIssue, RequiredMark,
    StepHeading, StepNav, TextField,
};
use crate::draft::{ShipToDraft, Step};
use crate::i18n::Texts;
use crate::steps::details::{problem_text, BrowserRegex};
use crate::steps::previous_step;

/// The problems of an address against a country's format, and of the
/// recipient's name.
pub fn address_problems(
    format: &[AddressField],
    ship_to: &ShipToDraft,
) -> (bool, Vec<FieldProblem>) {
    let values: Vec<AddressValue> = ship_to
        .address
        .iter()
        .filter(|(id, value)| !value.is_empty() && format.iter().any(|f| &f.id == id))
        .map(|(id, value)| AddressValue {
            id: id.clone(),
            label: None,
            value: value.trim().to_owned(),
        })
        .collect();
    (
        ship_to.name.trim().is_empty(),
        check_address(format, &values, &BrowserRegex),
    )
}

/// The id of the recipient's input.
const RECIPIENT_ID: &str = "mobproc-ship-name";

/// The id of an address field's control.
fn address_input_id(field_id: &str) -> String {
    format!("mobproc-address-{field_id}")
}

/// The shipping form's problems in its order, as the error summary lists
/// them: the recipient, then the address fields.
pub fn shipping_issues(
    t: &Texts,
    format: &[AddressField],
    ship_to: &ShipToDraft,
) -> Vec<FieldIssue> {
    let (no_name, problems) = address_problems(format, ship_to);
    let recipient = no_name.then(|| FieldIssue {
        field_id: RECIPIENT_ID.to_owned(),
        label: t.recipient.to_owned(),
        problem: t.problem_required.to_owned(),
    });
    let address = format.iter().filter_map(|field| {
        let problem = problems.iter().find(|p| p.field_id == field.id)?;
        Some(FieldIssue {
            field_id: address_input_id(&field.id),
            label: field.label.clone(),
            problem: problem_text(t, &problem.problem),
        })
    });
    recipient.into_iter().chain(address).collect()
}

/// The country an address starts in: the one whose currency the tenant's
/// prices are in (its own country), else the first.
pub fn default_country(countries: &[Region], currency: Option<&str>) -> Option<String> {
    currency
        .and_then(|code| {
            countries
                .iter()
                .find(|c| c.currency.as_ref().is_some_and(|own| own.code == code))
        })
        .or_else(|| countries.first())
        .map(|c| c.id.clone())
}

/// Step 6.
#[component]
pub fn ShippingStep() -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let data = use_data();
    let order = use_order_data();
    let draft = ctx.draft;
    let shown = RwSignal::new(false);
    let source = ctx.source_now();
    let back = draft.with_untracked(|d| previous_step(d, source, Step::Shipping));
    let region_id = Memo::new(move |_| draft.with(|d| d.ship_to.region_id.clone()));
    let api = ctx.api.clone();
    let region = LocalResource::new(move || {
        let api = api.clone();
        let id = region_id.get();
        async move {
            if id.is_empty() {
                return Ok(None);
            }
            api.get::<Region>(&format!("/regions/{}", crate::auth::oauth::encode(&id)))
                .await
                .map(Some)
        }
    });
    // The recipient defaults to the person the order is for.
    Effect::new(move |_| {
        if let Some(Ok(me)) = data.me.get() {
            let name = match draft.with_untracked(|d| d.on_behalf_of.clone()) {
                None => Some(me.actor.full_name()),
                Some(id) => data
                    .team
                    .get()
                    .and_then(Result::ok)
                    .and_then(|team| team.into_iter().find(|e| e.id == id))
                    .map(|e| e.full_name()),
            };
            if let Some(name) = name {
                if draft.with_untracked(|d| d.ship_to.name.is_empty()) {
                    draft.update(|d| d.ship_to.name = name);
                }
            }
        }
    });
    // None until the country's address format is in.
    let issues = Memo::new(move |_| match region.get() {
        Some(Ok(Some(region))) => {
            let format = region.address_format.unwrap_or_default();
            Some(draft.with(|d| shipping_issues(t, &format, &d.ship_to)))
        }
        _ => None,
    });
    let section = NodeRef::<leptos::html::Section>::new();
    let on_next = {
        let ctx = ctx.clone();
        Callback::new(move |_| {
            shown.set(true);
            match issues.get_untracked() {
                Some(issues) if issues.is_empty() => ctx.go_on_from(Step::Shipping),
                Some(issues) => focus_first_issue(section, &issues),
                None => {}
            }
        })
    };
    let shown_issues = Signal::derive(move || {
        shown
            .get()
            .then(|| issues.get())
            .flatten()
            .unwrap_or_default()
    });
    let name_error = Signal::derive(move || {
        (shown.get() && draft.with(|d| d.ship_to.name.trim().is_empty()))
            .then(|| t.problem_required.to_owned())
    });
    view! {
        <section class="mobproc-shipping" node_ref=section>
            <StepHeading text=t.step_names[5]/>
            <p>{t.shipping_intro}</p>
            <ErrorSummary issues=shown_issues/>
            <div class="mobproc-form-grid">
                <TextField
                    id=RECIPIENT_ID
                    label=t.recipient
                    value=Signal::derive(move || draft.with(|d| d.ship_to.name.clone()))
                    on_input=Callback::new(move |v: String| draft.update(|d| d.ship_to.name = v))
                    error=name_error
                    required=true
                    max_length=100
                    autocomplete="name"
                />
                <Transition fallback=move || view! { <Busy label=t.loading/> }>
                    {move || Suspend::new(async move {
                        match order.countries.await {
                            Ok(countries) => view! { <CountryPicker countries=countries/> }.into_any(),
                            Err(error) => load_error(error, order.countries),
                        }
                    })}
                </Transition>
            </div>
            <Transition fallback=move || view! { <Busy label=t.loading/> }>
                {move || Suspend::new(async move {
                    match region.await {
                        Ok(Some(region)) => view! { <AddressForm format=region.address_format.unwrap_or_default() shown=shown/> }.into_any(),
                        Ok(None) => ().into_any(),
                        Err(error) => view! { <ErrorPanel error=error retry=Callback::new(move |_| region.refetch())/> }.into_any(),
                    }
                })}
            </Transition>
            <div class="mobproc-choice">
                <input
                    type="checkbox"
                    id="mobproc-expedite"
                    prop:checked=move || draft.with(|d| d.ship_to.expedite)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        draft.update(|d| d.ship_to.expedite = on);
                    }
                />
                <label for="mobproc-expedite">{t.expedite}</label>
            </div>
            <StepNav back=back on_next=on_next/>
        </section>
    }
}

/// The country list; when none is chosen, the tenant's own country (the
/// one of its prices' currency), else the first.
#[component]
fn CountryPicker(countries: Vec<Region>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let order = use_order_data();
    let draft = ctx.draft;
    // Written after the step is on screen: never while the last step is still there.
    let all = countries.clone();
    Effect::new(move |_| {
        let currency = match order.plans.get() {
            // Still loading: the currency is known soon.
            None => return,
            Some(Ok(plans)) => plans
                .iter()
                .find_map(|p| p.price.as_ref().map(|a| a.currency_code.clone())),
            Some(Err(_)) => None,
        };
        if let Some(id) = default_country(&all, currency.as_deref()) {
            if draft.with_untracked(|d| d.ship_to.region_id.is_empty()) {
                draft.update(|d| d.ship_to.region_id = id);
            }
        }
    });
    view! {
        <div class="mobproc-field">
            <label for="mobproc-ship-country">{t.country}</label>
            <select
                id="mobproc-ship-country"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    draft.update(|d| {
                        if d.ship_to.region_id != id {
                            d.ship_to.region_id = id;
                            d.ship_to.address.clear();
                        }
                    });
                }
            >
                {countries
                    .into_iter()
                    .map(|country| {
                        let id = country.id.clone();
                        let selected = move || draft.with(|d| d.ship_to.region_id == id);
                        view! { <option value=country.id.clone() selected=selected>{country.name.clone()}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The country's address fields, in its order.
#[component]
fn AddressForm(format: Vec<AddressField>, shown: RwSignal<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let draft = ctx.draft;
    let all = format.clone();
    let problem_of = move |id: String| {
        let all = all.clone();
        Signal::derive(move || {
            if !shown.get() {
                return None;
            }
            let (_, problems) = draft.with(|d| address_problems(&all, &d.ship_to));
            problems
                .into_iter()
                .find(|p| p.field_id == id)
                .map(|p| problem_text(t, &p.problem))
        })
    };
    view! {
        <div class="mobproc-form-grid" data-testid="address-form">
            {format
                .into_iter()
                .map(|field| {
                    let id = address_input_id(&field.id);
                    let error = problem_of(field.id.clone());
                    let required = field.validation == mobproc_types::Validation::Required;
                    let field_id = field.id.clone();
                    match field.options.clone() {
                        Some(options) => {
                            let error_id = format!("{id}-error");
                            view! {
                                <div class="mobproc-field" class:mobproc-field-invalid=move || error.get().is_some()>
                                    <label for=id.clone()>
                                        {field.label.clone()}
                                        {required.then(|| view! { <RequiredMark/> })}
                                    </label>
                                    <select
                                        id=id.clone()
                                        autocomplete="address-level1"
                                        aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                                        aria-describedby=error_id.clone()
                                        on:change={
                                            let field_id = field_id.clone();
                                            move |ev| {
                                                let value = event_target_value(&ev);
                                                draft.update(|d| d.ship_to.set(&field_id, value));
                                            }
                                        }
                                    >
                                        <option value="">{t.choose}</option>
                                        {options
                                            .into_iter()
                                            .map(|option| {
                                                let field_id = field_id.clone();
                                                let value = option.value.clone();
                                                let selected = move || draft.with(|d| d.ship_to.value(&field_id) == value);
                                                view! { <option value=option.value.clone() selected=selected>{option.label.clone()}</option> }
                                            })
                                            .collect_view()}
                                    </select>
                                    <FieldError field_id=id.clone() error=error/>
                                </div>
                            }
                            .into_any()
                        }
                        None => {
                            let value = {
                                let field_id = field_id.clone();
                                Signal::derive(move || draft.with(|d| d.ship_to.value(&field_id).to_owned()))
                            };
                            let on_input = Callback::new(move |v: String| draft.update(|d| d.ship_to.set(&field_id, v)));
                            view! {
                                <TextField
                                    id=id
                                    label=field.label.clone()
                                    value=value
                                    on_input=on_input
                                    error=error
                                    required=required
                                    hint=field.pattern.clone().unwrap_or_default()
                                    max_length=field.max_length.unwrap_or(100)
                                />
                            }
                            .into_any()
                        }
                    }
                })
                .collect_view()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mobproc_types::{Currency, RegionType};

    fn country(id: &str, currency: &str) -> Region {
        Region {
            meta: None,
            id: id.into(),
            name: id.into(),
            abbreviation: None,
            kind: RegionType::Country,
            parent_id: None,
            country_code: None,
            currency: Some(Currency {
                code: currency.into(),
                name: currency.into(),
                symbol: "$".into(),
            }),
            address_format: None,
            postal_code_pattern: None,
            postal_code_reg_ex: None,
        }
    }

    #[test]
    fn the_address_starts_in_the_country_of_the_prices() {
        let countries = [
            country("US", "USD"),
            country("CA", "CAD"),
            country("UK", "GBP"),
        ];
        assert_eq!(
            default_country(&countries, Some("GBP")).as_deref(),
            Some("UK")
        );
        assert_eq!(
            default_country(&countries, Some("CAD")).as_deref(),
            Some("CA")
        );
        assert_eq!(
            default_country(&countries, Some("EUR")).as_deref(),
            Some("US"),
            "no country of that currency: the first"
        );
        assert_eq!(default_country(&countries, None).as_deref(), Some("US"));
        assert_eq!(default_country(&[], Some("GBP")), None);
    }
}
