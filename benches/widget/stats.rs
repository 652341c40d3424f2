//! Medians, percentiles and ratios of the samples.

use super::*;

pub(crate) fn median(values: &[f64]) -> Option<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let mid = sorted.len() / 2;
    Some(if sorted.len().is_multiple_of(2) {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    } else {
        sorted[mid]
    })
}

pub(crate) fn percentile(values: &[f64], p: f64) -> Option<f64> {
    let mut sorted: Vec<f64> = values.to_vec();
    if sorted.is_empty() {
        return None;
    }
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    Some(sorted[rank.min(sorted.len() - 1)])
}

pub(crate) fn summary(samples: &[f64]) -> Value {
    json!({
        "samples": samples,
        "medianMs": median(samples),
        "minMs": samples.iter().copied().reduce(f64::min),
        "maxMs": samples.iter().copied().reduce(f64::max),
    })
}

pub(crate) fn ratio(widget: &Value, vanilla: &Value) -> Value {
    match (widget.as_f64(), vanilla.as_f64()) {
        (Some(w), Some(v)) if v > 0.0 => json!(w / v),
        _ => Value::Null,
    }
}
