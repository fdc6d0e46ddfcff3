"""The official BeyondTrust Python library (BIPS, `secrets_safe_library` 2.32.1), unmodified,
against `pamtui simulate --vendors beyondtrust --tls`: every call goes through its public API,
over TLS verified with the simulator's CA (`verify_ca=<ca.pem>`)."""

import pytest
import requests
from secrets_safe_library import exceptions
from secrets_safe_library.authentication import Authentication
from secrets_safe_library.credentials import Credentials
from secrets_safe_library.folders import Folder
from secrets_safe_library.managed_account import ManagedAccount
from secrets_safe_library.managed_systems import ManagedSystem
from secrets_safe_library.requests import Request
from secrets_safe_library.secrets_safe import SecretsSafe


def by_id(rows, key):
    return {row[key]: row for row in rows}


# --- sign-in / sign-out ----------------------------------------------------------------


def test_api_key_sign_in(simulator, api_key_auth):
    response = api_key_auth.get_api_access()
    assert response.status_code == 200, response.text
    user = response.json()
    assert user["UserName"] == simulator.run_as
    assert isinstance(user["UserId"], int)
    assert response.cookies.get("ASP.NET_SessionId")
    assert api_key_auth.sign_app_out() is True


def test_api_key_sign_in_refused_with_wrong_key(simulator):
    wrong = "0" * len(simulator.api_key)
    auth = Authentication(req=requests.Session(), api_url=simulator.url,
                          api_key=f"{wrong};runas={simulator.run_as};", verify_ca=simulator.ca)
    assert auth.get_api_access().status_code == 401


def test_tls_is_verified_against_the_ca(simulator):
    """Without the simulator's CA (the default trust store) the handshake must fail."""
    auth = Authentication(req=requests.Session(), api_url=simulator.url,
                          api_key=simulator.bips_api_key, verify_ca=True)
    with pytest.raises(requests.exceptions.SSLError):
        auth.get_api_access()


def test_oauth_sign_in(simulator, oauth_auth):
    response = oauth_auth.get_api_access()
    assert response.status_code == 200, response.text
    assert response.json()["UserName"] == simulator.run_as
    # Later calls carry the Bearer token and the session cookie.
    page = ManagedSystem(oauth_auth).get_managed_systems(limit=10, offset=0)
    assert page["TotalCount"] >= 10 and len(page["Data"]) == 10
    assert oauth_auth.sign_app_out() is True


def test_oauth_refused_with_wrong_secret(simulator):
    auth = Authentication(req=requests.Session(), api_url=simulator.url,
                          client_id=simulator.client_id, client_secret="x" * 48,
                          verify_ca=simulator.ca)
    with pytest.raises(exceptions.AuthenticationFailure, match="statuscode: 401"):
        auth.get_api_access()


def test_sign_out_ends_the_session(signed_in):
    systems = ManagedSystem(signed_in)
    assert systems.get_managed_system_by_id(123)["SystemName"] == "DC01"
    assert signed_in.sign_app_out() is True
    with pytest.raises(exceptions.LookupError, match="statuscode: 401"):
        systems.get_managed_system_by_id(123)


# --- managed systems and accounts --------------------------------------------------------


def test_list_managed_systems(signed_in):
    systems = ManagedSystem(signed_in)
    everything = systems.get_managed_systems()  # no limit: a bare array
    assert isinstance(everything, list)
    rows = by_id(everything, "ManagedSystemID")
    assert rows[123]["SystemName"] == "DC01"
    assert rows[5]["SystemName"] == "srv1"
    assert rows[13]["SystemName"] == "srv-db-01"
    assert rows[13]["IPAddress"] == "10.0.0.5"

    page = systems.get_managed_systems(limit=3, offset=1)  # with limit: {TotalCount, Data}
    assert page["TotalCount"] == len(everything)
    assert [r["ManagedSystemID"] for r in page["Data"]] == [r["ManagedSystemID"] for r in everything[1:4]]

    named = systems.get_managed_systems(name="DC01")
    assert [r["ManagedSystemID"] for r in named] == [123]
    assert systems.get_managed_system_by_id(5)["SystemName"] == "srv1"


