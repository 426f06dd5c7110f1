"""Tests of the independent Python verifier against the published vectors in
Tests/ParleyRecordTests/Fixtures (see /work/shared/vectors/README.md for their meaning) and an
audit of a small fake Parley log served over HTTP on 127.0.0.1.

`cryptography` is required: if it is missing, importing parley_verify fails and so does every test.
"""

from __future__ import annotations

import base64
import hashlib
import io
import itertools
import json
import os
import struct
import subprocess
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import parley_verify as pv  # noqa: E402  (fails loudly without `cryptography`)

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "Tests" / "ParleyRecordTests" / "Fixtures"


def fixture(name: str):
    with open(FIXTURES / name, "rb") as handle:
        return json.load(handle)


def as_double(ieee_hex: str) -> float:
    return struct.unpack(">d", int(ieee_hex, 16).to_bytes(8, "big"))[0]


H = bytes.fromhex

# --------------------------------------------------------------------------------------------
# RFC 8785
# --------------------------------------------------------------------------------------------

JCS = fixture("jcs_vectors.json")["vectors"]
ES6 = fixture("es6_numbers.json")


def test_fixtures_are_present():
    assert len(JCS) == 6 and {v["name"] for v in JCS} == {"arrays", "french", "structures", "unicode", "values", "weird"}


@pytest.mark.parametrize("vector", JCS, ids=[v["name"] for v in JCS])
def test_jcs_vector(vector):
    expected = H(vector["expected_hex"])
    assert vector["expected_utf8"].encode("utf-8") == expected
    assert hashlib.sha256(expected).hexdigest() == vector["expected_sha256"]
    out = pv.canonicalize(pv.parse_json(vector["input_utf8"].encode("utf-8")))
    assert out == expected
    assert pv.is_canonical(expected)
    assert not pv.is_canonical(vector["input_utf8"].encode("utf-8"))  # every input has whitespace or order to fix


@pytest.mark.parametrize("check", ES6["discrete_checks"] + ES6["readme_sample_lines"],
                         ids=lambda c: c["ieee_hex"])
def test_es6_number(check):
    value = as_double(check["ieee_hex"])
    if check["expected"] is None:
        with pytest.raises(pv.CanonicalJSONError):
            pv.format_number(value)
        with pytest.raises(pv.CanonicalJSONError):
            pv.canonicalize([value])
    else:
        assert pv.format_number(value) == check["expected"]
        assert pv.canonicalize(value) == check["expected"].encode()


def _es6_lines():
    generator = ES6["generator"]
    for h in generator["static_u64_hex"]:
        yield int(h, 16)
    for i in range(2000):
        yield 0x0010000000000000 + i
    block, data = bytes(32), b""
    while True:
        if not data:
            block = hashlib.sha256(block).digest()
            data = block
        bits, data = int.from_bytes(data[:8], "little"), data[8:]
        value = as_double(format(bits, "x"))
        if value == 0 or value != value or value in (float("inf"), float("-inf")):
            continue
        yield bits


@pytest.mark.parametrize("published", [e for e in ES6["expected_file_sha256"] if e["lines"] <= 100000],
                         ids=lambda e: f"{e['lines']}-lines")
def test_es6_generated_file_digest(published):
    digest, size = hashlib.sha256(), 0
    for bits in itertools.islice(_es6_lines(), published["lines"]):
        line = f"{bits:x},{pv.format_number(as_double(format(bits, 'x')))}\n".encode()
        digest.update(line)
        size += len(line)
    assert size == published["bytes"]
    assert digest.hexdigest() == published["sha256"]


@pytest.mark.parametrize("text", [
    b'{"a":1,"a":2}',                 # duplicate key
    b'{"a":1,"\\u0061":2}',           # duplicate after unescaping
    b'["\\ud800"]',                   # lone high surrogate
    b'{"\\udc00":1}',                 # lone low surrogate as a key
    b'[NaN]', b'[Infinity]', b'[-Infinity]', b'[1e400]',
    b'\xef\xbb\xbf[]',                # BOM
    b'["\xff"]',                      # invalid UTF-8
    b'["\xed\xa0\x80"]',              # UTF-8-encoded surrogate
    b'[1.0]', b'[1E2]', b'[-0]', b'[0.10]', b'[9007199254740993]',
    b'{"b":1,"a":2}', b' []', b'[] ', b'["\\u0041"]', b'["\\/"]', b'["\\u001F"]',
    b'{"\xef\xac\xb3":1,"\xf0\x9f\x98\x82":2}',  # code-point order, not UTF-16 order
    b'',
])
def test_is_canonical_rejects(text):
    assert not pv.is_canonical(text)


