//! `POST /orders/{id}/approval`.

use crate::json::{FromJson, ToJson};
use serde::{Deserialize, Serialize};

open_enum!(
    /// What an approver decides.
    ApprovalAction {
        Approve = "APPROVE",
        Reject = "REJECT",
    }
);

open_enum!(
    /// What became of an approval request.
    ApprovalStatus {
        ApprovalQueued = "APPROVAL_QUEUED",
        RejectionQueued = "REJECTION_QUEUED",
        ApprovalNotNeeded = "APPROVAL_NOT_NEEDED",
        NotReadyForApproval = "NOT_READY_FOR_APPROVAL",
    }
);

/// `{ "action", "reason" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ApprovalRequest {
    pub action: ApprovalAction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// `{ "status" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApprovalResponse {
    pub status: ApprovalStatus,
}
