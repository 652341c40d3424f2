//! The carriers' acknowledgements of the XFER types (TRANSACTIONS.md 3.1):
//! the same for every carrier of a tenant, all REQUIRED, with a notice.

use mobproc_types::rules::{rules_of, Backend};
use mobproc_types::{
    Acknowledgement, AcknowledgementType, AcknowledgementValidation, AcknowledgementsResponse,
    InfoBlock, Paragraph, TransactionType,
};
use rusqlite::{params, Transaction};

use super::json;

fn required(id: &str, label: &str) -> Acknowledgement {
    Acknowledgement {
        id: id.to_owned(),
        label: label.to_owned(),
        kind: AcknowledgementType::Boolean,
        validation: AcknowledgementValidation::Required,
    }
}

fn notice(header: &str, paragraphs: &[&str]) -> InfoBlock {
    InfoBlock {
        header: header.to_owned(),
        paragraphs: paragraphs
            .iter()
            .map(|text| Paragraph {
                text: (*text).to_owned(),
            })
            .collect(),
    }
}

/// What `GET /acknowledgements` answers for `kind` (without `_meta`).
pub fn of(kind: &TransactionType) -> Option<AcknowledgementsResponse> {
    let shared_plan = || {
        required(
            "SHARED_PLAN",
            "I understand the number leaves any shared or family plan it is on.",
        )
    };
    let (infoblocks, acknowledgements) = match kind {
        TransactionType::XferServiceIn => (
            vec![notice(
                "Transfer of responsibility",
                &[
                    "Your personal number becomes a company line on the same carrier.",
                    "From the transfer on, the company pays for the line and owns the number.",
                ],
            )],
            vec![
                shared_plan(),
                required(
                    "LIABILITY_TRANSFER",
                    "I transfer the liability for this number to the company.",
                ),
            ],
        ),
        TransactionType::XferServiceInAndPort => (
            vec![notice(
                "Port from your personal carrier",
                &[
                    "Your personal number moves to the company's carrier, on a new device.",
                    "Your personal carrier may charge an early termination fee.",
                ],
            )],
            vec![
                shared_plan(),
                required(
                    "TERMINATION_FEE",
                    "I accept any early termination fee of my personal carrier.",
                ),
            ],
        ),
        TransactionType::XferServiceOut => (
            vec![notice(
                "Taking the line over",
                &["The line leaves the company's account and becomes yours to pay."],
            )],
            Vec::new(),
        ),
        _ => return None,
    };
    Some(AcknowledgementsResponse {
        meta: None,
        infoblocks,
        acknowledgements,
    })
}

/// Stores the acknowledgements of every XFER type `backend` takes, for each vendor.
pub fn insert(
    tx: &Transaction,
    tenant: &str,
    backend: Backend,
    vendors: &[String],
) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO acknowledgements (tenant, vendor_id, transaction_type, body) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for kind in TransactionType::KNOWN {
        let Some(answer) = of(kind) else { continue };
        if !rules_of(kind).is_some_and(|rules| rules.runs_on(backend)) {
            continue;
        }
        let body = json(&answer)?;
        for vendor in vendors {
            insert.execute(params![tenant, vendor, kind.as_str(), body])?;
        }
    }
    Ok(())
}
