//! Calendar arithmetic for the API's UTC timestamps (`2016-04-28T18:10:27Z`),
//! with no dependency: the proleptic Gregorian calendar from days since 1970.

/// A date as (year, month 1-12, day 1-31).
pub type Ymd = (i64, u32, u32);

/// Days since 1970-01-01 of a calendar date.
pub fn days_from_civil((year, month, day): Ymd) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar date `days` after 1970-01-01.
pub fn civil_from_days(days: i64) -> Ymd {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
    (year, month, day)
}

/// Formats Unix seconds as the API writes timestamps: `YYYY-MM-DDTHH:MM:SSZ`.
pub fn format_timestamp(unix_seconds: i64) -> String {
    let (year, month, day) = civil_from_days(unix_seconds.div_euclid(86_400));
    let secs = unix_seconds.rem_euclid(86_400);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// Parses `YYYY-MM-DD`, optionally followed by a `T...` time part, into a
/// date. `None` when it is not a real calendar date of the years 1 to 9999.
pub fn parse_date(text: &str) -> Option<Ymd> {
    let date = text.split('T').next()?;
    let mut parts = date.splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    let valid = (1..=9999).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month);
    valid.then_some((year, month, day))
}

/// Parses an ISO 8601 date-time with `Z` or a `±HH:MM` offset
/// (`2016-12-22T00:00:00+00:00`, fractions of a second allowed) into Unix
/// seconds. `None` for anything else.
pub fn parse_timestamp(text: &str) -> Option<i64> {
    let (date, time) = text.split_once('T')?;
    if date.len() != 10 {
        return None;
    }
    let ymd = parse_date(date)?;
    let (clock, offset) = if let Some(clock) = time.strip_suffix('Z') {
        (clock, 0)
    } else {
        let at = time.rfind(['+', '-'])?;
        let (clock, zone) = time.split_at(at);
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let (hours, minutes) = zone[1..].split_once(':')?;
        let (hours, minutes) = (two_digits(hours, 23)?, two_digits(minutes, 59)?);
        (clock, sign * (hours * 3600 + minutes * 60))
    };
    let whole = clock.split_once('.').map_or(clock, |(whole, fraction)| {
        if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            ""
        } else {
            whole
        }
    });
    let mut parts = whole.split(':');
    let hours = two_digits(parts.next()?, 23)?;
    let minutes = two_digits(parts.next()?, 59)?;
    let seconds = two_digits(parts.next()?, 59)?;
    if parts.next().is_some() {
        return None;
    }
    Some(days_from_civil(ymd) * 86_400 + hours * 3600 + minutes * 60 + seconds - offset)
}

/// Two ASCII digits no greater than `max`.
fn two_digits(text: &str, max: i64) -> Option<i64> {
    let value = (text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse::<i64>().ok())??;
    (value <= max).then_some(value)
}

/// An ISO 8601 date-time written again in UTC, the `…Z` form answers use.
pub fn normalize_timestamp(text: &str) -> Option<String> {
    parse_timestamp(text).map(format_timestamp)
}

/// The number of days in a month of a year.
pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_days_over_four_centuries() {
        for days in (-200_000..200_000).step_by(97) {
            assert_eq!(days_from_civil(civil_from_days(days)), days);
        }
    }

    #[test]
    fn formats_known_timestamps() {
        assert_eq!(format_timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_timestamp(1_461_867_027), "2016-04-28T18:10:27Z");
    }

    #[test]
    fn reads_both_utc_spellings_and_offsets() {
        let utc = parse_timestamp("2016-12-22T00:00:00Z");
        assert_eq!(utc, Some(1_482_364_800));
        assert_eq!(parse_timestamp("2016-12-22T00:00:00+00:00"), utc);
        assert_eq!(parse_timestamp("2016-12-22T00:00:00.250Z"), utc);
        assert_eq!(
            normalize_timestamp("2016-12-21T19:00:00-05:00").as_deref(),
            Some("2016-12-22T00:00:00Z")
        );
        assert_eq!(
            normalize_timestamp("2016-12-22T01:30:00+01:30").as_deref(),
            Some("2016-12-22T00:00:00Z")
        );
        for bad in [
            "2016-12-22",
            "2016-12-22T00:00:00",
            "2016-12-22T24:00:00Z",
            "2016-02-30T00:00:00Z",
            "2016-12-22T00:00:00+0000",
            "2016-12-22T00:00:00.Z",
            "12/22/2016",
            "",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad}");
        }
    }

    #[test]
    fn parses_dates_and_rejects_impossible_ones() {
        assert_eq!(parse_date("2016-01-21T06:00:00Z"), Some((2016, 1, 21)));
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2023-13-01"), None);
        assert_eq!(parse_date("soon"), None);
        assert_eq!(parse_date("9999999999999-01-01"), None, "no year past 9999");
        assert_eq!(parse_date("0000-01-01"), None);
    }
}
