//! The history and shipments of an order's segments, and API timestamps
//! as Unix seconds.

use mobproc_types::date::format_timestamp;
use mobproc_types::{HistoryEntry, Shipment};
use rusqlite::Connection;

use crate::error::ApiResult;

/// Unix seconds of an API timestamp `YYYY-MM-DDTHH:MM:SSZ` (or a bare date).
pub fn timestamp_seconds(text: &str) -> Option<i64> {
    let date = mobproc_types::date::parse_date(text)?;
    let days = mobproc_types::date::days_from_civil(date);
    let time = text
        .split_once('T')
        .map(|(_, t)| t.trim_end_matches('Z'))
        .unwrap_or("00:00:00");
    let mut parts = time.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, s) = (
        parts.next()??,
        parts.next()??,
        parts.next().flatten().unwrap_or(0),
    );
    ((0..24).contains(&h) && (0..60).contains(&m) && (0..61).contains(&s))
        .then_some(days * 86_400 + h * 3600 + m * 60 + s)
}

/// The history of an order's segments (one segment, or all).
pub fn history(
    connection: &Connection,
    order_id: &str,
    segment: Option<&str>,
) -> ApiResult<Vec<HistoryEntry>> {
    let mut statement = connection.prepare_cached(
        "SELECT segment_id, status, at, comment FROM order_history
         WHERE order_id = ?1 AND (?2 IS NULL OR segment_id = ?2) ORDER BY seq",
    )?;
    let rows = statement.query_map(rusqlite::params![order_id, segment], |row| {
        Ok(HistoryEntry {
            order_segment_id: row.get(0)?,
            status: row
                .get::<_, String>(1)?
                .parse()
                .unwrap_or_else(|never| match never {}),
            date: format_timestamp(row.get(2)?),
            comment: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The shipments of an order's segments (one segment, or all).
pub fn shipments(
    connection: &Connection,
    order_id: &str,
    segment: Option<&str>,
) -> ApiResult<Vec<Shipment>> {
    let mut statement = connection.prepare_cached(
        "SELECT shipment_id, segment_id, carrier, tracking_number, shipped_at, items FROM shipments
         WHERE order_id = ?1 AND (?2 IS NULL OR segment_id = ?2) ORDER BY shipment_id",
    )?;
    let rows = statement.query_map(rusqlite::params![order_id, segment], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, String>(3)?,
            row.get::<_, i64>(4)?,
            row.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (shipment_id, segment_id, carrier, tracking_number, shipped_at, items) = row?;
        out.push(Shipment {
            tracking_url: None,
            shipment_id,
            order_segment_id: segment_id,
            carrier,
            tracking_number,
            date_shipped: format_timestamp(shipped_at),
            items: serde_json::from_str(&items)?,
        });
    }
    Ok(out)
}
