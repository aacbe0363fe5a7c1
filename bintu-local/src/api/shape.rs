//! Which response shapes bintu-local answers with (`serve --api-shape`). `full` is this
//! project's contract (CONTRACT.md, the [P] fields included); the documented shapes hold only
//! what the public docs show (bintu-api.md [C] facts and the JSON examples in
//! tests/fixtures/docs), so the console is proven against what the real cloud promises.
//! One renderer reads this as a parameter; nothing else of the server changes with it.

use clap::ValueEnum;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ApiShape {
    /// Today's contract, every proposal included.
    #[default]
    Full,
    /// Only documented fields; `GET /organisation` answers 404 (its body is documented nowhere).
    Documented,
    /// As `documented`, with `GET /organisation` answering only `name` and `hash` (the two
    /// facts the dashboard docs show).
    DocumentedOrg,
}

impl ApiShape {
    /// True for both documented shapes.
    pub fn documented(self) -> bool {
        self != ApiShape::Full
    }

    /// The name on the command line and in `BINTU_API_SHAPE`.
    pub fn name(self) -> &'static str {
        match self {
            ApiShape::Full => "full",
            ApiShape::Documented => "documented",
            ApiShape::DocumentedOrg => "documented-org",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back_and_only_full_is_not_documented() {
        for s in [
            ApiShape::Full,
            ApiShape::Documented,
            ApiShape::DocumentedOrg,
        ] {
            assert_eq!(ApiShape::from_str(s.name(), false), Ok(s));
            assert_eq!(s.documented(), s != ApiShape::Full);
        }
        assert_eq!(ApiShape::default(), ApiShape::Full);
        assert!(ApiShape::from_str("documented-orgs", false).is_err());
    }
}
