//! A bounded check of AMF0 command bodies before `rml_amf0` decodes them: that decoder
//! recurses once per nesting level (200,000 nested arrays overflow the stack, which no
//! `catch_unwind` can catch) and allocates per value. This scanner walks the same grammar
//! without recursion limits of its own beyond `MAX_DEPTH`, allocates nothing, and is
//! stricter (a truncated value or an unmet array count is refused), so every body it
//! accepts decodes along the very path it walked.

/// Nesting allowed (objects, ECMA arrays, strict arrays); real commands use 1-2.
pub const MAX_DEPTH: usize = 16;
/// Values in one body; a `connect` has about 10.
pub const MAX_VALUES: usize = 1024;

#[derive(Debug, PartialEq)]
pub enum AmfError {
    Truncated,
    TooDeep,
    TooManyValues,
    UnknownMarker(u8),
    BadObjectEnd,
}

impl std::fmt::Display for AmfError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Self::Truncated => write!(f, "truncated AMF0 value"),
            Self::TooDeep => write!(f, "AMF0 nesting deeper than {MAX_DEPTH}"),
            Self::TooManyValues => write!(f, "more than {MAX_VALUES} AMF0 values"),
            Self::UnknownMarker(m) => write!(f, "unsupported AMF0 marker {m:#04x}"),
            Self::BadObjectEnd => write!(f, "malformed AMF0 object end"),
        }
    }
}

struct Scan<'a> {
    data: &'a [u8],
    at: usize,
    values: usize,
}

/// Checks a body and returns how many top-level values `rml_amf0::deserialize` will yield
/// (it stops at a top-level object-end marker, as this does).
pub fn top_level_values(data: &[u8]) -> Result<usize, AmfError> {
    let mut s = Scan {
        data,
        at: 0,
        values: 0,
    };
    let mut count = 0;
    while let Some(&marker) = s.data.get(s.at) {
        if marker == 0x09 {
            break;
        }
        s.value(0)?;
        count += 1;
    }
    Ok(count)
}

impl Scan<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], AmfError> {
        let end = self.at.checked_add(n).ok_or(AmfError::Truncated)?;
        let bytes = self.data.get(self.at..end).ok_or(AmfError::Truncated)?;
        self.at = end;
        Ok(bytes)
    }

    fn u16(&mut self) -> Result<usize, AmfError> {
        let b = self.take(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]) as usize)
    }

    fn u32(&mut self) -> Result<usize, AmfError> {
        let b = self.take(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    fn value(&mut self, depth: usize) -> Result<(), AmfError> {
        self.values += 1;
        if self.values > MAX_VALUES {
            return Err(AmfError::TooManyValues);
        }
        let marker = self.take(1)?[0];
        match marker {
            0x00 => self.take(8).map(drop),
            0x01 => self.take(1).map(drop),
            0x02 => {
                let n = self.u16()?;
                self.take(n).map(drop)
            }
            0x03 => self.properties(depth + 1),
            0x05 | 0x06 => Ok(()),
            0x08 => {
                self.u32()?;
                self.properties(depth + 1)
            }
            0x0A => {
                if depth + 1 > MAX_DEPTH {
                    return Err(AmfError::TooDeep);
                }
                let count = self.u32()?;
                for _ in 0..count {
                    self.value(depth + 1)?;
                }
                Ok(())
            }
            m => Err(AmfError::UnknownMarker(m)),
        }
    }

    fn properties(&mut self, depth: usize) -> Result<(), AmfError> {
        if depth > MAX_DEPTH {
            return Err(AmfError::TooDeep);
        }
        loop {
            let label = self.u16()?;
            if label == 0 {
                return match self.take(1)?[0] {
                    0x09 => Ok(()),
                    _ => Err(AmfError::BadObjectEnd),
                };
            }
            self.take(label)?;
            self.value(depth)?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rml_rtmp::rml_amf0::{self, Amf0Value};

    fn encode(values: &[Amf0Value]) -> Vec<u8> {
        rml_amf0::serialize(&values.to_vec()).unwrap()
    }

    #[test]
    fn counts_what_the_decoder_yields() {
        let mut props = std::collections::HashMap::new();
        props.insert("app".to_string(), Amf0Value::Utf8String("live".into()));
        let body = encode(&[
            Amf0Value::Utf8String("connect".into()),
            Amf0Value::Number(1.0),
            Amf0Value::Object(props),
            Amf0Value::StrictArray(vec![Amf0Value::Null, Amf0Value::Boolean(true)]),
        ]);
        assert_eq!(top_level_values(&body), Ok(4));
        let decoded = rml_amf0::deserialize(&mut std::io::Cursor::new(&body)).unwrap();
        assert_eq!(decoded.len(), 4);
        assert_eq!(top_level_values(&encode(&[Amf0Value::Null])), Ok(1));
        assert_eq!(top_level_values(&[0x05, 0x09, 0x05]), Ok(1));
    }

    #[test]
    fn refuses_deep_nesting_without_recursing_into_it() {
        let mut deep = Vec::new();
        for _ in 0..200_000 {
            deep.extend_from_slice(&[0x0A, 0, 0, 0, 1]);
        }
        deep.push(0x05);
        assert!(top_level_values(&deep).is_err());
        let mut ok = Vec::new();
        for _ in 0..MAX_DEPTH {
            ok.extend_from_slice(&[0x0A, 0, 0, 0, 1]);
        }
        ok.push(0x05);
        assert_eq!(top_level_values(&ok), Ok(1));
        let mut objects = Vec::new();
        for _ in 0..=MAX_DEPTH {
            objects.extend_from_slice(&[0x03, 0, 1, b'a']);
        }
        assert_eq!(top_level_values(&objects), Err(AmfError::TooDeep));
    }

    #[test]
    fn refuses_truncated_and_unknown_values() {
        assert_eq!(
            top_level_values(&[0x02, 0, 5, b'a']),
            Err(AmfError::Truncated)
        );
        assert_eq!(top_level_values(&[0x00, 1, 2]), Err(AmfError::Truncated));
        assert_eq!(
            top_level_values(&[0x0A, 0, 0, 0, 3, 0x05]),
            Err(AmfError::Truncated)
        );
        assert_eq!(
            top_level_values(&[0x11]),
            Err(AmfError::UnknownMarker(0x11))
        );
        assert_eq!(
            top_level_values(&[0x03, 0, 0, 0x05]),
            Err(AmfError::BadObjectEnd)
        );
        let many = vec![0x05; MAX_VALUES + 1];
        assert_eq!(top_level_values(&many), Err(AmfError::TooManyValues));
    }
}
