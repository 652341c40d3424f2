//! Who is calling: the bearer token, the required headers, and the context
//! ("actor") headers, checked on every API call.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use mobproc_types::Employee;
use rusqlite::{Connection, OptionalExtension};

use crate::db::find_body;
use crate::error::{ApiError, ApiResult};
use crate::model::{Platform, Tenant};
use crate::state::AppState;

/// The required tenant header.
pub const TENANT_HEADER: &str = "x-tngo-tenant";
/// The required client header.
pub const CLIENT_ID_HEADER: &str = "client_id";
/// Act for this employee (Tangoe id); wins over the company id.
pub const CONTEXT_EMPLOYEE_HEADER: &str = "x-tngo-context-employeeid";
/// Act for this employee (the customer's id for them).
pub const CONTEXT_COMPANY_EMPLOYEE_HEADER: &str = "x-tngo-context-companyemployeeid";
/// Groups related calls in logs; echoed back.
pub const ACTIVITY_HEADER: &str = "x-tngo-context-activityid";
/// Tags one call in logs; echoed back.
pub const CORRELATION_HEADER: &str = "x-tngo-context-correlationid";

/// An employee with what the sandbox knows about their rights.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub employee: Employee,
    pub manager_id: Option<String>,
    pub is_approver: bool,
    pub can_move_service: bool,
}

/// The authenticated caller of an API request.
#[derive(Debug, Clone)]
pub struct Caller {
    pub tenant: Tenant,
    pub client_id: String,
    /// Whom the token was issued to.
    pub user: Person,
    /// On whose behalf the call acts: the user, or whom a context header names.
    pub actor: Person,
    /// Employees the user may see and act for: themselves and everyone who
    /// reports to them, directly or not.
    pub visible: Vec<String>,
}

impl Caller {
    /// Whether the user may see and act for the employee `id`.
    pub fn may_act_for(&self, id: &str) -> bool {
        self.visible.iter().any(|visible| visible == id)
    }
}

/// What the token table says about a bearer token.
#[derive(Debug, Clone)]
pub struct TokenGrant {
    pub client_id: String,
    pub username: String,
    pub issued_at: i64,
    pub expires_at: i64,
}

/// Looks up a live access token. Errors say whether it is unknown,
/// revoked or expired (also when the `token_max_age` fault cut it short).
pub fn check_access_token(
    connection: &Connection,
    token: &str,
    now: i64,
    max_age: Option<u64>,
) -> ApiResult<TokenGrant> {
    let row = connection
        .query_row(
            "SELECT client_id, username, issued_at, expires_at, revoked FROM oauth_tokens
             WHERE token = ?1 AND kind = 'access'",
            [token],
            |row| {
                Ok((
                    TokenGrant {
                        client_id: row.get(0)?,
                        username: row.get(1)?,
                        issued_at: row.get(2)?,
                        expires_at: row.get(3)?,
                    },
                    row.get::<_, bool>(4)?,
                ))
            },
        )
        .optional()?;
    let Some((grant, revoked)) = row else {
        return Err(ApiError::unauthorized(
            "invalid-token",
            "The access token is not one the sandbox issued. Sign in again.",
        ));
    };
    let cut_short = max_age.is_some_and(|age| now >= grant.issued_at + age as i64);
    if revoked || now >= grant.expires_at || cut_short {
        return Err(ApiError::unauthorized(
            "token-expired",
            "The access token has expired. Sign in again to get a new one.",
        ));
    }
    Ok(grant)
}

/// Loads an employee of a tenant with their rights.
pub fn load_person(connection: &Connection, tenant: &str, id: &str) -> ApiResult<Option<Person>> {
    let row = connection
        .query_row(
            "SELECT body, manager_id, is_approver, can_move_service FROM employees
             WHERE tenant = ?1 AND id = ?2",
            [tenant, id],
            |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, Option<String>>(1)?,
                    row.get::<_, bool>(2)?,
                    row.get::<_, bool>(3)?,
                ))
            },
        )
        .optional()?;
    Ok(match row {
        Some((body, manager_id, is_approver, can_move_service)) => Some(Person {
            employee: serde_json::from_str(&body)?,
            manager_id,
            is_approver,
            can_move_service,
        }),
        None => None,
    })
}

/// Loads a tenant by code.
pub fn load_tenant(connection: &Connection, code: &str) -> ApiResult<Option<Tenant>> {
    Ok(connection
        .query_row(
            "SELECT code, name, platform, currency, country_id FROM tenants WHERE code = ?1",
            [code],
            |row| {
                Ok(Tenant {
                    code: row.get(0)?,
                    name: row.get(1)?,
                    platform: Platform::parse(&row.get::<_, String>(2)?)
                        .unwrap_or(Platform::Command),
                    currency: row.get(3)?,
                    country_id: row.get(4)?,
                })
            },
        )
        .optional()?)
}

