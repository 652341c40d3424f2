//! The `#[serde(...)]` attributes the derives follow. Any other serde
//! attribute is refused: a derive that ignored it would read or write
//! other JSON than serde does.

use syn::{Attribute, Ident, LitStr, Path};

/// Why any other serde attribute is refused.
const UNSUPPORTED: &str = "this serde attribute is not supported by FromJson/ToJson";

/// The type's own attributes.
#[derive(Default)]
pub struct Container {
    /// `rename_all = "camelCase"`.
    pub camel_case: bool,
    /// `deny_unknown_fields`.
    pub deny_unknown_fields: bool,
}

/// A field's or a variant's attributes.
#[derive(Default)]
pub struct Member {
    /// `rename = "..."`.
    pub rename: Option<String>,
    /// `default`: a missing field is the type's default.
    pub default: bool,
    /// `skip`: neither read nor written (the default when reading).
    pub skip: bool,
    /// `skip_serializing_if = "path"`: left out when written if it says so.
    pub skip_serializing_if: Option<Path>,
}

impl Container {
    /// Reads the serde attributes of a type.
    pub fn parse(attrs: &[Attribute]) -> syn::Result<Container> {
        let mut container = Container::default();
        for attr in serde_attrs(attrs) {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("rename_all") {
                    let rule: LitStr = meta.value()?.parse()?;
                    if rule.value() != "camelCase" {
                        return Err(meta.error("only rename_all = \"camelCase\" is supported"));
                    }
                    container.camel_case = true;
                } else if meta.path.is_ident("deny_unknown_fields") {
                    container.deny_unknown_fields = true;
                } else {
                    return Err(meta.error(UNSUPPORTED));
                }
                Ok(())
            })?;
        }
        Ok(container)
    }

    /// The JSON name of a field or variant called `ident` in Rust.
    pub fn json_name(&self, ident: &Ident, member: &Member, is_variant: bool) -> String {
        if let Some(rename) = &member.rename {
            return rename.clone();
        }
        let name = ident.to_string();
        let name = name.strip_prefix("r#").unwrap_or(&name);
        match (self.camel_case, is_variant) {
            (false, _) => name.to_owned(),
            (true, true) => lower_first(name),
            (true, false) => snake_to_camel(name),
        }
    }
}

impl Member {
    /// Reads the serde attributes of a field or variant.
    pub fn parse(attrs: &[Attribute]) -> syn::Result<Member> {
        let mut member = Member::default();
        for attr in serde_attrs(attrs) {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("rename") {
                    member.rename = Some(meta.value()?.parse::<LitStr>()?.value());
                } else if meta.path.is_ident("default") {
                    if meta.input.peek(syn::Token![=]) {
                        return Err(meta.error("only a plain `default` is supported"));
                    }
                    member.default = true;
                } else if meta.path.is_ident("skip") {
                    member.skip = true;
                } else if meta.path.is_ident("skip_serializing_if") {
                    let path: LitStr = meta.value()?.parse()?;
                    member.skip_serializing_if = Some(path.parse()?);
                } else {
                    return Err(meta.error(UNSUPPORTED));
                }
                Ok(())
            })?;
        }
        Ok(member)
    }
}

fn serde_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|attr| attr.path().is_ident("serde"))
}

/// `PortNumber` as serde's camelCase names a variant: `portNumber`.
fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `service_id` as serde's camelCase names a field: `serviceId`.
fn snake_to_camel(name: &str) -> String {
    let mut camel = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            camel.extend(c.to_uppercase());
            upper = false;
        } else {
            camel.push(c);
        }
    }
    camel
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_camel_cased_as_serde_does() {
        assert_eq!(
            snake_to_camel("external_order_number"),
            "externalOrderNumber"
        );
        assert_eq!(snake_to_camel("sim_id"), "simId");
        assert_eq!(snake_to_camel("version"), "version");
        assert_eq!(lower_first("XferServiceInAndPort"), "xferServiceInAndPort");
        assert_eq!(lower_first("Upgrade"), "upgrade");
    }
}
