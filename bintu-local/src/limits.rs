//! Every client-controlled resource of the listeners has a bound here: how many RTMP and HTTP
//! connections, how long an RTMP peer may take to start publishing, how many bytes of
//! unfinished RTMP messages one connection and all of them together may hold, and how long
//! an HTTP client may take to send its request headers. `serve` flags set them.

use std::time::{Duration, Instant};

/// The limits of the listeners (defaults: a machine running a few encoders and a console).
#[derive(Clone, Debug)]
pub struct Limits {
    /// Concurrent RTMP connections; more are closed at once with one (rate-limited) log line.
    pub rtmp_max_connections: usize,
    /// From accept to an accepted publish (handshake, connect, createStream, publish).
    pub rtmp_start_timeout: Duration,
    /// Bytes of unfinished RTMP messages (plus unparsed input) one connection may hold.
    pub rtmp_connection_buffer: usize,
    /// The same, summed over every RTMP connection.
    pub rtmp_total_buffer: usize,
    /// Concurrent HTTP connections; more wait in the kernel's backlog until one closes.
    pub http_max_connections: usize,
    /// Time allowed to send a request's headers (also the idle time between keep-alive requests).
    pub http_header_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        LimitArgs::parse_from(["defaults"]).into()
    }
}

/// The `serve` flags of the limits (their defaults are the defaults of `Limits`).
#[derive(clap::Args, Clone, Debug)]
pub struct LimitArgs {
    /// RTMP connections open at once; more are closed at once.
    #[arg(long, default_value_t = 64)]
    pub rtmp_max_connections: usize,
    /// Seconds an RTMP peer has from connecting to an accepted publish.
    #[arg(long, default_value = "10", value_parser = seconds)]
    pub rtmp_start_timeout: Duration,
    /// Bytes of unfinished RTMP messages one connection may hold. A 4K keyframe at
    /// 40 Mbit/s is 2-3 MB; the default leaves room without allowing the 16 MiB a 24-bit
    /// RTMP length could announce.
    #[arg(long, default_value_t = 8 << 20)]
    pub rtmp_connection_buffer: usize,
    /// Bytes of unfinished RTMP messages all connections together may hold.
    #[arg(long, default_value_t = 64 << 20)]
    pub rtmp_total_buffer: usize,
    /// HTTP connections open at once; more wait until one closes.
    #[arg(long, default_value_t = 512)]
    pub http_max_connections: usize,
    /// Seconds an HTTP client has to send a request's headers.
    #[arg(long, default_value = "10", value_parser = seconds)]
    pub http_header_timeout: Duration,
}

impl From<LimitArgs> for Limits {
    fn from(a: LimitArgs) -> Self {
        Self {
            rtmp_max_connections: a.rtmp_max_connections,
            rtmp_start_timeout: a.rtmp_start_timeout,
            rtmp_connection_buffer: a.rtmp_connection_buffer,
            rtmp_total_buffer: a.rtmp_total_buffer,
            http_max_connections: a.http_max_connections,
            http_header_timeout: a.http_header_timeout,
        }
    }
}

/// Parses seconds, fractions allowed (tests use short deadlines).
fn seconds(s: &str) -> Result<Duration, String> {
    let v: f64 = s.parse().map_err(|e| format!("{e}"))?;
    if !(0.001..=86_400.0).contains(&v) {
        return Err("between 0.001 and 86400 seconds".into());
    }
    Ok(Duration::from_secs_f64(v))
}

#[derive(clap::Parser)]
struct DefaultsOnly {
    #[command(flatten)]
    limits: LimitArgs,
}

impl LimitArgs {
    fn parse_from(args: [&str; 1]) -> Self {
        <DefaultsOnly as clap::Parser>::parse_from(args).limits
    }
}

/// Lets a repeated log line through at most once per `every`, counting what it held back.
pub struct LogRate {
    every: Duration,
    last: Option<Instant>,
    held_back: u64,
}

impl LogRate {
    pub fn new(every: Duration) -> Self {
        Self {
            every,
            last: None,
            held_back: 0,
        }
    }

    /// `Some(n)` when a line may be logged now (`n` occurrences were held back since the
    /// last one), `None` when this occurrence is only counted.
    pub fn allow(&mut self) -> Option<u64> {
        let now = Instant::now();
        match self.last {
            Some(t) if now.duration_since(t) < self.every => {
                self.held_back += 1;
                None
            }
            _ => {
                self.last = Some(now);
                Some(std::mem::take(&mut self.held_back))
            }
        }
    }
}

/// Backoff after a failed accept (out of file descriptors, out of memory): 10 ms doubling
/// to 1 s, reset by the next success, so a full fd table never spins a core.
#[derive(Default)]
pub struct AcceptBackoff {
    next: Option<Duration>,
}

impl AcceptBackoff {
    pub fn failed(&mut self) -> Duration {
        let d = self.next.unwrap_or(Duration::from_millis(10));
        self.next = Some((d * 2).min(Duration::from_secs(1)));
        d
    }

    pub fn succeeded(&mut self) {
        self.next = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_flag_defaults() {
        let l = Limits::default();
        assert_eq!(l.rtmp_max_connections, 64);
        assert_eq!(l.rtmp_start_timeout, Duration::from_secs(10));
        assert_eq!(l.rtmp_connection_buffer, 8 << 20);
        assert_eq!(seconds("0.5"), Ok(Duration::from_millis(500)));
        assert!(seconds("0").is_err() && seconds("x").is_err());
    }

    #[test]
    fn log_rate_counts_what_it_holds_back() {
        let mut r = LogRate::new(Duration::from_secs(3600));
        assert_eq!(r.allow(), Some(0));
        assert_eq!(r.allow(), None);
        assert_eq!(r.allow(), None);
        let mut r0 = LogRate::new(Duration::ZERO);
        assert_eq!(r0.allow(), Some(0));
        assert_eq!(r0.allow(), Some(0));
    }

    #[test]
    fn backoff_doubles_to_a_second_and_resets() {
        let mut b = AcceptBackoff::default();
        assert_eq!(b.failed(), Duration::from_millis(10));
        assert_eq!(b.failed(), Duration::from_millis(20));
        for _ in 0..20 {
            b.failed();
        }
        assert_eq!(b.failed(), Duration::from_secs(1));
        b.succeeded();
        assert_eq!(b.failed(), Duration::from_millis(10));
    }
}
