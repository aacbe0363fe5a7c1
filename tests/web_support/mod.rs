//! DOM helpers for the wasm-bindgen tests: mount into a fresh element, query, type, click,
//! press a key, and wait for the scheduler.
#![allow(dead_code)]

use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

pub use leptos::task::tick;

/// A component mounted into its own `<div>`; unmounted and removed on drop.
pub struct Fixture {
    root: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Fixture {
    pub fn mount<F, V>(f: F) -> Fixture
    where
        F: FnOnce() -> V + 'static,
        V: IntoView + 'static,
    {
        let doc = document();
        let root: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
        doc.body().unwrap().append_child(&root).unwrap();
        let handle = mount_to(root.clone(), f);
        Fixture {
            root,
            _handle: Box::new(handle),
        }
    }

    pub fn find(&self, sel: &str) -> Element {
        self.root
            .query_selector(sel)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {sel}: {}", self.root.inner_html()))
    }

    pub fn all(&self, sel: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(sel).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into().ok())
            .collect()
    }

    pub fn exists(&self, sel: &str) -> bool {
        self.root.query_selector(sel).unwrap().is_some()
    }

    pub fn text(&self, sel: &str) -> String {
        self.find(sel)
            .text_content()
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    pub fn texts(&self, sel: &str) -> Vec<String> {
        self.all(sel)
            .iter()
            .map(|e| e.text_content().unwrap_or_default().trim().to_string())
            .collect()
    }

    pub fn attr(&self, sel: &str, name: &str) -> Option<String> {
        self.find(sel).get_attribute(name)
    }

    pub fn click(&self, sel: &str) {
        self.find(sel).unchecked_into::<HtmlElement>().click();
    }

    pub fn click_nth(&self, sel: &str, n: usize) {
        self.all(sel)[n]
            .clone()
            .unchecked_into::<HtmlElement>()
            .click();
    }

    /// Replaces an input's value and fires `input` and `change`, as typing then leaving would.
    pub fn type_into(&self, sel: &str, value: &str) {
        let input: HtmlInputElement = self.find(sel).unchecked_into();
        input.set_value(value);
        for kind in ["input", "change"] {
            let ev = web_sys::Event::new_with_event_init_dict(kind, &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            })
            .unwrap();
            input.dispatch_event(&ev).unwrap();
        }
    }

    pub fn value(&self, sel: &str) -> String {
        self.find(sel).unchecked_into::<HtmlInputElement>().value()
    }

    pub fn root(&self) -> &HtmlElement {
        &self.root
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// Waits for a browser event loop turn of at least `ms` (image loads, timers).
pub async fn sleep_ms(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Polls `cond` (with a scheduler tick and 20 ms between tries) for up to about 2 s.
pub async fn until(mut cond: impl FnMut() -> bool) -> bool {
    for _ in 0..100 {
        if cond() {
            return true;
        }
        tick().await;
        sleep_ms(20).await;
    }
    cond()
}

/// Lets reactive effects and the views they create run (two scheduler turns: a `Show`
/// mounts its children in one and their property effects apply in the next).
pub async fn settle() {
    tick().await;
    tick().await;
}

/// Presses a key on an element the way a keyboard would (bubbling `keydown`).
pub fn press(fx: &Fixture, sel: &str, key: &str) {
    let f = js_sys::Function::new_with_args(
        "el,key",
        "el.dispatchEvent(new KeyboardEvent('keydown',{key,bubbles:true,cancelable:true}))",
    );
    f.call2(&wasm_bindgen::JsValue::NULL, &fx.find(sel), &key.into())
        .unwrap();
}

/// The first `n` member names of a group, as the create page labels them.
pub fn names(n: usize) -> Signal<Vec<String>> {
    let v: Vec<String> = ["Passthrough", "1. Transcode", "2. Transcode"][..n]
        .iter()
        .map(|s| s.to_string())
        .collect();
    Signal::derive(move || v.clone())
}
