//! JavaScript number semantics that the official replay library's wire formats depend on
//! (dashboard-ui.md §3.7 item 19): `String(x)`, `parseFloat`, `parseInt(s, 10)` and
//! `x.toFixed(3)`. Share codes and ffmpeg commands must be byte-identical to the official
//! library's, so these follow ECMA-262 rather than Rust's own formatting.

/// `String(x)` / template-literal `${x}` (ECMA-262 Number::toString, radix 10).
pub fn to_js_string(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if x == 0.0 {
        return "0".into(); // also -0
    }
    let sign = if x < 0.0 { "-" } else { "" };
    // Rust's `{:e}` gives the shortest round-trip digits, which is what ECMA-262 asks for.
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let k = digits.len() as i32;
    let n = exp.parse::<i32>().unwrap_or(0) + 1;
    let body = if k <= n && n <= 21 {
        format!("{digits}{}", "0".repeat((n - k) as usize))
    } else if 0 < n && n <= 21 {
        format!("{}.{}", &digits[..n as usize], &digits[n as usize..])
    } else if -6 < n && n <= 0 {
        format!("0.{}{digits}", "0".repeat((-n) as usize))
    } else {
        let e = n - 1;
        let esign = if e >= 0 { "+" } else { "-" };
        let (first, rest) = digits.split_at(1);
        if rest.is_empty() {
            format!("{first}e{esign}{}", e.abs())
        } else {
            format!("{first}.{rest}e{esign}{}", e.abs())
        }
    };
    format!("{sign}{body}")
}

/// JavaScript's StrWhiteSpaceChar: WhiteSpace and LineTerminator code points.
fn is_js_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// `parseFloat(s)`: the longest prefix (after leading white space) that is a decimal literal
/// or `Infinity`; `NaN` when there is none.
pub fn parse_float(s: &str) -> f64 {
    let t = s.trim_start_matches(is_js_space);
    let b = t.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    if t[i..].starts_with("Infinity") {
        return if b.first() == Some(&b'-') {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut digits = i - int_start;
    if i < b.len() && b[i] == b'.' {
        let frac_start = i + 1;
        let mut j = frac_start;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        digits += j - frac_start;
        if digits > 0 {
            i = j;
        }
    }
    if digits == 0 {
        return f64::NAN;
    }
    // An exponent counts only when at least one digit follows it.
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        let exp_start = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > exp_start {
            i = j;
        }
    }
    // Rust's parser rejects a bare trailing "." ("5."), which JavaScript accepts.
    let literal = t[..i].replace(".e", "e").replace(".E", "E");
    literal.trim_end_matches('.').parse().unwrap_or(f64::NAN)
}

/// `parseInt(s, 10)`: leading white space, an optional sign, then the leading digits;
/// `NaN` when there are none.
pub fn parse_int10(s: &str) -> f64 {
    let t = s.trim_start_matches(is_js_space);
    let (neg, rest) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    if end == 0 {
        return f64::NAN;
    }
    let v: f64 = rest[..end].parse().unwrap_or(f64::NAN);
    if neg {
        -v
    } else {
        v
    }
}

/// A JavaScript number that is truthy (not 0, -0 or NaN).
pub fn truthy(x: f64) -> bool {
    x != 0.0 && !x.is_nan()
}

/// `x.toFixed(3)`. JavaScript picks the larger candidate on an exact tie (half away from
/// zero after taking the sign off); Rust's `{:.3}` rounds ties to even, so ties are redone.
pub fn to_fixed3(x: f64) -> String {
    if !x.is_finite() || x.abs() >= 1e21 {
        return to_js_string(x);
    }
    let a = x.abs();
    // x = j/16 with j odd is the only way a binary float sits exactly on a 0.0005 tie.
    let sixteenths = a * 16.0;
    let body = if sixteenths.fract() == 0.0 && sixteenths % 2.0 == 1.0 && a < 1e15 {
        let n = a * 1000.0 + 0.5; // exact: a*1000 = j*62.5
        format!("{}.{:03}", (n / 1000.0).trunc(), (n % 1000.0) as u64)
    } else {
        format!("{a:.3}")
    };
    // JavaScript prints "-0.000" for negative numbers that round to zero as well.
    if x < 0.0 {
        format!("-{body}")
    } else {
        body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_to_string_matches_node() {
        let cases = [
            (10.0, "10"),
            (12.48, "12.48"),
            (0.1 + 0.2, "0.30000000000000004"),
            (-0.0, "0"),
            (1e21, "1e+21"),
            (1.5e21, "1.5e+21"),
            (123_456_789_012_345_680_000.0, "123456789012345680000"),
            (2.5e-7, "2.5e-7"),
            (0.000001, "0.000001"),
            (1e-7, "1e-7"),
            (-3.25, "-3.25"),
            (5e-324, "5e-324"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
            (1712345678901.0, "1712345678901"),
        ];
        for (x, s) in cases {
            assert_eq!(to_js_string(x), s, "{x:e}");
        }
    }

    #[test]
    fn parse_float_takes_the_longest_prefix() {
        assert_eq!(parse_float("12.5abc"), 12.5);
        assert_eq!(parse_float("  -3e2x"), -300.0);
        assert_eq!(parse_float("5."), 5.0);
        assert_eq!(parse_float("5.e3"), 5000.0);
        assert_eq!(parse_float(".5"), 0.5);
        assert_eq!(parse_float("1e"), 1.0);
        assert_eq!(parse_float("1e+"), 1.0);
        assert_eq!(parse_float("Infinityx"), f64::INFINITY);
        assert_eq!(parse_float("-Infinity"), f64::NEG_INFINITY);
        for nan in ["", ".", "-", "abc", "e5", "+.e1", "inf"] {
            assert!(parse_float(nan).is_nan(), "{nan}");
        }
    }

    #[test]
    fn parse_int_reads_leading_digits() {
        assert_eq!(parse_int10("1712345678901.m3u8"), 1712345678901.0);
        assert_eq!(parse_int10(" -42x"), -42.0);
        assert_eq!(parse_int10("0"), 0.0);
        assert!(parse_int10("").is_nan());
        assert!(parse_int10("x1").is_nan());
        assert!(!truthy(parse_int10("0")));
        assert!(!truthy(parse_int10("abc")));
    }

    #[test]
    fn to_fixed_rounds_ties_up_like_javascript() {
        assert_eq!(to_fixed3(10.0), "10.000");
        assert_eq!(to_fixed3(0.0625), "0.063");
        assert_eq!(to_fixed3(0.1875), "0.188");
        assert_eq!(to_fixed3(1.0005), "1.000");
        assert_eq!(to_fixed3(-0.0625), "-0.063");
        assert_eq!(to_fixed3(-0.0001), "-0.000");
        assert_eq!(to_fixed3(12345.5625), "12345.563");
        assert_eq!(to_fixed3(1e21), "1e+21");
    }

    // proptest needs OS randomness: host only.
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn string_round_trips_through_parse_float(x in proptest::num::f64::ANY) {
                let s = to_js_string(x);
                let back = parse_float(&s);
                proptest::prop_assert!(back == x || (x.is_nan() && back.is_nan()) || x == 0.0);
            }

            #[test]
            fn parsers_never_panic(s in "\\PC{0,40}") {
                let _ = parse_float(&s);
                let _ = parse_int10(&s);
            }
        }
    }
}
