//! Loads everything an order request names into an [`OrderContext`], so
//! that the checks (and the confirmation) are pure functions of it.

use mobproc_types::rules::{rules_of, Backend, TypeRules};
use mobproc_types::{
    Accessory, Acknowledgement, CatalogDevice, LineFeature, NamedRef, OrderRequest, Plan,
    PropertyGroup, PropertyType, Region, TransactionType, Vendor,
};
use rusqlite::{Connection, OptionalExtension};

use crate::api::acknowledgements::load_acknowledgements;
use crate::api::assets::{load_service, ServiceRow};
use crate::api::catalog::{find_catalog_device, find_manufacturer, find_plan, find_vendor};
use crate::api::features::line_features;
use crate::api::properties::{applicable_groups, load_property_groups};
use crate::api::regions::find_region;
use crate::auth::Caller;
use crate::db::find_body;
use crate::error::ApiResult;
use crate::model::Platform;

/// What an order request names, loaded. `None` where an id names nothing
/// (or nothing the caller may use).
#[derive(Debug, Clone)]
pub struct OrderContext {
    /// The type's rules; `None` for a type this version does not know.
    pub rules: Option<&'static TypeRules>,
    pub platform: Platform,
    /// The tenant's currency, for the zero totals of a cost summary.
    pub currency: String,
    pub service: Option<ServiceRow>,
    pub line_vendor: Option<Vendor>,
    /// The optional features of the line's plan, `active` when on the line.
    pub line_features: Vec<LineFeature>,
    pub device: Option<CatalogDevice>,
    pub device_vendor: Option<Vendor>,
    pub plan: Option<Plan>,
    pub plan_vendor: Option<Vendor>,
    /// Each accessory id of the cart, with the accessory it names.
    pub accessories: Vec<(String, Option<Accessory>)>,
    /// XFER_SERVICE_IN(_AND_PORT): the personal number's carrier.
    pub current_vendor: Option<Vendor>,
    /// The property groups that apply to this order (its vendor's, minus
    /// device-only or plan-only fields as the cart requires).
    pub properties: Vec<PropertyGroup>,
    /// The acknowledgements the order's carrier asks for on this type.
    pub acknowledgements: Vec<Acknowledgement>,
    /// The country of use (`regionId`).
    pub use_region: Option<Region>,
    /// The country shipped to (`shipTo`).
    pub region: Option<Region>,
    /// The tenant's home country: the country of its lines.
    pub home_region: Option<Region>,
    pub existing_manufacturer: Option<NamedRef>,
    pub new_manufacturer: Option<NamedRef>,
    /// SWAP_DEVICES: the active line (other than this one) `newDevice` is on.
    pub new_device_line: Option<String>,
    /// UNSUSPEND on Premium Mobile: a `USER` value that names no employee.
    pub unknown_user: Option<String>,
}

impl OrderContext {
    /// The backend the tenant runs on.
    pub fn backend(&self) -> Backend {
        self.platform.backend()
    }

    /// The vendor whose network the line will be on after the order: the
    /// new plan's, else the line's.
    pub fn network_vendor(&self) -> Option<&Vendor> {
        self.plan_vendor.as_ref().or(self.line_vendor.as_ref())
    }

    /// Whether anything physical ships (TRANSACTIONS.md section 2).
    pub fn ships(&self, request: &OrderRequest) -> bool {
        self.rules
            .is_some_and(|rules| rules.ships(request, self.backend()))
    }
}

/// The carrier whose properties and acknowledgements apply: the new plan's
/// (a new line, a port), else the personal number's, else the line's.
fn order_vendor<'a>(
    plan: Option<&'a Vendor>,
    current: Option<&'a Vendor>,
    line: Option<&'a Vendor>,
) -> Option<&'a Vendor> {
    plan.or(current).or(line)
}

fn vendor_of(
    connection: &Connection,
    tenant: &str,
    reference: Option<&NamedRef>,
) -> ApiResult<Option<Vendor>> {
    match reference {
        Some(vendor) => find_vendor(connection, tenant, &vendor.id),
        None => Ok(None),
    }
}

fn region(connection: &Connection, id: Option<&str>) -> ApiResult<Option<Region>> {
    match id {
        Some(id) => find_region(connection, id),
        None => Ok(None),
    }
}

