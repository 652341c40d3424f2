//! The steps after the first are chunks of wasm in the release build:
//! fetched when needed, prefetched when the browser is idle before they are
//! needed. There are three groups of steps: plan and features, which the
//! line-care flows, accessories, consents and the swap do not go through;
//! the steps an upgrade never takes (accessories, consents, region,
//! carrier, the device a line moves to: `extra_steps`); and every other
//! later step, with the code that loads the order's data (which every flow
//! needs) and the steps every order ends with. wasm-split gives code shared
//! by several groups a chunk of its own per combination of them, so few
//! groups keep a whole order to few files (each new group multiplies the
//! combinations).
//!
//! A step's view is built only once its chunk is in: [`StepChunks::ensure`]
//! loads it before the step changes, and [`step_view`] then builds the view
//! synchronously, in the reactive owner of the step it replaces (never in a
//! task that outlives it).
//!
//! The split points exist only in the release wasm (`not(debug_assertions)`,
//! which is what `trunk build --release` makes and `scripts/split-wasm.sh`
//! splits); `trunk serve`, the component tests and native builds get
//! ordinary functions from the same source.

use futures_util::FutureExt;
use leptos::prelude::*;
#[cfg(all(target_arch = "wasm32", not(debug_assertions)))]
use leptos::wasm_split::wasm_split;
use mobproc_types::ServiceAsset;

use crate::app::context::{Ctx, Loaded};
use crate::app::order_data::OrderData;
use crate::components::Busy;
use crate::draft::Step;
use crate::steps;

/// A chunk could not be fetched (network, or the file is missing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkError;

#[cfg(all(target_arch = "wasm32", not(debug_assertions)))]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// Declares a step's view as a split point in `$chunk`: `$view` builds it
/// (async: it loads the chunk first), `$preload` only loads the chunk.
macro_rules! step_chunk {
    ($chunk:ident, $view:ident, $preload:ident, $build:expr) => {
        #[cfg(all(target_arch = "wasm32", not(debug_assertions)))]
        #[wasm_split($chunk, wasm_split_path = leptos::wasm_split, preload($preload), fallible)]
        fn $view() -> Result<AnyView, ChunkError> {
            Ok($build)
        }

        #[cfg(not(all(target_arch = "wasm32", not(debug_assertions))))]
        async fn $view() -> Result<AnyView, ChunkError> {
            Ok($build)
        }

        #[cfg(not(all(target_arch = "wasm32", not(debug_assertions))))]
        async fn $preload() -> Result<(), ChunkError> {
            Ok(())
        }
    };
}

step_chunk!(
    order_steps,
    current_device_view,
    preload_current_device,
    view! { <steps::current_device::CurrentDeviceStep/> }.into_any()
);
step_chunk!(
    order_steps,
    device_view,
    preload_device,
    view! { <steps::device::DeviceStep/> }.into_any()
);
step_chunk!(
    plan_step,
    plan_view,
    preload_plan,
    view! { <steps::plan::PlanStep/> }.into_any()
);
step_chunk!(
    order_steps,
    details_view,
    preload_details,
    view! { <steps::details::DetailsStep/> }.into_any()
);
step_chunk!(
    order_steps,
    shipping_view,
    preload_shipping,
    view! { <steps::shipping::ShippingStep/> }.into_any()
);
step_chunk!(
    plan_step,
    features_view,
    preload_features,
    view! { <steps::features::FeaturesStep/> }.into_any()
);
step_chunk!(
    extra_steps,
    accessories_view,
    preload_accessories,
    view! { <steps::accessories::AccessoriesStep/> }.into_any()
);
step_chunk!(
    extra_steps,
    acknowledgements_view,
    preload_acknowledgements,
    view! { <steps::acknowledgements::AcknowledgementsStep/> }.into_any()
);
step_chunk!(
    extra_steps,
    region_view,
    preload_region,
    view! { <steps::region::RegionStep/> }.into_any()
);
step_chunk!(
    extra_steps,
    carrier_view,
    preload_carrier,
    view! { <steps::carrier::CarrierStep/> }.into_any()
);
step_chunk!(
    order_steps,
    review_view,
    preload_review,
    view! { <steps::review::ReviewStep/> }.into_any()
);
step_chunk!(
    order_steps,
    status_view,
    preload_status,
    view! { <steps::status::StatusStep/> }.into_any()
);
step_chunk!(
    extra_steps,
    new_device_view,
    preload_new_device,
    view! { <steps::new_device::NewDeviceStep/> }.into_any()
);

