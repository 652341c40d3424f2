//! A stable sort with one copy of its code, whatever it sorts.
//!
//! The standard library's `sort_by` and `sort_by_key` are generic over the
//! item type and the comparison, so each call site compiles its own copy of
//! the sorting code, kilobytes of wasm each. Here only the positions are
//! sorted, through one comparison behind a `&dyn`, and the items are then
//! put in place by a small loop: the widget carries one sort (a whole
//! upgrade fetched 6 KB gzip less when its call sites came here).

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order (as
/// `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| compare(&items[a], &items[b]));
    arrange(items, order);
}

/// Sorts `items` by `key`, keeping items of equal keys in their order (as
/// `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The one copy of the standard library's stable sort.
fn sort_positions(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|a, b| compare(*a, *b));
}

/// Moves `items[order[i]]` to position `i`, for every `i`, following each
/// cycle of the permutation with swaps.
fn arrange<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut current = start;
        while order[current] != start {
            let next = order[current];
            items.swap(current, next);
            order[current] = current;
            current = next;
        }
        order[current] = current;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic pseudo-random numbers (a linear congruential generator).
    fn numbers(seed: u64, count: usize, below: u64) -> Vec<u64> {
        let mut state = seed;
        (0..count)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (state >> 33) % below
            })
            .collect()
    }

    #[test]
    fn sorts_as_the_standard_library_does_keeping_equal_items_in_order() {
        for (seed, count) in [(1, 0), (2, 1), (3, 2), (4, 7), (5, 100), (6, 1000)] {
            // Few distinct keys, so that many items compare equal; each item
            // remembers where it was, so that stability shows.
            let keys = numbers(seed, count, 10);
            let items: Vec<(u64, usize)> = keys.into_iter().zip(0..).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            let mut sorted = items.clone();
            sort_by_key(&mut sorted, |item| item.0);
            assert_eq!(sorted, expected, "{count} items");
            // By remainder, then descending: a comparison, not a key.
            let compare =
                |a: &(u64, usize), b: &(u64, usize)| (a.0 % 3).cmp(&(b.0 % 3)).then(b.0.cmp(&a.0));
            let mut by_compare = items;
            expected.sort_by(compare);
            sort_by(&mut by_compare, compare);
            assert_eq!(by_compare, expected, "{count} items, by a comparison");
        }
    }

    #[test]
    fn sorts_items_that_own_their_data() {
        let mut names: Vec<String> = ["pixel", "iPhone", "Galaxy", "pixel", "Moto"]
            .map(String::from)
            .to_vec();
        sort_by_key(&mut names, |name| name.to_lowercase());
        assert_eq!(names, ["Galaxy", "iPhone", "Moto", "pixel", "pixel"]);
    }
}