/// The ids of `employee_id` and everyone below them in the tenant's hierarchy.
pub fn self_and_reports(
    connection: &Connection,
    tenant: &str,
    employee_id: &str,
) -> ApiResult<Vec<String>> {
    let mut statement = connection.prepare_cached(
        "WITH RECURSIVE team(id) AS (
             SELECT ?2
             UNION SELECT e.id FROM employees e JOIN team t ON e.manager_id = t.id WHERE e.tenant = ?1)
         SELECT id FROM team",
    )?;
    let ids = statement
        .query_map([tenant, employee_id], |row| row.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    Ok(ids)
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(str::trim)
        .filter(|value| !value.is_empty())
}

/// Resolves the caller from the request's headers.
pub fn authenticate(
    connection: &Connection,
    headers: &HeaderMap,
    now: i64,
    max_age: Option<u64>,
) -> ApiResult<Caller> {
    let token = match header(headers, "authorization") {
        None => {
            return Err(ApiError::unauthorized(
                "missing-token",
                "Send an access token in the 'Authorization: Bearer <token>' header.",
            ))
        }
        Some(value) => match value.split_once(' ') {
            Some((scheme, token))
                if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() =>
            {
                token.trim().to_owned()
            }
            _ => {
                return Err(ApiError::unauthorized(
                    "invalid-authorization-header",
                    "The Authorization header must be 'Bearer <token>'.",
                ))
            }
        },
    };
    let tenant_code = header(headers, TENANT_HEADER).ok_or_else(|| {
        ApiError::bad_request(
            "missing-tenant-header",
            "The X-TNGO-TENANT header is required: send your tenant (customer) code.",
        )
    })?;
    let client_id = header(headers, CLIENT_ID_HEADER).ok_or_else(|| {
        ApiError::bad_request(
            "missing-client-id-header",
            "The client_id header is required: send your registered client application's id.",
        )
    })?;
    let grant = check_access_token(connection, &token, now, max_age)?;
    if grant.client_id != client_id {
        return Err(ApiError::forbidden(
            "client-mismatch",
            format!("The access token was issued to another client than '{client_id}'."),
        ));
    }
    let (user_tenant, user_employee): (String, String) = connection.query_row(
        "SELECT tenant, employee_id FROM users WHERE username = ?1",
        [&grant.username],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    if !user_tenant.eq_ignore_ascii_case(tenant_code) {
        return Err(ApiError::forbidden(
            "tenant-not-allowed",
            format!("The signed-in user does not belong to tenant '{tenant_code}'."),
        ));
    }
    let tenant = load_tenant(connection, &user_tenant)?
        .ok_or_else(|| ApiError::internal("The user's tenant is missing from the seed."))?;
    let user = load_person(connection, &tenant.code, &user_employee)?.ok_or_else(|| {
        ApiError::internal("The user's employee record is missing from the seed.")
    })?;
    let visible = self_and_reports(connection, &tenant.code, &user.employee.id)?;
    let actor = resolve_actor(connection, headers, &tenant, &user, &visible)?;
    Ok(Caller {
        tenant,
        client_id: client_id.to_owned(),
        user,
        actor,
        visible,
    })
}

fn resolve_actor(
    connection: &Connection,
    headers: &HeaderMap,
    tenant: &Tenant,
    user: &Person,
    visible: &[String],
) -> ApiResult<Person> {
    let target = if let Some(id) = header(headers, CONTEXT_EMPLOYEE_HEADER) {
        Some(id.to_owned())
    } else if let Some(company_id) = header(headers, CONTEXT_COMPANY_EMPLOYEE_HEADER) {
        let id: Option<String> = connection
            .query_row(
                "SELECT id FROM employees WHERE tenant = ?1 AND company_employee_id = ?2",
                [&tenant.code, company_id],
                |row| row.get(0),
            )
            .optional()?;
        Some(id.ok_or_else(not_allowed_context)?)
    } else {
        None
    };
    match target {
        None => Ok(user.clone()),
        Some(id) if id == user.employee.id => Ok(user.clone()),
        Some(id) if visible.contains(&id) => {
            load_person(connection, &tenant.code, &id)?.ok_or_else(not_allowed_context)
        }
        Some(_) => Err(not_allowed_context()),
    }
}

/// The refusal of a context header. It names no employee: neither the id
/// sent nor the one a company id resolves to, so it reveals nothing about
/// people the user may not see.
fn not_allowed_context() -> ApiError {
    ApiError::forbidden(
        "context-not-allowed",
        "You are not authorised to act on behalf of the employee named in the context header.",
    )
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let headers = parts.headers.clone();
        let now = state.clock.now();
        let max_age = state.faults().token_max_age_seconds;
        state
            .db
            .read(move |connection| authenticate(connection, &headers, now, max_age))
            .await
    }
}

/// Reads a stored employee's public record.
pub fn load_employee(
    connection: &Connection,
    tenant: &str,
    id: &str,
) -> ApiResult<Option<Employee>> {
    find_body(
        connection,
        "SELECT body FROM employees WHERE tenant = ?1 AND id = ?2",
        [tenant, id],
    )
}
