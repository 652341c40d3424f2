//! The steps orders are made of, one folder each; `crate::flows` says
//! which ones each order type goes through.

pub mod accessories;
pub mod acknowledgements;
pub mod carrier;
pub mod current_device;
pub mod details;
pub mod device;
pub mod features;
pub mod line;
pub mod new_device;
pub mod plan;
pub mod region;
pub mod review;
pub mod shipping;
pub mod status;
pub mod summary;

use crate::draft::{Draft, SourceSystem, Step};

/// The step after `step` for this order (skipping the ones it doesn't need).
pub fn next_step(draft: &Draft, source: SourceSystem, step: Step) -> Step {
    let steps = draft.steps(source);
    steps
        .iter()
        .skip_while(|s| **s != step)
        .nth(1)
        .copied()
        .unwrap_or(Step::Review)
}

/// The step before `step` for this order.
pub fn previous_step(draft: &Draft, source: SourceSystem, step: Step) -> Option<Step> {
    let steps = draft.steps(source);
    let index = steps.iter().position(|s| *s == step)?;
    index.checked_sub(1).map(|i| steps[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rivermine_skips_the_current_device_and_shipping_for_a_plan() {
        let mut draft = Draft::new("W-1".into());
        draft.plan_id = Some("p".into());
        assert_eq!(
            next_step(&draft, SourceSystem::Rivermine, Step::Line),
            Step::Device
        );
        assert_eq!(
            next_step(&draft, SourceSystem::Rivermine, Step::Details),
            Step::Review
        );
        assert_eq!(
            previous_step(&draft, SourceSystem::Rivermine, Step::Device),
            Some(Step::Line)
        );
        assert_eq!(
            next_step(&draft, SourceSystem::PremiumMobile, Step::Details),
            Step::Shipping
        );
        assert_eq!(
            previous_step(&draft, SourceSystem::PremiumMobile, Step::Line),
            None
        );
    }
}
