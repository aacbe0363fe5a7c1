//! The stream list's filters in the page URL (`/stream?state=live&tag=a&tag=b&page=2`) and
//! their translation to the API query, so a filtered page can be bookmarked and shared.

use contract::state::StreamState;

use super::urls::{decode_component, encode_component, StreamQuery};

/// Streams per page of the list, unless the URL asks for another of `PAGE_SIZES`.
pub const PAGE_SIZE: u32 = 25;

/// The page sizes offered ("Rows per page"); 250 is the API's maximum `quantity`.
pub const PAGE_SIZES: [u32; 4] = [25, 50, 100, 250];

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// One of the contract's `StreamState::FILTERS`; `None` = all.
    pub state: Option<StreamState>,
    pub tags: Vec<String>,
    /// 1-based.
    pub page: u32,
    /// Rows per page; 0 (unset) means `PAGE_SIZE`.
    pub per_page: u32,
}

impl ListFilter {
    /// Reads a location search string (with or without the leading `?`); unknown states,
    /// bad pages and unknown parameters are ignored.
    pub fn from_search(search: &str) -> Self {
        let mut f = ListFilter {
            page: 1,
            ..Default::default()
        };
        for pair in search.trim_start_matches('?').split('&') {
            let Some((k, v)) = pair.split_once('=') else {
                continue;
            };
            let Some(v) = decode_component(&v.replace('+', " ")) else {
                continue;
            };
            match k {
                "state" => {
                    f.state = StreamState::parse(&v).filter(|s| StreamState::FILTERS.contains(s))
                }
                "tag" if !v.trim().is_empty() && !f.tags.contains(&v) => f.tags.push(v),
                "page" => f.page = v.parse().ok().filter(|p| *p >= 1).unwrap_or(1),
                "per_page" => {
                    f.per_page = v
                        .parse()
                        .ok()
                        .filter(|n| PAGE_SIZES.contains(n))
                        .unwrap_or(0)
                }
                _ => {}
            }
        }
        f
    }

    /// The in-app href of this filter.
    pub fn href(&self) -> String {
        let mut params = Vec::new();
        if let Some(s) = self.state {
            params.push(format!("state={s}"));
        }
        for t in &self.tags {
            params.push(format!("tag={}", encode_component(t)));
        }
        if self.page > 1 {
            params.push(format!("page={}", self.page));
        }
        if self.per_page != 0 && self.per_page != PAGE_SIZE {
            params.push(format!("per_page={}", self.per_page));
        }
        super::paths::with_search(&super::paths::stream_list(), &params.join("&"))
    }

    pub fn query(&self) -> StreamQuery {
        StreamQuery {
            quantity: Some(self.page_size()),
            page: Some(self.page.max(1)),
            state: self.state.map(|s| s.as_str().to_string()),
            tags: self.tags.clone(),
            ..Default::default()
        }
    }

    pub fn page_size(&self) -> u32 {
        if self.per_page == 0 {
            PAGE_SIZE
        } else {
            self.per_page
        }
    }

    /// Another page size starts again at page 1.
    pub fn with_per_page(&self, per_page: u32) -> Self {
        ListFilter {
            per_page,
            page: 1,
            ..self.clone()
        }
    }

    /// The same filter on another page.
    pub fn with_page(&self, page: u32) -> Self {
        ListFilter {
            page: page.max(1),
            ..self.clone()
        }
    }

    /// A changed filter starts again at page 1.
    pub fn with_state(&self, state: Option<StreamState>) -> Self {
        ListFilter {
            state,
            page: 1,
            ..self.clone()
        }
    }

    pub fn with_tags(&self, tags: Vec<String>) -> Self {
        ListFilter {
            tags,
            page: 1,
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_the_url() {
        let f = ListFilter {
            state: Some(StreamState::Live),
            tags: vec!["key: value".into(), "a&b".into()],
            page: 3,
            per_page: 100,
        };
        assert_eq!(
            f.href(),
            "/stream?state=live&tag=key%3A%20value&tag=a%26b&page=3&per_page=100"
        );
        let search = f.href().trim_start_matches("/stream").to_string();
        assert_eq!(ListFilter::from_search(&search), f);
        assert_eq!(ListFilter::from_search("").href(), "/stream");
    }

    #[test]
    fn ignores_bad_values_and_resets_the_page_on_filter_change() {
        let f = ListFilter::from_search("?state=bogus&page=-2&tag=&x=1&page&per_page=7");
        assert_eq!(
            f,
            ListFilter {
                page: 1,
                ..Default::default()
            }
        );
        let g = ListFilter::from_search("page=4").with_state(Some(StreamState::Ended));
        assert_eq!(g.page, 1);
        let q = g.with_page(2).query();
        assert_eq!(q.path(), "/stream?quantity=25&page=2&state=ended");
        let big = ListFilter::from_search("per_page=250&page=3").with_per_page(250);
        assert_eq!((big.page, big.query().quantity), (1, Some(250)));
    }
}
