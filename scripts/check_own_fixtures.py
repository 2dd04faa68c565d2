#!/usr/bin/env python3
"""Checks that no file in the repository is a copy of a file of the shared fixture set.

Usage: scripts/check_own_fixtures.py [SHARED_DIR]   (default: ../shared/fixtures beside the repo)

A repository file is reported when it is byte-identical to a shared file, when both parse as JSON
and are equal after normalising (keys sorted, no whitespace), or when it holds at least half of
the shared file's distinctive values (strings of 8 or more characters that are not an
UPPER_CASE enum word, numbers of 5 or more digits, either found in at most two shared files:
a value many of Meta's examples share, such as "individual", is vocabulary, not content). Exit status 1 if anything is reported.
"""
import hashlib
import json
import os
import re
import sys

# Values the protocol fixes, not content: enum words, exception type names, documented error
# subcodes, LowCodeAPI's fixed envelope texts.
VOCABULARY = {
    "whatsapp", "individual", "interactive", "template", "quick_reply", "deterministic", "accepted",
    "send_location", "location_request_message", "OAuthException", "GraphMethodException", "2446079",
    "1349174", "2494071", "application/json; charset=UTF-8", "Error received from the whatsapp API",
    "whatsapp_business_account", "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
    "Message type unknown", "Message type is currently not supported.", "Something went wrong",
    "Unsupported webhook payload", "User's number is part of an experiment",
    "Failed to send message because this user's phone number is part of an experiment", "User identity changed",
    "ad or post", "image or video", "X-Hub-Signature-256", "130472", "131000", "131051",
}
# Also vocabulary: one snake_case word (a type, field or enum name) and a MIME type.
WORD = re.compile(r"[a-z][a-z0-9_]*|[a-z]+/[a-z0-9.+-]+(; codecs=[a-z]+)?")
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SKIP_DIRS = {".git", "build", "third_party"}


def leaves(j):
    if isinstance(j, dict):
        for v in j.values():
            yield from leaves(v)
    elif isinstance(j, list):
        for v in j:
            yield from leaves(v)
    else:
        yield j


def distinctive(j):
    out = set()
    for v in leaves(j):
        if str(v) in VOCABULARY or (isinstance(v, str) and WORD.fullmatch(v)):
            continue
        if isinstance(v, str) and len(v) >= 8 and not re.fullmatch(r"[A-Z0-9_]+", v):
            out.add(v)
        elif isinstance(v, (int, float)) and not isinstance(v, bool) and abs(v) >= 10000:
            out.add(repr(v))
    return out


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    # A fuzz seed may put a few selector bytes before the JSON: read from the first brace too.
    for start in (0, data.find(b"{")):
        try:
            return data, json.loads(data[max(start, 0):])
        except ValueError:
            pass
    return data, None


def main():
    shared_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared", "fixtures")
    if not os.path.isdir(shared_dir):
        print("no shared fixture set at", shared_dir)
        return 0
    shared = {}
    for name in sorted(os.listdir(shared_dir)):
        data, j = load(os.path.join(shared_dir, name))
        norm = json.dumps(j, sort_keys=True, separators=(",", ":")) if j is not None else None
        shared[name] = (hashlib.sha256(data).hexdigest(), norm, distinctive(j) if j is not None else set())
    found = 0
    checked = 0
    for root, dirs, files in os.walk(REPO):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.startswith("build")]
        for name in files:
            path = os.path.join(root, name)
            if os.path.getsize(path) > 1 << 20:
                continue
            checked += 1
            data, j = load(path)
            digest = hashlib.sha256(data).hexdigest()
            norm = json.dumps(j, sort_keys=True, separators=(",", ":")) if j is not None else None
            ours = distinctive(j) if j is not None else set()
            for sname, (sdigest, snorm, sdist) in shared.items():
                why = None
                if digest == sdigest:
                    why = "byte-identical"
                elif norm is not None and norm == snorm:
                    why = "equal JSON"
                elif sdist and len(sdist) >= 2 and len(ours & sdist) * 2 >= len(sdist):
                    why = "shares %d of %d distinctive values" % (len(ours & sdist), len(sdist))
                if why:
                    found += 1
                    print("%s: %s with shared %s" % (os.path.relpath(path, REPO), why, sname))
    print("checked %d files against %d shared files: %d copies" % (checked, len(shared), found))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
