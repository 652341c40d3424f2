//! OpenAPI schemas of the types whose JSON form is written by hand: open
//! enums (a string, known values listed) and [`Money`] (a number).

use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

use crate::money::Money;

/// The schema of an [`open_enum!`] type: any string, the known values
/// given as examples and in the description (the API may add others).
pub fn open_enum_schema(known: &[&str]) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(format!(
            "One of {}; the API may add values, which clients keep as sent.",
            known.join(", ")
        )))
        .examples(known.iter().map(|value| value.to_string()))
        .into()
}

impl PartialSchema for Money {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Number)
            .description(Some(
                "An amount in the currency's major unit, at most two decimals: 199.99, or 300.",
            ))
            .examples([serde_json::json!(199.99)])
            .into()
    }
}

impl ToSchema for Money {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ErrorBody, OrderStatus, Recurrence};

    fn json(schema: RefOr<Schema>) -> serde_json::Value {
        serde_json::to_value(schema).unwrap()
    }

    #[test]
    fn an_open_enum_is_a_string_listing_its_known_values() {
        let schema = json(Recurrence::schema());
        assert_eq!(schema["type"], "string");
        assert_eq!(
            schema["examples"],
            serde_json::json!(["ONETIME", "MONTHLY"])
        );
        assert_eq!(OrderStatus::name(), "OrderStatus");
    }

    #[test]
    fn derived_schemas_use_the_wire_names() {
        let schema = json(ErrorBody::schema());
        let properties = schema["properties"].as_object().unwrap();
        let mut names: Vec<&str> = properties.keys().map(String::as_str).collect();
        names.sort_unstable();
        assert_eq!(names, ["errorCode", "errors", "id", "message", "status"]);
    }

    #[test]
    fn money_is_a_number() {
        assert_eq!(json(Money::schema())["type"], "number");
        assert_eq!(Money::name(), "Money");
    }
}
