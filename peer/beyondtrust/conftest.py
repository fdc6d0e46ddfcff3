"""Fixtures: one `pamtui simulate --vendors beyondtrust --tls` for the whole session, and
helpers that build the official BeyondTrust library's objects the way a user would."""

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from secrets_safe_library.authentication import Authentication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pamtui_simulator import run_pamtui, simulate  # noqa: E402

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
        return run_pamtui(self.config, *args, timeout=timeout)


@pytest.fixture(scope="session")
def simulator(tmp_path_factory) -> Simulator:
    with simulate(tmp_path_factory.mktemp("sim-state"), "--vendors", "beyondtrust") as (ready, config):
        bt = ready["vendors"]["beyondtrust"]
        assert bt["url"].startswith("https://127.0.0.1:")
        yield Simulator(
            url=bt["url"], ca=ready["ca"], config=str(config), api_key=bt["apiKey"],
            run_as=bt["runAs"], password=bt["password"],
            client_id=bt["oauthClientId"], client_secret=bt["oauthClientSecret"],
        )


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
