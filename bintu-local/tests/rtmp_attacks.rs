//! The four RTMP messages that each used to end the release binary (and every live publish
//! with it), each sent alone on a fresh connection after the handshake: the server closes
//! that connection and keeps answering.

mod release_support;
mod rtmp_support;

use release_support::Srv;
use rml_rtmp::rml_amf0::{self, Amf0Value};
use rtmp_support::{chunked, handshake, send_raw};

fn amf(values: Vec<Amf0Value>) -> Vec<u8> {
    rml_amf0::serialize(&values).unwrap()
}

fn session(body: &[u8]) -> Vec<u8> {
    let mut bytes = handshake();
    bytes.extend_from_slice(body);
    bytes
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_killer_message_ends_only_its_connection() {
    let mut srv = Srv::start(&[]);
    let connect_1 = amf(vec![
        Amf0Value::Utf8String("connect".into()),
        Amf0Value::Number(1.0),
    ]);
    let set_data_frame = amf(vec![Amf0Value::Utf8String("@setDataFrame".into())]);
    let mut interleaved = chunked(3, 9, 1, &[7u8; 1000], 128);
    interleaved.truncate(12 + 128);
    interleaved.extend(chunked(4, 9, 1, &[8u8; 100], 128));
    let mut nested = connect_1.clone();
    for _ in 0..200_000 {
        nested.extend_from_slice(&[0x0A, 0, 0, 0, 1]);
    }
    nested.push(0x05);

    let cases: [(&str, Vec<u8>); 4] = [
        ("command \"connect\", 1", chunked(3, 20, 0, &connect_1, 128)),
        (
            "data \"@setDataFrame\"",
            chunked(3, 18, 1, &set_data_frame, 128),
        ),
        ("interleaved csid 3 / csid 4", interleaved),
        (
            "200,000 nested strict arrays",
            chunked(3, 20, 0, &nested, 128),
        ),
    ];
    for (what, body) in cases {
        let closed = send_raw(srv.rtmp, &session(&body), 20).await;
        srv.assert_up(what).await;
        assert!(closed, "the server closed the connection after {what}");
    }
    let log = srv.log_text();
    assert!(!log.contains("panic"), "no panic reached: {log}");
    assert!(
        log.contains("malformed command: 2 values"),
        "the short command is refused with a reason: {log}"
    );
    assert!(
        log.contains("command is over"),
        "the nested command is refused by size: {log}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deep_nesting_within_the_size_limit_is_refused_by_depth() {
    let mut srv = Srv::start(&[]);
    let mut nested = amf(vec![
        Amf0Value::Utf8String("connect".into()),
        Amf0Value::Number(1.0),
    ]);
    for _ in 0..10_000 {
        nested.extend_from_slice(&[0x0A, 0, 0, 0, 1]);
    }
    nested.push(0x05);
    assert!(send_raw(srv.rtmp, &session(&chunked(3, 20, 0, &nested, 128)), 20).await);
    srv.assert_up("10,000 nested arrays").await;
    assert!(srv.log_text().contains("AMF0 nesting deeper than"));
}
