//! Checking who signs in, on the sign-in page and in the password grant.

use rusqlite::{Connection, OptionalExtension};

use super::html::DemoUser;
use crate::error::ApiResult;
use crate::model::Platform;

/// Checks a username and password. The username may carry its tenant's
/// platform as a prefix (`command://peter.edwards`), as MOBPROC's
/// PingFederate expects; a prefix must name the user's platform.
/// Answers the username, or why the sign-in is refused.
pub fn check_credentials(
    connection: &Connection,
    login: &str,
    password: &str,
) -> ApiResult<Result<String, String>> {
    let (prefix, name) = match login.trim().split_once("://") {
        Some((prefix, name)) => (Some(prefix), name),
        None => (None, login.trim()),
    };
    let row = connection
        .query_row(
            "SELECT u.username, u.password, t.platform FROM users u
             JOIN tenants t ON t.code = u.tenant WHERE u.username = ?1",
            [name],
            |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                ))
            },
        )
        .optional()?;
    let Some((username, stored_password, platform)) = row else {
        return Ok(Err(wrong_credentials()));
    };
    if let Some(prefix) = prefix {
        if Platform::parse(prefix).map(Platform::as_str) != Some(platform.as_str()) {
            return Ok(Err(format!(
                "The username prefix '{prefix}://' does not match the user's platform; use '{platform}://{username}' or no prefix."
            )));
        }
    }
    if stored_password != password {
        return Ok(Err(wrong_credentials()));
    }
    Ok(Ok(username))
}

fn wrong_credentials() -> String {
    "The username or password is wrong.".into()
}

/// The users the sign-in page lists, in seed order.
pub fn demo_users(connection: &Connection) -> ApiResult<Vec<DemoUser>> {
    let mut statement = connection.prepare_cached(
        "SELECT u.username, u.tenant, COALESCE(t.name, ''), COALESCE(t.platform, ''), u.description
         FROM users u
         LEFT JOIN tenants t ON t.code = u.tenant ORDER BY u.seq, u.username",
    )?;
    let users = statement
        .query_map([], |row| {
            Ok(DemoUser {
                username: row.get(0)?,
                tenant: row.get(1)?,
                tenant_name: row.get(2)?,
                platform: row.get(3)?,
                description: row.get(4)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(users)
}
