//! Accessories: those that fit the line's device
//! (`/catalog/accessories?service=`), each with a quantity, and their total.

use leptos::prelude::*;
use mobproc_types::{AccessoriesPage, Accessory, Amount, Money};

use crate::app::context::use_ctx;
use crate::app::load_error;
use crate::auth::oauth::encode;
use crate::components::{focus_field, Busy, StepHeading, StepNav};
use crate::draft::{Draft, Step};
use crate::format;
use crate::i18n::fill;
use crate::steps::previous_step;
use mobproc_types::rules::{Presence, RequestField};

/// The most units of one accessory in an order.
pub const MAX_QUANTITY: usize = 10;

crate::stylesheet! {
    /// The styles of the accessories step (applied when it is first built).
    pub static STYLE = include_str!("accessories.css");
}

/// The accessories step.
#[component]
pub fn AccessoriesStep() -> impl IntoView {
    crate::style::require(&STYLE);
    let ctx = use_ctx();
    let t = ctx.t();
    let draft = ctx.draft;
    let accessories = {
        let api = ctx.api.clone();
        LocalResource::new(move || {
            let api = api.clone();
            let path = draft.with_untracked(accessories_path);
            async move { api.get_all::<AccessoriesPage>(&path).await }
        })
    };
    // The order summary names the chosen accessories from them.
    let learnt = crate::app::order_data::use_order_data().learnt;
    Effect::new(move |_| {
        if let Some(Ok(list)) = accessories.get() {
            learnt.accessories.set(list);
        }
    });
    let shown = RwSignal::new(false);
    // Required where the type buys only accessories (ORDER_ACCESSORIES).
    let required = draft.with_untracked(|d| {
        d.flow.rules().presence(RequestField::AccessoryIds) == Presence::Required
    });
    let empty = Memo::new(move |_| required && draft.with(|d| d.accessory_ids.is_empty()));
    let back = draft.with_untracked(|d| previous_step(d, ctx.source_now(), Step::Accessories));
    let on_next = {
        let ctx = ctx.clone();
        Callback::new(move |_| {
            shown.set(true);
            if !empty.get_untracked() {
                ctx.go_on_from(Step::Accessories);
            }
        })
    };
    view! {
        <section class="mobproc-accessories">
            <StepHeading text=t.step_names[Step::Accessories.index()]/>
            <p>{t.accessories_intro}</p>
            <Transition fallback=move || view! { <Busy label=t.loading/> }>
                {move || Suspend::new(async move {
                    match accessories.await {
                        Ok(list) if list.is_empty() => view! { <p data-testid="no-accessories">{t.accessories_empty}</p> }.into_any(),
                        Ok(list) => view! { <AccessoryList accessories=list/> }.into_any(),
                        Err(error) => load_error(error, accessories),
                    }
                })}
            </Transition>
            <Show when=move || shown.get() && empty.get()>
                <p class="mobproc-error" role="alert" data-testid="accessories-nothing">{t.accessories_nothing}</p>
            </Show>
            <StepNav back=back on_next=on_next/>
        </section>
    }
}

/// The accessories to offer: those that fit the line's device, or the
/// chosen new device, or all of them.
pub fn accessories_path(draft: &Draft) -> String {
    let filter = match (&draft.service_id, &draft.device_id) {
        (Some(service), _) => format!("service={}&", encode(service)),
        (None, Some(device)) => format!("compatibleWithDeviceId={}&", encode(device)),
        (None, None) => String::new(),
    };
    format!("/catalog/accessories?{filter}limit=200")
}

/// The cart's accessories total, in the accessories' currency.
pub fn accessories_total(accessories: &[Accessory], ids: &[String]) -> Option<Amount> {
    let priced: Vec<&Amount> = ids
        .iter()
        .filter_map(|id| accessories.iter().find(|a| &a.id == id)?.price.as_ref())
        .collect();
    let first = (*priced.first()?).clone();
    let cents = priced.iter().map(|p| p.amount.cents).sum();
    Some(Amount {
        amount: Money::from_cents(cents),
        ..first
    })
}