/// Loads everything `request` names, for the actor of `caller`.
pub fn load_context(
    connection: &Connection,
    caller: &Caller,
    request: &OrderRequest,
) -> ApiResult<OrderContext> {
    let tenant = &caller.tenant.code;
    let service = match &request.service_id {
        Some(id) => load_service(connection, caller, id)?
            .filter(|row| row.employee_id == caller.actor.employee.id),
        None => None,
    };
    let line_vendor = match &service {
        Some(row) => find_vendor(connection, tenant, &row.vendor_id)?,
        None => None,
    };
    let line_features = match &service {
        Some(row) => line_features(connection, tenant, &row.service.id)?,
        None => Vec::new(),
    };
    let cart = request.cart();
    let device = match &cart.device_id {
        Some(id) => find_catalog_device(connection, tenant, id)?,
        None => None,
    };
    let device_vendor = vendor_of(
        connection,
        tenant,
        device.as_ref().and_then(|d| d.vendor.as_ref()),
    )?;
    let plan = match &cart.plan_id {
        Some(id) => find_plan(connection, tenant, id)?,
        None => None,
    };
    let plan_vendor = vendor_of(
        connection,
        tenant,
        plan.as_ref().and_then(|p| p.vendor.as_ref()),
    )?;
    let accessories = cart
        .accessory_ids
        .iter()
        .map(|id| {
            let accessory: Option<Accessory> = find_body(
                connection,
                "SELECT body FROM accessories WHERE tenant = ?1 AND id = ?2",
                [tenant, id],
            )?;
            Ok((id.clone(), accessory))
        })
        .collect::<ApiResult<Vec<_>>>()?;
    let current_vendor = match &request.current_vendor_id {
        Some(id) => find_vendor(connection, tenant, id)?,
        None => None,
    };
    let vendor = order_vendor(
        plan_vendor.as_ref(),
        current_vendor.as_ref(),
        line_vendor.as_ref(),
    )
    .map(|v| v.id.clone());
    let kind = &request.transaction_type;
    let (properties, acknowledgements) = match vendor {
        Some(vendor) => (
            applicable_groups(
                &load_property_groups(connection, tenant, &vendor, kind.as_str())?,
                cart.device_id.is_some(),
                cart.plan_id.is_some(),
            ),
            load_acknowledgements(connection, tenant, &vendor, kind)?.acknowledgements,
        ),
        None => (Vec::new(), Vec::new()),
    };
    let manufacturer = |id: &str| find_manufacturer(connection, tenant, id);
    let existing_manufacturer = match &request.existing_device {
        Some(existing) => manufacturer(&existing.manufacturer_id)?,
        None => None,
    };
    let new_manufacturer = match &request.new_device {
        Some(new) => manufacturer(&new.manufacturer_id)?,
        None => None,
    };
    let new_device_line = match (&request.new_device, &service) {
        (Some(new), Some(row)) => device_line(
            connection,
            tenant,
            &new.serial_number.value,
            &row.service.id,
        )?,
        _ => None,
    };
    Ok(OrderContext {
        rules: rules_of(kind),
        platform: caller.tenant.platform,
        currency: caller.tenant.currency.clone(),
        service,
        line_vendor,
        line_features,
        device,
        device_vendor,
        plan,
        plan_vendor,
        accessories,
        current_vendor,
        properties,
        acknowledgements,
        use_region: region(connection, request.region_id.as_deref())?,
        region: region(
            connection,
            request.ship_to.as_ref().and_then(|s| s.region_id()),
        )?,
        home_region: find_region(connection, &caller.tenant.country_id)?,
        existing_manufacturer,
        new_manufacturer,
        new_device_line,
        unknown_user: unknown_user(connection, caller, request)?,
    })
}

/// The active line other than `service_id` that the device with serial
/// `serial` is on, if any.
fn device_line(
    connection: &Connection,
    tenant: &str,
    serial: &str,
    service_id: &str,
) -> ApiResult<Option<String>> {
    Ok(connection
        .query_row(
            "SELECT s.id FROM device_assets d JOIN services s ON s.tenant = d.tenant AND s.device_id = d.id
             WHERE d.tenant = ?1 AND json_extract(d.body, '$.serialNumber.value') = ?2
               AND s.id <> ?3 AND json_extract(s.body, '$.status') = 'ACTIVE' LIMIT 1",
            [tenant, serial, service_id],
            |row| row.get(0),
        )
        .optional()?)
}

/// UNSUSPEND on Premium Mobile: the `USER` property's value when it names
/// no company employee id of the tenant.
fn unknown_user(
    connection: &Connection,
    caller: &Caller,
    request: &OrderRequest,
) -> ApiResult<Option<String>> {
    if request.transaction_type != TransactionType::Unsuspend
        || caller.tenant.platform != Platform::Command
    {
        return Ok(None);
    }
    let user = request
        .properties
        .iter()
        .flat_map(|group| &group.fields)
        .find(|field| field.id == "USER" && field.kind == PropertyType::Text)
        .and_then(|field| field.text.as_deref())
        .map(str::trim)
        .filter(|text| !text.is_empty());
    let Some(user) = user else { return Ok(None) };
    let known: Option<i64> = connection
        .query_row(
            "SELECT 1 FROM employees WHERE tenant = ?1 AND company_employee_id = ?2",
            [caller.tenant.code.as_str(), user],
            |row| row.get(0),
        )
        .optional()?;
    Ok(known.is_none().then(|| user.to_owned()))
}
