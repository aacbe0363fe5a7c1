//! Tag rules of the create page (dashboard-ui.md §1.2.1): adding a typed tag (trimmed, case
//! kept, empty ignored, duplicates refused with "Tag already added") and the suggestions from
//! the organisation's tags from the 3rd character on.

/// Adds `raw` to `tags`. `Ok(false)` = nothing to add (empty), `Err` = the inline message.
pub fn add(tags: &mut Vec<String>, raw: &str) -> Result<bool, &'static str> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(false);
    }
    if tags.iter().any(|x| x == t) {
        return Err("Tag already added");
    }
    tags.push(t.to_string());
    Ok(true)
}

/// Known tags containing `typed` (case-insensitive), not yet added, at most 8; nothing below
/// 3 characters.
pub fn suggestions(known: &[String], added: &[String], typed: &str) -> Vec<String> {
    let t = typed.trim().to_lowercase();
    if t.chars().count() < 3 {
        return Vec::new();
    }
    known
        .iter()
        .filter(|k| k.to_lowercase().contains(&t) && !added.contains(k))
        .take(8)
        .cloned()
        .collect()
}

/// The organisation's tags from `GET /tag` (a proposal): strings or `{name}` objects; any
/// other entry, or a body that is not a list, gives nothing rather than an error.
pub fn read_tag_list(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| t.as_str().or_else(|| t.get("name")?.as_str()))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_trimmed_tags_once_and_keeps_case() {
        let mut tags = Vec::new();
        assert_eq!(add(&mut tags, "  Key: Value "), Ok(true));
        assert_eq!(add(&mut tags, "   "), Ok(false));
        assert_eq!(add(&mut tags, "Key: Value"), Err("Tag already added"));
        assert_eq!(tags, vec!["Key: Value".to_string()]);
    }

    #[test]
    fn suggests_from_the_third_character_without_added_tags() {
        let known: Vec<String> = ["Football", "food", "news"].map(String::from).to_vec();
        assert!(suggestions(&known, &[], "fo").is_empty());
        assert_eq!(suggestions(&known, &[], "FOO"), vec!["Football", "food"]);
        assert_eq!(
            suggestions(&known, &["food".into()], "foo"),
            vec!["Football"]
        );
    }

    #[test]
    fn tag_lists_read_strings_and_named_objects() {
        let v = serde_json::json!(["a", {"name": "b"}, null, 3]);
        assert_eq!(read_tag_list(&v), ["a", "b"]);
        assert!(read_tag_list(&serde_json::json!({"tags": []})).is_empty());
    }
}
