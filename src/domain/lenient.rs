//! Reading API answers the way the real cloud may send them: `null` as absent for every
//! field, a value of an unexpected type in an optional field as absent, and lists in which
//! an unreadable entry is left out (and counted) instead of failing the whole answer.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

/// `deserialize_with` for non-`Option` fields: `null` reads as the type's default, like a
/// missing key (with `#[serde(default)]` on the struct).
pub fn null_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// `deserialize_with` for `Option<T>` fields that must survive a value of an unexpected type
/// (a string where a number was expected): such a value reads as absent.
pub fn lenient_option<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let v = Option::<serde_json::Value>::deserialize(d)?;
    Ok(v.and_then(|v| serde_json::from_value(v).ok()))
}

/// The items of a JSON array that read as `T`, and how many did not. A non-array answer
/// reads as no items and one unreadable.
pub fn read_list<T: DeserializeOwned>(value: serde_json::Value) -> (Vec<T>, usize) {
    let items = match value {
        serde_json::Value::Array(items) => items,
        serde_json::Value::Null => Vec::new(),
        _ => return (Vec::new(), 1),
    };
    let total = items.len();
    let read: Vec<T> = items
        .into_iter()
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect();
    let skipped = total - read.len();
    (read, skipped)
}

/// The readable items of a list (`null` = none); an entry that cannot be read is skipped.
pub fn items<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Vec<T>, D::Error> {
    let v = Option::<serde_json::Value>::deserialize(d)?;
    Ok(read_list(v.unwrap_or_default()).0)
}

/// The entries of a JSON array; anything else (`null`, an object, a string) is none.
pub fn array(v: Option<serde_json::Value>) -> Vec<serde_json::Value> {
    match v {
        Some(serde_json::Value::Array(a)) => a,
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, Deserialize, PartialEq)]
    #[serde(default)]
    struct S {
        #[serde(deserialize_with = "null_default")]
        a: Vec<String>,
        #[serde(deserialize_with = "lenient_option")]
        b: Option<u32>,
    }

    #[test]
    fn null_and_wrong_types_read_as_absent() {
        let s: S = serde_json::from_str(r#"{"a":null,"b":"x"}"#).unwrap();
        assert_eq!(s, S::default());
        let s: S = serde_json::from_str(r#"{"a":["t"],"b":3}"#).unwrap();
        assert_eq!((s.a.len(), s.b), (1, Some(3)));
    }

    #[test]
    fn a_list_keeps_what_it_can_read_and_counts_the_rest() {
        let (read, skipped) = read_list::<S>(serde_json::json!([{"b":1}, {"a":7}, {}]));
        assert_eq!((read.len(), skipped), (2, 1));
        assert_eq!(read_list::<S>(serde_json::json!({"x":1})).1, 1);
    }
}
