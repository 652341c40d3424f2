mod common;
use common::*;

#[tokio::test]
async fn probe() {
    let sandbox: &'static Sandbox = Box::leak(Box::new(Sandbox::new()));
    let token = sandbox.token("peter.edwards").await;
    for path in [
        "/orders?offset=4294967295",
        "/orders?offset=4294967295&limit=1",
        "/catalog/devices?offset=4294967295&limit=5000",
        "/employees?offset=4294967295",
        "/regions?offset=4294967295",
        "/orders?dateTimeUpdated=9999999999999-01-01",
        "/orders?dateTimeUpdated=999999999999999999-01-01",
        "/orders?dateTimeUpdated=-999999999999999999-01-01",
        "/orders?dateTimeUpdated=106751991167301-01-01",
        "/catalog/devices?minPrice=1e300",
        "/catalog/devices?maxPrice=99999999999999999999",
        "/catalog/devices?search=%00",
    ] {
        let t = token.clone();
        let r = tokio::spawn(async move {
            let peter = User {
                sandbox,
                token: t,
                tenant: "ACME",
                acting_for: None,
            };
            let a = peter.get(path).await;
            format!("{} {}", a.status, &a.text[..a.text.len().min(150)])
        })
        .await;
        println!("{path} -> {:?}", r.map_err(|e| e.to_string()));
    }
}