@pytest.mark.parametrize("text", [
    b'{"\xf0\x9f\x98\x82":2,"\xef\xac\xb3":1}', b'[1e+30,0.002,4.5,-1,9007199254740992]', b'"\\u001f\\n\xe2\x82\xac/"',
    b'{"":0,"F":1,"f":2}', b'null', b'[true,false,{}]', b'"A\xcc\x8a"',
])
def test_is_canonical_accepts(text):
    assert pv.is_canonical(text)


def test_canonicalize_rejects_unrepresentable_values():
    for bad in (float("nan"), "\ud83d", {"\udc00": 1}, {1: 2}, object(), 10 ** 400):
        with pytest.raises(pv.CanonicalJSONError):
            pv.canonicalize(bad)


def test_canonicalize_large_integers_become_doubles():
    assert pv.canonicalize(2 ** 53) == b"9007199254740992"
    assert pv.canonicalize(2 ** 53 + 1) == b"9007199254740992"
    assert pv.canonicalize(10 ** 21) == b"1e+21"
    assert pv.canonicalize(-(10 ** 21)) == b"-1e+21"


# --------------------------------------------------------------------------------------------
# RFC 9162 §2.1
# --------------------------------------------------------------------------------------------

REF = fixture("rfc6962_reference.json")
LEAVES = [pv.leaf_hash(H(x)) for x in REF["leaves_hex"]]
INCLUSION = fixture("transparency_dev_inclusion_probes.json")["probes"]
CONSISTENCY = fixture("transparency_dev_consistency_probes.json")["probes"]


@pytest.mark.parametrize("vector", REF["hasher_vectors"], ids=lambda v: v["kind"])
def test_hasher_vector(vector):
    if vector["kind"] == "empty_root":
        got = pv.root_from_leaf_hashes([])
    elif vector["kind"] == "leaf":
        got = pv.leaf_hash(H(vector["input_hex"]))
    else:
        got = pv.node_hash(H(vector["left_hex"]), H(vector["right_hex"]))
    assert got.hex() == vector["expected"]


def test_reference_roots_nodes_and_compact_ranges():
    assert len(REF["roots"]) == 9
    for entry in REF["roots"]:
        assert pv.root_from_leaf_hashes(LEAVES[: entry["tree_size"]]).hex() == entry["root"]
    for level, row in enumerate(REF["node_hashes"]):
        for index, expected in enumerate(row):
            span = 1 << level
            assert pv.root_from_leaf_hashes(LEAVES[index * span:(index + 1) * span]).hex() == expected
    for entry in REF["compact_ranges"]:
        cr = pv.CompactRange()
        for leaf in LEAVES[: entry["tree_size"]]:
            cr.append(leaf)
        assert [h.hex() for h in cr.hashes] == entry["hashes"]


@pytest.mark.parametrize("vector", REF["inclusion_proofs"], ids=lambda v: f"{v['leaf_index']}-of-{v['tree_size']}")
def test_reference_inclusion_proof(vector):
    index, size = vector["leaf_index"], vector["tree_size"]
    proof = [H(p) for p in vector["proof"]]
    assert pv.inclusion_proof(LEAVES[:size], index) == proof
    root = pv.root_from_leaf_hashes(LEAVES[:size])
    pv.verify_inclusion(LEAVES[index], index, size, proof, root)
    if proof:
        with pytest.raises(pv.ProofError):
            pv.verify_inclusion(LEAVES[index], index, size, proof[::-1] if len(proof) > 1 else proof + proof, root)


@pytest.mark.parametrize("vector", REF["consistency_proofs"], ids=lambda v: f"{v['size1']}-to-{v['size2']}")
def test_reference_consistency_proof(vector):
    size1, size2 = vector["size1"], vector["size2"]
    proof = [H(p) for p in vector["proof"]]
    assert pv.consistency_proof(LEAVES[:size2], size1) == proof
    pv.verify_consistency(size1, size2, proof, pv.root_from_leaf_hashes(LEAVES[:size1]),
                          pv.root_from_leaf_hashes(LEAVES[:size2]))


def test_generated_proofs_verify_for_every_size_up_to_40():
    leaves = [pv.leaf_hash(bytes([i])) for i in range(40)]
    for n in range(1, 41):
        root = pv.root_from_leaf_hashes(leaves[:n])
        for m in range(n):
            pv.verify_inclusion(leaves[m], m, n, pv.inclusion_proof(leaves[:n], m), root)
        for m in range(1, n + 1):
            pv.verify_consistency(m, n, pv.consistency_proof(leaves[:n], m), pv.root_from_leaf_hashes(leaves[:m]), root)


def test_probe_counts():
    assert len(INCLUSION) == 98 and sum(p["want_error"] for p in INCLUSION) == 92
    assert len(CONSISTENCY) == 98 and sum(p["want_error"] for p in CONSISTENCY) == 92


