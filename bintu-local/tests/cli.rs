//! The admin commands of the real binary: `org create NAME [--no-processing]`, `org list`
//! and `key list`, on a data directory the server would use; `serve --api-shape`.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use bintu_local::db::{orgs, Db};

fn run(dir: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_bintu-local"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn org_create_and_key_list_work_on_the_data_dir() {
    let dir = tempfile::tempdir().unwrap();
    let created = run(
        dir.path(),
        &["org", "create", "Acme Media", "--no-processing"],
    );
    run(dir.path(), &["org", "create", "Second"]);
    let db = Db::open(&dir.path().join("bintu.sqlite3")).unwrap();
    let all = orgs::list_orgs(&db.lock()).unwrap();
    let acme = all.iter().find(|o| o.name == "Acme Media").unwrap();
    assert!(!acme.processing, "--no-processing turns the package off");
    assert!(all.iter().find(|o| o.name == "Second").unwrap().processing);
    assert!(
        created.contains(&acme.apikey),
        "create prints the API key: {created}"
    );
    let keys = run(dir.path(), &["key", "list"]);
    for org in &all {
        assert!(keys.contains(&org.apikey), "{keys}");
        for user in orgs::users_of(&db.lock(), &org.id).unwrap() {
            assert!(keys.contains(&user.token) && keys.contains(user.role.as_str()));
        }
    }
    let list = run(dir.path(), &["org", "list"]);
    assert!(
        list.contains("Acme Media") && list.contains("processing off"),
        "{list}"
    );
}

/// A `serve` started by a test; killed (and reaped) when dropped, also on a failed assert.
struct Served {
    child: Child,
    api: String,
    shape: String,
    key: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `serve` on free ports with `args` and `BINTU_API_SHAPE=env_shape` if given; returns
/// it with the API URL, shape and demo key it printed.
fn serve(dir: &std::path::Path, args: &[&str], env_shape: Option<&str>) -> Served {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bintu-local"));
    cmd.arg("--data-dir")
        .arg(dir)
        .args(["serve", "--port", "0", "--rtmp-port", "0"])
        .args(args)
        .env_remove("BINTU_API_SHAPE")
        .stdout(Stdio::piped());
    if let Some(shape) = env_shape {
        cmd.env("BINTU_API_SHAPE", shape);
    }
    let mut child = cmd.spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut served = Served {
        child,
        api: String::new(),
        shape: String::new(),
        key: String::new(),
    };
    let mut lines = BufReader::new(stdout).lines();
    for line in lines.by_ref() {
        let line = line.unwrap();
        let line = line.trim();
        if let Some(v) = line.strip_prefix("API:") {
            served.api = v.trim().to_string();
        } else if let Some(v) = line.strip_prefix("API shape:") {
            served.shape = v.trim().to_string();
        } else if let Some(v) = line.strip_prefix("Demo API key:") {
            served.key = v.trim().to_string();
            // Keep draining: a closed pipe would fail the server's next print.
            std::thread::spawn(move || lines.for_each(drop));
            return served;
        }
    }
    panic!("serve printed no demo key");
}

async fn organisation(served: &Served) -> (u16, serde_json::Value) {
    let res = reqwest::Client::new()
        .get(format!("{}/organisation", served.api))
        .header("X-BINTU-APIKEY", &served.key)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.json().await.unwrap())
}

#[tokio::test]
async fn serve_takes_the_api_shape_from_the_flag_or_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let flag: &[&str] = &["--api-shape", "documented-org"];
    for (args, env, shape, status) in [
        (&[][..], None, "full", 200),
        (flag, None, "documented-org", 200),
        (&[][..], Some("documented"), "documented", 404),
    ] {
        let served = serve(dir.path(), args, env);
        let (got, body) = organisation(&served).await;
        assert_eq!(served.shape, shape);
        assert_eq!(got, status, "{shape}: {body}");
        if shape == "documented-org" {
            assert_eq!(
                body.as_object().unwrap().len(),
                2,
                "name and hash only: {body}"
            );
        }
    }
    let out = Command::new(env!("CARGO_BIN_EXE_bintu-local"))
        .args(["serve", "--api-shape", "documented-orgs"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("documented-org") && err.contains("full"),
        "{err}"
    );
}
