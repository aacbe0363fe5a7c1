//! Organisations, their API keys and feature flags, and users with roles and tokens.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use super::now_iso;
use crate::ids;

/// The three Bintu roles, lowest to highest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Role {
    #[serde(rename = "nanoReadOnly")]
    ReadOnly,
    #[serde(rename = "nanoUser")]
    User,
    #[serde(rename = "nanoAdmin")]
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::ReadOnly => "nanoReadOnly",
            Role::User => "nanoUser",
            Role::Admin => "nanoAdmin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        [Role::ReadOnly, Role::User, Role::Admin]
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Org {
    pub id: String,
    pub name: String,
    pub hash: String,
    pub apikey: String,
    pub playerkey: String,
    pub processing: bool,
    pub transcoding: bool,
    pub is_demo: bool,
    pub created_at: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct User {
    pub id: String,
    pub org_id: String,
    pub email: String,
    pub role: Role,
    pub token: String,
}

/// The columns `org_from_row` reads, in its order.
const ORG_COLS: &str =
    "id, name, hash, apikey, playerkey, feat_processing, feat_transcoding, is_demo, created_at";

fn org_from_row(r: &Row) -> rusqlite::Result<Org> {
    Ok(from_columns!(
        r,
        Org {
            id,
            name,
            hash,
            apikey,
            playerkey,
            processing,
            transcoding,
            is_demo,
            created_at,
        }
    ))
}

/// Creates an organisation with a fresh hash and keys, plus one user per role.
pub fn create_org(
    conn: &mut Connection,
    name: &str,
    processing: bool,
    is_demo: bool,
) -> rusqlite::Result<Org> {
    let tx = conn.transaction()?;
    let org = Org {
        id: uuid::Uuid::new_v4().to_string(),
        name: name.to_string(),
        hash: ids::alnum(5),
        apikey: ids::secret(),
        playerkey: ids::secret(),
        processing,
        transcoding: true,
        is_demo,
        created_at: now_iso(),
    };
    tx.execute(
        &format!("INSERT INTO organisations ({ORG_COLS}) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)"),
        params![
            org.id,
            org.name,
            org.hash,
            org.apikey,
            org.playerkey,
            org.processing,
            org.transcoding,
            org.is_demo,
            org.created_at
        ],
    )?;
    for role in [Role::Admin, Role::User, Role::ReadOnly] {
        let local = role.as_str().to_lowercase();
        tx.execute(
            "INSERT INTO users (id, org_id, email, role, token, created_at) VALUES (?1,?2,?3,?4,?5,?6)",
            params![
                uuid::Uuid::new_v4().to_string(),
                org.id,
                format!("{local}@{}.local", org.hash.to_lowercase()),
                role.as_str(),
                ids::secret(),
                org.created_at
            ],
        )?;
    }
    tx.commit()?;
    Ok(org)
}

pub fn org_by_apikey(conn: &Connection, key: &str) -> rusqlite::Result<Option<Org>> {
    // Cached: every authenticated request runs this.
    conn.prepare_cached(&format!(
        "SELECT {ORG_COLS} FROM organisations WHERE apikey = ?1"
    ))?
    .query_row([key], org_from_row)
    .optional()
}

pub fn org_by_id(conn: &Connection, id: &str) -> rusqlite::Result<Option<Org>> {
    // Cached: every authenticated request runs this.
    conn.prepare_cached(&format!(
        "SELECT {ORG_COLS} FROM organisations WHERE id = ?1"
    ))?
    .query_row([id], org_from_row)
    .optional()
}

pub fn demo_org(conn: &Connection) -> rusqlite::Result<Option<Org>> {
    conn.query_row(
        &format!("SELECT {ORG_COLS} FROM organisations WHERE is_demo = 1 LIMIT 1"),
        [],
        org_from_row,
    )
    .optional()
}

pub fn list_orgs(conn: &Connection) -> rusqlite::Result<Vec<Org>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {ORG_COLS} FROM organisations ORDER BY created_at"
    ))?;
    let rows = stmt.query_map([], org_from_row)?;
    rows.collect()
}

pub fn user_by_token(conn: &Connection, token: &str) -> rusqlite::Result<Option<User>> {
    conn.prepare_cached("SELECT id, org_id, email, role, token FROM users WHERE token = ?1")?
        .query_row([token], user_from_row)
        .optional()
}

pub fn users_of(conn: &Connection, org_id: &str) -> rusqlite::Result<Vec<User>> {
    let mut stmt = conn.prepare(
        "SELECT id, org_id, email, role, token FROM users WHERE org_id = ?1 ORDER BY role",
    )?;
    let rows = stmt.query_map([org_id], user_from_row)?;
    rows.collect()
}

fn user_from_row(r: &Row) -> rusqlite::Result<User> {
    let role: String = r.get(3)?;
    Ok(User {
        id: r.get(0)?,
        org_id: r.get(1)?,
        email: r.get(2)?,
        role: Role::parse(&role).unwrap_or(Role::ReadOnly),
        token: r.get(4)?,
    })
}
