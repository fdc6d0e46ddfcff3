"""Lists ALL secrets of a Secret Server with Delinea's Python SDK (python-tss-sdk), paging
`search_secrets` with skip/take until the server says there is no next page, as a tss user
would (restricted ones included, as pamtui lists them); prints the number of secrets.

usage: list_secrets_tss.py READY_JSON [--page-size N]

READY_JSON is the file holding `pamtui simulate`'s ready line (site URL, user, password).
"""

import argparse
import json
import os

for _name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
    os.environ.pop(_name, None)

from delinea.secrets.server import PasswordGrantAuthorizer, SecretServer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("ready_json")
    parser.add_argument("--page-size", type=int, default=1000)
    args = parser.parse_args()

    with open(args.ready_json) as f:
        ready = json.load(f)
    ss = ready["vendors"]["secretserver"]
    server = SecretServer(ss["url"], PasswordGrantAuthorizer(ss["url"], ss["username"], ss["password"]))
    count = 0
    skip = 0
    while True:
        page = json.loads(server.search_secrets(query_params={"filter.includeRestricted": "true", "skip": skip, "take": args.page_size}))
        count += len(page["records"])
        if not page.get("hasNext"):
            break
        skip = page.get("nextSkip") or skip + args.page_size
    print(count)


if __name__ == "__main__":
    main()
