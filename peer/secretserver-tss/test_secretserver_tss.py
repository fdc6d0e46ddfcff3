"""Delinea's python-tss-sdk 2.0.1, unmodified, against the Secret Server simulator over TLS."""

import json

import pytest
import requests
from delinea.secrets.server import (
    DomainPasswordGrantAuthorizer,
    PasswordGrantAuthorizer,
    SecretServer,
    SecretServerClientError,
    SecretServerError,
    ServerFolder,
    ServerSecret,
)

BASTION = r"\Infrastructure\Linux Servers\lnx-bastion deploy"

# --- sign-in --------------------------------------------------------------------------------


def test_password_grant_gets_a_token(simulator):
    authorizer = PasswordGrantAuthorizer(simulator.url, simulator.username, simulator.password)
    token = authorizer.get_access_token()
    assert token and authorizer._server_type == "secret_server"
    assert authorizer.access_grant["token_type"] == "bearer"
    assert authorizer.access_grant["expires_in"] == 1199
    assert authorizer.access_grant["refresh_token"]
    assert authorizer.headers()["Authorization"] == f"Bearer {token}"


def test_domain_password_grant_gets_the_same_user(domain_server, server):
    assert domain_server.get_secret(2610)["id"] == 2610
    assert server.get_secret(2610)["id"] == 2610


@pytest.mark.parametrize("domain", ["daisyops", "DAISYOPS"])
def test_domain_is_case_insensitive(simulator, domain):
    authorizer = DomainPasswordGrantAuthorizer(simulator.url, simulator.username, domain, simulator.password)
    assert authorizer.get_access_token()


@pytest.mark.parametrize("case", ["password", "domain", "user"])
def test_bad_credentials_are_refused(simulator, case):
    user, password, domain = simulator.username, simulator.password, simulator.domain
    if case == "password":
        password += "x"
    elif case == "domain":
        domain = "ELSEWHERE"
    else:
        user = "nobody"
    authorizer = DomainPasswordGrantAuthorizer(simulator.url, user, domain, password)
    with pytest.raises(SecretServerClientError) as refused:
        authorizer.get_access_token()
    assert refused.value.message == "Login failed."


def test_tls_is_verified_against_the_ca(simulator, monkeypatch):
    """Without the simulator's CA the health check fails its handshake, so the SDK cannot even
    tell the server is Secret Server."""
    monkeypatch.delenv("REQUESTS_CA_BUNDLE")
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(simulator.url + "/api/v1/healthcheck", timeout=30)
    with pytest.raises(SecretServerError) as failed:
        PasswordGrantAuthorizer(simulator.url, simulator.username, simulator.password).get_access_token()
    assert failed.value.message == "Unable to detect server type via health check endpoints."


# --- secrets --------------------------------------------------------------------------------


def test_get_secret_by_id(server):
    secret = server.get_secret(2610)
    assert secret["name"] == "New XXX UPDATED Secret Name"
    assert secret["secretTemplateId"] == 6007 and secret["folderId"] == 1809
    model = ServerSecret(**secret)
    assert model.secret_template_name == "Unix Account (SSH)"
    assert model.fields["password-1"].value == "newpassword"
    assert model.fields["username"].value == "root"
    assert model.fields["private-key"].file_attachment_id is None
    assert model.last_heart_beat_check.year == 1


def test_get_secret_json(server):
    secret = json.loads(server.get_secret_json(2501))
    assert secret["name"] == "WIN-DC01 Administrator"
    assert {item["slug"] for item in secret["items"]} == {"machine", "username", "password", "notes"}
    password = next(item for item in secret["items"] if item["slug"] == "password")
    assert password["isPassword"] and password["itemValue"].startswith("Demo-")
    assert json.loads(server.get_secret_json(2501, query_params={"noAutoCheckout": "true"}))["id"] == 2501


def test_get_secret_by_path_with_file_attachments(server):
    by_path = server.get_secret_by_path(BASTION)
    assert by_path["id"] == 2513
    items = {item["slug"]: item for item in by_path["items"]}
    private_key = items["private-key"]
    assert private_key["fileAttachmentId"] and private_key["filename"] == "id_ecdsa"
    # The SDK replaces a file's itemValue with the response of GET fields/{slug}?secretPath=….
    assert isinstance(private_key["itemValue"], requests.Response)
    assert private_key["itemValue"].content.startswith(b"-----BEGIN PRIVATE KEY-----")
    assert items["public-key"]["itemValue"].content.startswith(b"ecdsa-sha2-nistp256 ")
    assert items["username"]["itemValue"] == "deploy"

    by_id = server.get_secret(2513)
    assert by_id["items"][0]["itemValue"] == items["machine"]["itemValue"]
    assert by_id["items"][3]["itemValue"].content == private_key["itemValue"].content
    # Forward slashes and a missing leading separator are normalised by the SDK.
    assert server.get_secret_by_path("Infrastructure/Linux Servers/lnx-bastion deploy")["id"] == 2513
    without_files = server.get_secret_by_path(BASTION, fetch_file_attachments=False)
    assert {item["slug"]: item for item in without_files["items"]}["private-key"]["itemValue"] == "*** Not Valid For Display ***"


