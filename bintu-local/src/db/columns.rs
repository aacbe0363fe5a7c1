//! Reading a row into a struct: `from_columns!` takes each field from the next column, so a
//! mapping is the list of field names in the order of its query's column list. Declared
//! first in `db` (with `#[macro_use]`) so every table module can use it.

/// Builds `Type { a: row.get(0)?, b: row.get(1)?, … }`: each field read from the next
/// column, in the order the query lists them (`field: reader` reads it with
/// `reader(row, index)` instead).
macro_rules! from_columns {
    ($row:expr, $ty:ident { $($field:ident $(: $read:expr)?),* $(,)? }) => {{
        // Struct fields are evaluated in the order written: each takes the next index.
        let mut columns = 0usize..;
        $ty {
            $($field: {
                let at = columns.next().expect("an endless range");
                from_columns!(@read $row, at $(, $read)?)
            }),*
        }
    }};
    (@read $row:expr, $at:expr) => { $row.get($at)? };
    (@read $row:expr, $at:expr, $read:expr) => { $read($row, $at)? };
}