@pytest.mark.parametrize("probe", INCLUSION, ids=lambda p: p["file"].removeprefix("testdata/inclusion/"))
def test_inclusion_probe(probe):
    args = (H(probe["leaf_hash"]), probe["leaf_index"], probe["tree_size"], [H(p) for p in probe["proof"]], H(probe["root"]))
    if probe["want_error"]:
        with pytest.raises(pv.ProofError):
            pv.verify_inclusion(*args)
    else:
        pv.verify_inclusion(*args)


STRICT_REJECTS = {"testdata/consistency/additional/sizes-are-equal-one-and-proof-is-empty.json"}


@pytest.mark.parametrize("probe", CONSISTENCY, ids=lambda p: p["file"].removeprefix("testdata/consistency/"))
def test_consistency_probe(probe):
    args = (probe["size1"], probe["size2"], [H(p) for p in probe["proof"]], H(probe["root1"]), H(probe["root2"]))
    if probe["want_error"] or probe["file"] in STRICT_REJECTS:
        with pytest.raises(pv.ProofError):
            pv.verify_consistency(*args)
    else:
        pv.verify_consistency(*args)


def test_twelve_byte_root_probe_is_rejected_by_the_strict_verifier():
    probe = next(p for p in CONSISTENCY if p["file"] in STRICT_REJECTS)
    assert probe["want_error"] is False and len(H(probe["root1"])) == 12  # upstream accepts it
    with pytest.raises(pv.ProofError, match="32"):
        pv.verify_consistency(1, 1, [], H(probe["root1"]), H(probe["root2"]))


# --------------------------------------------------------------------------------------------
# C2SP signed notes, cosignatures, checkpoints
# --------------------------------------------------------------------------------------------

KEYS = fixture("keys.json")
NOTES = fixture("signed_note_vectors.json")["notes"]
COSIG = {v["id"]: v for v in fixture("cosignature_vectors.json")["vectors"]}
CHECKPOINTS = fixture("checkpoint_vectors.json")


def seed_verifier(name: str) -> pv.Verifier:
    seed = KEYS["seed_keys"][name]
    return pv.verifier_from_seed(seed["name"], H(seed["seed_hex"]), seed["type"])


@pytest.mark.parametrize("entry", KEYS["vkeys"], ids=lambda e: e["vkey"].split("+")[0])
def test_vkey_parses_and_round_trips(entry):
    verifier = pv.parse_vkey(entry["vkey"])
    assert verifier.vkey == entry["vkey"]
    assert verifier.key_id == pv.key_id(verifier.name, verifier.key_type, verifier.public_key)


@pytest.mark.parametrize("entry", KEYS["invalid_vkeys"], ids=lambda e: e["why"])
def test_invalid_vkey_is_rejected(entry):
    with pytest.raises(pv.NoteError):
        pv.parse_vkey(entry["vkey"])


def test_seed_keys_give_the_published_key_ids():
    vkeys = {e["vkey"] for e in KEYS["vkeys"]}
    assert seed_verifier("enoch-zero-seed").vkey in vkeys
    assert seed_verifier("enoch-zero-seed").key_id.hex() == "af0cfe78"
    assert seed_verifier("seed17-witness").key_id.hex() == "cacf2e50"
    log, witness = seed_verifier("seed17-log"), seed_verifier("seed17-witness")
    assert log.public_key == witness.public_key and log.key_id != witness.key_id  # the type is in the id


@pytest.mark.parametrize("entry", KEYS["skeys"], ids=lambda e: e["matching_vkey"].split("+")[0])
def test_go_private_keys_match_their_vkeys(entry):
    _, _, name, hex_id, encoded = entry["skey"].split("+", 4)
    raw = base64.b64decode(encoded)
    assert raw[0] == 1
    verifier = pv.verifier_from_seed(name, raw[1:])
    assert verifier.key_id.hex() == hex_id
    assert verifier.vkey == entry["matching_vkey"]


@pytest.mark.parametrize("vector", KEYS["signing_vectors"], ids=lambda v: v.get("name") or v["skey"].split("+")[2])
def test_signing_vector(vector):
    text = vector["text"].encode()
    if "skey" in vector:
        _, _, name, _, encoded = vector["skey"].split("+", 4)
        line = pv.sign_note_line(text, name, base64.b64decode(encoded)[1:])
        assert text + b"\n" + line.encode() == vector["expected_note"].encode()
    else:
        line = pv.sign_note_line(text, vector["name"], H(vector["seed_hex"]))
        assert line == vector["expected_signature_line"]


def _note_bytes(note):
    return note["note_utf8"].encode("utf-8") if "note_utf8" in note else H(note["note_hex"])


def _note_verifiers(note):
    return [seed_verifier(k[5:]) if k.startswith("SEED:") else pv.parse_vkey(k) for k in note["verifier_vkeys"]]


def test_note_vector_count():
    assert len(NOTES) == 24


