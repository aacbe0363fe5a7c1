//! `bintu-local` command line: `serve` (the default for `make run`), and the admin commands
//! `org create`, `org list` and `key list`, which work on the same data directory.

use std::net::IpAddr;
use std::path::PathBuf;

use bintu_local::api::shape::ApiShape;
use bintu_local::db::{orgs, Db};
use bintu_local::{serve, Config};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    version,
    about = "A Bintu-compatible API with real live processing, on one machine"
)]
struct Cli {
    /// Data directory (SQLite database and media).
    #[arg(long, global = true, default_value = "data", env = "BINTU_DATA_DIR")]
    data_dir: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API, the media and (with --dist) the console on one origin.
    Serve {
        #[arg(long, default_value = "127.0.0.1", env = "BINTU_HOST")]
        host: IpAddr,
        #[arg(long, default_value_t = 8090, env = "BINTU_PORT")]
        port: u16,
        #[arg(long, default_value_t = 1935, env = "BINTU_RTMP_PORT")]
        rtmp_port: u16,
        /// The console build (Trunk's dist/) to serve at /.
        #[arg(long)]
        dist: Option<PathBuf>,
        /// Response shapes: `full` (this project's contract), `documented` (only what the
        /// public docs show; GET /organisation 404) or `documented-org` (as documented, with
        /// GET /organisation answering only name and hash).
        #[arg(long, value_enum, default_value_t = ApiShape::Full, env = "BINTU_API_SHAPE")]
        api_shape: ApiShape,
        /// Base of the URLs the API hands out, e.g. https://media.example.com (default: the
        /// host each request was sent to).
        #[arg(long, env = "BINTU_PUBLIC_URL", value_parser = bintu_local::public_url::parse_public_url)]
        public_url: Option<String>,
        /// Remove the media of sessions that ended more than N days ago.
        #[arg(long, env = "BINTU_RETAIN_DAYS")]
        retain_days: Option<u32>,
        /// Keep the media directory under this size (bytes, or with K/M/G/T): the oldest
        /// sessions' replay and timeline go first, then the oldest recordings; never a live one.
        #[arg(long, env = "BINTU_RETAIN_BYTES", value_parser = bintu_local::storage::parse_bytes)]
        retain_bytes: Option<u64>,
        /// Purge a deleted stream's media this many hours after the delete.
        #[arg(long, default_value_t = 168, env = "BINTU_PURGE_DELETED_AFTER_HOURS")]
        purge_deleted_after_hours: u64,
        /// Seconds between two retention passes.
        #[arg(long, default_value_t = 600, env = "BINTU_RETENTION_EVERY_SECS",
            value_parser = clap::value_parser!(u64).range(1..))]
        retention_every_secs: u64,
        #[command(flatten)]
        limits: bintu_local::limits::LimitArgs,
    },
    /// Manage organisations.
    Org {
        #[command(subcommand)]
        command: OrgCommand,
    },
    /// Manage credentials.
    Key {
        #[command(subcommand)]
        command: KeyCommand,
    },
    /// Publish a built-in test source (test pattern, running clock, tone) over RTMP.
    Publish {
        /// The stream name (the passthrough of a group).
        streamname: String,
        /// Stop after N seconds (default: until Ctrl-C).
        #[arg(long)]
        seconds: Option<u32>,
        /// The RTMP ingest base URL.
        #[arg(long, default_value = "rtmp://127.0.0.1:1935/live")]
        url: String,
        /// Picture size, WIDTHxHEIGHT.
        #[arg(long, default_value = "1280x720", value_parser = bintu_local::publish::parse_size)]
        size: (u32, u32),
        /// Frames per second.
        #[arg(long, default_value_t = 25, value_parser = clap::value_parser!(u32).range(1..=60))]
        fps: u32,
    },
}

#[derive(Subcommand)]
enum OrgCommand {
    /// Create an organisation and print its API key and user tokens.
    Create {
        name: String,
        /// Create it without the Live Processing package.
        #[arg(long)]
        no_processing: bool,
    },
    /// List organisations.
    List,
}

