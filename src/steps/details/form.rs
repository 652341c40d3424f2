//! The details form: one group of fields after another, each property
//! as its control (a text input, a text area for long free text, a date
//! picker, a choice with its "other" box), its hint and its message.

use leptos::prelude::*;
use mobproc_types::{PropertyField, PropertyGroup, PropertyType};

use super::{is_long_text, problem_text, property_input_id, property_problem};
use crate::app::context::use_ctx;
use crate::components::{FieldError, RequiredMark, TextField};
use crate::draft::PropertyDraft;

/// One group of fields.
#[component]
pub fn Group(group: PropertyGroup, shown: RwSignal<bool>) -> impl IntoView {
    let group_id = group.group_id.clone();
    view! {
        <div class="mobproc-form-grid" data-testid=format!("group-{}", group.group_id)>
            {group
                .fields
                .into_iter()
                .map(|field| view! { <Property field=field group_id=group_id.clone() shown=shown/> })
                .collect_view()}
        </div>
    }
}

/// One property: its control, hint, required mark and message.
#[component]
fn Property(field: PropertyField, group_id: String, shown: RwSignal<bool>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.t();
    let draft = ctx.draft;
    let id = property_input_id(&field.id);
    let required = field.validation == mobproc_types::Validation::Required;
    let error = {
        let (field, group_id) = (field.clone(), group_id.clone());
        Signal::derive(move || {
            if !shown.get() {
                return None;
            }
            draft
                .with(|d| property_problem(&field, d, &group_id))
                .map(|p| problem_text(t, &p))
        })
    };
    let value = {
        let (field_id, group_id) = (field.id.clone(), group_id.clone());
        move || draft.with(|d| d.property(&group_id, &field_id))
    };
    let update = {
        let (field_id, group_id) = (field.id.clone(), group_id.clone());
        move |change: &dyn Fn(&mut PropertyDraft)| {
            let mut current = draft.with_untracked(|d| d.property(&group_id, &field_id));
            change(&mut current);
            draft.update(|d| d.set_property(current));
        }
    };
    match field.kind {
        PropertyType::Choice => {
            let choices = field.choices.clone().unwrap_or_default();
            let other = choices.iter().find(|c| c.is_other).map(|c| c.id.clone());
            let picks_other = {
                let value = value.clone();
                let other = other.clone();
                move || other.as_ref().is_some_and(|o| value().choice_id == *o)
            };
            let error_id = format!("{id}-error");
            let on_change = {
                let update = update.clone();
                move |ev| {
                    let choice = event_target_value(&ev);
                    update(&|p: &mut PropertyDraft| p.choice_id = choice.clone());
                }
            };
            let other_value = {
                let value = value.clone();
                Signal::derive(move || value().other_text)
            };
            let on_other = {
                let update = update.clone();
                Callback::new(move |text: String| {
                    update(&|p: &mut PropertyDraft| p.other_text = text.clone())
                })
            };
            let other_id = format!("{id}-other");
            view! {
                <div class="mobproc-field" class:mobproc-field-invalid=move || error.get().is_some()>
                    <label for=id.clone()>
                        {field.label.clone()}
                        {required.then(|| view! { <RequiredMark/> })}
                    </label>
                    <select
                        id=id.clone()
                        aria-required=if required { "true" } else { "false" }
                        aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                        aria-describedby=error_id.clone()
                        on:change=on_change
                    >
                        <option value="">{t.choose}</option>
                        {choices
                            .into_iter()
                            .map(|choice| {
                                let selected = {
                                    let value = value.clone();
                                    let choice_id = choice.id.clone();
                                    move || value().choice_id == choice_id
                                };
                                view! { <option value=choice.id.clone() selected=selected>{choice.label.clone()}</option> }
                            })
                            .collect_view()}
                    </select>
                    <Show when=picks_other.clone()>
                        // Its problem shows under the choice, with the field's other messages.
                        <TextField
                            id=other_id.clone()
                            label=t.other_text
                            value=other_value
                            on_input=on_other
                            error=Signal::derive(|| None::<String>)
                            required=true
                        />
                    </Show>
                    <FieldError field_id=id.clone() error=error/>
                </div>
            }
            .into_any()
        }
        _ => {
            let text = {
                let value = value.clone();
                Signal::derive(move || value().text)
            };
            let on_input = Callback::new(move |new: String| {
                update(&|p: &mut PropertyDraft| p.text = new.clone())
            });
            // DATE fields get the browser's date picker (a calendar day);
            // their pattern is the API's wire form, not for people.
            let is_date = field.kind == PropertyType::Date;
            let hint = if is_date {
                String::new()
            } else {
                field.pattern.clone().unwrap_or_default()
            };
            view! {
                <TextField
                    id=id
                    label=field.label.clone()
                    value=text
                    on_input=on_input
                    error=error
                    required=required
                    hint=hint
                    max_length=field.max_length.unwrap_or(4000)
                    input_type=if is_date { "date" } else { "text" }
                    multiline=is_long_text(&field)
                />
            }
            .into_any()
        }
    }
}
