"""Fixtures: one `pamtui simulate --vendors secretserver --tls --scale 250` for the whole
session, and Delinea SDK objects built the way a user would."""

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from delinea.secrets.server import DomainPasswordGrantAuthorizer, PasswordGrantAuthorizer, SecretServer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pamtui_simulator import simulate  # noqa: E402

# python-tss-sdk has no CA option: it calls `requests` with default verification, so a private
# CA is trusted the way its users do it, through REQUESTS_CA_BUNDLE (set per session below).
os.environ.pop("CURL_CA_BUNDLE", None)


@dataclass(frozen=True)
class Simulator:
    url: str
    ca: str
    config: str
    username: str
    password: str
    domain: str


@pytest.fixture(scope="session")
def simulator(tmp_path_factory) -> Simulator:
    with simulate(tmp_path_factory.mktemp("sim-state"), "--vendors", "secretserver", "--scale", "250") as (ready, config):
        ss = ready["vendors"]["secretserver"]
        assert ss["url"].startswith("https://127.0.0.1:") and ss["url"].endswith("/SecretServer")
        os.environ["REQUESTS_CA_BUNDLE"] = ready["ca"]
        yield Simulator(url=ss["url"], ca=ready["ca"], config=str(config),
                        username=ss["username"], password=ss["password"], domain=ss["domain"])


@pytest.fixture
def server(simulator) -> SecretServer:
    """A SecretServer signed in with the password grant (no domain)."""
    return SecretServer(simulator.url, PasswordGrantAuthorizer(simulator.url, simulator.username, simulator.password))


@pytest.fixture
def domain_server(simulator) -> SecretServer:
    """A SecretServer signed in with the password grant and the user's domain."""
    authorizer = DomainPasswordGrantAuthorizer(simulator.url, simulator.username, simulator.domain, simulator.password)
    return SecretServer(simulator.url, authorizer)