@pytest.mark.parametrize("note", NOTES, ids=lambda n: n["id"])
def test_signed_note_vector(note):
    data, expect = _note_bytes(note), note["expect"]
    if not expect["valid"]:
        error = expect["error"]
        with pytest.raises(pv.NoteError) as caught:
            pv.open_note(data, _note_verifiers(note))
        if error.startswith("malformed note"):
            assert "malformed note" in str(caught.value)
            with pytest.raises(pv.NoteError):
                pv.parse_note(data)
        elif error.startswith("invalid signature"):
            assert "invalid signature" in str(caught.value)
        else:
            assert "no verifiable signatures" in str(caught.value)
            parsed = pv.parse_note(data)
            if "text" in expect:
                assert parsed.text == expect["text"].encode()
            if "unverified" in expect:
                assert [(s.name, s.key_id.hex()) for s in parsed.signatures] == \
                       [(u["name"], u["key_id"]) for u in expect["unverified"]]
                for sig, want in zip(parsed.signatures, expect["unverified"]):
                    assert sig.cosignature_timestamp == want.get("cosignature_timestamp", sig.cosignature_timestamp)
                    if "cosignature_timestamp" in want:
                        assert sig.cosignature_timestamp == want["cosignature_timestamp"]
        return
    opened = pv.open_note(data, _note_verifiers(note))
    if "verified" in expect:
        assert [v.name for v in opened.verified] == expect["verified"]
    if "text" in expect:
        assert opened.text == expect["text"].encode()
    if "unverified" in expect:
        assert [(s.name, s.key_id.hex()) for s in opened.unverified] == \
               [(u["name"], u["key_id"]) for u in expect["unverified"]]
    if "checkpoint" in expect:
        checkpoint = pv.parse_checkpoint(opened.text)
        assert (checkpoint.origin, checkpoint.size, checkpoint.root.hex()) == \
               (expect["checkpoint"]["origin"], expect["checkpoint"]["tree_size"], expect["checkpoint"]["root_hex"])
    if expect.get("deterministic_resign"):
        seed_name = note["verifier_vkeys"][0][5:]
        seed = KEYS["seed_keys"][seed_name]
        line = pv.sign_note_line(opened.text, seed["name"], H(seed["seed_hex"]))
        assert data == opened.text + b"\n" + line.encode()


def test_signature_from_a_known_key_must_not_be_a_cosignature():
    # A type 0x04 cosignature never verifies as a plain note signature, and vice versa.
    text = b"example.org/log\n10\n" + base64.b64encode(bytes(32)) + b"\n"
    seed = bytes([0x11]) + bytes(31)
    cosigned = text + b"\n" + pv.sign_note_line(text, "example.org/witness", seed, pv.ALG_COSIGNATURE_V1, 99).encode()
    plain_verifier = pv.verifier_from_seed("example.org/witness", seed, pv.ALG_ED25519)
    with pytest.raises(pv.NoteError):
        pv.open_note(cosigned, [plain_verifier])
    opened = pv.open_note(cosigned, [pv.verifier_from_seed("example.org/witness", seed, pv.ALG_COSIGNATURE_V1)])
    assert opened.timestamps == {"example.org/witness": 99}


def test_sigsum_cosignature_lines():
    vector = COSIG["sigsum-cosig-seed17-ts1234"]
    text = vector["checkpoint_text"].encode()
    assert pv.cosignature_message(1234, text) == vector["expected_signed_message"].encode()
    cosigner = pv.verifier_from_seed(vector["cosigner_name"], H(vector["cosigner_seed_hex"]), pv.ALG_COSIGNATURE_V1)
    assert cosigner.key_id.hex() == "cacf2e50"
    outcomes = []
    for line in vector["lines"]:
        try:
            note = pv.open_note(text + b"\n" + line.encode() + b"\n", [cosigner])
            outcomes.append(("valid", note.timestamps[cosigner.name]))
        except pv.NoteError as error:
            outcomes.append(("malformed" if "76" in str(error) else "ignored", None))
    assert outcomes == [("ignored", None), ("valid", 1234), ("ignored", None), ("malformed", None)]
    assert vector["expect"][1]["timestamp"] == 1234 and vector["expect"][1]["key_id"] == "cacf2e50"
    # Re-signing gives the same bytes: Ed25519 is deterministic.
    assert pv.sign_note_line(text, vector["cosigner_name"], H(vector["cosigner_seed_hex"]),
                             pv.ALG_COSIGNATURE_V1, 1234) == vector["lines"][1] + "\n"


def test_cosignature_timestamp_vectors():
    payload = base64.b64decode(COSIG["formats-cosig-timestamp"]["signature_b64"])
    assert pv.parse_cosignature(payload)[1] == COSIG["formats-cosig-timestamp"]["expect"]["timestamp"]
    with pytest.raises(pv.NoteError):
        pv.parse_cosignature(base64.b64decode(COSIG["formats-cosig-timestamp-wrong-type"]["signature_b64"]))
    witness = COSIG["c2sp-cosig-example-witness-line"]
    sig = pv.parse_signature_line(witness["signature_line"])
    assert sig.key_id.hex() == witness["expect"]["key_id"]
    assert pv.parse_cosignature(sig.payload)[1] == witness["expect"]["timestamp"]


