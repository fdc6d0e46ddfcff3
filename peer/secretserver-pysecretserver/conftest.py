"""Fixtures: one `pamtui simulate --vendors secretserver --tls` for the whole session, and
the pysecretserver API object built the way its README does."""

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pysecretserver
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pamtui_simulator import simulate  # noqa: E402

# pysecretserver takes no CA: its requests.Session verifies with REQUESTS_CA_BUNDLE (set below).
os.environ.pop("CURL_CA_BUNDLE", None)


@dataclass(frozen=True)
class Simulator:
    site: str
    ca: str
    username: str
    password: str


@pytest.fixture(scope="session")
def simulator(tmp_path_factory) -> Simulator:
    with simulate(tmp_path_factory.mktemp("sim-state"), "--vendors", "secretserver") as (ready, _config):
        ss = ready["vendors"]["secretserver"]
        os.environ["REQUESTS_CA_BUNDLE"] = ready["ca"]
        # The README's site ends in a slash; the library adds one when it is missing.
        yield Simulator(site=ss["url"] + "/", ca=ready["ca"], username=ss["username"], password=ss["password"])


@pytest.fixture(scope="session")
def ss(simulator):
    """`pysecretserver.api(site=…, username=…, password=…)`, exactly as in the README."""
    return pysecretserver.api(
        site=simulator.site,
        username=simulator.username,
        password=simulator.password
    )
