"""pysecretserver 0.4.2, unmodified, against the Secret Server simulator over TLS: every example
of its README (the seed) verbatim apart from site, user and password, in the README's order, and
each answer compared with the output the README prints. Tests share one simulator and run in
file order (the README's), so the ids the README shows (folder 1928, secret 2623…) come out the same."""

import re
import sys
from pathlib import Path

import pysecretserver
import pytest
from pysecretserver.query import RequestError

sys.path.insert(0, str(Path(__file__).resolve().parent))
import readme_outputs as readme  # noqa: E402


def assert_matches(ours, theirs, ignore=()):
    """Every key the README shows has the README's value (our extra keys are allowed: the
    README predates isList/listType); lists match element by element."""
    if isinstance(theirs, dict):
        assert isinstance(ours, dict), ours
        for key, value in theirs.items():
            if key in ignore:
                continue
            assert key in ours, f"missing {key!r} in {ours}"
            assert_matches(ours[key], value, ignore)
    elif isinstance(theirs, list):
        assert isinstance(ours, list) and len(ours) == len(theirs), (ours, theirs)
        for mine, yours in zip(ours, theirs):
            assert_matches(mine, yours, ignore)
    else:
        assert ours == theirs


def test_instantiating_the_api_authenticates(simulator, ss):
    assert isinstance(ss.token, str) and len(ss.token) > 40
    before = ss.token
    ss.update_auth_token()
    assert ss.token != before
    # A fresh API object from the README's call signs in again.
    other = pysecretserver.api(site=simulator.site, username=simulator.username, password=simulator.password)
    assert other.token not in (before, ss.token)


def test_wrong_password_is_a_request_error(simulator):
    with pytest.raises(RequestError, match="The request failed with code 400"):
        pysecretserver.api(site=simulator.site, username=simulator.username, password="SuperSecretPassword")


def test_retrieve_a_secret(ss):
    assert_matches(ss.Secrets.get_item(2610), readme.GET_SECRET_2610)


def test_retrieve_metadata_for_a_folder(ss):
    assert_matches(ss.Folders.get_item_metadata(1814), readme.FOLDER_1814_METADATA)


def test_create_a_folder(ss):
    assert ss.Folders.create_item({'folderName': 'Test Folder', 'folderTypeId': 1, 'parentFolderId': 1814}) == readme.CREATE_FOLDER


def test_update_a_folder(ss):
    folder = ss.Folders.get_item(1928)
    folder.update({'folderName':'Updated Test Folder'})
    updated = ss.Folders.update_item(1928, folder)
    # The README prints another folder's answer here; ours is the folder just renamed.
    assert updated == {**readme.CREATE_FOLDER, 'folderName': 'Updated Test Folder',
                       'folderPath': '\\Flex_API_Testing\\Daisy Group\\Updated Test Folder'}
    assert ss.Folders.get_item(1928)['folderName'] == 'Updated Test Folder'


def test_create_a_metadata_field_on_a_folder(ss):
    data = {
        "data": {
            "fieldDataType": "string",
            "metadataFieldName": "Customer Code",
            "metadataFieldSectionName": "Customer Details",
            "valueString": "TST",
        }
    }
    created = ss.Folders.create_item_metadata(1928, data)
    assert_matches(created, readme.CREATE_FOLDER_METADATA, ignore=("createDateTime",))
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z", created["createDateTime"])


def test_update_a_metadata_field_on_a_folder(ss):
    data = {
        'data':{
            'metadataItemDataId':25,
            'valueString': {
                'dirty':True,
                'value': 'XXX'
            }
        }
    }
    updated = ss.Folders.update_item_metadata(1928, data)
    assert_matches(updated, readme.UPDATE_FOLDER_METADATA, ignore=("createDateTime",))
    assert [m['valueString'] for m in ss.Folders.get_item_metadata(1928)] == ['XXX']


def test_delete_a_metadata_field_on_a_folder(ss):
    assert ss.Folders.delete_item_metadata(1929, 25) == readme.DELETE_FOLDER_METADATA
    assert ss.Folders.get_item_metadata(1928) == []


def test_delete_a_folder(ss):
    assert ss.Folders.delete_item(1928) == readme.DELETE_FOLDER
    with pytest.raises(RequestError, match="API_AccessDenied"):
        ss.Folders.get_item(1928)


def test_retrieve_all_metadata_fields(ss):
    fields = ss.Metadata.get_fields()
    # The README's four fields, in its (name) order; 'Customer Code' was made by the create above.
    ours = [field for field in fields if field['metadataFieldId'] in (1, 2, 3, 4)]
    assert_matches(ours, readme.METADATA_FIELDS)
    assert [f['metadataFieldName'] for f in fields] == sorted(f['metadataFieldName'] for f in fields)
    assert any(f['metadataFieldName'] == 'Customer Code' and f['metadataFieldId'] == 5 for f in fields)