@pytest.mark.parametrize("vector", CHECKPOINTS["format_vectors"], ids=lambda v: v["origin"])
def test_checkpoint_format_vector(vector):
    root = H(vector["root_hex"])
    assert root == pv.leaf_hash(b"hello world")
    text = pv.format_checkpoint(vector["origin"], vector["tree_size"], root)
    assert text == vector["expected_text"].encode()
    assert pv.parse_checkpoint(text) == pv.Checkpoint(vector["origin"], vector["tree_size"], root)


@pytest.mark.parametrize("vector", CHECKPOINTS["parse_vectors"], ids=lambda v: v["why"])
def test_checkpoint_parse_vector(vector):
    # "lenient-only" texts are rejected: the root must be 32 bytes, extension lines non-empty.
    if vector["valid"] is True:
        pv.parse_checkpoint(vector["text"])
    else:
        with pytest.raises(pv.NoteError):
            pv.parse_checkpoint(vector["text"])


def test_checkpoint_extra_strictness():
    root = base64.b64encode(bytes(32)).decode()
    assert pv.parse_checkpoint(f"o\n0\n{root}\next one\n").extensions == ("ext one",)
    for bad in (f"o\n012\n{root}\n", f"o\n+12\n{root}\n", f"o\n18446744073709551616\n{root}\n", f"o\n1\n{root[:-1]}\n"):
        with pytest.raises(pv.NoteError):
            pv.parse_checkpoint(bad)
    assert pv.parse_checkpoint(f"o\n18446744073709551615\n{root}\n").size == pv.UINT64_MAX


# --------------------------------------------------------------------------------------------
# The audit, against a fake Parley server
# --------------------------------------------------------------------------------------------

SERVER_SEED = bytes(range(32))
SERVER_NAME = "parley.test"
MECH = "m-1"


def make_entry(log_id: str, index: int, data: dict | None = None) -> str:
    value = {"v": 1, "log": log_id, "index": index, "at": f"2025-02-18T09:{index % 60:02d}:00Z",
             "actor": {"account": "a-1", "party": "p-us", "role": "negotiator"},
             "kind": "note.written", "data": data or {"text": f"entry {index} \u00e9\u20ac"}}
    return pv.canonicalize(value).decode("utf-8")


class FakeLog:
    """One log, as a Parley server would hold it: entry texts, their tree, a signed checkpoint."""

    def __init__(self, log_id: str, size: int, seed: bytes = SERVER_SEED) -> None:
        self.log_id = log_id
        self.seed = seed
        self.entries = [make_entry(log_id, i) for i in range(size)]
        self.served_entries: list[str] | None = None  # what /entries serves, when it differs
        self.bad_proof = False
        self.sign()

    def leaves(self) -> list[bytes]:
        return [pv.leaf_hash(e.encode("utf-8")) for e in self.entries]

    def sign(self, size: int | None = None, root: bytes | None = None) -> None:
        size = len(self.entries) if size is None else size
        root = pv.root_from_leaf_hashes(self.leaves()[:size]) if root is None else root
        text = pv.format_checkpoint(f"{SERVER_NAME}/{self.log_id}", size, root)
        self.checkpoint = text + b"\n" + pv.sign_note_line(text, SERVER_NAME, self.seed).encode()

    def entry_texts(self) -> list[str]:
        return self.served_entries if self.served_entries is not None else self.entries


class FakeServer:
    def __init__(self) -> None:
        self.logs: dict[str, FakeLog] = {}
        self.requests: list[str] = []
        self.token = "secret-token"
        self.key = pv.verifier_from_seed(SERVER_NAME, SERVER_SEED).vkey
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep pytest output clean
                pass

            def do_GET(self):
                fake.requests.append(self.path)
                url = urllib.parse.urlsplit(self.path)
                query = {k: v[0] for k, v in urllib.parse.parse_qs(url.query).items()}
                if self.headers.get("Authorization") != f"Bearer {fake.token}":
                    return self.send(401, b"unauthorised")
                if url.path == "/api/v1/log/key":
                    return self.send(200, (fake.key + "\n").encode())
                parts = url.path.split("/")
                # /api/v1/mechanisms/<m>/<log|private-log>/...
                if len(parts) < 7 or parts[1:4] != ["api", "v1", "mechanisms"]:
                    return self.send(404, b"not found")
                log = fake.logs.get(f"{urllib.parse.unquote(parts[4])}:{parts[5]}")
                if log is None:
                    return self.send(404, b"not found")
                rest = "/".join(parts[6:])
                if rest == "checkpoint":
                    return self.send(200, log.checkpoint)
                if rest == "entries":
                    start, end = int(query["start"]), int(query["end"])
                    end = min(end, start + 1000)
                    texts = log.entry_texts()
                    items = [{"index": i, "entry": texts[i]} for i in range(start, min(end, len(texts)))]
                    return self.send(200, json.dumps(items).encode(), "application/json")
                if rest == "proof/consistency":
                    m, n = int(query["from"]), int(query["to"])
                    proof = pv.consistency_proof(log.leaves()[:n], m)
                    if log.bad_proof and proof:
                        proof[0] = bytes(32)
                    body = {"hashes": [base64.b64encode(h).decode() for h in proof]}
                    return self.send(200, json.dumps(body).encode(), "application/json")
                return self.send(404, b"not found")

            def send(self, status, body, kind="text/plain; charset=utf-8"):
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()

    def add(self, log: FakeLog, mechanism: str = MECH, private: bool = False) -> FakeLog:
        self.logs[f"{mechanism}:{'private-log' if private else 'log'}"] = log
        return log

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    fake = FakeServer()
    yield fake
    fake.close()


