//! Turns stored records into answers: adds `_meta` links and absolute
//! image and logo URLs on the sandbox's origin.

use mobproc_types::{
    CatalogDevice, DeviceAsset, Employee, Meta, NamedRef, Plan, ServiceAsset, Vendor,
};

use crate::links::Links;

/// Percent-encodes one path segment (ids may hold spaces: `Cookie Plus`).
pub fn segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A manufacturer reference with its link and logo.
pub fn manufacturer(links: &Links, mut reference: NamedRef) -> NamedRef {
    reference.meta = Some(Meta::href(
        links.api(&format!("/manufacturers/{}", segment(&reference.id))),
    ));
    reference.logo_url = Some(links.absolute(&format!(
        "/sandbox/images/manufacturers/{}.svg",
        segment(&reference.id)
    )));
    reference
}

/// A vendor (carrier) reference with its link and logo.
pub fn vendor_ref(links: &Links, mut reference: NamedRef) -> NamedRef {
    reference.meta = Some(Meta::href(
        links.api(&format!("/vendors/{}", segment(&reference.id))),
    ));
    reference.logo_url = Some(vendor_logo(links, &reference.id));
    reference
}

fn vendor_logo(links: &Links, id: &str) -> String {
    links.absolute(&format!("/sandbox/images/vendors/{}.svg", segment(id)))
}

/// A vendor with its link and logo.
pub fn vendor(links: &Links, mut vendor: Vendor) -> Vendor {
    vendor.meta = Some(Meta::href(
        links.api(&format!("/vendors/{}", segment(&vendor.id))),
    ));
    vendor.logo_url = Some(vendor_logo(links, &vendor.id));
    vendor
}

/// A region reference with its link.
pub fn region_ref(links: &Links, id: &str, name: &str) -> NamedRef {
    NamedRef {
        meta: Some(Meta::href(links.api(&format!("/regions/{}", segment(id))))),
        id: id.to_owned(),
        name: Some(name.to_owned()),
        logo_url: None,
    }
}

/// An employee as orders show them (`accountHolder`, `requestedBy`): `_meta.href` only.
pub fn employee_brief(links: &Links, mut employee: Employee) -> Employee {
    employee.meta = Some(Meta::href(
        links.api(&format!("/employees/{}", segment(&employee.id))),
    ));
    employee
}

/// An employee as `/employees` shows them, with links to their assets.
pub fn employee(links: &Links, mut employee: Employee) -> Employee {
    let id = segment(&employee.id);
    employee.meta = Some(Meta {
        href: Some(links.api(&format!("/employees/{id}"))),
        href_devices: Some(links.api(&format!("/assets/devices?limit=10&offset=0&employee={id}"))),
        href_services: Some(
            links.api(&format!("/assets/services?limit=10&offset=0&employee={id}")),
        ),
        ..Meta::default()
    });
    employee
}

/// A catalog device with its link, image and references.
pub fn catalog_device(links: &Links, mut device: CatalogDevice) -> CatalogDevice {
    device.meta = Some(Meta::href(
        links.api(&format!("/catalog/devices/{}", segment(&device.id))),
    ));
    device.image_url = device.image_url.map(|url| links.absolute(&url));
    device.manufacturer = device.manufacturer.map(|m| manufacturer(links, m));
    device.vendor = device.vendor.map(|v| vendor_ref(links, v));
    device
}

/// A plan with its link and vendor.
pub fn plan(links: &Links, mut plan: Plan) -> Plan {
    plan.meta = Some(Meta::href(
        links.api(&format!("/catalog/plans/{}", segment(&plan.id))),
    ));
    plan.vendor = plan.vendor.map(|v| vendor_ref(links, v));
    plan
}

/// A device asset with its link and manufacturer.
pub fn device_asset(links: &Links, mut device: DeviceAsset) -> DeviceAsset {
    device.meta = Some(Meta::href(
        links.api(&format!("/assets/devices/{}", segment(&device.id))),
    ));
    device.manufacturer = device.manufacturer.map(|m| manufacturer(links, m));
    device
}

/// A service asset with its links, vendor, owner and (when given) device.
pub fn service(
    links: &Links,
    mut service: ServiceAsset,
    device: Option<DeviceAsset>,
) -> ServiceAsset {
    let id = segment(&service.id);
    service.meta = Some(Meta {
        href: Some(links.api(&format!("/assets/services/{id}"))),
        href_devices: Some(links.api(&format!("/assets/devices?service={id}"))),
        ..Meta::default()
    });
    service.vendor = service.vendor.map(|v| vendor_ref(links, v));
    service.employee = service.employee.map(|mut e| {
        e.meta = Some(Meta::href(
            links.api(&format!("/employees/{}", segment(&e.id))),
        ));
        e
    });
    service.device = device.map(|d| device_asset(links, d));
    service
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_percent_encoded() {
        assert_eq!(segment("Cookie Plus"), "Cookie%20Plus");
        assert_eq!(segment("123456_7778888"), "123456_7778888");
        assert_eq!(segment("a/b?c"), "a%2Fb%3Fc");
    }
}
