//! Money: integer cents on the inside, the API's JSON numbers on the wire.

use crate::json::{FromJson, Json, JsonError, ToJson};
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

/// As serde reads it: a number, rounded to cents.
impl FromJson for Money {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        value.decimal().map(Money::from_decimal)
    }
}

/// As serde writes it: `300` without cents, `199.99` or `12.5` with them
/// (the shortest decimal that reads back as the same amount).
impl ToJson for Money {
    fn write_json(&self, out: &mut String) {
        if self.cents < 0 {
            out.push('-');
        }
        let cents = self.cents.unsigned_abs();
        out.push_str(&(cents / 100).to_string());
        let fraction = cents % 100;
        if fraction != 0 {
            out.push('.');
            out.push(char::from(b'0' + (fraction / 10) as u8));
            if !fraction.is_multiple_of(10) {
                out.push(char::from(b'0' + (fraction % 10) as u8));
            }
        }
    }
}

/// A price or cost: amount, ISO 4217 currency and recurrence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
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
    crate::sort::sort_by_key(&mut totals, |t| rank(&t.recurrence));
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

    /// The widget's reader and writer agree with serde on every shape of
    /// amount: whole, tens of cents, cents, below one, negative.
    #[test]
    fn the_widgets_json_reads_and_writes_amounts_as_serde_does() {
        use crate::json::{FromJson, ToJson};
        for cents in [
            0, 5, 10, 50, 99, 100, 1205, 19999, 30000, 55867, -5, -1250, -30000,
        ] {
            let money = Money::from_cents(cents);
            let by_serde = serde_json::to_string(&money).unwrap();
            assert_eq!(money.to_json(), by_serde, "{cents} cents");
            assert_eq!(Money::from_json_text(&by_serde), Ok(money), "{by_serde}");
        }
        assert_eq!(
            Money::from_json_text("558.67"),
            Ok(Money::from_cents(55867))
        );
        assert_eq!(Money::from_json_text("0.1"), Ok(Money::from_cents(10)));
        assert_eq!(Money::from_json_text("1e2"), Ok(Money::from_cents(10000)));
        for refused in ["\"12\"", "null", "true", "1e999"] {
            assert!(serde_json::from_str::<Money>(refused).is_err(), "{refused}");
            assert!(Money::from_json_text(refused).is_err(), "{refused}");
        }
    }
}
