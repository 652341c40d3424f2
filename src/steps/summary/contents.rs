//! What the order summary lists: the draft's choices named and priced from
//! the data the steps loaded, and the totals (the review's, once it has
//! confirmed this very draft; until then the catalog prices added up).

use mobproc_types::{
    Accessory, Amount, CatalogDevice, Money, Plan, Recurrence, ServiceAsset, Vendor,
};

use crate::app::order_data::ConfirmedOrder;
use crate::contact;
use crate::draft::{Draft, Step};
use crate::i18n::Texts;

/// The lists the names and prices come from.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sources<'a> {
    pub lines: &'a [ServiceAsset],
    pub catalog: &'a [CatalogDevice],
    pub plans: &'a [Plan],
    pub vendors: &'a [Vendor],
    /// Plans with their features (the plan step's detail, the review's cart).
    pub plan_details: &'a [Plan],
    pub accessories: &'a [Accessory],
}

/// One thing in the cart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub name: String,
    pub quantity: usize,
    /// The price of one unit, when known.
    pub price: Option<Amount>,
}

/// The order so far.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Contents {
    /// The line, formatted (`(512) 555-0134`).
    pub line: Option<String>,
    /// The carrier chosen (ports and transfers).
    pub carrier: Option<String>,
    pub device: Option<Item>,
    pub plan: Option<Item>,
    /// The plan's optional features chosen.
    pub features: Vec<Item>,
    pub accessories: Vec<Item>,
    /// Who and where it ships to: "Jane Doe, Orange".
    pub ship_to: Option<String>,
    /// The totals: the review's, or the catalog prices added up.
    pub totals: Vec<Amount>,
    /// Whether [`Contents::totals`] are the review's confirmation.
    pub confirmed: bool,
}

impl Contents {
    /// Whether anything is chosen yet.
    pub fn is_empty(&self) -> bool {
        self.line.is_none()
            && self.carrier.is_none()
            && self.device.is_none()
            && self.plan.is_none()
            && self.accessories.is_empty()
    }
}

/// Whether `confirmed` is for `draft` as it is now (ignoring the step it
/// was on and what the review itself records).
pub fn confirms(confirmed: &ConfirmedOrder, draft: &Draft) -> bool {
    // Compared as stored: the code is there already.
    let comparable = |d: &Draft| {
        Draft {
            step: Default::default(),
            confirmed_request: None,
            order_id: None,
            ..d.clone()
        }
        .to_storage()
    };
    comparable(&confirmed.draft) == comparable(draft)
}

/// What the summary lists for `draft`.
pub fn contents(draft: &Draft, from: Sources, confirmed: Option<&ConfirmedOrder>) -> Contents {
    let line = draft.service_id.as_ref().and_then(|id| {
        let line = from.lines.iter().find(|l| &l.id == id)?;
        Some(contact::phone_number(&line.service_number))
    });
    let carrier = (!draft.carrier_id.is_empty())
        .then(|| from.vendors.iter().find(|v| v.id == draft.carrier_id))
        .flatten()
        .map(|v| v.name.clone());
    let device = draft.device_id.as_ref().and_then(|id| {
        let device = from.catalog.iter().find(|d| &d.id == id)?;
        Some(one(&device.name, device.price.clone()))
    });
    let plan = draft.plan_id.as_ref().and_then(|id| {
        let plan = from.plans.iter().find(|p| &p.id == id)?;
        Some(one(&plan.name, plan.price.clone()))
    });
    let offered: Vec<_> = from
        .plan_details
        .iter()
        .filter(|p| draft.plan_id.as_ref() == Some(&p.id))
        .flat_map(|p| p.optional_features.iter().flatten())
        .collect();
    let features = draft
        .feature_ids
        .iter()
        .filter_map(|id| {
            let feature = offered.iter().find(|f| f.id.as_ref() == Some(id))?;
            Some(one(&feature.description, feature.price.clone()))
        })
        .collect();
    let mut accessories: Vec<Item> = Vec::new();
    for id in &draft.accessory_ids {
        let Some(accessory) = from.accessories.iter().find(|a| &a.id == id) else {
            continue;
        };
        match accessories.iter_mut().find(|i| i.name == accessory.name) {
            Some(item) => item.quantity += 1,
            None => accessories.push(one(&accessory.name, accessory.price.clone())),
        }
    }
    let ship_to = ship_to(draft);
    let mut summary = Contents {
        line,
        carrier,
        device,
        plan,
        features,
        accessories,
        ship_to,
        ..Contents::default()
    };
    match confirmed.filter(|c| confirms(c, draft)) {
        Some(confirmed) => {
            summary.totals = confirmed.costs.clone();
            summary.confirmed = true;
        }
        None => summary.totals = estimate(&summary),
    }
    summary
}

