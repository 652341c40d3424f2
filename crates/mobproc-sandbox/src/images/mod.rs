//! Device images and carrier/manufacturer logos, drawn as SVG by the
//! sandbox itself so that no answer points at an outside host. The URL
//! carries an id (`/sandbox/images/devices/{id}.svg`); the picture is drawn
//! from the name the database has for it: a device or accessory in the
//! colour its name says, drawn as its kind; a company's short name or
//! initials. Ids are never printed. An unknown id gets a neutral picture,
//! never an error, as it is shown in an `<img>`.

mod colour;
mod draw;
mod logo;

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use rusqlite::{Connection, OptionalExtension};

use draw::{accessory_kind, device_kind, picture_svg, Kind};
use logo::logo_svg;

use crate::error::ApiResult;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/{kind}/{file}", get(image))
}

/// Escapes text for SVG text and attribute values.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// What a picture URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    /// A catalog device or an accessory (both are under `devices/`).
    Product,
    /// A carrier (`vendors/`) or a manufacturer (`manufacturers/`).
    Company { table: &'static str },
}

/// The name of a catalog device (`false`) or accessory (`true`) with `id`,
/// in any tenant (devices first).
fn product_name(connection: &Connection, id: &str) -> ApiResult<Option<(String, bool)>> {
    let found = connection
        .query_row(
            "SELECT name, 0 FROM catalog_devices WHERE id = ?1
             UNION ALL SELECT json_extract(body, '$.name'), 1 FROM accessories WHERE id = ?1
             LIMIT 1",
            [id],
            |row| Ok((row.get::<_, Option<String>>(0)?, row.get::<_, bool>(1)?)),
        )
        .optional()?;
    Ok(found.and_then(|(name, is_accessory)| name.map(|name| (name, is_accessory))))
}

/// The name of the company with `id` in `table`, in any tenant.
fn company_name(connection: &Connection, table: &str, id: &str) -> ApiResult<Option<String>> {
    let sql = format!(
        "SELECT json_extract(body, '$.name') FROM {table} WHERE id = ?1 ORDER BY seq LIMIT 1"
    );
    let name = connection
        .query_row(&sql, [id], |row| row.get::<_, Option<String>>(0))
        .optional()?;
    Ok(name.flatten())
}

/// The picture for `subject` `id`: neutral when the id is unknown or the
/// database cannot say.
async fn draw(app: &AppState, subject: Subject, id: String) -> String {
    match subject {
        Subject::Product => {
            let found = app
                .db
                .read(move |connection| product_name(connection, &id))
                .await;
            match found {
                Ok(Some((name, true))) => picture_svg(&name, accessory_kind(&name)),
                Ok(Some((name, false))) => picture_svg(&name, device_kind(&name)),
                _ => picture_svg("", Kind::Phone),
            }
        }
        Subject::Company { table } => {
            let name = app
                .db
                .read(move |connection| company_name(connection, table, &id))
                .await;
            logo_svg(&name.ok().flatten().unwrap_or_default())
        }
    }
}

async fn image(
    State(app): State<AppState>,
    Path((kind, file)): Path<(String, String)>,
) -> Response {
    let subject = match kind.as_str() {
        "devices" | "accessories" => Subject::Product,
        "vendors" => Subject::Company { table: "vendors" },
        "manufacturers" => Subject::Company {
            table: "manufacturers",
        },
        _ => return (StatusCode::NOT_FOUND, "no such image").into_response(),
    };
    let Some(id) = file.strip_suffix(".svg") else {
        return (StatusCode::NOT_FOUND, "no such image").into_response();
    };
    let svg = draw(&app, subject, id.to_owned()).await;
    let mut response = svg.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("image/svg+xml"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'"),
    );
    response
}

#[cfg(test)]
mod tests;
