//! `GET /catalog/accessories`, optionally only those that fit one device:
//! a line's (`service`), a device asset's (`compatibleWithDeviceAssetId`)
//! or a catalog device's, for a new line (`compatibleWithDeviceId`).
//! An accessory fits a device of its manufacturer; universal ones (no
//! manufacturer) fit every device.

use axum::extract::{OriginalUri, State};
use axum::Json;
use mobproc_types::{AccessoriesPage, Accessory, ErrorBody, Meta};
use rusqlite::Connection;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::assets::{find_visible_device, load_service};
use crate::api::catalog::find_catalog_device;
use crate::api::render;
use crate::auth::Caller;
use crate::db::all_bodies;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiQuery;
use crate::links::Links;
use crate::paging::Paging;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_accessories))
}

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct AccessoriesQuery {
    /// Only what fits the device on this line.
    service: Option<String>,
    /// Only what fits this device asset.
    compatible_with_device_asset_id: Option<String>,
    /// Only what fits this catalog device (for a new line).
    compatible_with_device_id: Option<String>,
    /// Items per page, from 1 to 5000 (default 25).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 5000)]
    limit: Option<String>,
    /// Items to skip (on Premium Mobile, the page that holds this item).
    #[param(value_type = Option<u32>, minimum = 0)]
    offset: Option<String>,
}

/// Which accessories a listing keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Fit {
    /// No device named: all of them.
    Any,
    /// Those of this manufacturer, and the universal ones.
    Maker(String),
    /// Only the universal ones (a line without a device, or devices of
    /// different makers named at once).
    UniversalOnly,
}

impl Fit {
    /// The accessories that fit every device whose maker is in `makers`
    /// (`None`: a device of no known maker).
    fn of(makers: &[Option<String>]) -> Fit {
        match makers {
            [] => Fit::Any,
            [first, rest @ ..] => match first {
                Some(maker) if rest.iter().all(|other| other.as_ref() == Some(maker)) => {
                    Fit::Maker(maker.clone())
                }
                _ => Fit::UniversalOnly,
            },
        }
    }

    /// `(filter on, maker)` for the listing's SQL.
    fn params(&self) -> (bool, Option<&str>) {
        match self {
            Fit::Any => (false, None),
            Fit::Maker(maker) => (true, Some(maker)),
            Fit::UniversalOnly => (true, None),
        }
    }
}

/// The maker of each device the query names; an id the caller may not see
/// is a 404, as an unknown one.
fn named_makers(
    connection: &Connection,
    caller: &Caller,
    query: &AccessoriesQuery,
) -> ApiResult<Vec<Option<String>>> {
    let mut makers = Vec::new();
    if let Some(id) = &query.service {
        let line = load_service(connection, caller, id)?
            .ok_or_else(|| ApiError::not_found("service", id))?;
        makers.push(line.device.and_then(|d| d.manufacturer).map(|m| m.id));
    }
    if let Some(id) = &query.compatible_with_device_asset_id {
        let device = find_visible_device(connection, caller, id)?
            .ok_or_else(|| ApiError::not_found("device", id))?;
        makers.push(device.manufacturer.map(|m| m.id));
    }
    if let Some(id) = &query.compatible_with_device_id {
        let device = find_catalog_device(connection, &caller.tenant.code, id)?
            .ok_or_else(|| ApiError::not_found("catalog device", id))?;
        makers.push(device.manufacturer.map(|m| m.id));
    }
    Ok(makers)
}

/// The tenant's accessories, optionally only those that fit a device.
#[utoipa::path(
    get,
    path = "/catalog/accessories",
    tag = "catalog",
    params(AccessoriesQuery),
    responses(
        (status = 200, description = "A page of accessories", body = AccessoriesPage),
        (status = 404, description = "A named line, device asset or catalog device is unknown, or not one the user may see", body = ErrorBody),
    )
)]
async fn list_accessories(
    State(state): State<AppState>,
    caller: Caller,
    links: Links,
    OriginalUri(uri): OriginalUri,
    ApiQuery(query): ApiQuery<AccessoriesQuery>,
) -> ApiResult<Json<AccessoriesPage>> {
    let paging = Paging::parse(
        query.limit.as_deref(),
        query.offset.as_deref(),
        caller.tenant.platform,
    )?;
    let tenant = caller.tenant.code.clone();
    let accessories: Vec<Accessory> = state
        .db
        .read(move |c| {
            let fit = Fit::of(&named_makers(c, &caller, &query)?);
            let (filtered, maker) = fit.params();
            all_bodies(
                c,
                "SELECT body FROM accessories WHERE tenant = ?1
                 AND (NOT ?2 OR compatible_manufacturer_id IS NULL OR compatible_manufacturer_id = ?3)
                 ORDER BY seq",
                rusqlite::params![tenant, filtered, maker],
            )
        })
        .await?;
    Ok(Json(AccessoriesPage {
        meta: Some(paging.meta(&links, &uri, accessories.len() as u32)),
        accessories: paging
            .slice(accessories)
            .into_iter()
            .map(|mut a| {
                a.meta = Some(Meta::href(
                    links.api(&format!("/catalog/accessories/{}", render::segment(&a.id))),
                ));
                a.image_url = a.image_url.map(|url| links.absolute(&url));
                a.manufacturer = a.manufacturer.map(|m| render::manufacturer(&links, m));
                a
            })
            .collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_of_one_maker_fit_that_makers_accessories() {
        let apple = Some("Apple".to_owned());
        assert_eq!(Fit::of(&[]), Fit::Any);
        assert_eq!(
            Fit::of(std::slice::from_ref(&apple)),
            Fit::Maker("Apple".into())
        );
        assert_eq!(
            Fit::of(&[apple.clone(), apple.clone()]),
            Fit::Maker("Apple".into())
        );
        assert_eq!(Fit::of(&[apple, Some("LG".into())]), Fit::UniversalOnly);
        assert_eq!(Fit::of(&[None]), Fit::UniversalOnly);
    }
}
