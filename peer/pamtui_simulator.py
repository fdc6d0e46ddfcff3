"""One `pamtui simulate` process for a peer suite: started with a ready-line deadline, stopped
with SIGTERM, and its exit code checked. Shared by every suite's conftest.py."""

import json
import os
import selectors
import signal
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PAMTUI_BIN = os.environ.get("PAMTUI_BIN", str(REPO / ".build/debug/pamtui"))
READY_DEADLINE_SECONDS = 60
STOP_DEADLINE_SECONDS = 20


def read_ready_line(process: subprocess.Popen, deadline_seconds: float) -> dict | None:
    """The simulator's single JSON ready line; None when it exited first; a failure once the
    deadline passes."""
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
                return None
            buffer += chunk
    ready = json.loads(buffer.split(b"\n", 1)[0])
    assert ready["ready"] is True
    return ready


@contextmanager
def simulate(state_dir: Path, *args: str):
    """Runs `pamtui simulate --tls --state-dir DIR --write-config DIR/config.toml ARGS…` and
    yields (ready JSON, config path); on exit stops it and asserts it exited 0."""
    config = state_dir / "config.toml"
    stderr_path = state_dir / "simulate.stderr"
    with open(stderr_path, "wb") as stderr:
        process = subprocess.Popen(
            [PAMTUI_BIN, "simulate", "--tls", "--state-dir", str(state_dir), "--write-config", str(config), *args],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=stderr,
        )
    try:
        ready = read_ready_line(process, READY_DEADLINE_SECONDS)
        if ready is None:
            code = process.wait()
            stderr_text = stderr_path.read_text(errors="replace")
            # A vendor whose module does not offer its simulator yet (it lands before its module
            # is wired): skip loudly rather than fail the build. Anything else is a failure.
            if "has no simulator yet" in stderr_text:
                pytest.skip(f"this pamtui does not simulate it yet: {stderr_text.strip()}")
            pytest.fail(f"simulator exited ({code}) before ready; stderr: {stderr_text[-2000:]}")
        assert ready["ca"] and Path(ready["ca"]).is_file()
        yield ready, config
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


def run_pamtui(config: str, *args: str, timeout: float = 60) -> str:
    """Runs the pamtui CLI with `config`; returns stdout (fails on a non-zero exit)."""
    done = subprocess.run([PAMTUI_BIN, "--config", config, *args], capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"pamtui {' '.join(args)} exited {done.returncode}: {done.stderr}"
    return done.stdout