def test_list_managed_accounts(signed_in):
    accounts = ManagedAccount(signed_in)
    listed = accounts.get_managed_accounts()  # BIPS sends limit=1000&offset=0
    assert isinstance(listed, list)
    rows = by_id(listed, "AccountId")
    assert (rows[50]["SystemId"], rows[50]["SystemName"], rows[50]["AccountName"]) == (123, "DC01", "admin")
    assert (rows[12]["SystemId"], rows[12]["SystemName"], rows[12]["AccountName"]) == (5, "srv1", "root")
    assert 45 not in rows, "krbtgt is not enabled for API access"

    one = accounts.get_managed_accounts(system_name="DC01", account_name="admin")
    assert isinstance(one, dict)
    assert (one["SystemId"], one["AccountId"], one["AccountName"]) == (123, 50, "admin")

    of_system = accounts.get_managed_accounts(system_id=123)
    assert {r["AccountName"] for r in of_system} >= {"admin", "svc-monitor"}

    provisioning = by_id(accounts.list_by_managed_system(5), "ManagedAccountID")
    assert provisioning[12]["AccountName"] == "root"
    assert provisioning[12]["ManagedSystemID"] == 5

    with pytest.raises(exceptions.LookupError, match="statuscode: 404"):
        accounts.get_managed_accounts(system_name="DC01", account_name="nobody")


# --- credential retrieval ----------------------------------------------------------------


def test_get_secret_by_path_matches_pamtui_show(simulator, api_key_auth):
    """pamtui checks DC01/admin out and prints the password; BIPS's get_secret (sign-in, find
    the account, POST Requests with ConflictOption reuse, GET Credentials, check-in) must reuse
    that request and get the same password."""
    shown = simulator.pamtui("show", "beyondtrust:DC01/admin").rstrip("\n")
    assert shown

    assert api_key_auth.get_api_access().status_code == 200
    account = ManagedAccount(api_key_auth)
    retrieved = account.get_secret("DC01/admin")
    assert retrieved == shown

    # BIPS checked the shared request in; nothing is left open on the account.
    open_requests = Request(api_key_auth).get_requests(status="active")
    assert not [r for r in open_requests if r["AccountID"] == 50]

    # Second round: DC01/admin rotates when released, so both sides see the new password.
    shown_again = simulator.pamtui("show", "beyondtrust:DC01/admin").rstrip("\n")
    assert shown_again and shown_again != shown
    assert account.get_secret("DC01/admin") == shown_again
    api_key_auth.sign_app_out()


def test_get_secret_consistent_without_rotation(signed_in):
    """With rotate_on_checkin=False two retrievals give the same password."""
    account = ManagedAccount(signed_in, rotate_on_checkin=False)
    first = account.get_secret("DC01/admin")
    second = account.get_secret("DC01/admin")
    assert first and first == second

    both = account.get_secrets_with_metadata(["srv-db-01/postgres", "srv1/root"])
    assert both["srv-db-01/postgres"] and both["srv1/root"]
    assert both["srv-db-01/postgres-metadata"]["AccountId"] == 14
    assert both["srv1/root-metadata"]["SystemId"] == 5


def test_explicit_request_and_check_in(signed_in):
    requests_api = Request(signed_in)
    request_id, status = requests_api.post_request(
        system_id=123, account_id=52, duration_minutes=10, reason="peer test",
        conflict_option="reuse")
    assert status == 201 and isinstance(request_id, int)

    active = by_id(requests_api.get_requests(status="active"), "RequestID")
    assert active[request_id]["AccountName"] == "svc-monitor"
    assert active[request_id]["SystemID"] == 123

    password = Credentials(signed_in).get_credentials_by_request_id(request_id)
    assert isinstance(password, str) and password

    # reuse hands back the same open request
    again, status = requests_api.post_request(
        system_id=123, account_id=52, duration_minutes=10, conflict_option="reuse")
    assert (again, status) == (request_id, 200)

    requests_api.put_request_checkin(request_id, reason="done")  # body {"Reason": "done"}, expects 204
    assert request_id not in by_id(requests_api.get_requests(), "RequestID")
    with pytest.raises(exceptions.LookupError, match="statuscode: 404"):
        Credentials(signed_in).get_credentials_by_request_id(request_id)