def test_retrieve_all_secrets_in_a_folder(ss):
    # daysUntilExpiration counts from the day the README was written.
    assert_matches(ss.Secrets.search_item(filters={'filter.folderId': 1809}), readme.SECRETS_IN_1809, ignore=("daysUntilExpiration",))


def test_search_for_folders_by_folder_name(ss):
    # Secret Server has no filter.folderName: it ignores it and lists the first page of every
    # folder, which holds the README's five.
    found = ss.Folders.search_item(filters={'filter.folderName':'Daisy Group'})
    by_id = {folder['id']: folder for folder in found}
    for folder in readme.FOLDERS_NAMED_DAISY_GROUP:
        assert by_id.get(folder['id']) == folder
    assert len(found) == 10


def test_create_a_secret(ss):
    created = ss.Secrets.create_item({
        "name": "Secret 010",
        "folderId": 1831,
        "secretTemplateId": 6007,
        "siteId": 1,
        'items': [
            {
                'fieldId': 108,
                'itemValue': 'Create 007 Test',
            },
            {
                'fieldId': 111,
                'itemValue': 'root',
            },
            {
                'fieldId': 110,
                'itemValue': 'newpassword',
            },
            {
                'fieldId': 109,
                'itemValue': 'Initial Notes Value',
                'slug': 'notes'
            },
            {
                'fieldId': 189,
                'itemValue': '*** Not Valid For Display ***',
            },
            {
                'fieldId': 190,
                'itemValue': '',
            }
        ],
    })
    assert_matches(created, readme.CREATE_SECRET)
    assert ss.Secrets.get_item(2623)['name'] == 'Secret 010'


def test_delete_a_secret(ss):
    assert ss.Secrets.delete_item(2621) == readme.DELETE_SECRET
    assert 2621 not in [s['id'] for s in ss.Secrets.search_item(filters={'filter.folderId': 1809})]
    assert ss.Secrets.search_item(filters={'filter.folderId': 1809, 'filter.includeInactive': True, 'filter.includeActive': False})[0]['id'] == 2621


# --- the rest of the library's surface -------------------------------------------------------


def test_secret_field_update_and_metadata(ss):
    assert ss.Secrets.get_item_field(2610, 'Password')['itemValue'] == 'newpassword'
    assert ss.Secrets.get_item_field(2610, 'No such field') is None

    secret = ss.Secrets.get_item(2620)
    secret['name'] = 'Secret 007 renamed'
    for item in secret['items']:
        if item['slug'] == 'notes':
            item['itemValue'] = 'Updated notes'
    updated = ss.Secrets.update_item(2620, secret)
    assert updated['name'] == 'Secret 007 renamed'
    assert {i['slug']: i['itemValue'] for i in ss.Secrets.get_item(2620)['items']}['notes'] == 'Updated notes'

    assert [m['metadataFieldName'] for m in ss.Secrets.get_item_metadata(2610)] == ['Secret Test', 'Secret Test 2']
    assert [m['valueString'] for m in ss.Secrets.get_item_metadata(2610, meta_field_id=4)] == ['CC-1042']
    made = ss.Secrets.create_item_metadata(2620, {"data": {"metadataFieldName": "Secret Test", "valueString": "y"}})
    assert made['metadataFieldId'] == 3 and made['valueString'] == 'y'
    changed = ss.Secrets.update_item_metadata(2620, {"data": {"metadataItemDataId": made['metadataItemDataId'], "valueString": "z"}})
    assert changed['valueString'] == 'z' and changed['metadataFieldName'] == 'Secret Test'
    assert ss.Secrets.delete_item_metadata(2620, made['metadataItemDataId']) == {'success': True}
    assert ss.Secrets.get_item_metadata(2620) == []


def test_search_secrets_by_text_and_folder_search(ss):
    found = ss.Secrets.search_item(filters={'filter.searchText': 'Grafana'})
    assert [s['name'] for s in found] == ['Grafana admin']
    assert [f['folderName'] for f in ss.Folders.search_item(filters={'filter.searchText': 'Daisy'})] == ['Daisy Group', 'Daisy Group 101']
    paged = ss.Folders.search_item(filters={'filter.parentFolderId': 1700, 'filter.limitToDirectDescendents': True}, params={'take': 2, 'skip': 2})
    assert [f['folderName'] for f in paged] == ['Network', 'Windows Servers']


def test_errors_are_request_errors(ss):
    with pytest.raises(RequestError, match="API_AccessDenied"):
        ss.Secrets.get_item(999999)
    with pytest.raises(RequestError, match="API_ValidateSecretAccessCommentRequired"):
        ss.Secrets.get_item(2541)
    with pytest.raises(RequestError, match="could not be found"):
        ss.Secrets.request._make_request(verb="get", endpoint="/no-such-route")


def test_get_field_sections_fails_in_the_client(ss):
    """A bug of pysecretserver 0.4.2: the request never leaves the client."""
    with pytest.raises(TypeError):
        ss.Metadata.get_field_sections(2610)
