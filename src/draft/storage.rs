//! How a draft is kept in sessionStorage: its head, which the first
//! screen reads and writes, apart from the whole, which only the later
//! steps' code does (so the first load holds no code for the order's part).

use mobproc_types::json::{FromJson, ToJson};

use super::{Draft, Step, DRAFT_VERSION};
use crate::flows::FlowId;

/// What the first screen needs of a draft (the line step, the step
/// indicator, the step to come back to), stored apart from the rest: the
/// first load then holds no code that reads or writes the order's part.
/// Its fields are named as in the whole draft.
#[derive(Debug, FromJson, ToJson)]
#[serde(rename_all = "camelCase")]
struct DraftHead {
    version: u32,
    external_order_number: String,
    /// Drafts stored before there were flows are upgrades.
    #[serde(default)]
    flow: FlowId,
    step: Step,
    on_behalf_of: Option<String>,
    service_id: Option<String>,
}

impl Draft {
    /// The draft as stored: the whole of it, which only the later steps'
    /// code writes and reads (the first screen stores its `DraftHead`).
    pub fn to_storage(&self) -> String {
        self.to_json()
    }

    /// What the first screen needs of the draft, on `step`, as stored.
    pub fn head_to_storage(&self, step: Step) -> String {
        let head = DraftHead {
            version: self.version,
            external_order_number: self.external_order_number.clone(),
            flow: self.flow,
            step,
            on_behalf_of: self.on_behalf_of.clone(),
            service_id: self.service_id.clone(),
        };
        head.to_json()
    }

    /// A draft of a stored `DraftHead`, if it is one of this version: the
    /// order's part comes later ([`Draft::take_order_part`]).
    pub fn from_head_storage(text: &str) -> Option<Draft> {
        let head = DraftHead::from_json_text(text).ok()?;
        (head.version == DRAFT_VERSION && !head.external_order_number.is_empty()).then(|| Draft {
            version: head.version,
            external_order_number: head.external_order_number,
            flow: head.flow,
            step: head.step,
            on_behalf_of: head.on_behalf_of,
            service_id: head.service_id,
            ..Draft::default()
        })
    }

    /// Takes the order's part of `stored` (a whole draft, as stored) when
    /// it is this order's: the same order number, line and flow. The head
    /// stays this draft's (it was stored last). Whether it was taken.
    pub fn take_order_part(&mut self, stored: Draft) -> bool {
        let same = stored.external_order_number == self.external_order_number
            && stored.service_id == self.service_id
            && stored.flow == self.flow;
        if same {
            *self = Draft {
                step: self.step,
                on_behalf_of: self.on_behalf_of.take(),
                ..stored
            };
        }
        same
    }