def test_check_in_variants(signed_in):
    """ManagedAccount's check-in sends {} and Request's with no reason sends {"Reason": null}."""
    account = ManagedAccount(signed_in)
    request_id = account.get_request_id(13, 15)  # srv-db-01 / dbadmin
    assert account.get_credential_by_request_id(request_id)
    account.request_check_in(request_id)

    requests_api = Request(signed_in)
    request_id, _ = requests_api.post_request(system_id=13, account_id=15, duration_minutes=5)
    requests_api.put_request_checkin(request_id)
    assert request_id not in by_id(requests_api.get_requests(), "RequestID")


def test_request_without_conflict_option_conflicts(signed_in):
    requests_api = Request(signed_in)
    request_id, _ = requests_api.post_request(system_id=7, account_id=19, duration_minutes=5)
    try:
        with pytest.raises(exceptions.CreationError, match="4091"):
            requests_api.post_request(system_id=7, account_id=19, duration_minutes=5)
        # BIPS signed out after the 409: sign in again to clean up.
        assert signed_in.get_api_access().status_code == 200
    finally:
        requests_api.put_request_checkin(request_id)


# --- Secrets Safe --------------------------------------------------------------------------


def test_list_folders(signed_in):
    folders = Folder(signed_in)
    everything = folders.list_folders()
    names = {f["Name"] for f in everything}
    assert {"team", "app", "prod", "Infrastructure", "Network"} <= names

    app = folders.list_folders(folder_path="team/app", limit=5, offset=0)
    assert [f["Name"] for f in app] == ["app", "prod"]
    app_only = folders.list_folders(folder_path="team/app", include_subfolders=False)
    assert [f["Name"] for f in app_only] == ["app"]
    roots = {f["Name"] for f in folders.list_folders(root_only=True)}
    assert roots == {"team", "Infrastructure", "Personal"}

    team = next(f for f in everything if f["Name"] == "team")
    assert folders.get_by_id(team["Id"])["Name"] == "team"


def test_secrets_safe_get_secret_by_path(simulator, signed_in):
    safe = SecretsSafe(signed_in)
    password = safe.get_secret("team/app/db")
    assert password and password == simulator.pamtui("secret", "beyondtrust:team/app/db").rstrip("\n")

    with_meta = safe.get_secret_with_metadata("team/app/db")
    assert with_meta["team/app/db-metadata"]["Username"] == "app_rw"

    config = safe.get_secret("team/app/app-config")  # a File secret: downloaded
    assert "DB_USER=app_rw" in config

    everything = safe.get_all_secrets_by_folder_path("team/app")
    assert everything["team/app/db"] == password
    assert everything["team/app/app-config"] == config

    with pytest.raises(exceptions.LookupError, match="not found"):
        safe.get_secret("team/app/no-such-secret")


def test_secrets_safe_text_secret_by_path(simulator, signed_in):
    expected = simulator.pamtui("secret", "beyondtrust:team/app/api-token").rstrip("\n")
    assert expected.startswith("demo_")
    safe = SecretsSafe(signed_in)
    assert safe.get_secret("team/app/api-token") == expected
    assert safe.get_all_secrets_by_folder_path("team/app")["team/app/api-token"] == expected


def test_secrets_safe_version_3_2(simulator):
    """With api_version 3.2 the list answers are {TotalCount, Data}; BIPS unwraps them."""
    auth = Authentication(req=requests.Session(), api_url=simulator.url,
                          api_key=simulator.bips_api_key, verify_ca=simulator.ca,
                          api_version="3.2")
    assert auth.get_api_access().status_code == 200
    safe = SecretsSafe(auth)
    assert safe.get_secret("team/app/prod/db") == SecretsSafe(auth).get_secret("team/app/prod/db")
    listed = safe.list_secrets(path="team/app/prod", limit=10, offset=0)
    assert listed["TotalCount"] == 2
    assert {s["Title"] for s in listed["Data"]} == {"db", "smtp-relay"}

    app = next(f for f in Folder(auth).list_folders(folder_path="team/app") if f["Name"] == "app")
    in_folder = safe.list_secrets_by_folder_id(app["Id"])
    assert {s["Title"] for s in in_folder["Data"]} == {"db", "api-token", "app-config"}
    auth.sign_app_out()
