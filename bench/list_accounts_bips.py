"""Lists ALL managed accounts of a BeyondTrust server with the official Python library
(BIPS, `secrets_safe_library`), paging with limit/offset until a short page, as a BIPS user
would; prints the number of accounts.

usage: list_accounts_bips.py READY_JSON [--page-size N]

READY_JSON is the file holding `pamtui simulate`'s ready line (URL, API key, run-as, CA).
"""

import argparse
import json
import os

# requests would let REQUESTS_CA_BUNDLE override the CA given to BIPS (see peer/conftest.py).
for _name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
    os.environ.pop(_name, None)

import requests  # noqa: E402
from secrets_safe_library.authentication import Authentication  # noqa: E402
from secrets_safe_library.managed_account import ManagedAccount  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("ready_json")
    parser.add_argument("--page-size", type=int, default=1000)  # BIPS's own default limit
    args = parser.parse_args()

    with open(args.ready_json) as f:
        ready = json.load(f)
    bt = ready["vendors"]["beyondtrust"]
    auth = Authentication(
        req=requests.Session(),
        api_url=bt["url"],
        api_key=f"{bt['apiKey']};runas={bt['runAs']};",
        verify_ca=ready["ca"] or True,
    )
    response = auth.get_api_access()
    if response.status_code != 200:
        raise SystemExit(f"sign-in failed: {response.status_code} {response.text}")

    accounts = ManagedAccount(auth)
    count = 0
    offset = 0
    while True:
        page = accounts.get_managed_accounts(limit=args.page_size, offset=offset)
        count += len(page)
        if len(page) < args.page_size:
            break
        offset += args.page_size
    auth.sign_app_out()
    print(count)


if __name__ == "__main__":
    main()
