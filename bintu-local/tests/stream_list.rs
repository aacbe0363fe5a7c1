//! `GET /stream` (paging, newest first, state, tag and date filters), `PUT /stream/{id}/tag`
//! and the `/tag` list over real HTTP against a real SQLite file.

mod common;
mod streams_support;

use common::{expect_error, Server};
use reqwest::Method;
use serde_json::json;
use streams_support::{create, get, id_of, key, list_ids, ok, set_state};

#[tokio::test]
async fn list_pages_newest_first_one_per_group_with_state_and_tag_filters() {
    let s = Server::start().await;
    let mut ids = Vec::new();
    for i in 0..5 {
        let tags = if i % 2 == 0 {
            json!(["even", "x"])
        } else {
            json!(["odd", "x"])
        };
        let body =
            json!({"tags": tags, "transcodes":[{"profile":"vtrans2-640x360x400x25","tags":[]}]});
        ids.push(id_of(&create(&s, body).await));
    }
    let list = |q: &'static str| list_ids(&s, q.to_string());
    let newest_first: Vec<String> = ids.iter().rev().cloned().collect();
    assert_eq!(list("").await, newest_first);
    assert_eq!(list("?quantity=2").await, newest_first[..2]);
    assert_eq!(list("?quantity=2&page=3").await, newest_first[4..]);
    assert_eq!(
        list("?tags[]=even&tags%5B%5D=x").await,
        vec![ids[4].clone(), ids[2].clone(), ids[0].clone()]
    );
    assert_eq!(list("?tags[]=even&tags[]=odd").await, Vec::<String>::new());
    set_state(&s, &ids[1], "live");
    assert_eq!(list("?state=live").await, vec![ids[1].clone()]);
    assert_eq!(list("?state=created").await.len(), 4);
    ok(
        &s,
        &key(&s),
        Method::DELETE,
        &format!("/stream/{}", ids[3]),
        None,
    )
    .await;
    assert!(
        !list("").await.contains(&ids[3]),
        "deleted streams are not listed"
    );
    for (q, code) in [
        ("?quantity=0", 1005),
        ("?quantity=251", 1005),
        ("?quantity=x", 1004),
        ("?page=0", 1005),
        ("?state=deleted", 1004),
    ] {
        let res = s.get(&format!("/stream{q}")).send().await.unwrap();
        expect_error(res, 400, code).await;
    }
}

#[tokio::test]
async fn list_filters_by_creation_date_range() {
    let s = Server::start().await;
    let mut made = Vec::new(); // (id, created_at), oldest first
    for _ in 0..3 {
        let v = create(&s, json!({})).await;
        made.push((id_of(&v), v["created_at"].as_str().unwrap().to_string()));
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let list = |q: String| list_ids(&s, q);
    // Newest first, those whose created_at passes `keep`.
    let expect = |keep: &dyn Fn(&str) -> bool| {
        made.iter()
            .rev()
            .filter(|(_, c)| keep(c))
            .map(|(id, _)| id.clone())
            .collect::<Vec<_>>()
    };
    let mid = made[1].1.clone();
    assert_eq!(
        list(format!("?from={mid}")).await,
        expect(&|c| c >= mid.as_str())
    );
    assert_eq!(
        list(format!("?to={mid}")).await,
        expect(&|c| c < mid.as_str())
    );
    assert!(
        list(format!("?to={mid}")).await.len() < 3,
        "to is exclusive"
    );
    // Whole days: the first stream's day onwards is everything; `to` that day includes it.
    let day = &made[0].1[..10];
    assert_eq!(list(format!("?from={day}")).await.len(), 3);
    assert!(list(format!("?to={day}")).await.contains(&made[0].0));
    assert_eq!(list("?to=2000-01-01".into()).await, Vec::<String>::new());
    assert_eq!(
        list("?from=2999-01-01&state=created".into()).await,
        Vec::<String>::new()
    );
    for q in [
        "?from=yesterday",
        "?to=2026-02-30",
        "?from=2026-12-01&to=2026-11-30",
    ] {
        let res = s.get(&format!("/stream{q}")).send().await.unwrap();
        let body = expect_error(res, 400, 1004).await;
        assert!(
            body.to_string().contains("ISO 8601") || body.to_string().contains("after from"),
            "{q}: {body}"
        );
    }
}

#[tokio::test]
async fn tag_replaces_tags_and_the_tag_list_counts_them() {
    let s = Server::start().await;
    let a = id_of(&create(&s, json!({"tags":["sport","live"]})).await);
    create(&s, json!({"tags":["sport"]})).await;
    create(&s, json!({"tags":["Passthrough","news"]})).await;
    let v = ok(
        &s,
        &key(&s),
        Method::PUT,
        &format!("/stream/{a}/tag"),
        Some(json!({"tags":["sport","music"]})),
    )
    .await;
    assert_eq!(v["tags"], json!(["sport", "music"]));
    assert_eq!(get(&s, &a).await["tags"], json!(["sport", "music"]));
    let tags = ok(&s, &key(&s), Method::GET, "/tag", None).await;
    assert_eq!(tags[0], "sport", "most used first: {tags}");
    let all: Vec<&str> = tags
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(all.contains(&"music") && all.contains(&"news") && !all.contains(&"live"));
    assert!(!all.contains(&"Passthrough"), "member labels are not tags");
    let res = s
        .http
        .put(s.url(&format!("/stream/{a}/tag")))
        .header("X-BINTU-APIKEY", &s.demo.apikey)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    expect_error(res, 400, 1002).await;
}
