//! Deterministic seed data (being written).
pub fn seed(_tx: &rusqlite::Transaction, _now: i64) -> rusqlite::Result<()> {
    Ok(())
}
