import PAMCLI