/// The approvals panel (in the side panels' chunk): [`approvals`] loads it.
#[cfg(all(target_arch = "wasm32", not(debug_assertions)))]
#[wasm_split(side_panels, wasm_split_path = leptos::wasm_split, preload(preload_approvals), fallible)]
fn approvals_view(approver_id: String) -> Result<AnyView, ChunkError> {
    Ok(view! { <crate::approvals::Approvals approver_id=approver_id/> }.into_any())
}

#[cfg(not(all(target_arch = "wasm32", not(debug_assertions))))]
async fn approvals_view(approver_id: String) -> Result<AnyView, ChunkError> {
    Ok(view! { <crate::approvals::Approvals approver_id=approver_id/> }.into_any())
}

#[cfg(not(all(target_arch = "wasm32", not(debug_assertions))))]
async fn preload_approvals() -> Result<(), ChunkError> {
    Ok(())
}

/// The approvals panel for `approver_id`: its chunk is fetched first, then
/// the view is built at once, in the caller's reactive owner.
pub async fn approvals(approver_id: String) -> Result<AnyView, ChunkError> {
    #[allow(clippy::useless_conversion)]
    preload_approvals().await.map_err(ChunkError::from)?;
    approvals_view(approver_id)
        .now_or_never()
        .unwrap_or(Err(ChunkError))
}

/// The panel that moves a line to another employee, in the side panels'
/// chunk (with the approvals and the diagnostics: panels an order does not
/// go through, kept out of the order's chunks; a group of its own would
/// multiply the shared chunks): [`move_line`] loads it.
#[cfg(all(target_arch = "wasm32", not(debug_assertions)))]
#[wasm_split(side_panels, wasm_split_path = leptos::wasm_split, preload(preload_move_line), fallible)]
fn move_line_view(line: ServiceAsset, close: Callback<()>) -> Result<AnyView, ChunkError> {
    Ok(view! { <crate::move_line::MoveLine line=line close=close/> }.into_any())
}

#[cfg(not(all(target_arch = "wasm32", not(debug_assertions))))]
async fn move_line_view(line: ServiceAsset, close: Callback<()>) -> Result<AnyView, ChunkError> {
    Ok(view! { <crate::move_line::MoveLine line=line close=close/> }.into_any())
}

#[cfg(not(all(target_arch = "wasm32", not(debug_assertions))))]
async fn preload_move_line() -> Result<(), ChunkError> {
    Ok(())
}

/// The move panel for `line`: its chunk is fetched first, then the view is
/// built at once, in the caller's reactive owner.
pub async fn move_line(line: ServiceAsset, close: Callback<()>) -> Result<AnyView, ChunkError> {
    #[allow(clippy::useless_conversion)]
    preload_move_line().await.map_err(ChunkError::from)?;
    move_line_view(line, close)
        .now_or_never()
        .unwrap_or(Err(ChunkError))
}

/// Builds the later steps' data with code from the order's steps' chunk
/// (loaded first), in `owner` (the steps' frame, which disposes of it).
#[cfg(all(target_arch = "wasm32", not(debug_assertions)))]
#[wasm_split(order_steps, wasm_split_path = leptos::wasm_split, fallible)]
pub fn order_data(
    owner: Owner,
    ctx: Ctx,
    lines: Loaded<Vec<ServiceAsset>>,
) -> Result<OrderData, ChunkError> {
    Ok(owner.with(|| OrderData::load(&ctx, lines)))
}

