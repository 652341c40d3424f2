//! Step 2: the device being replaced (the `existingDevice` block), filled
//! from the line's device asset; what the asset lacks is entered here.
//! Only for orders that carry it (UPGRADE not on Rivermine; SWAP_DEVICES
//! everywhere, with the SIM that moves to the new device).

use leptos::prelude::*;

use crate::app::context::{use_ctx, use_data};
use crate::components::{
    focus_first_issue, ErrorSummary, FieldIssue, StepHeading, StepNav, TextField,
};
use crate::draft::{current_device_problems, serial_types, DeviceField, ExistingDeviceDraft, Step};
use crate::i18n::Texts;
use crate::steps::line::existing_device_of;
use crate::steps::previous_step;
use mobproc_types::rules::{Presence, RequestField};

/// A wrong field of the device block as the error summary lists it: its
/// input's id, label and message (a SIM the order needs says so).
pub fn device_issue(t: &Texts, field: DeviceField, sim_required: bool) -> FieldIssue {
    let sim_problem = if sim_required {
        t.sim_required
    } else {
        t.sim_invalid
    };
    let (id, label, problem) = match field {
        DeviceField::Manufacturer => ("manufacturer", t.manufacturer, t.problem_required),
        DeviceField::Model => ("model", t.model, t.problem_required),
        DeviceField::Serial => ("serial", t.serial_value, t.serial_invalid),
        DeviceField::Sim => ("sim", t.sim_id, sim_problem),
    };
    FieldIssue {
        field_id: format!("mobproc-existing-{id}"),
        label: label.to_owned(),
        problem: problem.to_owned(),
    }
}

/// Step 2.
#[component]
pub fn CurrentDeviceStep() -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let data = use_data();
    let draft = ctx.draft;
    let shown = RwSignal::new(false);
    // What the asset already knows is shown, not edited.
    let from_asset = LocalResource::new(move || async move {
        let service = draft.with_untracked(|d| d.service_id.clone());
        data.lines
            .await
            .ok()
            .and_then(|lines| lines.into_iter().find(|s| Some(&s.id) == service.as_ref()))
            .map(|line| existing_device_of(&line))
            .unwrap_or_default()
    });
    let known = move |pick: fn(&ExistingDeviceDraft) -> &String| {
        from_asset
            .get()
            .is_some_and(|asset| !pick(&asset).is_empty())
    };
    let problems = Memo::new(move |_| draft.with(current_device_problems));
    // SWAP_DEVICES moves the SIM to the new device: it must be given.
    let sim_required = draft
        .with_untracked(|d| d.flow.rules().presence(RequestField::NewDevice) == Presence::Required);
    let error = move |field: DeviceField| {
        Signal::derive(move || {
            (shown.get() && problems.get().contains(&field))
                .then(|| device_issue(t, field, sim_required).problem)
        })
    };
    let issues = move || -> Vec<FieldIssue> {
        problems
            .get()
            .into_iter()
            .map(|field| device_issue(t, field, sim_required))
            .collect()
    };
    let field = move |pick: fn(&ExistingDeviceDraft) -> &String| {
        Signal::derive(move || draft.with(|d| pick(&d.existing_device).clone()))
    };
    let setter = move |apply: fn(&mut ExistingDeviceDraft, String)| {
        Callback::new(move |value: String| draft.update(|d| apply(&mut d.existing_device, value)))
    };
    let source = ctx.source_now();
    let back = draft.with_untracked(|d| previous_step(d, source, Step::CurrentDevice));
    let section = NodeRef::<leptos::html::Section>::new();
    let on_next = {
        let ctx = ctx.clone();
        Callback::new(move |_| {
            shown.set(true);
            let wrong = untrack(issues);
            if wrong.is_empty() {
                ctx.go_on_from(Step::CurrentDevice);
            } else {
                focus_first_issue(section, &wrong);
            }
        })
    };
    let shown_issues = Signal::derive(move || if shown.get() { issues() } else { Vec::new() });
    view! {
        <section class="mobproc-current-device" node_ref=section>
            <StepHeading text=t.step_names[1]/>
            <p>{t.current_device_intro}</p>
            <ErrorSummary issues=shown_issues/>
            <div class="mobproc-form-grid">
                <TextField
                    id="mobproc-existing-manufacturer"
                    label=t.manufacturer
                    value=field(|d| &d.manufacturer_id)
                    on_input=setter(|d, v| d.manufacturer_id = v)
                    error=error(DeviceField::Manufacturer)
                    required=true
                    readonly=Signal::derive(move || known(|d| &d.manufacturer_id))
                />
                <TextField
                    id="mobproc-existing-model"
                    label=t.model
                    value=field(|d| &d.model_id)
                    on_input=setter(|d, v| d.model_id = v)
                    error=error(DeviceField::Model)
                    required=true
                    readonly=Signal::derive(move || known(|d| &d.model_id))
                />
                <div class="mobproc-field">
                    <label for="mobproc-existing-serial-type">{t.serial_type}</label>
                    <select
                        id="mobproc-existing-serial-type"
                        disabled=move || known(|d| &d.serial_value)
                        on:change=move |ev| draft.update(|d| d.existing_device.serial_type = event_target_value(&ev))
                    >
                        {serial_types()
                            .iter()
                            .map(|kind| {
                                let value = kind.as_str().to_owned();
                                let selected = {
                                    let value = value.clone();
                                    move || draft.with(|d| d.existing_device.serial_type == value)
                                };
                                view! { <option value=value.clone() selected=selected>{value.clone()}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <TextField
                    id="mobproc-existing-serial"
                    label=t.serial_value
                    value=field(|d| &d.serial_value)
                    on_input=setter(|d, v| d.serial_value = v)
                    error=error(DeviceField::Serial)
                    required=true
                    max_length=32
                    readonly=Signal::derive(move || known(|d| &d.serial_value))
                />
                <TextField
                    id="mobproc-existing-sim"
                    label=t.sim_id
                    value=field(|d| &d.sim_id)
                    on_input=setter(|d, v| d.sim_id = v)
                    error=error(DeviceField::Sim)
                    required=sim_required
                    max_length=22
                    readonly=Signal::derive(move || known(|d| &d.sim_id))
                />
            </div>
            <StepNav back=back on_next=on_next/>
        </section>
    }
}