def test_unknown_secret_is_a_client_error(server):
    with pytest.raises(SecretServerClientError) as refused:
        server.get_secret(1000)
    assert refused.value.message == "Access Denied"
    with pytest.raises(SecretServerClientError):
        server.get_secret_by_path(r"\Infrastructure\Linux Servers\no such secret")


def test_restricted_secrets_refuse_a_plain_get(server):
    # The SDK keeps the server's message in .message (str() of its errors is empty).
    for secret_id, sentence in [(2541, "requires a comment"), (2543, "checked out by another user"), (2542, "requires approval")]:
        with pytest.raises(SecretServerClientError) as refused:
            server.get_secret(secret_id)
        assert sentence in refused.value.message


def test_get_secret_checks_out_a_checkout_secret(server):
    secret = server.get_secret(2540)
    assert secret["checkOutEnabled"] and secret["checkedOut"]
    assert secret["checkOutUserDisplayName"] == "flex_api"
    assert 29 <= secret["checkOutMinutesRemaining"] <= 30
    again = server.get_secret(2540)  # the holder reads again without a new check-out
    assert again["checkOutUserId"] == secret["checkOutUserId"]


def test_search_secrets(server):
    found = json.loads(server.search_secrets(query_params={"filter.searchText": "SQL01"}))
    assert [record["name"] for record in found["records"]] == ["SQL01 app_reporting", "SQL01 sa"]
    assert found["total"] == 2 and not found["hasNext"]
    assert "items" not in found["records"][0]

    paged = json.loads(server.search_secrets(query_params={"filter.searchText": "gen-", "take": 25, "skip": 50}))
    assert paged["total"] == 250 and paged["hasNext"] and paged["nextSkip"] == 75
    assert [r["name"][:10] for r in paged["records"]] == [f"gen-{n:06d}" for n in range(50, 75)]
    default_page = json.loads(server.search_secrets())
    assert len(default_page["records"]) == 10 and default_page["take"] == 10


def test_get_secret_ids_by_folderid(server):
    assert server.get_secret_ids_by_folderid(1809) == [2608, 2610, 2620, 2621]
    # More than one default page: the SDK asks search-total first, then takes that many.
    assert server.get_secret_ids_by_folderid(5001) == list(range(100_000, 100_100))
    assert server.get_secret_ids_by_folderid(1814) == [2611]


# --- folders --------------------------------------------------------------------------------


def test_get_folder(server):
    folder = server.get_folder(1814)
    assert folder["folderName"] == "Daisy Group"
    assert folder["folderPath"] == "\\Flex_API_Testing\\Daisy Group"
    assert folder["parentFolderId"] == 1809 and folder["childFolders"] is None
    model = ServerFolder(**folder)
    assert model.folder_type_id == 1 and model.inherit_permissions

    tree = server.get_folder(1809, query_params={}, get_all_children=True)
    children = {child["folderName"]: child for child in tree["childFolders"]}
    assert set(children) == {"Daisy Group", "Daisy Group 101"}
    assert {c["folderName"] for c in children["Daisy Group 101"]["childFolders"]} == {"Folder 007", "Extra Double Secret 009"}


def test_get_folder_by_path(server):
    folder = server.get_folder_by_path(r"\Flex_API_Testing\Daisy Group 101")
    assert folder["id"] == 1821
    assert [child["id"] for child in folder["childFolders"]] == [1831, 1830]
    assert server.get_folder_by_path("Infrastructure/Databases", get_all_children=False)["id"] == 1703
    with pytest.raises(SecretServerClientError):
        server.get_folder_by_path(r"\No\Such\Folder")


def test_lookup_folders(server):
    found = json.loads(server.lookup_folders(query_params={"filter.searchText": "Daisy"}))
    assert found["records"] == [{"id": 1814, "value": "Daisy Group"}, {"id": 1821, "value": "Daisy Group 101"}]
    assert found["total"] == 2
    children = json.loads(server.lookup_folders(query_params={"filter.parentFolderId": 1700, "filter.limitToDirectDescendents": True}))
    assert [r["value"] for r in children["records"]] == ["Databases", "Linux Servers", "Network", "Windows Servers"]


def test_get_child_folder_ids_by_folderid(server):
    assert server.get_child_folder_ids_by_folderid(1809) == [1814, 1821]
    assert server.get_child_folder_ids_by_folderid(1814) == []
    # 250 generated secrets sit in three batch folders under \Generated.
    assert server.get_child_folder_ids_by_folderid(5000) == [5001, 5002, 5003]
