//! The three browser engines and their WebDriver servers, started on 127.0.0.1 and stopped with their browsers.

use crate::tools;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    Webkit,
}

impl Engine {
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::Webkit];

    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::Webkit => "webkit",
        }
    }
}

/// A running WebDriver server. Dropping it stops the driver and every browser it started.
pub struct Driver {
    child: Child,
    port: u16,
}

fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

/// Asks a WebDriver server whether it accepts sessions (`GET /status`).
fn driver_ready(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else { return false };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    // geckodriver checks the Host header against its address, port included.
    let request = format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut reply = String::new();
    let _ = stream.read_to_string(&mut reply);
    reply.starts_with("HTTP/1.1 200") && reply.contains("\"ready\":true")
}

impl Driver {
    pub fn start(engine: Engine) -> Result<Driver, String> {
        let port = free_port()?;
        let mut c = match engine {
            Engine::Chromium => {
                let mut c = Command::new(tools::CHROMEDRIVER);
                c.arg(format!("--port={port}")).arg("--allowed-ips=127.0.0.1");
                c
            }
            Engine::Firefox => {
                let mut c = Command::new(tools::geckodriver());
                c.args(["--host", "127.0.0.1", "--port", &port.to_string()]);
                c
            }
            // WebKitGTK has no headless mode; Xvfb gives it a display of its own.
            Engine::Webkit => {
                let mut c = Command::new("xvfb-run");
                c.args(["-a", "-s", "-screen 0 1280x1024x24", tools::WEBKIT_DRIVER, "--host=127.0.0.1"])
                    .arg(format!("--port={port}"));
                c
            }
        };
        // A process group of its own, so that stopping it also stops the browsers it spawned.
        c.process_group(0).stdout(Stdio::null()).stderr(Stdio::null());
        let child = c.spawn().map_err(|e| format!("could not start the {} driver: {e}", engine.name()))?;
        let driver = Driver { child, port };
        let deadline = Instant::now() + Duration::from_secs(60);
        while !driver_ready(port) {
            if Instant::now() > deadline {
                return Err(format!("the {} driver did not become ready within 60 s", engine.name()));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(driver)
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.child.wait();
        let _ = Command::new("kill").args(["-KILL", "--", &group]).stderr(Stdio::null()).status();
    }
}
