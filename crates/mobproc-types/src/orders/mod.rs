//! Orders: the request, its confirmation, the submitted order, its life.
//! The same shapes carry all twelve transaction types; which parts a type
//! has is in [`crate::rules`].

mod confirmation;
mod echo;
mod order;
mod request;

pub use confirmation::*;
pub use echo::*;
pub use order::*;
pub use request::*;

open_enum!(
    /// The outcome word at the top of an order answer.
    ResponseStatus {
        Success = "SUCCESS",
        Error = "ERROR",
    }
);

open_enum!(
    /// Where an order (segment) is in its life. The sandbox moves orders
    /// through `ORDER_SUBMITTED`, `AWAITING_APPROVAL`, `APPROVED`, `SHIPPED`,
    /// `COMPLETE` (or `REJECTED`); real backends have more.
    OrderStatus {
        OrderSubmitted = "ORDER_SUBMITTED",
        AwaitingApproval = "AWAITING_APPROVAL",
        Approved = "APPROVED",
        Rejected = "REJECTED",
        InProgress = "IN_PROGRESS",
        Shipped = "SHIPPED",
        Complete = "COMPLETE",
        Cancelled = "CANCELLED",
    }
);

open_enum!(
    /// What an UPDATE_FEATURES order does with a feature.
    FeatureAction {
        Add = "ADD",
        Remove = "REMOVE",
    }
);