/// Where an arrow key moves in a list of `len` rows from row `at`: Up and
/// Down to the previous and next row (wrapping), Home and End to the ends.
pub fn row_after(key: &str, at: usize, len: usize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    match key {
        "ArrowDown" => Some((at + 1) % len),
        "ArrowUp" => Some((at + len - 1) % len),
        "Home" => Some(0),
        "End" => Some(len - 1),
        _ => None,
    }
}

/// A typed quantity: its digits, at most [`MAX_QUANTITY`]; `None` when it
/// has none (the count then stays what it was).
pub fn typed_quantity(text: &str) -> Option<usize> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    // Too many digits to parse is more than the limit anyway.
    Some(
        digits
            .parse()
            .map_or(MAX_QUANTITY, |n: usize| n.min(MAX_QUANTITY)),
    )
}

/// The id of one control of an accessory's row: its quantity (`part` empty)
/// or its "fewer" and "more" buttons.
fn control_id(accessory: &str, part: &str) -> String {
    if part.is_empty() {
        format!("mobproc-accessory-{accessory}")
    } else {
        format!("mobproc-accessory-{accessory}-{part}")
    }
}

/// Each accessory with a quantity stepper, then the total. The list is one
/// stop for Tab (the row last used); arrows move between rows, keeping to
/// the same control, as in every other picker; `+` and `-` in a quantity
/// change it.
#[component]
fn AccessoryList(accessories: Vec<Accessory>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let locale = ctx.locale.tag();
    let draft = ctx.draft;
    let total = {
        let accessories = accessories.clone();
        move || {
            draft
                .with(|d| accessories_total(&accessories, &d.accessory_ids))
                .map(|amount| format::money(&amount, locale))
        }
    };
    let ids: Vec<String> = accessories.iter().map(|a| a.id.clone()).collect();
    let active = RwSignal::new(0usize);
    let list = NodeRef::<leptos::html::Ul>::new();
    // Arrows: the same control (or the quantity, where it is disabled) of
    // the row they lead to.
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let Some(to) = row_after(&ev.key(), active.get_untracked(), ids.len()) else {
            return;
        };
        ev.prevent_default();
        let part = event_target::<web_sys::HtmlElement>(&ev)
            .get_attribute("data-part")
            .unwrap_or_default();
        let Some(root) = list.get_untracked() else {
            return;
        };
        let count = draft.with_untracked(|d| d.accessory_count(&ids[to]));
        let usable = match part.as_str() {
            "fewer" => count > 0,
            "more" => count < MAX_QUANTITY,
            _ => true,
        };
        active.set(to);
        focus_field(
            &root,
            &control_id(&ids[to], if usable { &part } else { "" }),
        );
    };
    view! {
        <ul class="mobproc-accessory-list" data-testid="accessories" node_ref=list on:keydown=on_keydown>
            {accessories
                .into_iter()
                .enumerate()
                .map(|(row, accessory)| {
                    let id = accessory.id.clone();
                    let input_id = control_id(&id, "");
                    let count = {
                        let id = id.clone();
                        Signal::derive(move || draft.with(|d| d.accessory_count(&id)))
                    };
                    let set = {
                        let id = id.clone();
                        move |n: usize| draft.update(|d| d.set_accessory_count(&id, n.min(MAX_QUANTITY)))
                    };
                    let (less, more, typed, stepped) = (set.clone(), set.clone(), set.clone(), set);
                    let tab_stop = move || if active.get() == row { "0" } else { "-1" };
                    let name = accessory.name.clone();
                    view! {
                        <li class="mobproc-accessory" data-testid="accessory" on:focusin=move |_| active.set(row)>
                            {format::safe_image_url(accessory.image_url.as_deref()).map(|src| view! { <img src=src alt="" width="48" height="48"/> })}
                            <span class="mobproc-accessory-name">{accessory.name.clone()}</span>
                            <span class="mobproc-accessory-price">{accessory.price.as_ref().map(|p| format::money(p, locale))}</span>
                            <span class="mobproc-quantity">
                                <button type="button" class="mobproc-button mobproc-button-quiet" id=control_id(&id, "fewer") data-part="fewer"
                                    aria-label=fill(t.one_fewer, &[&name]) tabindex=tab_stop
                                    disabled=move || count.get() == 0
                                    on:click=move |_| less(count.get_untracked().saturating_sub(1))
                                >
                                    "−"
                                </button>
                                <label class="mobproc-visually-hidden" for=input_id.clone()>{fill(t.quantity_of, &[&name])}</label>
                                <input type="text" id=input_id inputmode="numeric" autocomplete="off" size="2" data-part="" tabindex=tab_stop
                                    prop:value=move || count.get().to_string()
                                    on:keydown=move |ev| {
                                        let step = match ev.key().as_str() {
                                            "+" => count.get_untracked() + 1,
                                            "-" => count.get_untracked().saturating_sub(1),
                                            _ => return,
                                        };
                                        ev.prevent_default();
                                        stepped(step);
                                    }
                                    on:change=move |ev| {
                                        let input = event_target::<web_sys::HtmlInputElement>(&ev);
                                        match typed_quantity(&input.value()) {
                                            Some(n) => typed(n),
                                            None => input.set_value(&count.get_untracked().to_string()),
                                        }
                                    }
                                />
                                <button type="button" class="mobproc-button mobproc-button-quiet" id=control_id(&id, "more") data-part="more"
                                    aria-label=fill(t.one_more, &[&name]) tabindex=tab_stop
                                    disabled=move || { count.get() >= MAX_QUANTITY }
                                    on:click=move |_| more(count.get_untracked() + 1)
                                >
                                    "+"
                                </button>
                            </span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <p class="mobproc-accessories-total" data-testid="accessories-total">
            {t.accessories_total} ": " {total}
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_total_counts_every_unit() {
        let accessory = |id: &str, cents| Accessory {
            meta: None,
            id: id.into(),
            name: id.into(),
            image_url: None,
            manufacturer: None,
            price: Some(Amount::one_time(cents, "USD")),
            vendor: None,
        };
        let list = [accessory("A", 2_999), accessory("B", 1_000)];
        let ids = ["A".to_owned(), "A".to_owned(), "B".to_owned()];
        let total = accessories_total(&list, &ids).unwrap();
        assert_eq!(total.amount, Money::from_cents(6_998));
        assert_eq!(total.currency_code, "USD");
        assert_eq!(accessories_total(&list, &[]), None);
    }

    #[test]
    fn arrows_move_between_rows_and_wrap() {
        assert_eq!(row_after("ArrowDown", 0, 3), Some(1));
        assert_eq!(row_after("ArrowDown", 2, 3), Some(0));
        assert_eq!(row_after("ArrowUp", 0, 3), Some(2));
        assert_eq!(row_after("Home", 2, 3), Some(0));
        assert_eq!(row_after("End", 0, 3), Some(2));
        assert_eq!(row_after("ArrowLeft", 1, 3), None);
        assert_eq!(row_after("ArrowDown", 0, 0), None);
    }

    #[test]
    fn a_typed_quantity_keeps_its_digits_within_the_limit() {
        assert_eq!(typed_quantity(" 3 "), Some(3));
        assert_eq!(typed_quantity("2 units"), Some(2));
        assert_eq!(typed_quantity("40"), Some(MAX_QUANTITY));
        assert_eq!(
            typed_quantity("99999999999999999999999"),
            Some(MAX_QUANTITY)
        );
        assert_eq!(typed_quantity("0"), Some(0));
        assert_eq!(typed_quantity("many"), None);
        assert_eq!(typed_quantity(""), None);
    }
}
