//! A first-in, first-out store bounded by entries and by bytes, and the
//! capping of stored text.

use std::collections::VecDeque;

/// Bytes an entry holds: its own size plus the text it owns.
pub trait Weigh {
    /// What the entry counts against a byte budget.
    fn weight(&self) -> usize;
}

impl Weigh for Option<String> {
    fn weight(&self) -> usize {
        self.as_ref().map_or(0, String::len)
    }
}

/// Keeps the newest entries within `max_entries` and `max_bytes`; the
/// oldest go first.
#[derive(Debug)]
pub struct Bounded<T> {
    entries: VecDeque<T>,
    bytes: usize,
    max_entries: usize,
    max_bytes: usize,
}

impl<T: Weigh> Bounded<T> {
    /// An empty store with these bounds.
    pub const fn new(max_entries: usize, max_bytes: usize) -> Self {
        Bounded {
            entries: VecDeque::new(),
            bytes: 0,
            max_entries,
            max_bytes,
        }
    }

    /// Adds `entry`, evicting the oldest until both bounds hold. An entry
    /// heavier than the whole budget is not kept.
    pub fn push(&mut self, entry: T) {
        let weight = entry.weight();
        if weight > self.max_bytes || self.max_entries == 0 {
            return;
        }
        while self.entries.len() >= self.max_entries || self.bytes + weight > self.max_bytes {
            match self.entries.pop_front() {
                Some(oldest) => self.bytes -= oldest.weight(),
                None => break,
            }
        }
        self.bytes += weight;
        self.entries.push_back(entry);
    }

    /// The entries, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.entries.iter()
    }

    /// The bytes counted against the budget.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Forgets every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.bytes = 0;
    }
}

/// What ends a cut text.
pub const CUT_MARKER: &str = "…[cut]";

/// `text` if it fits in `max` bytes, else its start (cut on a character
/// boundary) followed by [`CUT_MARKER`], `max` bytes at most in all.
pub fn capped(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_owned();
    }
    let mut end = max.saturating_sub(CUT_MARKER.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut cut = String::with_capacity(end + CUT_MARKER.len());
    cut.push_str(&text[..end]);
    cut.push_str(CUT_MARKER);
    cut
}