def run(server: FakeServer, state: Path | None = None, *extra: str, pin: bool = True):
    argv = ["audit", "--server", server.url, "--token", server.token, "--mechanism", MECH]
    if pin:
        argv += ["--server-key", server.key]
    if state is not None:
        argv += ["--state", str(state)]
    argv += list(extra)
    out, err = io.StringIO(), io.StringIO()
    code = pv.main(argv, out, err)
    return code, out.getvalue(), err.getvalue()


def test_audit_accepts_a_good_log_and_records_state(server, tmp_path):
    server.add(FakeLog(f"mechanism/{MECH}", 7))
    state = tmp_path / "state.json"
    code, out, err = run(server, state)
    assert code == 0, out + err
    assert "OK: mechanism/m-1 verified at size 7" in out
    saved = json.loads(state.read_text())
    assert saved["checkpoints"][f"{SERVER_NAME}/mechanism/{MECH}"]["size"] == 7
    assert saved["server_key"] == server.key


def test_audit_pages_entries_by_thousand_and_checks_growth_with_a_consistency_proof(server, tmp_path):
    log = server.add(FakeLog(f"mechanism/{MECH}", 1300))
    state = tmp_path / "state.json"
    assert run(server, state)[0] == 0
    log.entries += [make_entry(log.log_id, i) for i in range(1300, 2345)]
    log.sign()
    server.requests.clear()
    code, out, err = run(server, state)
    assert code == 0, out + err
    assert "consistency  proof 1300→2345 verifies" in out
    entry_calls = [r for r in server.requests if "/entries?" in r]
    assert len(entry_calls) == 3
    assert any("/proof/consistency?from=1300&to=2345" in r for r in server.requests)
    assert json.loads(state.read_text())["checkpoints"][f"{SERVER_NAME}/mechanism/{MECH}"]["size"] == 2345


def test_audit_of_a_private_log(server):
    server.add(FakeLog(f"mechanism/{MECH}/party/p-us", 4), private=True)
    code, out, _ = run(server, None, "--private")
    assert code == 0 and "mechanism/m-1/party/p-us verified at size 4" in out
    assert any("/private-log/checkpoint" in r for r in server.requests)


def test_audit_of_an_empty_log(server):
    server.add(FakeLog(f"mechanism/{MECH}", 0))
    assert run(server)[0] == 0


def test_audit_trusts_on_first_use_and_warns(server, tmp_path):
    server.add(FakeLog(f"mechanism/{MECH}", 3))
    state = tmp_path / "state.json"
    code, _, err = run(server, state, pin=False)
    assert code == 0 and "trusting" in err
    # The state file now pins the key: a server presenting another key is refused.
    other = pv.verifier_from_seed(SERVER_NAME, bytes(32)).vkey
    server.key = other
    code, out, _ = run(server, state, pin=False)
    assert code == 1 and "state file" in out


def failing(server, state=None, *extra):
    code, out, err = run(server, state, *extra)
    assert code == 1, out + err
    return out


def test_modified_entry_byte_is_named(server, tmp_path):
    log = server.add(FakeLog(f"mechanism/{MECH}", 9))
    state = tmp_path / "state.json"
    text = log.entries[5]
    position = text.index("entry 5")
    # Still canonical JSON with the right index and log, but not the bytes the tree holds.
    log.served_entries = log.entries[:5] + [text[:position] + "ENTRY" + text[position + 5:]] + log.entries[6:]
    out = failing(server, state)
    assert "first failing entry: 5" in out
    assert "entry bytes differ" in out
    assert not state.exists()  # state is written only after success


def test_non_canonical_entry_is_named(server):
    log = server.add(FakeLog(f"mechanism/{MECH}", 6))
    log.entries[2] = log.entries[2].replace('"v":1', '"v": 1')
    log.sign()  # even when the server signs the non-canonical bytes
    out = failing(server)
    assert "first failing entry: 2" in out and "not canonical" in out


