//! When a failed call may be sent again: GETs after a network failure or a
//! 5xx, a bounded number of times, with exponential backoff and jitter.
//! POSTs are never retried blindly.

/// The most attempts a GET gets (the first one included).
pub const MAX_ATTEMPTS: u32 = 3;
/// The first wait, doubled after each further failure.
pub const BASE_DELAY_MS: u32 = 400;

/// How long to wait before attempt `next_attempt` (2, 3, ...), or `None`
/// when the call is not to be retried. `jitter` is in [0, 1).
pub fn retry_delay(is_get: bool, retryable: bool, next_attempt: u32, jitter: f64) -> Option<u32> {
    if !is_get || !retryable || !(2..=MAX_ATTEMPTS).contains(&next_attempt) {
        return None;
    }
    let base = BASE_DELAY_MS * 2u32.pow(next_attempt - 2);
    Some(base + (base as f64 * jitter.clamp(0.0, 1.0) * 0.5) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gets_back_off_then_give_up() {
        assert_eq!(retry_delay(true, true, 2, 0.0), Some(400));
        assert_eq!(retry_delay(true, true, 3, 0.0), Some(800));
        assert_eq!(retry_delay(true, true, 4, 0.0), None);
        assert_eq!(retry_delay(true, true, 2, 0.999), Some(599));
    }

    #[test]
    fn posts_and_client_errors_are_never_retried() {
        assert_eq!(retry_delay(false, true, 2, 0.0), None);
        assert_eq!(retry_delay(true, false, 2, 0.0), None);
    }
}
