//! Shared data compared by pointer, for hook dependencies: a memo keyed on a story must not
//! compare 10,000 events by content at every render to learn that the story did not change.

use std::rc::Rc;

/// `Rc<T>` whose equality is identity: one allocation, one value.
pub struct ByPointer<T>(pub Rc<T>);

impl<T> PartialEq for ByPointer<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for ByPointer<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::ByPointer;
    use std::rc::Rc;

    #[test]
    fn equal_content_in_two_allocations_is_not_the_same_data() {
        let a = Rc::new(vec![1, 2, 3]);
        assert!(ByPointer(a.clone()) == ByPointer(a.clone()));
        assert!(ByPointer(a) != ByPointer(Rc::new(vec![1, 2, 3])));
    }
}