def test_wrong_index_field_is_named(server):
    log = server.add(FakeLog(f"mechanism/{MECH}", 6))
    log.entries[4] = make_entry(log.log_id, 5)
    log.sign()
    out = failing(server)
    assert "first failing entry: 4" in out and '"index" is 5' in out


def test_entry_of_another_log_is_named(server):
    log = server.add(FakeLog(f"mechanism/{MECH}", 3))
    log.entries[1] = make_entry("mechanism/other", 1)
    log.sign()
    out = failing(server)
    assert "first failing entry: 1" in out and "'mechanism/other'" in out


def test_forked_history_same_size_different_root(server, tmp_path):
    log = server.add(FakeLog(f"mechanism/{MECH}", 5))
    state = tmp_path / "state.json"
    assert run(server, state)[0] == 0
    before = state.read_text()
    log.entries[3] = make_entry(log.log_id, 3, {"text": "another history"})
    log.sign()
    out = failing(server, state)
    assert "fork" in out and "same size" in out
    assert state.read_text() == before


def test_rewritten_history_under_a_longer_log(server, tmp_path):
    log = server.add(FakeLog(f"mechanism/{MECH}", 5))
    state = tmp_path / "state.json"
    assert run(server, state)[0] == 0
    log.entries[1] = make_entry(log.log_id, 1, {"text": "rewritten"})
    log.entries += [make_entry(log.log_id, i) for i in range(5, 8)]
    log.sign()
    out = failing(server, state)
    assert "fork or rewrite" in out


def test_bad_consistency_proof_fails(server, tmp_path):
    log = server.add(FakeLog(f"mechanism/{MECH}", 5))
    state = tmp_path / "state.json"
    assert run(server, state)[0] == 0
    log.entries += [make_entry(log.log_id, i) for i in range(5, 11)]
    log.sign()
    log.bad_proof = True
    out = failing(server, state)
    assert "consistency proof 5→11 fails" in out


def test_truncated_log_fewer_entries_than_signed(server):
    log = server.add(FakeLog(f"mechanism/{MECH}", 8))
    log.served_entries = log.entries[:6]
    out = failing(server)
    assert "truncated" in out and "first failing entry: 6" in out


def test_truncated_log_smaller_than_seen_before(server, tmp_path):
    log = server.add(FakeLog(f"mechanism/{MECH}", 8))
    state = tmp_path / "state.json"
    assert run(server, state)[0] == 0
    log.entries = log.entries[:6]
    log.sign()
    out = failing(server, state)
    assert "truncated" in out and "size 8" in out


def test_checkpoint_signed_by_another_key_fails(server):
    server.add(FakeLog(f"mechanism/{MECH}", 3, seed=bytes(32)))
    out = failing(server)
    assert "checkpoint" in out


def test_served_key_differs_from_pinned_key(server):
    server.add(FakeLog(f"mechanism/{MECH}", 3))
    pinned = pv.verifier_from_seed(SERVER_NAME, bytes(32)).vkey
    code, out, _ = run(server, None, "--server-key", pinned, pin=False)
    assert code == 1 and "pinned" in out


def test_root_mismatch_with_checkpoint_of_other_log(server):
    log = server.add(FakeLog(f"mechanism/{MECH}", 3))
    other = FakeLog("mechanism/other", 3)
    log.checkpoint = other.checkpoint
    out = failing(server)
    assert "not 'mechanism/m-1'" in out


def test_usage_and_network_errors_exit_2(server, tmp_path):
    assert pv.main(["audit", "--mechanism", MECH], io.StringIO(), io.StringIO()) == 2
    assert pv.main(["audit", "--server", server.url, "--mechanism", MECH, "--server-key", "nonsense"],
                   io.StringIO(), io.StringIO()) == 2
    server.add(FakeLog(f"mechanism/{MECH}", 2))
    code, _, err = run(server, None, "--token", "wrong")
    assert code == 2 and "401" in err
    closed = FakeServer()
    url = closed.url
    closed.close()
    assert pv.main(["audit", "--server", url, "--mechanism", MECH], io.StringIO(), io.StringIO()) == 2


def test_audit_of_an_export_file(tmp_path):
    log = FakeLog(f"mechanism/{MECH}", 12)
    key = pv.verifier_from_seed(SERVER_NAME, SERVER_SEED).vkey
    export = tmp_path / "export.json"
    export.write_text(json.dumps({"server_key": key, "logs": [
        {"log": log.log_id, "checkpoint": log.checkpoint.decode(), "entries": log.entries}]}))
    state = tmp_path / "state.json"
    argv = ["audit", "--export", str(export), "--mechanism", MECH, "--server-key", key, "--state", str(state)]
    assert pv.main(argv, io.StringIO(), io.StringIO()) == 0
    log.entries[0] = make_entry(log.log_id, 0, {"text": "rewritten"})
    log.entries.append(make_entry(log.log_id, 12))
    log.sign()
    export.write_text(json.dumps({"server_key": key, "logs": [
        {"log": log.log_id, "checkpoint": log.checkpoint.decode(), "entries": log.entries}]}))
    out = io.StringIO()
    assert pv.main(argv, out, io.StringIO()) == 1
    assert "fork or rewrite" in out.getvalue()


