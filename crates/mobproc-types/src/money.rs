//! Money: integer cents on the inside, the API's JSON numbers on the wire.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

open_enum!(
    /// How often an amount is charged.
    Recurrence {
        OneTime = "ONETIME",
        Monthly = "MONTHLY",
    }
);

/// An amount in the currency's minor unit (cents), so sums are exact.
///
/// On the wire it is a JSON number as MOBPROC writes it: `199.99`, or `300`
/// when there are no cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money {
    /// Minor units (cents).
    pub cents: i64,
}

impl Money {
    /// An amount of `cents` minor units.
    pub const fn from_cents(cents: i64) -> Self {
        Money { cents }
    }

    /// The nearest amount in cents to a decimal number.
    pub fn from_decimal(value: f64) -> Self {
        Money {
            cents: (value * 100.0).round() as i64,
        }
    }

    /// The amount as a decimal number (for display through `Intl`).
    pub fn as_decimal(self) -> f64 {
        self.cents as f64 / 100.0
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money::from_cents(self.cents + other.cents)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::default(), |total, item| total + item)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.cents % 100 == 0 {
            serializer.serialize_i64(self.cents / 100)
        } else {
            serializer.serialize_f64(self.as_decimal())
        }
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        if !value.is_finite() {
            return Err(serde::de::Error::custom(
                "an amount must be a finite number",
            ));
        }
        Ok(Money::from_decimal(value))
    }
}

/// A price or cost: amount, ISO 4217 currency and recurrence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Amount {
    pub amount: Money,
    pub currency_code: String,
    pub recurrence: Recurrence,
}

impl Amount {
    /// A one-time charge in `currency`.
    pub fn one_time(cents: i64, currency: &str) -> Self {
        Amount {
            amount: Money::from_cents(cents),
            currency_code: currency.to_owned(),
            recurrence: Recurrence::OneTime,
        }
    }

    /// A monthly charge in `currency`.
    pub fn monthly(cents: i64, currency: &str) -> Self {
        Amount {
            amount: Money::from_cents(cents),
            currency_code: currency.to_owned(),
            recurrence: Recurrence::Monthly,
        }
    }
}

/// Adds prices up into one total per recurrence (ONETIME first, then
/// MONTHLY, then others in order of appearance), as a `costSummary` lists them.
/// Amounts in different currencies are kept apart.
pub fn cost_summary<'a>(prices: impl IntoIterator<Item = &'a Amount>) -> Vec<Amount> {
    let mut totals: Vec<Amount> = Vec::new();
    for price in prices {
        match totals
            .iter_mut()
            .find(|t| t.recurrence == price.recurrence && t.currency_code == price.currency_code)
        {
            Some(total) => total.amount = total.amount + price.amount,
            None => totals.push(price.clone()),
        }
    }
    let rank = |r: &Recurrence| match r {
        Recurrence::OneTime => 0,
        Recurrence::Monthly => 1,
        Recurrence::Unknown(_) => 2,
    };
    totals.sort_by_key(|t| rank(&t.recurrence));
    totals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_reads_decimals_exactly_in_cents() {
        let m: Money = serde_json::from_str("558.67").unwrap();
        assert_eq!(m.cents, 55867);
        let m: Money = serde_json::from_str("0.1").unwrap();
        assert_eq!(m.cents, 10);
    }

    #[test]
    fn money_writes_whole_amounts_as_integers() {
        assert_eq!(
            serde_json::to_string(&Money::from_cents(30000)).unwrap(),
            "300"
        );
        assert_eq!(
            serde_json::to_string(&Money::from_cents(19999)).unwrap(),
            "199.99"
        );
        assert_eq!(
            serde_json::to_string(&Money::from_cents(55867)).unwrap(),
            "558.67"
        );
    }

    #[test]
    fn cost_summary_sums_per_recurrence_onetime_first() {
        let prices = [
            Amount::monthly(5867, "USD"),
            Amount::one_time(19999, "USD"),
            Amount::monthly(30000, "USD"),
            Amount::monthly(20000, "USD"),
        ];
        let summary = cost_summary(&prices);
        assert_eq!(
            summary,
            vec![
                Amount::one_time(19999, "USD"),
                Amount::monthly(55867, "USD")
            ]
        );
    }

    #[test]
    fn cost_summary_keeps_currencies_apart() {
        let prices = [Amount::monthly(100, "USD"), Amount::monthly(200, "CAD")];
        assert_eq!(cost_summary(&prices).len(), 2);
    }

    #[test]
    fn money_rejects_non_numbers() {
        assert!(serde_json::from_str::<Money>("\"12\"").is_err());
    }
}
