//! `#[derive(FromJson)]` and `#[derive(ToJson)]`: the readers and writers
//! of `mobproc_types::json` (the widget's small JSON code, without serde),
//! generated from the same `#[serde(...)]` attributes as the type's serde
//! derives, so that both read and write the same JSON.
//!
//! Supported: structs with named fields (`rename_all = "camelCase"`,
//! `deny_unknown_fields`; a field's `rename`, `default`, `skip`,
//! `skip_serializing_if`) and enums of unit variants (`rename_all =
//! "camelCase"`, a variant's `rename`). Any other serde attribute, or
//! shape, is a compile error.

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Tokens;
use quote::quote;
use syn::{parse_macro_input, Data, DataEnum, DeriveInput, Fields, FieldsNamed};

mod attrs;

use attrs::{Container, Member};

/// Implements `mobproc_types::json::FromJson` as serde's `Deserialize`
/// derive reads the type.
#[proc_macro_derive(FromJson, attributes(serde))]
pub fn derive_from_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input, Direction::Read)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Implements `mobproc_types::json::ToJson` as serde's `Serialize` derive
/// writes the type.
#[proc_macro_derive(ToJson, attributes(serde))]
pub fn derive_to_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input, Direction::Write)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

#[derive(Clone, Copy)]
enum Direction {
    Read,
    Write,
}

