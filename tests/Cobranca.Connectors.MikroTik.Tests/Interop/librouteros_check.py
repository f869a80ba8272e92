"""Drives a RouterOS API server with Debian's python3-librouteros and prints one JSON object with what it saw.

usage: librouteros_check.py HOST PORT USER PASSWORD plain|token
"""
import json
import sys

import librouteros
from librouteros.login import plain, token
from librouteros.query import Key

host, port, user, password, method = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
api = librouteros.connect(host, user, password, port=port, timeout=10,
                          login_method=plain if method == "plain" else token)
out = {}
lists = api.path("ip", "firewall", "address-list")
out["added_id"] = lists.add(list="py-test", address="10.9.0.1", comment="from-python")
lists.add(list="py-test", address="10.9.0.2")
rows = list(lists.select(Key(".id"), Key("address")).where(Key("list") == "py-test"))
out["printed"] = sorted(r["address"] for r in rows)
out["printed_keys"] = sorted(set(k for r in rows for k in r))
rows = list(lists.select(Key("address")).where(Key("address").In("10.9.0.1", "10.9.0.2", "10.9.0.3")))
out["printed_in"] = sorted(r["address"] for r in rows)
try:
    lists.add(list="py-test", address="10.9.0.1")
    out["duplicate"] = "accepted"
except librouteros.exceptions.TrapError as e:
    out["duplicate"] = str(e)
lists.remove(out["added_id"])
out["after_remove"] = sorted(r["address"] for r in lists.select(Key("address")).where(Key("list") == "py-test"))
out["empty_print"] = list(api.path("ppp", "secret"))
api.close()
print(json.dumps(out))
