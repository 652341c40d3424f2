//! Unit tests of the store: API timestamps read back.

use super::*;

#[test]
fn timestamps_parse_back() {
    assert_eq!(
        timestamp_seconds("2016-04-28T18:10:27Z"),
        Some(1_461_867_027)
    );
    assert_eq!(timestamp_seconds("2016-04-28"), Some(1_461_801_600));
    assert_eq!(timestamp_seconds("2016-04-28T25:00:00Z"), None);
    assert_eq!(timestamp_seconds("yesterday"), None);
}