    /// A stored draft, if it is one of this version.
    pub fn from_storage(text: &str) -> Option<Draft> {
        Draft::from_json_text(text)
            .ok()
            .filter(|d| d.version == DRAFT_VERSION && !d.external_order_number.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::tests::tutorial_draft;

    #[test]
    fn the_head_is_stored_without_the_orders_part() {
        let draft = tutorial_draft();
        let stored = draft.head_to_storage(Step::Plan);
        assert!(!stored.contains("9194713904"), "no device: {stored}");
        let head = Draft::from_head_storage(&stored).expect("a head of this version");
        assert_eq!(head.external_order_number, draft.external_order_number);
        assert_eq!(head.service_id, draft.service_id);
        assert_eq!((head.flow, head.step), (draft.flow, Step::Plan));
        assert_eq!(head.device_id, None);
        // A whole draft stored there (before heads were) is read as a head.
        let whole = Draft::from_head_storage(&draft.to_storage()).unwrap();
        assert_eq!(whole.service_id, draft.service_id);
        assert_eq!(whole.device_id, None);
        let old = stored.replace(&format!("\"version\":{DRAFT_VERSION}"), "\"version\":0");
        assert_ne!(old, stored);
        assert!(Draft::from_head_storage(&old).is_none());
        assert!(Draft::from_head_storage("not json").is_none());
    }

    /// `current-device` or `XFER_SERVICE_IN` in camelCase.
    fn camel_case(words: &str) -> String {
        let mut out = String::new();
        for (i, word) in words.split(['-', '_']).enumerate() {
            let word = word.to_ascii_lowercase();
            match (i, word.split_at_checked(1)) {
                (1.., Some((first, rest))) => {
                    out.push_str(&first.to_ascii_uppercase());
                    out.push_str(rest);
                }
                _ => out.push_str(&word),
            }
        }
        out
    }

    /// Stored drafts name steps and flows as the versions before wrote
    /// them: a step by its id, a flow by its API type, in camelCase
    /// (`currentDevice`, `xferServiceInAndPort`).
    #[test]
    fn steps_and_flows_are_named_as_stored_drafts_name_them() {
        for step in Step::ALL {
            let name = format!("\"{}\"", camel_case(step.id()));
            assert_eq!(step.to_json(), name);
            assert_eq!(Step::from_json_text(&name), Ok(step));
        }
        for flow in crate::flows::FLOWS {
            let name = format!("\"{}\"", camel_case(flow.id.transaction_type().as_str()));
            assert_eq!(flow.id.to_json(), name);
            assert_eq!(FlowId::from_json_text(&name), Ok(flow.id));
        }
    }

    #[test]
    fn a_head_reads_back_and_refuses_what_it_does_not_know() {
        let mut draft = tutorial_draft();
        draft.flow = FlowId::XferServiceInAndPort;
        draft.on_behalf_of = Some("Jo \"JJ\" Smith\n".into());
        let head = Draft::from_head_storage(&draft.head_to_storage(Step::CurrentDevice)).unwrap();
        assert_eq!(
            (head.flow, head.step),
            (FlowId::XferServiceInAndPort, Step::CurrentDevice)
        );
        assert_eq!(head.on_behalf_of, draft.on_behalf_of);
        // As heads were written before: the same draft.
        let earlier = format!(
            r#"{{"version":{DRAFT_VERSION},"externalOrderNumber":"1","flow":"swapDevices","step":"newDevice","onBehalfOf":null,"serviceId":"9"}}"#
        );
        let head = Draft::from_head_storage(&earlier).unwrap();
        assert_eq!(
            (head.flow, head.step),
            (FlowId::SwapDevices, Step::NewDevice)
        );
        assert_eq!(head.service_id.as_deref(), Some("9"));
        let without_flow = earlier.replace(r#""flow":"swapDevices","#, "");
        assert_eq!(
            Draft::from_head_storage(&without_flow).unwrap().flow,
            FlowId::Upgrade
        );
        for (known, unknown) in [
            (r#""step":"newDevice""#, r#""step":"nowhere""#),
            (r#""flow":"swapDevices""#, r#""flow":"swapAll""#),
        ] {
            let text = earlier.replace(known, unknown);
            assert!(text.contains(unknown), "{text}");
            assert!(Draft::from_head_storage(&text).is_none(), "{text}");
        }
    }

    #[test]
    fn the_orders_part_joins_the_head_of_the_same_order_only() {
        let whole = tutorial_draft();
        let head = Draft::from_head_storage(&whole.head_to_storage(Step::Review)).unwrap();

        let mut restored = head.clone();
        assert!(restored.take_order_part(whole.clone()));
        assert_eq!(restored.device_id, whole.device_id);
        assert_eq!(restored.ship_to, whole.ship_to);
        assert_eq!(restored.step, Step::Review, "the head's step stays");

        // Another line chosen since: the stored part was the other line's.
        let mut other_line = head.clone();
        other_line.service_id = Some("999".into());
        assert!(!other_line.take_order_part(whole.clone()));
        assert_eq!(other_line.device_id, None);
        // Another order (a new order number): nothing of the old one.
        let mut other_order = head;
        other_order.external_order_number = "87654321".into();
        assert!(!other_order.take_order_part(whole));
        assert_eq!(other_order.plan_id, None);
    }
}
