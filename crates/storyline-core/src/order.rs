//! One sort for every list the widget orders. The standard library's sort is compiled anew for
//! each element type and each comparison (fourteen copies in the widget, about 13 KB of every
//! reader's download); this merge sort is compiled once, over indices, and only a small
//! reordering is compiled per type. Stable, so equal keys keep their order, as layouts need.

use std::cmp::Ordering;

/// The indices `0..n` in the order `cmp` gives them, equal ones in index order.
pub fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = from.clone();
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let (mid, end) = ((start + width).min(n), (start + 2 * width).min(n));
            let (mut left, mut right) = (start, mid);
            for slot in &mut to[start..end] {
                // The left run wins ties: that is what keeps the sort stable.
                let take_right = right < end && (left == mid || cmp(from[right], from[left]) == Ordering::Less);
                if take_right {
                    *slot = from[right];
                    right += 1;
                } else {
                    *slot = from[left];
                    left += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Sorts `items` by `cmp`, stably.
pub fn sort_by<T: Clone>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(items.len(), &|i, j| cmp(&items[i], &items[j]));
    let before = items.to_vec();
    for (slot, i) in items.iter_mut().zip(order) {
        *slot = before[i].clone();
    }
}

/// Sorts `items` by the key `key` gives each, stably.
pub fn sort_by_key<T: Clone, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// `items` sorted and without repeats.
pub fn sorted_unique<T: Clone + Ord>(mut items: Vec<T>) -> Vec<T> {
    sort_by(&mut items, T::cmp);
    items.dedup();
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut pairs = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut pairs, |p| p.0);
        assert_eq!(pairs, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn nothing_and_one_thing_are_sorted() {
        let mut none: Vec<u8> = Vec::new();
        sort_by(&mut none, u8::cmp);
        assert!(none.is_empty());
        assert_eq!(sorted_unique(vec!["b", "a", "b"]), ["a", "b"]);
    }

    proptest! {
        #[test]
        fn it_sorts_as_the_standard_librarys_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..300)) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std_sorted = items;
            std_sorted.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
