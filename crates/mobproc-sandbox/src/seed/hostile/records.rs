//! The hostile tenant's rows.

use mobproc_types::{
    AccessMethod, Accessory, Amount, CatalogDevice, ContractDates, DeviceAsset, Employee,
    EntityStatus, IdName, NamedRef, Plan, SerialNumber, SerialNumberType, ServiceAsset,
};
use rusqlite::{params, Transaction};

use super::properties::properties;
use super::*;
use crate::model::Platform;
use crate::seed::lines::six_am;
use crate::seed::people::{Role, Staff};
use crate::seed::plans::{included_feature, optional_feature};
use crate::seed::regions::US_ID;
use crate::seed::users::PASSWORD;
use crate::seed::vendors::VendorSeed;
use crate::seed::{json, named};

pub(in crate::seed) fn insert_hostile_tenant(tx: &Transaction) -> rusqlite::Result<()> {
    // Its rows come after the other tenants' in every table.
    let next_seq = |table: &str| -> rusqlite::Result<i64> {
        tx.query_row(
            &format!("SELECT COALESCE(MAX(seq) + 1, 0) FROM {table}"),
            [],
            |row| row.get(0),
        )
    };
    tx.execute(
        "INSERT INTO tenants (code, name, platform, currency, country_id) VALUES (?1, ?2, ?3, 'USD', ?4)",
        params![TENANT, TENANT_NAME, Platform::Command.as_str(), US_ID],
    )?;
    tx.execute(
        "INSERT INTO users (username, password, tenant, employee_id, description, seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            USERNAME,
            PASSWORD,
            TENANT,
            MALLORY_ID,
            USER_DESCRIPTION,
            next_seq("users")?
        ],
    )?;
    let department = Some(IdName {
        id: DEPARTMENT_ID.to_owned(),
        name: DEPARTMENT.to_owned(),
    });
    let mallory = Employee {
        meta: None,
        id: MALLORY_ID.to_owned(),
        company_employee_id: Some(USERNAME.to_owned()),
        first_name: MALLORY_FIRST_NAME.to_owned(),
        last_name: MALLORY_LAST_NAME.to_owned(),
        email: Some("mallory@hostile.example".to_owned()),
        office_phone: Some("2025550100".to_owned()),
        department: department.clone(),
        status: EntityStatus::Active,
    };
    let report = Employee {
        id: REPORT_ID.to_owned(),
        company_employee_id: Some("eve.hostile".to_owned()),
        first_name: REPORT_FIRST_NAME.to_owned(),
        last_name: REPORT_LAST_NAME.to_owned(),
        email: Some("eve@hostile.example".to_owned()),
        office_phone: Some("2025550101".to_owned()),
        ..mallory.clone()
    };
    // Mallory leads Eve (so she may order for her) but approves nothing.
    let people = [
        (&mallory, None, Role::Lead),
        (&report, Some(MALLORY_ID), Role::Employee),
    ];
    for (person, manager, role) in people {
        let staff = Staff::new(person.clone(), manager, role);
        tx.execute(
            "INSERT INTO employees (tenant, id, company_employee_id, manager_id, is_approver,
                 can_move_service, seq, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                TENANT,
                person.id,
                person.company_employee_id,
                staff.manager_id,
                staff.is_approver,
                staff.can_move_service,
                next_seq("employees")?,
                json(person)?
            ],
        )?;
    }

    let vendors = [
        VendorSeed {
            id: VENDOR_ID.to_owned(),
            name: VENDOR_NAME.to_owned(),
            short: VENDOR_NAME.to_owned(),
            access: AccessMethod::Cdma,
        },
        VendorSeed {
            id: OTHER_VENDOR_ID.to_owned(),
            name: OTHER_VENDOR_NAME.to_owned(),
            short: OTHER_VENDOR_NAME.to_owned(),
            access: AccessMethod::Gsm,
        },
    ];
    for vendor in &vendors {
        tx.execute(
            "INSERT INTO vendors (tenant, id, seq, body) VALUES (?1, ?2, ?3, ?4)",
            params![
                TENANT,
                vendor.id,
                next_seq("vendors")?,
                json(&vendor.body())?
            ],
        )?;
        tx.execute(
            "INSERT INTO order_properties (tenant, vendor_id, transaction_type, body)
             VALUES (?1, ?2, 'UPGRADE', ?3)",
            params![TENANT, vendor.id, json(&properties())?],
        )?;
    }
    let maker = |id: &str| -> NamedRef {
        let name = MANUFACTURERS
            .iter()
            .find(|(maker, _)| *maker == id)
            .map(|(_, name)| *name)
            .expect("the hostile seed names only its own manufacturers");
        named(id, name)
    };
    for (id, _) in MANUFACTURERS {
        tx.execute(
            "INSERT INTO manufacturers (tenant, id, seq, body) VALUES (?1, ?2, ?3, ?4)",
            params![TENANT, id, next_seq("manufacturers")?, json(&maker(id))?],
        )?;
    }

    let line_vendor = &vendors[0];
    let service = ServiceAsset {
        meta: None,
        id: SERVICE_ID.to_owned(),
        service_number: SERVICE_NUMBER.to_owned(),
        status: EntityStatus::Active,
        contract_dates: Some(ContractDates {
            activated: Some(six_am((2018, 3, 1))),
            start: Some(six_am((2020, 3, 1))),
            end: Some(six_am((2022, 3, 1))),
            last_device_upgrade: Some(six_am((2020, 3, 1))),
        }),
        upgrade_eligibility_date: Some(six_am((2022, 3, 1))),
        vendor: Some(line_vendor.named()),
        device: None,
        employee: Some(named(MALLORY_ID, &mallory.full_name())),
        order_actions: None,
    };
    let device = DeviceAsset {
        meta: None,
        id: DEVICE_ASSET_ID.to_owned(),
        access_method: Some(line_vendor.access.clone()),
        company_asset_id: Some(DEVICE_COMPANY_ASSET_ID.to_owned()),
        mac_address: Some("A4:5E:60:66:60:01".to_owned()),
        manufacturer: Some(maker(DEVICE_MANUFACTURER_ID)),
        model: Some(DEVICE_MODEL.to_owned()),
        serial_number: Some(SerialNumber {
            kind: SerialNumberType::Esn,
            value: DEVICE_SERIAL.to_owned(),
        }),
        sim_id: Some(DEVICE_SIM.to_owned()),
        status: Some(EntityStatus::Active),
        service: None,
        upgrade_eligibility_date: None,
        order_actions: None,
    };
    tx.execute(
        "INSERT INTO services (tenant, id, employee_id, vendor_id, device_id, seq, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            TENANT,
            SERVICE_ID,
            MALLORY_ID,
            line_vendor.id,
            DEVICE_ASSET_ID,
            next_seq("services")?,
            json(&service)?
        ],
    )?;
    tx.execute(
        "INSERT INTO device_assets (tenant, id, employee_id, service_id, seq, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            TENANT,
            DEVICE_ASSET_ID,
            MALLORY_ID,
            SERVICE_ID,
            next_seq("device_assets")?,
            json(&device)?
        ],
    )?;

    for CatalogSeed {
        id,
        name,
        image,
        manufacturer_id: maker_id,
        vendor_id,
        cents,
    } in CATALOG
    {
        let vendor = vendors
            .iter()
            .find(|vendor| vendor.id == vendor_id)
            .expect("the hostile seed names only its own vendors");
        let image_url = match image {
            CatalogImage::Fixed(url) => url.to_owned(),
            CatalogImage::Long => long_image_url(id),
        };
        let device = CatalogDevice {
            meta: None,
            id: id.to_owned(),
            name: name.map_or_else(long_text, str::to_owned),
            image_url: Some(image_url),
            manufacturer: Some(maker(maker_id)),
            vendor: Some(vendor.named()),
            price: Some(Amount::one_time(cents, "USD")),
            access_method: Some(vendor.access.clone()),
            device_features: None,
        };
        tx.execute(
            "INSERT INTO catalog_devices (tenant, id, seq, name, manufacturer_id, vendor_id,
                 price_cents, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                TENANT,
                device.id,
                next_seq("catalog_devices")?,
                device.name,
                maker_id,
                vendor_id,
                cents,
                json(&device)?
            ],
        )?;
    }

    let plan = Plan {
        meta: None,
        id: PLAN_ID.to_owned(),
        name: PLAN_NAME.to_owned(),
        price: Some(Amount::monthly(5000, "USD")),
        vendor: Some(line_vendor.named()),
        included_features: Some(
            INCLUDED_FEATURES
                .iter()
                .map(|d| included_feature(d))
                .collect(),
        ),
        optional_features: Some(
            OPTIONAL_FEATURES
                .iter()
                .map(|(id, description, cents)| {
                    let description = description.map_or_else(long_text, str::to_owned);
                    optional_feature(id, &description, *cents, "USD")
                })
                .collect(),
        ),
    };
    tx.execute(
        "INSERT INTO plans (tenant, id, seq, vendor_id, body) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            TENANT,
            PLAN_ID,
            next_seq("plans")?,
            line_vendor.id,
            json(&plan)?
        ],
    )?;

    for (id, name, image_url, maker_id) in ACCESSORIES {
        let accessory = Accessory {
            meta: None,
            id: id.to_owned(),
            name: name.to_owned(),
            image_url: Some(image_url.to_owned()),
            manufacturer: maker_id.map(maker),
            price: Some(Amount::one_time(2_999, "USD")),
            vendor: None,
        };
        tx.execute(
            "INSERT INTO accessories (tenant, id, seq, compatible_manufacturer_id, body)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                TENANT,
                id,
                next_seq("accessories")?,
                maker_id,
                json(&accessory)?
            ],
        )?;
    }
    Ok(())
}