#[cfg(not(all(target_arch = "wasm32", not(debug_assertions))))]
pub async fn order_data(
    owner: Owner,
    ctx: Ctx,
    lines: Loaded<Vec<ServiceAsset>>,
) -> Result<OrderData, ChunkError> {
    Ok(owner.with(|| OrderData::load(&ctx, lines)))
}

/// Fetches the chunk of `step` (nothing for the first step, which is in
/// the main module).
async fn preload(step: Step) -> Result<(), ChunkError> {
    let loaded = match step {
        Step::Line => return Ok(()),
        Step::CurrentDevice => preload_current_device().await,
        Step::Device => preload_device().await,
        Step::Plan => preload_plan().await,
        Step::Details => preload_details().await,
        Step::Shipping => preload_shipping().await,
        Step::Review => preload_review().await,
        Step::Status => preload_status().await,
        Step::Features => preload_features().await,
        Step::Accessories => preload_accessories().await,
        Step::Acknowledgements => preload_acknowledgements().await,
        Step::Region => preload_region().await,
        Step::Carrier => preload_carrier().await,
        Step::NewDevice => preload_new_device().await,
    };
    // (A `SplitLoaderError` in the release wasm, already ours elsewhere.)
    #[allow(clippy::useless_conversion)]
    loaded.map_err(ChunkError::from)
}

/// The view of `step`, built now. Its chunk must be loaded
/// ([`StepChunks::is_loaded`]); if it is not, a busy notice stands in.
pub fn step_view(step: Step) -> AnyView {
    let built = match step {
        Step::Line => return view! { <steps::line::LineStep/> }.into_any(),
        Step::CurrentDevice => current_device_view().now_or_never(),
        Step::Device => device_view().now_or_never(),
        Step::Plan => plan_view().now_or_never(),
        Step::Details => details_view().now_or_never(),
        Step::Shipping => shipping_view().now_or_never(),
        Step::Review => review_view().now_or_never(),
        Step::Status => status_view().now_or_never(),
        Step::Features => features_view().now_or_never(),
        Step::Accessories => accessories_view().now_or_never(),
        Step::Acknowledgements => acknowledgements_view().now_or_never(),
        Step::Region => region_view().now_or_never(),
        Step::Carrier => carrier_view().now_or_never(),
        Step::NewDevice => new_device_view().now_or_never(),
    };
    match built {
        Some(Ok(view)) => view,
        _ => view! { <Busy label=crate::app::context::use_ctx().t().loading/> }.into_any(),
    }
}

fn bit(step: Step) -> u16 {
    1 << (step as u16)
}

/// Which step chunks are in, and the step whose chunk last failed to load.
#[derive(Clone, Copy)]
pub struct StepChunks {
    loaded: RwSignal<u16>,
    /// The step the user asked for whose chunk could not be fetched.
    pub failed: RwSignal<Option<Step>>,
}

impl Default for StepChunks {
    fn default() -> Self {
        StepChunks {
            loaded: RwSignal::new(bit(Step::Line)),
            failed: RwSignal::new(None),
        }
    }
}

impl StepChunks {
    /// Whether `step` can be shown now (tracked).
    pub fn is_loaded(self, step: Step) -> bool {
        self.loaded.get() & bit(step) != 0
    }

    /// Loads the chunk of `step` unless it is in already.
    pub async fn ensure(self, step: Step) -> Result<(), ChunkError> {
        if self.loaded.get_untracked() & bit(step) != 0 {
            return Ok(());
        }
        preload(step).await?;
        self.loaded.update(|loaded| *loaded |= bit(step));
        Ok(())
    }

    /// Loads the chunks of `steps`, one after the other, when the browser
    /// is idle. A failure is left for the user's own step change to show.
    pub fn prefetch(self, steps: Vec<Step>) {
        crate::browser::when_idle(move || {
            leptos::task::spawn_local(async move {
                for step in steps {
                    if self.ensure(step).await.is_err() {
                        break;
                    }
                }
            });
        });
    }
}
