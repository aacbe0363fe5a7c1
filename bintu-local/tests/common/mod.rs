//! Test harness: a real bintu-local on a free loopback port, over a fresh SQLite file in a
//! temporary data directory, and a plain HTTP client.
#![allow(dead_code)]

use bintu_local::db::orgs::{self, Org, Role};
use bintu_local::{serve, Config, Running};
use serde_json::Value;

pub struct Server {
    pub running: Running,
    pub http: reqwest::Client,
    pub demo: Org,
    pub dir: tempfile::TempDir,
}

impl Server {
    pub async fn start() -> Server {
        Self::start_with(|_| {}).await
    }

    pub async fn start_with(tweak: impl FnOnce(&mut Config)) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config::ephemeral(dir.path().to_path_buf());
        tweak(&mut config);
        let running = serve(config).await.unwrap();
        let demo = orgs::demo_org(&running.state.db.lock()).unwrap().unwrap();
        Server {
            running,
            http: reqwest::Client::new(),
            demo,
            dir,
        }
    }

    /// `POST /stream` with the demo organisation's API key; the created stream's JSON.
    pub async fn create(&self, body: &Value) -> Value {
        self.http
            .post(self.url("/stream"))
            .header("X-BINTU-APIKEY", &self.demo.apikey)
            .json(body)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.running.base_url())
    }

    /// A request carrying the demo organisation's API key.
    pub fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.http
            .get(self.url(path))
            .header("X-BINTU-APIKEY", &self.demo.apikey)
    }

    /// The token of the demo organisation's user with `role`.
    pub fn token(&self, role: Role) -> String {
        let conn = self.running.state.db.lock();
        orgs::users_of(&conn, &self.demo.id)
            .unwrap()
            .into_iter()
            .find(|u| u.role == role)
            .unwrap()
            .token
    }

    /// Creates another organisation; returns it.
    pub fn other_org(&self, name: &str, processing: bool) -> Org {
        let mut conn = self.running.state.db.lock();
        orgs::create_org(&mut conn, name, processing, false).unwrap()
    }
}

/// Asserts a Bintu error body with `code` and returns it.
pub async fn expect_error(res: reqwest::Response, status: u16, code: u64) -> Value {
    assert_eq!(res.status().as_u16(), status, "status");
    let ct = res.headers()["content-type"].to_str().unwrap().to_string();
    assert_eq!(ct, "application/json; charset=utf-8");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], code, "body: {body}");
    assert!(body["error"]["message"].is_string(), "body: {body}");
    body
}
