//! SWAP_DEVICES: the device the line moves to (the `newDevice` block): one
//! of the employee's other device assets (`/assets/devices?employee=`, those
//! on no active line), or one not in the records, described in words with
//! its serial number.

use leptos::prelude::*;
use mobproc_types::{DeviceAsset, DeviceAssetsPage};

use crate::api::ApiError;
use crate::app::context::{use_ctx, use_data};
use crate::app::load_error;
use crate::auth::oauth::encode;
use crate::components::{
    focus_first_issue, Busy, ErrorSummary, FieldIssue, StepHeading, StepNav, TextField,
};
use crate::draft::{
    new_device_problems, serial_types, spare_devices, NewDeviceDraft, NewDeviceProblem, Step,
};
use crate::i18n::{fill, Texts};
use crate::steps::previous_step;

/// The new-device step.
#[component]
pub fn NewDeviceStep() -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let data = use_data();
    let draft = ctx.draft;
    let spares = {
        let api = ctx.api.clone();
        LocalResource::new(move || {
            let api = api.clone();
            let (service, on_behalf_of) =
                draft.with_untracked(|d| (d.service_id.clone(), d.on_behalf_of.clone()));
            async move {
                let lines = data.lines.await?;
                let Some(line) = lines.into_iter().find(|l| Some(&l.id) == service.as_ref()) else {
                    return Ok(Vec::new());
                };
                let employee = line
                    .employee
                    .as_ref()
                    .map(|e| e.id.clone())
                    .or(on_behalf_of);
                let filter = employee
                    .map(|id| format!("&employee={}", encode(&id)))
                    .unwrap_or_default();
                let path = format!("/assets/devices?includeServiceDetails=true&limit=100{filter}");
                let devices = api.get_all::<DeviceAssetsPage>(&path).await?;
                Ok::<_, ApiError>(
                    spare_devices(&devices, &line)
                        .into_iter()
                        .cloned()
                        .collect(),
                )
            }
        })
    };
    let shown = RwSignal::new(false);
    let problems =
        Memo::new(move |_| draft.with(|d| new_device_problems(&d.new_device, &d.existing_device)));
    let back = draft.with_untracked(|d| previous_step(d, ctx.source_now(), Step::NewDevice));
    let section = NodeRef::<leptos::html::Section>::new();
    let issues = move || -> Vec<FieldIssue> {
        problems
            .get()
            .into_iter()
            .map(|problem| new_device_issue(t, problem))
            .collect()
    };
    let on_next = {
        let ctx = ctx.clone();
        Callback::new(move |_| {
            shown.set(true);
            let issues = problems
                .get_untracked()
                .into_iter()
                .map(|problem| new_device_issue(t, problem))
                .collect::<Vec<_>>();
            if issues.is_empty() {
                ctx.go_on_from(Step::NewDevice);
            } else {
                focus_first_issue(section, &issues);
            }
        })
    };
    let shown_issues = Signal::derive(move || if shown.get() { issues() } else { Vec::new() });
    view! {
        <section class="mobproc-new-device" node_ref=section>
            <StepHeading text=t.step_names[Step::NewDevice.index()]/>
            <p>{t.new_device_intro}</p>
            <ErrorSummary issues=shown_issues/>
            <Transition fallback=move || view! { <Busy label=t.loading/> }>
                {move || Suspend::new(async move {
                    match spares.await {
                        Ok(devices) => view! { <DeviceChoices devices=devices/> }.into_any(),
                        Err(error) => load_error(error, spares),
                    }
                })}
            </Transition>
            <NewDeviceFields spares=spares shown=shown/>
            <StepNav back=back on_next=on_next/>
        </section>
    }
}

/// The employee's other devices and "not listed", as radio cards.
#[component]
fn DeviceChoices(devices: Vec<DeviceAsset>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let draft = ctx.draft;
    let none = devices.is_empty();
    view! {
        <fieldset class="mobproc-choices mobproc-new-device-choices" data-testid="new-device-choices">
            <legend class="mobproc-visually-hidden">{t.step_names[Step::NewDevice.index()]}</legend>
            {devices
                .into_iter()
                .map(|device| {
                    let input_id = format!("mobproc-new-device-{}", device.id);
                    let id = device.id.clone();
                    let name = device_name(&device);
                    let serial = device
                        .serial_number
                        .as_ref()
                        .map(|s| fill(t.serial_of, &[s.kind.as_str(), &s.value]));
                    let asset = device.company_asset_id.clone();
                    view! {
                        <div class="mobproc-card" data-testid="spare-device">
                            <input
                                type="radio"
                                name="mobproc-new-device"
                                id=input_id.clone()
                                value=id.clone()
                                prop:checked=move || draft.with(|d| d.new_device.asset_id.as_deref() == Some(id.as_str()))
                                on:change=move |_| draft.update(|d| d.new_device = NewDeviceDraft::from_asset(&device))
                            />
                            <label for=input_id>
                                <span class="mobproc-card-title">{name}</span>
                                {asset.map(|asset| view! { <span class="mobproc-card-meta">{asset}</span> })}
                                {serial.map(|serial| view! { <span class="mobproc-card-meta">{serial}</span> })}
                            </label>
                        </div>
                    }
                })
                .collect_view()}
            <div class="mobproc-card">
                <input
                    type="radio"
                    name="mobproc-new-device"
                    id="mobproc-new-device-other"
                    value="other"
                    prop:checked=move || draft.with(|d| d.new_device.not_listed)
                    on:change=move |_| draft.update(|d| d.new_device = d.new_device.not_listed())
                />
                <label for="mobproc-new-device-other">
                    <span class="mobproc-card-title">{t.not_listed}</span>
                </label>
            </div>
        </fieldset>
        {none.then(|| view! { <p class="mobproc-hint" data-testid="no-spare-devices">{t.new_device_none}</p> })}
    }
}