/// One line of the summary as shown: what it is, its name, its price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub label: &'static str,
    pub name: String,
    pub price: String,
    /// Its `data-testid`.
    pub id: &'static str,
}

/// The summary's lines, then its totals, with `money` formatting amounts.
pub fn rows(summary: Contents, t: &Texts, money: impl Fn(&Amount) -> String) -> Vec<Row> {
    let fact = |label, name, id| Row {
        label,
        name,
        price: String::new(),
        id,
    };
    let item = |label, item: Item, id| {
        let mut price = item.price.as_ref().map(&money).unwrap_or_default();
        if item.price.as_ref().is_some_and(is_monthly) {
            price.push_str(t.per_month);
        }
        let quantity = match item.quantity {
            1 => String::new(),
            n => format!("{n} × "),
        };
        Row {
            label,
            name: format!("{quantity}{}", item.name),
            price: format!("{quantity}{price}"),
            id,
        }
    };
    let accessories = t.step_names[Step::Accessories.index()];
    let facts = [
        summary.line.map(|v| fact(t.line, v, "summary-line")),
        summary
            .carrier
            .map(|v| fact(t.summary_carrier, v, "summary-carrier")),
        summary
            .ship_to
            .map(|v| fact(t.ship_to, v, "summary-ship-to")),
    ];
    let cart = summary
        .device
        .map(|i| item(t.new_device, i, "summary-device"))
        .into_iter()
        .chain(summary.plan.map(|i| item(t.new_plan, i, "summary-plan")))
        .chain(
            summary
                .features
                .into_iter()
                .map(|i| item(t.optional_features, i, "summary-feature")),
        )
        .chain(
            summary
                .accessories
                .into_iter()
                .map(|i| item(accessories, i, "summary-accessory")),
        );
    let totals = summary.totals.iter().map(|total| {
        let (label, id) = match total.recurrence {
            Recurrence::OneTime => (t.one_time, "summary-onetime"),
            Recurrence::Monthly => (t.monthly, "summary-monthly"),
            Recurrence::Unknown(_) => (t.cost_summary, "summary-other"),
        };
        Row {
            label,
            name: String::new(),
            price: money(total),
            id,
        }
    });
    facts
        .into_iter()
        .flatten()
        .chain(cart)
        .chain(totals)
        .collect()
}

fn is_monthly(amount: &Amount) -> bool {
    amount.recurrence == Recurrence::Monthly
}

fn one(name: &str, price: Option<Amount>) -> Item {
    Item {
        name: name.to_owned(),
        quantity: 1,
        price,
    }
}

/// The catalog prices added up, per recurrence and currency, one-time first.
fn estimate(summary: &Contents) -> Vec<Amount> {
    let units = summary
        .device
        .iter()
        .chain(&summary.plan)
        .chain(&summary.features)
        .chain(&summary.accessories)
        .flat_map(|item| item.price.iter().map(move |price| (price, item.quantity)));
    let mut totals: Vec<Amount> = Vec::new();
    for (price, quantity) in units {
        let amount = Money::from_cents(price.amount.cents * quantity as i64);
        match totals
            .iter_mut()
            .find(|t| t.recurrence == price.recurrence && t.currency_code == price.currency_code)
        {
            Some(total) => total.amount = total.amount + amount,
            None => totals.push(Amount {
                amount,
                ..price.clone()
            }),
        }
    }
    // One-time first, as a cost summary lists them (no sort: its code is large).
    let (mut first, rest): (Vec<_>, Vec<_>) = totals
        .into_iter()
        .partition(|t| t.recurrence == Recurrence::OneTime);
    first.extend(rest);
    first
}

/// The recipient and city entered on the shipping step, if any.
fn ship_to(draft: &Draft) -> Option<String> {
    let name = draft.ship_to.name.trim();
    let city = contact::locality(
        draft
            .ship_to
            .address
            .iter()
            .map(|(id, value)| (id.as_str(), value.as_str())),
    );
    let parts: Vec<&str> = [name, city.unwrap_or("")]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

#[cfg(test)]
mod tests;