def test_command_line_help_and_tools():
    script = Path(pv.__file__)
    result = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "audit" in result.stdout
    result = subprocess.run([sys.executable, str(script), "audit", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "--server-key" in result.stdout
    result = subprocess.run([sys.executable, str(script), "canon"], input=b'{"b": 1.50, "a": [1E2]}',
                            capture_output=True)
    assert result.returncode == 0 and result.stdout == b'{"a":[100],"b":1.5}'
    note = next(n for n in NOTES if n["id"] == "gomod-peter-open")
    result = subprocess.run([sys.executable, str(script), "note", "--key", note["verifier_vkeys"][0]],
                            input=note["note_utf8"].encode(), capture_output=True, text=False)
    assert result.returncode == 0 and b"PeterNeumann" in result.stdout


PARTY_SEED = bytes([0x42]) * 32
PARTY_NAME = "us.example.gov/cosigner"


def cosign(log: FakeLog, timestamp: int = 1739869200, seed: bytes = PARTY_SEED) -> None:
    text = log.checkpoint.split(b"\n\n")[0] + b"\n"
    log.checkpoint += pv.sign_note_line(text, PARTY_NAME, seed, pv.ALG_COSIGNATURE_V1, timestamp).encode()


def party_vkey() -> str:
    return pv.verifier_from_seed(PARTY_NAME, PARTY_SEED, pv.ALG_COSIGNATURE_V1).vkey


def test_cosigned_checkpoint_is_reported(server):
    log = server.add(FakeLog(f"mechanism/{MECH}", 4))
    cosign(log)
    code, out, err = run(server, None, "--cosigner-key", party_vkey())
    assert code == 0, out + err
    assert f"cosignature  {PARTY_NAME} at time 1739869200" in out


def test_missing_cosignature_is_a_warning_and_a_bad_one_fails(server):
    log = server.add(FakeLog(f"mechanism/{MECH}", 4))
    code, _, err = run(server, None, "--cosigner-key", party_vkey())
    assert code == 0 and f"no signature by {PARTY_NAME}" in err
    cosign(log, seed=bytes([0x43]) * 32)  # same name, another key: another key id, so not checked
    assert run(server, None, "--cosigner-key", party_vkey())[0] == 0
    log.sign()
    text = log.checkpoint.split(b"\n\n")[0] + b"\n"
    good = pv.sign_note_line(text, PARTY_NAME, PARTY_SEED, pv.ALG_COSIGNATURE_V1, 5)
    payload = bytearray(base64.b64decode(good.split(" ")[2]))
    payload[11] ^= 1  # change the timestamp: the signature no longer covers it
    log.checkpoint += f"\u2014 {PARTY_NAME} {base64.b64encode(bytes(payload)).decode()}\n".encode()
    code, out, _ = run(server, None, "--cosigner-key", party_vkey())
    assert code == 1 and "invalid signature" in out


def test_checkpoint_signed_only_by_a_cosigner_fails(server):
    log = server.add(FakeLog(f"mechanism/{MECH}", 2))
    text = log.checkpoint.split(b"\n\n")[0] + b"\n"
    log.checkpoint = text + b"\n" + pv.sign_note_line(text, PARTY_NAME, PARTY_SEED, pv.ALG_COSIGNATURE_V1, 7).encode()
    code, out, _ = run(server, None, "--cosigner-key", party_vkey())
    assert code == 1 and "no signature by the server key" in out


def test_unreadable_state_file_exits_2(server, tmp_path):
    server.add(FakeLog(f"mechanism/{MECH}", 2))
    state = tmp_path / "state.json"
    state.write_text("{not json")
    assert run(server, state)[0] == 2
    state.write_text(json.dumps({"server_key": "junk", "checkpoints": {}}))
    assert run(server, state, pin=False)[0] == 2


def test_index_labels_must_be_integers(server):
    log = server.add(FakeLog(f"mechanism/{MECH}", 3))
    log.entries[1] = log.entries[1].replace('"index":1', '"index":1.5')
    log.sign()
    out = failing(server)
    assert "first failing entry: 1" in out


def test_parse_json_rejects_deep_nesting():
    with pytest.raises(pv.CanonicalJSONError):
        pv.parse_json(b"[" * 100000 + b"]" * 100000)
    assert not pv.is_canonical(b"[" * 100000 + b"]" * 100000)
