//! The API requests a run made, and the critical path of the resources
//! a page loaded before a mark.

use super::*;

/// An API path as the table shows it (ids and numbers kept).
pub(crate) fn duplicate_gets(requests: &[mobproc_sandbox::observe::SeenRequest]) -> Value {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for r in requests
        .iter()
        .filter(|r| r.method == "GET" && r.status == 200)
    {
        *counts.entry(r.path.as_str()).or_default() += 1;
    }
    let duplicates: Vec<Value> = counts
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(path, n)| json!({ "path": path, "times": n }))
        .collect();
    json!(duplicates)
}

pub(crate) fn request_summary(requests: &[mobproc_sandbox::observe::SeenRequest]) -> Value {
    let list: Vec<Value> = requests
        .iter()
        .map(|r| json!({ "method": r.method, "path": r.path, "status": r.status, "millis": r.millis }))
        .collect();
    json!({
        "total": requests.len(),
        "gets": requests.iter().filter(|r| r.method == "GET").count(),
        "posts": requests.iter().filter(|r| r.method == "POST").count(),
        "failed": requests.iter().filter(|r| r.status >= 400).count(),
        "duplicateGets": duplicate_gets(requests),
        "list": list,
    })
}

/// One resource the page loaded: its name and when it started and ended
/// (ms since navigation).
#[derive(Debug, Clone)]
pub(crate) struct Resource {
    pub(crate) name: String,
    /// Whether it is a call to the API.
    pub(crate) api: bool,
    pub(crate) start: f64,
    pub(crate) end: f64,
}

/// Whether two API paths are the same call (gloo-net, the widget's HTTP
/// client, ends a URL with a query with `&`).
pub(crate) fn same_path(a: &str, b: &str) -> bool {
    a.trim_end_matches('&') == b.trim_end_matches('&')
}

pub(crate) fn short_name(name: &str, base: &str) -> String {
    let name = name.strip_prefix(base).unwrap_or(name);
    name.strip_prefix("/mobproc/v1").unwrap_or(name).to_owned()
}

/// The longest chain of resources each started after the one before ended,
/// among those that ended before `until`: its length and names.
pub(crate) fn critical_path(resources: &[Resource], until: f64) -> (usize, Vec<String>) {
    let mut done: Vec<&Resource> = resources
        .iter()
        .filter(|r| r.end > 0.0 && r.end <= until)
        .collect();
    done.sort_by(|a, b| a.start.partial_cmp(&b.start).unwrap());
    let mut depth = vec![1usize; done.len()];
    let mut before: Vec<Option<usize>> = vec![None; done.len()];
    for i in 0..done.len() {
        for j in 0..i {
            if done[j].end <= done[i].start && depth[j] + 1 > depth[i] {
                depth[i] = depth[j] + 1;
                before[i] = Some(j);
            }
        }
    }
    let Some((mut at, &longest)) = depth.iter().enumerate().max_by_key(|(_, d)| **d) else {
        return (0, Vec::new());
    };
    let mut chain = vec![done[at].name.clone()];
    while let Some(previous) = before[at] {
        chain.push(done[previous].name.clone());
        at = previous;
    }
    chain.reverse();
    (longest, chain)
}
