//! The set of values a reader picked in one filter: a sorted list, because a reader picks a
//! handful, and a list costs the widget's wasm a fraction of a tree set's code.

/// Values in ascending order, each once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice<T>(Vec<T>);

impl<T> Default for Choice<T> {
    fn default() -> Self {
        Choice(Vec::new())
    }
}

impl<T: Ord> Choice<T> {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: std::borrow::Borrow<Q>,
    {
        self.0.binary_search_by(|v| v.borrow().cmp(value)).is_ok()
    }

    /// Adds `value`, or takes it out when it is already there: a filter button's press.
    pub fn toggle(&mut self, value: T) {
        match self.0.binary_search(&value) {
            Ok(at) => {
                self.0.remove(at);
            }
            Err(at) => self.0.insert(at, value),
        }
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }
}

impl<T: Ord> FromIterator<T> for Choice<T> {
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Self {
        let mut all: Vec<T> = values.into_iter().collect();
        all.sort();
        all.dedup();
        Choice(all)
    }
}

#[cfg(test)]
mod tests {
    use super::Choice;

    #[test]
    fn a_press_adds_a_value_and_a_second_press_takes_it_out() {
        let mut tags = Choice::default();
        tags.toggle("war".to_string());
        tags.toggle("aid".to_string());
        assert!(tags.contains("war") && tags.contains("aid") && !tags.contains("talks"));
        assert_eq!(
            tags.iter().collect::<Vec<_>>(),
            ["aid", "war"],
            "kept in order"
        );
        tags.toggle("war".to_string());
        assert!(!tags.contains("war"));
        tags.toggle("aid".to_string());
        assert!(tags.is_empty());
    }

    #[test]
    fn collected_values_are_sorted_and_each_kept_once() {
        let actors: Choice<usize> = [3, 1, 3, 2].into_iter().collect();
        assert_eq!(actors.iter().copied().collect::<Vec<_>>(), [1, 2, 3]);
    }
}
