//! The admin commands of the real binary: `org create NAME [--no-processing]`, `org list`
//! and `key list`, on a data directory the server would use.

use std::process::Command;

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
