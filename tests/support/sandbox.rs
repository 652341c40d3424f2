//! What the sandbox holds, read from its admin API or straight from its
//! database: the stored orders and the issued tokens.

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::Demo;

impl Demo {
    /// Calls the sandbox's admin API over HTTP (with the admin key):
    /// `(status, body)`.
    pub async fn admin(&self, method: &str, path: &str, body: Option<&str>) -> (u16, String) {
        let authority = self.base.trim_start_matches("http://");
        let mut stream = tokio::net::TcpStream::connect(authority).await.unwrap();
        let body = body.unwrap_or("");
        let request = format!(
            "{method} /sandbox/admin{path} HTTP/1.1\r\nHost: {authority}\r\nX-Sandbox-Admin-Key: {}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.state.config.admin_key,
            body.len()
        );
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).await.unwrap();
        let status = answer
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = answer
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_owned())
            .unwrap_or_default();
        (status, body)
    }

    /// The access tokens the sandbox has issued (revoked ones included).
    pub async fn access_tokens(&self) -> Vec<String> {
        self.state
            .db
            .run(|c| {
                let mut statement = c.prepare(
                    "SELECT token FROM oauth_tokens WHERE kind = 'access' ORDER BY issued_at",
                )?;
                let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
                Ok(rows.collect::<Result<Vec<_>, _>>()?)
            })
            .await
            .unwrap()
    }

    /// The orders stored in the sandbox, as JSON bodies.
    pub async fn stored_orders(&self) -> Vec<serde_json::Value> {
        self.stored_json("body").await
    }

    /// The requests the sandbox stored with its orders, as JSON.
    pub async fn stored_requests(&self) -> Vec<serde_json::Value> {
        self.stored_json("request").await
    }

    /// One JSON column (`body` or `request`) of every stored order, in
    /// the order they were placed.
    async fn stored_json(&self, column: &'static str) -> Vec<serde_json::Value> {
        self.state
            .db
            .run(move |c| {
                let query = format!("SELECT {column} FROM orders ORDER BY order_id");
                let mut statement = c.prepare(&query)?;
                let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
                let mut out = Vec::new();
                for row in rows {
                    out.push(serde_json::from_str(&row?)?);
                }
                Ok(out)
            })
            .await
            .unwrap()
    }
}