#[derive(Subcommand)]
enum KeyCommand {
    /// Print every organisation's API key and its users' tokens.
    List,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "bintu_local=info,tower_http=warn".into()),
        )
        .init();
    bintu_local::guard::install_panic_hook();
    let cli = Cli::parse();
    match cli.command {
        Command::Serve {
            host,
            port,
            rtmp_port,
            dist,
            api_shape,
            public_url,
            retain_days,
            retain_bytes,
            purge_deleted_after_hours,
            retention_every_secs,
            limits,
        } => {
            let mut config = Config::ephemeral(cli.data_dir);
            config.public_url = public_url;
            config.retention = bintu_local::storage::plan::Policy {
                retain_days,
                retain_bytes,
                purge_deleted_after: std::time::Duration::from_secs(
                    purge_deleted_after_hours * 3600,
                ),
            };
            config.retention_every = std::time::Duration::from_secs(retention_every_secs);
            config.host = host;
            config.port = port;
            config.rtmp_port = rtmp_port;
            config.dist = dist;
            config.api_shape = api_shape;
            config.limits = limits.into();
            run_server(config).await
        }
        Command::Org {
            command:
                OrgCommand::Create {
                    name,
                    no_processing,
                },
        } => {
            let db = Db::open(&Config::ephemeral(cli.data_dir).db_path())?;
            let org = orgs::create_org(&mut db.lock(), &name, !no_processing, false)?;
            print_org(&db, &org)
        }
        Command::Org {
            command: OrgCommand::List,
        } => {
            let db = Db::open(&Config::ephemeral(cli.data_dir).db_path())?;
            for org in orgs::list_orgs(&db.lock())? {
                let processing = if org.processing {
                    "processing on"
                } else {
                    "processing off"
                };
                println!("{}  {}  {}  ({processing})", org.id, org.hash, org.name);
            }
            Ok(())
        }
        Command::Publish {
            streamname,
            seconds,
            url,
            size,
            fps,
        } => {
            let src = bintu_local::publish::TestSource {
                url,
                name: streamname,
                seconds,
                width: size.0,
                height: size.1,
                fps,
            };
            println!("Publishing a test source to {}/{} ...", src.url, src.name);
            if let Err(e) = bintu_local::publish::run(&src).await {
                eprintln!("bintu-local publish: {e}");
                std::process::exit(1);
            }
            Ok(())
        }
        Command::Key {
            command: KeyCommand::List,
        } => {
            let db = Db::open(&Config::ephemeral(cli.data_dir).db_path())?;
            // Collect first: a guard held by the loop header would deadlock print_org.
            let all = orgs::list_orgs(&db.lock())?;
            for org in all {
                print_org(&db, &org)?;
            }
            Ok(())
        }
    }
}

fn print_org(db: &Db, org: &orgs::Org) -> anyhow::Result<()> {
    println!("{} ({})", org.name, org.hash);
    println!("  API key (X-BINTU-APIKEY): {}", org.apikey);
    for user in orgs::users_of(&db.lock(), &org.id)? {
        println!(
            "  {:<13} token (X-BINTU-TOKEN): {}",
            user.role.as_str(),
            user.token
        );
    }
    Ok(())
}

async fn run_server(config: Config) -> anyhow::Result<()> {
    let console = config.dist.is_some();
    let running = serve(config).await?;
    let demo = orgs::demo_org(&running.state.db.lock())?
        .ok_or_else(|| anyhow::anyhow!("demo organisation missing"))?;
    let url = running.state.public_base.to_string();
    println!();
    println!("  bintu-local is running");
    if console {
        println!("  Console:      {url}/");
    }
    println!("  API:          {url}");
    println!("  API shape:    {}", running.state.config.api_shape.name());
    println!("  RTMP ingest:  {}/<streamname>", running.state.rtmp_base);
    println!("  Publish a test source: target/release/bintu-local publish <streamname>");
    if running.rtmp_addr.port() != 1935 {
        println!(
            "    (add --url {}: the ingest is not on port 1935)",
            running.state.rtmp_base
        );
    }
    println!("  Demo organisation: {} ({})", demo.name, demo.hash);
    println!("  Demo API key: {}", demo.apikey);
    // The admin commands read the same database, so the hint names the data directory.
    println!(
        "  More keys and tokens: target/release/bintu-local --data-dir {} key list",
        running.state.config.data_dir.display()
    );
    println!("  Stop with Ctrl-C.");
    println!();
    // Ctrl-C or SIGTERM: live publishes end cleanly (MP4s finalised, playlists closed) and
    // no ffmpeg child outlives the server.
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    tokio::select! {
        r = tokio::signal::ctrl_c() => r?,
        _ = term.recv() => {}
    }
    tracing::info!("stopping");
    running.shutdown().await;
    Ok(())
}