/// A problem of the new device as the error summary lists it: the control
/// that fixes it, its label, what is wrong.
pub fn new_device_issue(t: &Texts, problem: NewDeviceProblem) -> FieldIssue {
    let (field_id, label, problem) = match problem {
        NewDeviceProblem::NothingChosen => (
            "mobproc-new-device-other",
            t.step_names[Step::NewDevice.index()],
            t.new_device_choose,
        ),
        NewDeviceProblem::MakeModel => ("mobproc-new-make-model", t.make_model, t.problem_required),
        NewDeviceProblem::Serial => ("mobproc-new-serial", t.serial_value, t.serial_invalid),
        NewDeviceProblem::SameDevice => ("mobproc-new-serial", t.serial_value, t.same_device),
    };
    FieldIssue {
        field_id: field_id.to_owned(),
        label: label.to_owned(),
        problem: problem.to_owned(),
    }
}

/// "Apple iPhone 6", from what the asset knows.
fn device_name(device: &DeviceAsset) -> String {
    let maker = device
        .manufacturer
        .as_ref()
        .map(|m| m.name.clone().unwrap_or_else(|| m.id.clone()))
        .unwrap_or_default();
    let model = device.model.clone().unwrap_or_default();
    format!("{maker} {model}").trim().to_owned()
}

/// The chosen device's make and model (when not listed) and serial number;
/// what its asset already knows is shown, not edited.
#[component]
fn NewDeviceFields(
    spares: LocalResource<Result<Vec<DeviceAsset>, ApiError>>,
    shown: RwSignal<bool>,
) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let draft = ctx.draft;
    let problems =
        Memo::new(move |_| draft.with(|d| new_device_problems(&d.new_device, &d.existing_device)));
    let chosen = Memo::new(move |_| draft.with(|d| d.new_device.is_chosen()));
    let not_listed = Memo::new(move |_| draft.with(|d| d.new_device.not_listed));
    // The picked asset's serial number, when it has one, is not edited.
    let serial_known = Signal::derive(move || {
        let Some(asset) = draft.with(|d| d.new_device.asset_id.clone()) else {
            return false;
        };
        spares.get().and_then(Result::ok).is_some_and(|devices| {
            devices.iter().any(|d| {
                d.id == asset
                    && d.serial_number
                        .as_ref()
                        .is_some_and(|s| !s.value.is_empty())
            })
        })
    });
    let make_model_error = Signal::derive(move || {
        (shown.get() && problems.get().contains(&NewDeviceProblem::MakeModel))
            .then(|| t.problem_required.to_owned())
    });
    let serial_error = Signal::derive(move || {
        if !shown.get() {
            return None;
        }
        let problems = problems.get();
        if problems.contains(&NewDeviceProblem::Serial) {
            Some(t.serial_invalid.to_owned())
        } else if problems.contains(&NewDeviceProblem::SameDevice) {
            Some(t.same_device.to_owned())
        } else {
            None
        }
    });
    view! {
        <Show when=move || chosen.get()>
            <div class="mobproc-form-grid">
                <Show when=move || not_listed.get()>
                    <TextField
                        id="mobproc-new-make-model"
                        label=t.make_model
                        value=Signal::derive(move || draft.with(|d| d.new_device.make_model.clone()))
                        on_input=Callback::new(move |value| draft.update(|d| d.new_device.make_model = value))
                        error=make_model_error
                        required=true
                        max_length=100
                    />
                </Show>
                <div class="mobproc-field">
                    <label for="mobproc-new-serial-type">{t.serial_type}</label>
                    <select
                        id="mobproc-new-serial-type"
                        disabled=move || serial_known.get()
                        on:change=move |ev| draft.update(|d| d.new_device.serial_type = event_target_value(&ev))
                    >
                        {serial_types()
                            .iter()
                            .map(|kind| {
                                let value = kind.as_str().to_owned();
                                let selected = {
                                    let value = value.clone();
                                    move || draft.with(|d| d.new_device.serial_type == value)
                                };
                                view! { <option value=value.clone() selected=selected>{value.clone()}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <TextField
                    id="mobproc-new-serial"
                    label=t.serial_value
                    value=Signal::derive(move || draft.with(|d| d.new_device.serial_value.clone()))
                    on_input=Callback::new(move |value| draft.update(|d| d.new_device.serial_value = value))
                    error=serial_error
                    required=true
                    max_length=32
                    readonly=serial_known
                />
            </div>
        </Show>
    }
}
