//! The request fields whose presence depends on the transaction type.

use crate::orders::OrderRequest;

/// A request field of section 2's table. `properties` is not one: every
/// type sends the properties its vendor requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequestField {
    ServiceId,
    RegionId,
    PostalCode,
    CurrentVendorId,
    ExistingDevice,
    NewDevice,
    /// The cart itself, absent on the types that buy nothing.
    ShoppingCart,
    DeviceId,
    PlanId,
    OptionalFeatureIds,
    AccessoryIds,
    Features,
    FeatureRequestComment,
    Quantity,
    /// Atlas: the choices of the device's features.
    DeviceFeatureChoices,
    Acknowledgements,
    ShipTo,
}

impl RequestField {
    /// How many there are.
    pub const COUNT: usize = 17;

    /// Every field, in the table's order.
    pub const ALL: [RequestField; RequestField::COUNT] = [
        RequestField::ServiceId,
        RequestField::RegionId,
        RequestField::PostalCode,
        RequestField::CurrentVendorId,
        RequestField::ExistingDevice,
        RequestField::NewDevice,
        RequestField::ShoppingCart,
        RequestField::DeviceId,
        RequestField::PlanId,
        RequestField::OptionalFeatureIds,
        RequestField::AccessoryIds,
        RequestField::Features,
        RequestField::FeatureRequestComment,
        RequestField::Quantity,
        RequestField::DeviceFeatureChoices,
        RequestField::Acknowledgements,
        RequestField::ShipTo,
    ];

    /// The field's path under `orderRequest`.
    pub fn path(self) -> &'static str {
        match self {
            RequestField::ServiceId => "serviceId",
            RequestField::RegionId => "regionId",
            RequestField::PostalCode => "postalCode",
            RequestField::CurrentVendorId => "currentVendorId",
            RequestField::ExistingDevice => "existingDevice",
            RequestField::NewDevice => "newDevice",
            RequestField::ShoppingCart => "shoppingCart",
            RequestField::DeviceId => "shoppingCart.deviceId",
            RequestField::PlanId => "shoppingCart.planId",
            RequestField::OptionalFeatureIds => "shoppingCart.optionalFeatureIds",
            RequestField::AccessoryIds => "shoppingCart.accessoryIds",
            RequestField::Features => "shoppingCart.features",
            RequestField::FeatureRequestComment => "shoppingCart.featureRequestComment",
            RequestField::Quantity => "shoppingCart.quantity",
            RequestField::DeviceFeatureChoices => "shoppingCart.deviceFeatureChoices",
            RequestField::Acknowledgements => "acknowledgements",
            RequestField::ShipTo => "shipTo",
        }
    }

    /// Whether `request` sends the field (an empty list counts as not sent,
    /// except the acknowledgements, whose `[]` is an answer).
    pub fn is_sent(self, request: &OrderRequest) -> bool {
        let cart = request.shopping_cart.as_ref();
        match self {
            RequestField::ServiceId => request.service_id.is_some(),
            RequestField::RegionId => request.region_id.is_some(),
            RequestField::PostalCode => request.postal_code.is_some(),
            RequestField::CurrentVendorId => request.current_vendor_id.is_some(),
            RequestField::ExistingDevice => request.existing_device.is_some(),
            RequestField::NewDevice => request.new_device.is_some(),
            RequestField::ShoppingCart => cart.is_some(),
            RequestField::DeviceId => cart.is_some_and(|c| c.device_id.is_some()),
            RequestField::PlanId => cart.is_some_and(|c| c.plan_id.is_some()),
            RequestField::OptionalFeatureIds => {
                cart.is_some_and(|c| !c.optional_feature_ids.is_empty())
            }
            RequestField::AccessoryIds => cart.is_some_and(|c| !c.accessory_ids.is_empty()),
            RequestField::Features => cart.is_some_and(|c| !c.features.is_empty()),
            RequestField::FeatureRequestComment => {
                cart.is_some_and(|c| c.feature_request_comment.is_some())
            }
            RequestField::Quantity => cart.is_some_and(|c| c.quantity.is_some()),
            RequestField::DeviceFeatureChoices => {
                cart.is_some_and(|c| !c.device_feature_choices.is_empty())
            }
            RequestField::Acknowledgements => request.acknowledgements.is_some(),
            RequestField::ShipTo => request.ship_to.is_some(),
        }
    }
}