fn expand(input: &DeriveInput, direction: Direction) -> syn::Result<Tokens> {
    let container = Container::parse(&input.attrs)?;
    let body = match (&input.data, direction) {
        (Data::Struct(data), _) => {
            let Fields::Named(fields) = &data.fields else {
                return Err(syn::Error::new_spanned(
                    &input.ident,
                    "FromJson/ToJson: only structs with named fields",
                ));
            };
            match direction {
                Direction::Read => read_struct(&container, fields)?,
                Direction::Write => write_struct(&container, fields)?,
            }
        }
        (Data::Enum(data), Direction::Read) => read_enum(&container, data)?,
        (Data::Enum(data), Direction::Write) => write_enum(&container, data)?,
        (Data::Union(_), _) => {
            return Err(syn::Error::new_spanned(
                &input.ident,
                "FromJson/ToJson: unions are not supported",
            ))
        }
    };
    let name = &input.ident;
    let json = quote!(::mobproc_types::json);
    // As serde's derives do: each type parameter is read (written) as JSON.
    let mut generics = input.generics.clone();
    let bound = match direction {
        Direction::Read => quote!(#json::FromJson),
        Direction::Write => quote!(#json::ToJson),
    };
    for param in generics.type_params_mut() {
        param.bounds.push(syn::parse_quote!(#bound));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    Ok(match direction {
        Direction::Read => quote! {
            impl #impl_generics #json::FromJson for #name #ty_generics #where_clause {
                fn from_json(value: &#json::Json) -> ::core::result::Result<Self, #json::JsonError> {
                    #body
                }
            }
        },
        Direction::Write => quote! {
            impl #impl_generics #json::ToJson for #name #ty_generics #where_clause {
                fn write_json(&self, out: &mut ::std::string::String) {
                    #body
                }
            }
        },
    })
}

fn read_struct(container: &Container, fields: &FieldsNamed) -> syn::Result<Tokens> {
    let mut known = Vec::new();
    let mut inits = Vec::new();
    for field in &fields.named {
        let ident = field.ident.as_ref().expect("named field");
        let member = Member::parse(&field.attrs)?;
        if member.skip {
            inits.push(quote!(#ident: ::core::default::Default::default()));
            continue;
        }
        let name = container.json_name(ident, &member, false);
        inits.push(if member.default {
            quote!(#ident: object.field_or_default(#name)?)
        } else {
            quote!(#ident: object.field(#name)?)
        });
        known.push(name);
    }
    let deny = container
        .deny_unknown_fields
        .then(|| quote!(object.only(&[#(#known),*])?;));
    Ok(quote! {
        let object = value.object()?;
        #deny
        ::core::result::Result::Ok(Self { #(#inits),* })
    })
}

fn write_struct(container: &Container, fields: &FieldsNamed) -> syn::Result<Tokens> {
    let mut writes = Vec::new();
    for field in &fields.named {
        let ident = field.ident.as_ref().expect("named field");
        let member = Member::parse(&field.attrs)?;
        if member.skip {
            continue;
        }
        let name = container.json_name(ident, &member, false);
        let write = quote!(object.field(#name, &self.#ident););
        writes.push(match &member.skip_serializing_if {
            Some(skip) => quote!(if !#skip(&self.#ident) { #write }),
            None => write,
        });
    }
    Ok(quote! {
        let mut object = ::mobproc_types::json::ObjectWriter::new(out);
        #(#writes)*
        object.finish();
    })
}

/// Each unit variant with its JSON name.
fn variants(container: &Container, data: &DataEnum) -> syn::Result<Vec<(syn::Ident, String)>> {
    data.variants
        .iter()
        .map(|variant| {
            if !matches!(variant.fields, Fields::Unit) {
                return Err(syn::Error::new_spanned(
                    variant,
                    "FromJson/ToJson: only enums of unit variants",
                ));
            }
            let member = Member::parse(&variant.attrs)?;
            if member.default || member.skip || member.skip_serializing_if.is_some() {
                return Err(syn::Error::new_spanned(
                    variant,
                    "FromJson/ToJson: a variant takes only `rename`",
                ));
            }
            let name = container.json_name(&variant.ident, &member, true);
            Ok((variant.ident.clone(), name))
        })
        .collect()
}

fn read_enum(container: &Container, data: &DataEnum) -> syn::Result<Tokens> {
    let variants = variants(container, data)?;
    let arms = variants
        .iter()
        .map(|(ident, name)| quote!(#name => ::core::result::Result::Ok(Self::#ident)));
    let expected = variants
        .iter()
        .map(|(_, name)| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ");
    Ok(quote! {
        match value.string()? {
            #(#arms,)*
            other => ::core::result::Result::Err(::mobproc_types::json::JsonError::new(
                ::std::format!("unknown variant `{}`, expected one of {}", other, #expected),
            )),
        }
    })
}

fn write_enum(container: &Container, data: &DataEnum) -> syn::Result<Tokens> {
    let arms = variants(container, data)?
        .into_iter()
        .map(|(ident, name)| quote!(Self::#ident => #name));
    Ok(quote! {
        ::mobproc_types::json::ToJson::write_json(match self { #(#arms,)* }, out)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(input: DeriveInput) -> String {
        let read = expand(&input, Direction::Read).unwrap_err().to_string();
        let write = expand(&input, Direction::Write).unwrap_err().to_string();
        assert_eq!(read, write);
        read
    }

    /// A serde attribute the derives do not follow would make them read or
    /// write other JSON than serde: it does not compile.
    #[test]
    fn what_serde_would_read_otherwise_is_refused() {
        let flatten = refusal(syn::parse_quote! {
            struct Order { #[serde(flatten)] extra: Extra }
        });
        assert!(flatten.contains("not supported"), "{flatten}");
        let snake = refusal(syn::parse_quote! {
            #[serde(rename_all = "snake_case")] struct Order { id: String }
        });
        assert!(snake.contains("camelCase"), "{snake}");
        let untagged = refusal(syn::parse_quote! {
            #[serde(untagged)] enum Status { Code(u16), Text(String) }
        });
        assert!(untagged.contains("not supported"), "{untagged}");
        let with_data = refusal(syn::parse_quote! { enum Status { Code(u16) } });
        assert!(with_data.contains("unit variants"), "{with_data}");
        let skipped = refusal(syn::parse_quote! { enum Step { #[serde(skip)] Line } });
        assert!(skipped.contains("only `rename`"), "{skipped}");
        let tuple = refusal(syn::parse_quote! { struct Id(String); });
        assert!(tuple.contains("named fields"), "{tuple}");
        let default_fn = refusal(syn::parse_quote! {
            struct Order { #[serde(default = "one")] count: u32 }
        });
        assert!(default_fn.contains("plain `default`"), "{default_fn}");
    }

    #[test]
    fn fields_are_read_by_their_json_names_and_unknown_ones_refused_when_asked() {
        let input: DeriveInput = syn::parse_quote! {
            #[serde(rename_all = "camelCase", deny_unknown_fields)]
            struct Line {
                service_id: String,
                #[serde(rename = "_meta", default)] meta: Option<Meta>,
                #[serde(skip)] cached: u32,
            }
        };
        let code = expand(&input, Direction::Read).unwrap().to_string();
        assert!(code.contains(r#"object . field ("serviceId")"#), "{code}");
        assert!(
            code.contains(r#"object . field_or_default ("_meta")"#),
            "{code}"
        );
        assert!(
            code.contains(r#"object . only (& ["serviceId" , "_meta"])"#),
            "{code}"
        );
        assert!(!code.contains("cached\""), "{code}");
    }
}
