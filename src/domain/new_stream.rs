//! The `POST /stream` body the create page sends (dashboard-ui.md §1.2, CONTRACT.md): the
//! user's tags (plus "Passthrough" on a group, as the dashboard tags its members), the active
//! transcoding slots, and one processing list per member when something is switched on.
//! A package is left out only when the organisation says it is off: when the API does not
//! say, the request carries it and the API's answer decides (unknown is not off).
//! The body's types ([`NewStream`], [`TranscodeRequest`]) live here too.

use serde::{Deserialize, Serialize};

use super::organisation::Organisation;
use super::process::Process;
use super::processing_form::MemberDraft;
use super::transcoding::{transcode_requests, Slot};

/// Body of `POST /stream` (bintu-api.md §2.4). Empty vectors are omitted.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewStream {
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub transcodes: Vec<TranscodeRequest>,
    /// Outer index = group member (0 passthrough, 1..n transcodes in order).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub processing: Vec<Vec<Process>>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TranscodeRequest {
    pub profile: String,
    pub tags: Vec<String>,
}

pub fn build(
    org: &Organisation,
    tags: Vec<String>,
    slots: &[Slot],
    drafts: &[MemberDraft],
) -> NewStream {
    let transcodes = if org.transcoding_offered() {
        transcode_requests(slots)
    } else {
        Vec::new()
    };
    let members = 1 + transcodes.len();
    let processing: Vec<_> = drafts
        .iter()
        .take(members)
        .map(|d| d.to_processes().unwrap_or_default())
        .collect();
    let any = processing.iter().any(|p| !p.is_empty());
    let mut tags = tags;
    if !transcodes.is_empty() && !tags.iter().any(|t| t == "Passthrough") {
        tags.push("Passthrough".into());
    }
    NewStream {
        tags,
        transcodes,
        processing: if any && org.processing_offered() {
            processing
        } else {
            Vec::new()
        },
    }
}

#[cfg(test)]
mod tests;
