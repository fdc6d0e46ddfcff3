"""Fixtures: one `pamtui simulate --vendors beyondtrust --tls` for the whole session, and
helpers that build the official BeyondTrust library's objects the way a user would."""

import json
import os
import selectors
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from secrets_safe_library.authentication import Authentication

REPO = Path(__file__).resolve().parent.parent
PAMTUI_BIN = os.environ.get("PAMTUI_BIN", str(REPO / ".build/debug/pamtui"))
READY_DEADLINE_SECONDS = 60
STOP_DEADLINE_SECONDS = 20

# requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE override a Session's `verify` on every call
# that does not pass `verify=` itself (BIPS passes it only on the OAuth token call), which
# would silently replace the CA given to BIPS as `verify_ca`. Drop them so `verify_ca` rules.
for _name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
    os.environ.pop(_name, None)


@dataclass(frozen=True)
class Simulator:
    url: str
    ca: str
    config: str
    api_key: str
    run_as: str
    password: str
    client_id: str
    client_secret: str

    @property
    def bips_api_key(self) -> str:
        """BIPS takes the key and the run-as user in one string."""
        return f"{self.api_key};runas={self.run_as};"

    def pamtui(self, *args: str, timeout: float = 60) -> str:
        """Runs the pamtui CLI against this simulator; returns stdout (fails on non-zero exit)."""
        done = subprocess.run(
            [PAMTUI_BIN, "--config", self.config, *args],
            capture_output=True, text=True, timeout=timeout,
        )
        assert done.returncode == 0, f"pamtui {' '.join(args)} exited {done.returncode}: {done.stderr}"
        return done.stdout


def read_ready_line(process: subprocess.Popen, deadline_seconds: float) -> dict:
    """The simulator's single JSON ready line, or a failure once the deadline passes."""
    deadline = time.monotonic() + deadline_seconds
    buffer = b""
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while b"\n" not in buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                pytest.fail(f"simulator not ready after {deadline_seconds}s (stdout so far: {buffer!r})")
            if not selector.select(timeout=remaining):
                continue
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                pytest.fail(f"simulator exited ({process.wait()}) before ready; stdout: {buffer!r}")
            buffer += chunk
    ready = json.loads(buffer.split(b"\n", 1)[0])
    assert ready["ready"] is True
    return ready


@pytest.fixture(scope="session")
def simulator(tmp_path_factory) -> Simulator:
    state_dir = tmp_path_factory.mktemp("sim-state")
    config = state_dir / "config.toml"
    stderr_path = state_dir / "simulate.stderr"
    with open(stderr_path, "wb") as stderr:
        process = subprocess.Popen(
            [PAMTUI_BIN, "simulate", "--vendors", "beyondtrust", "--tls",
             "--state-dir", str(state_dir), "--write-config", str(config)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=stderr,
        )
    try:
        ready = read_ready_line(process, READY_DEADLINE_SECONDS)
        bt = ready["vendors"]["beyondtrust"]
        assert ready["ca"] and Path(ready["ca"]).is_file()
        assert bt["url"].startswith("https://127.0.0.1:")
        yield Simulator(
            url=bt["url"], ca=ready["ca"], config=str(config), api_key=bt["apiKey"],
            run_as=bt["runAs"], password=bt["password"],
            client_id=bt["oauthClientId"], client_secret=bt["oauthClientSecret"],
        )
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            code = process.wait(timeout=STOP_DEADLINE_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            code = process.wait()
        process.stdout.close()
    assert code == 0, f"simulator exited {code}; stderr: {stderr_path.read_text(errors='replace')[-2000:]}"


@pytest.fixture
def api_key_auth(simulator):
    """An Authentication with the API key, verifying TLS with the simulator's CA."""
    return Authentication(
        req=requests.Session(),
        api_url=simulator.url,
        api_key=simulator.bips_api_key,
        verify_ca=simulator.ca,
    )


@pytest.fixture
def oauth_auth(simulator):
    """An Authentication with OAuth client credentials, verifying TLS with the simulator's CA."""
    return Authentication(
        req=requests.Session(),
        api_url=simulator.url,
        client_id=simulator.client_id,
        client_secret=simulator.client_secret,
        verify_ca=simulator.ca,
    )


@pytest.fixture
def signed_in(api_key_auth):
    """An API-key Authentication that has signed in (and signs out afterwards)."""
    response = api_key_auth.get_api_access()
    assert response.status_code == 200, response.text
    yield api_key_auth
    api_key_auth.sign_app_out()
