//! Fast serde for the journal's dates and timestamps. Ten years of history hold
//! tens of thousands of them, and chrono's general-purpose parser dominated read
//! time; the common shapes are parsed by hand, anything else falls back to chrono.
//! The text written is the same RFC 3339 / ISO 8601 chrono writes.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use serde::{Deserializer, Serializer, de::Error};

fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
}

/// `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(&b[0..4])? as i32, digits(&b[5..7])?, digits(&b[8..10])?)
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; other RFC 3339 forms go to chrono.
pub fn parse_timestamp(s: &str) -> Option<DateTime<FixedOffset>> {
    fast_timestamp(s).or_else(|| DateTime::parse_from_rfc3339(s).ok())
}

fn fast_timestamp(s: &str) -> Option<DateTime<FixedOffset>> {
    let b = s.as_bytes();
    if b.len() < 20 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let date = parse_date(&s[..10])?;
    let (h, m, sec) = (digits(&b[11..13])?, digits(&b[14..16])?, digits(&b[17..19])?);
    let mut i = 19;
    let mut nanos = 0u32;
    if b[i] == b'.' {
        let start = i + 1;
        i = start;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let frac = &b[start..i];
        if frac.is_empty() || frac.len() > 9 {
            return None;
        }
        nanos = digits(frac)? * 10u32.pow(9 - frac.len() as u32);
    }
    let rest = &b[i..];
    let offset_secs = match rest {
        [b'Z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let v = (digits(&[*h1, *h2])? * 3600 + digits(&[*m1, *m2])? * 60) as i32;
            if *sign == b'-' { -v } else { v }
        }
        _ => return None,
    };
    let offset = FixedOffset::east_opt(offset_secs)?;
    let local = date.and_time(NaiveTime::from_hms_nano_opt(h, m, sec, nanos)?);
    offset.from_local_datetime(&local).single()
}

/// Reads a string value without copying it (serde's `Cow<str>` always copies),
/// then converts it with `parse`; `expected` names the format in the error.
struct ParseStr<T> {
    parse: fn(&str) -> Option<T>,
    what: &'static str,
    expected: &'static str,
}

impl<T> serde::de::Visitor<'_> for ParseStr<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "a string in {} form", self.expected)
    }

    fn visit_str<E: Error>(self, s: &str) -> Result<T, E> {
        (self.parse)(s).ok_or_else(|| E::custom(format!("invalid {} \"{s}\", expected {}", self.what, self.expected)))
    }
}

const DATE: ParseStr<NaiveDate> = ParseStr { parse: parse_date, what: "date", expected: "YYYY-MM-DD" };
const TIMESTAMP: ParseStr<DateTime<FixedOffset>> =
    ParseStr { parse: parse_timestamp, what: "time", expected: "RFC 3339" };

/// `#[serde(with = "timefmt::date")]`
pub mod date {
    use super::*;

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(d)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(DATE)
    }
}

/// `#[serde(with = "timefmt::timestamp")]`
pub mod timestamp {
    use super::*;

    pub fn serialize<S: Serializer>(t: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&t.to_rfc3339())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
        d.deserialize_str(TIMESTAMP)
    }
}

/// `#[serde(with = "timefmt::opt_timestamp")]`
pub mod opt_timestamp {
    use super::*;

    pub fn serialize<S: Serializer>(t: &Option<DateTime<FixedOffset>>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.collect_str(&t.to_rfc3339()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
        struct Opt;
        impl<'de> serde::de::Visitor<'de> for Opt {
            type Value = Option<DateTime<FixedOffset>>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("null or a string in RFC 3339 form")
            }
            fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_str(TIMESTAMP).map(Some)
            }
        }
        d.deserialize_option(Opt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_chrono() {
        for s in [
            "2026-11-23T22:41:00+01:00",
            "2026-11-24T07:10:00.123456789+01:00",
            "2026-11-24T07:10:00.5-05:30",
            "2026-11-24T07:10:00Z",
            "2024-02-29T23:59:59+14:00",
        ] {
            assert_eq!(fast_timestamp(s), DateTime::parse_from_rfc3339(s).ok(), "{s}");
            assert_eq!(
                parse_timestamp(s).unwrap().to_rfc3339().parse::<DateTime<FixedOffset>>().unwrap(),
                parse_timestamp(s).unwrap()
            );
        }
        for bad in [
            "2026-13-01T00:00:00Z",
            "2026-11-23 22:41:00+01:00",
            "2026-11-23T25:00:00Z",
            "x",
            "2026-11-23T22:41:00+1:00",
        ] {
            assert_eq!(parse_timestamp(bad), DateTime::parse_from_rfc3339(bad).ok(), "{bad}");
        }
        assert_eq!(parse_date("2026-02-29"), None);
        assert_eq!(parse_date("2028-02-29"), NaiveDate::from_ymd_opt(2028, 2, 29));
        assert_eq!(parse_date("2026-1-01"), None);
    }
}
