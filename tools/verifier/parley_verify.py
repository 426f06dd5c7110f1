#!/usr/bin/env python3
"""An independent verifier of Parley's record, written from the public specifications only.

It shares no code with the Swift implementation; it exists to show that the record's formats
stand on their own:

* RFC 8785 (JCS) canonical JSON                          -> canonicalize(), is_canonical()
* RFC 9162 §2.1 Merkle trees, inclusion and consistency  -> leaf_hash() ... verify_consistency()
* C2SP signed-note, tlog-checkpoint, tlog-cosignature    -> parse_vkey(), open_note(), parse_checkpoint()
* the audit of one Parley log over the log API or from an export file -> audit(), main()

Python 3.11, standard library plus `cryptography` (Ed25519) only.
Run `python3 parley_verify.py --help` for the command line.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import hashlib
import json
import math
import os
import re
import struct
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

UINT64_MAX = (1 << 64) - 1
HASH_SIZE = 32


# --------------------------------------------------------------------------------------------
# RFC 8785: JSON Canonicalization Scheme
# --------------------------------------------------------------------------------------------

class CanonicalJSONError(ValueError):
    """A value that has no canonical JSON form, or bytes that are not canonical JSON."""


_MAX_SAFE_INTEGER = (1 << 53)  # ECMAScript Number.MAX_SAFE_INTEGER + 1; ints up to it print exactly


def format_number(value: float) -> str:
    """ECMAScript Number.prototype.toString for a finite double (RFC 8785 §3.2.2.3).

    `repr(float)` already gives the shortest digits that round-trip (and, among those, the ones
    closest to the exact value), which is what ECMA-262 §6.1.6.1.20 asks for; only the layout
    differs, so this function re-lays those digits out.
    """
    if not math.isfinite(value):
        raise CanonicalJSONError(f"{value!r} has no JSON form (RFC 8785 §3.2.2.3: NaN and Infinity are errors)")
    if value == 0:
        return "0"  # covers -0 as well (ECMA-262: ToString(-0) is "0")
    sign = "-" if value < 0 else ""
    text = repr(abs(value))
    mantissa, _, exp_text = text.partition("e")
    exponent = int(exp_text) if exp_text else 0
    int_part, _, frac_part = mantissa.partition(".")
    digits = int_part + frac_part
    # value = 0.<digits> × 10^n, with n counting the digits before the point.
    n = len(int_part) + exponent
    stripped = digits.lstrip("0")
    n -= len(digits) - len(stripped)
    digits = stripped.rstrip("0")
    k = len(digits)
    # ECMA-262 Number::toString steps, with s = digits, k = len(s), n as above.
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + digits
    e = n - 1
    exp_out = ("+" if e >= 0 else "-") + str(abs(e))
    if k == 1:
        return sign + digits + "e" + exp_out
    return sign + digits[0] + "." + digits[1:] + "e" + exp_out


def _format_int(value: int) -> str:
    if -_MAX_SAFE_INTEGER <= value <= _MAX_SAFE_INTEGER:
        return str(value)
    # An I-JSON number is an IEEE double; a larger integer is whatever double it rounds to.
    try:
        return format_number(float(value))
    except OverflowError:
        raise CanonicalJSONError(f"integer {value} is out of the range of an IEEE-754 double") from None


def _check_scalars(text: str, where: str) -> None:
    for ch in text:
        if 0xD800 <= ord(ch) <= 0xDFFF:
            raise CanonicalJSONError(f"{where} holds a lone surrogate U+{ord(ch):04X} (RFC 8785 §3.2.2.2 needs valid Unicode)")


def _escape_string(text: str, where: str = "string") -> str:
    _check_scalars(text, where)
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif code < 0x20:
            # RFC 8785 §3.2.2.2: the two-letter escapes where JSON has one, else \u00xx in lowercase hex.
            out.append({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r"}.get(code, f"\\u{code:04x}"))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _utf16_key(name: str) -> bytes:
    # RFC 8785 §3.2.3: members sort by their names' UTF-16 code units; big-endian bytes compare alike.
    return name.encode("utf-16-be", "surrogatepass")


def _serialize(value: Any, out: list[str], depth: int) -> None:
    if depth > 1000:
        raise CanonicalJSONError("value nests deeper than 1000 levels")
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(_format_int(value))
    elif isinstance(value, float):
        out.append(format_number(value))
    elif isinstance(value, str):
        out.append(_escape_string(value))
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            _serialize(item, out, depth + 1)
        out.append("]")
    elif isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                raise CanonicalJSONError(f"object key {key!r} is not a string")
        out.append("{")
        for i, key in enumerate(sorted(value, key=_utf16_key)):
            if i:
                out.append(",")
            out.append(_escape_string(key, f"key {key!r}"))
            out.append(":")
            _serialize(value[key], out, depth + 1)
        out.append("}")
    else:
        raise CanonicalJSONError(f"{type(value).__name__} is not a JSON value")


def canonicalize(value: Any) -> bytes:
    """The RFC 8785 canonical JSON bytes (UTF-8) of a Python JSON value.

    dict/list/tuple/str/int/float/bool/None. Raises CanonicalJSONError for NaN, Infinity,
    lone surrogates, non-string keys and other types.
    """
    out: list[str] = []
    _serialize(value, out, 0)
    return "".join(out).encode("utf-8")


def _reject_constant(name: str) -> Any:
    raise CanonicalJSONError(f"{name} is not JSON")


def _pairs_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:  # str equality compares code points: no Unicode normalisation
            raise CanonicalJSONError(f"duplicate object key {key!r} (RFC 8785 §3.1, I-JSON §2.3)")
        result[key] = value
    return result


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise CanonicalJSONError(f"number {text} is out of the range of an IEEE-754 double")
    return value


def _check_tree(value: Any) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            _check_scalars(item, "string")
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for key, child in item.items():
                _check_scalars(key, "key")
                stack.append(child)


def parse_json(data: bytes | str) -> Any:
    """Strict I-JSON parse: UTF-8, no duplicate keys, no lone surrogates, no NaN/Infinity."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")  # strict: rejects invalid UTF-8 and encoded surrogates
        except UnicodeDecodeError as error:
            raise CanonicalJSONError(f"not UTF-8 at byte {error.start}") from None
    else:
        text = data
    try:
        value = json.loads(text, object_pairs_hook=_pairs_without_duplicates,
                           parse_constant=_reject_constant, parse_float=_parse_float)
    except json.JSONDecodeError as error:
        raise CanonicalJSONError(f"not JSON: {error.msg} at character {error.pos}") from None
    except RecursionError:
        raise CanonicalJSONError("JSON nests too deeply") from None
    _check_tree(value)
    return value


def is_canonical(data: bytes) -> bool:
    """True when `data` parses as strict JSON and is byte-equal to its own canonical form."""
    try:
        return canonicalize(parse_json(data)) == data
    except (CanonicalJSONError, RecursionError):
        return False


# --------------------------------------------------------------------------------------------
# RFC 9162 §2.1: Merkle Tree Hash, inclusion and consistency proofs
# --------------------------------------------------------------------------------------------

EMPTY_ROOT = hashlib.sha256(b"").digest()  # RFC 9162 §2.1.1: MTH({}) = HASH()


def leaf_hash(data: bytes) -> bytes:
    """RFC 9162 §2.1.1: MTH({d0}) = HASH(0x00 || d0)."""
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 9162 §2.1.1: HASH(0x01 || left || right). Any input length (the N123 vector needs it)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(n: int) -> int:
    # RFC 9162 §2.1.1: k is the largest power of two smaller than n (n > 1).
    return 1 << ((n - 1).bit_length() - 1)


class CompactRange:
    """The perfect-subtree roots of [0, size), largest first: streams a tree in O(log n) memory."""

    def __init__(self) -> None:
        self.size = 0
        self.hashes: list[bytes] = []

    def append(self, leaf: bytes) -> None:
        self.hashes.append(leaf)
        self.size += 1
        # Each trailing 1-bit of the new size closes one perfect subtree.
        merges = (self.size & -self.size).bit_length() - 1
        for _ in range(merges):
            right = self.hashes.pop()
            left = self.hashes.pop()
            self.hashes.append(node_hash(left, right))

    def root(self) -> bytes:
        if not self.hashes:
            return EMPTY_ROOT
        result = self.hashes[-1]
        for left in reversed(self.hashes[:-1]):
            result = node_hash(left, result)
        return result


def root_from_leaf_hashes(leaves: Sequence[bytes]) -> bytes:
    """MTH of a list of leaf hashes."""
    cr = CompactRange()
    for leaf in leaves:
        cr.append(leaf)
    return cr.root()


def _subtree_root(leaves: Sequence[bytes], start: int, end: int) -> bytes:
    return root_from_leaf_hashes(leaves[start:end])


def inclusion_proof(leaves: Sequence[bytes], index: int) -> list[bytes]:
    """RFC 9162 §2.1.3.1 PATH(m, D[n]) over leaf hashes."""
    if not 0 <= index < len(leaves):
        raise ValueError("index outside the tree")
    def path(m: int, start: int, end: int) -> list[bytes]:
        n = end - start
        if n == 1:
            return []
        k = _split(n)
        if m < k:
            return path(m, start, start + k) + [_subtree_root(leaves, start + k, end)]
        return path(m - k, start + k, end) + [_subtree_root(leaves, start, start + k)]
    return path(index, 0, len(leaves))


def consistency_proof(leaves: Sequence[bytes], size1: int) -> list[bytes]:
    """RFC 9162 §2.1.4.1 PROOF(m, D[n]) over leaf hashes, for 0 < m <= n."""
    if not 0 < size1 <= len(leaves):
        raise ValueError("size1 must be in 1...size2")
    def subproof(m: int, start: int, end: int, b: bool) -> list[bytes]:
        n = end - start
        if m == n:
            return [] if b else [_subtree_root(leaves, start, end)]
        k = _split(n)
        if m <= k:
            return subproof(m, start, start + k, b) + [_subtree_root(leaves, start + k, end)]
        return subproof(m - k, start + k, end, False) + [_subtree_root(leaves, start, start + k)]
    return subproof(size1, 0, len(leaves), True)


class ProofError(ValueError):
    """A Merkle proof that does not verify, with the reason."""


def _check_hash(value: bytes, what: str) -> None:
    if not isinstance(value, (bytes, bytearray)) or len(value) != HASH_SIZE:
        raise ProofError(f"{what} is {len(value) if isinstance(value, (bytes, bytearray)) else 'not'} bytes, not {HASH_SIZE}")


def _check_size(value: int, what: str) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= UINT64_MAX:
        raise ProofError(f"{what} {value!r} is not a uint64")


def verify_inclusion(leaf: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes) -> None:
    """RFC 9162 §2.1.3.2. Returns None on success, raises ProofError otherwise."""
    _check_size(index, "leaf index")
    _check_size(size, "tree size")
    _check_hash(leaf, "leaf hash")
    _check_hash(root, "root")
    for i, p in enumerate(proof):
        _check_hash(p, f"proof[{i}]")
    if index >= size:
        raise ProofError(f"leaf index {index} is not below tree size {size}")
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            raise ProofError("proof is longer than the tree needs")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not (fn & 1 or fn == 0):
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError("proof is shorter than the tree needs")
    if r != root:
        raise ProofError("computed root differs from the given root")


def verify_consistency(size1: int, size2: int, proof: Sequence[bytes], root1: bytes, root2: bytes) -> None:
    """RFC 9162 §2.1.4.2, strict: 32-byte hashes, 1 <= size1 <= size2, exact proof length."""
    _check_size(size1, "size1")
    _check_size(size2, "size2")
    _check_hash(root1, "root1")
    _check_hash(root2, "root2")
    for i, p in enumerate(proof):
        _check_hash(p, f"proof[{i}]")
    if size1 == 0:
        raise ProofError("a consistency proof from the empty tree is not defined (size1 = 0)")
    if size1 > size2:
        raise ProofError(f"size1 {size1} is larger than size2 {size2}")
    if size1 == size2:
        if proof:
            raise ProofError("equal sizes need an empty proof")
        if root1 != root2:
            raise ProofError("equal sizes but different roots")
        return
    if not proof:
        raise ProofError("empty proof for different sizes")
    path = list(proof)
    if size1 & (size1 - 1) == 0:
        path.insert(0, root1)  # size1 is a power of two: the old root is a node of the new tree
    fn, sn = size1 - 1, size2 - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise ProofError("proof is longer than the trees need")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not (fn & 1 or fn == 0):
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError("proof is shorter than the trees need")
    if fr != root1:
        raise ProofError("proof does not lead to the old root")
    if sr != root2:
        raise ProofError("proof does not lead to the new root")


# --------------------------------------------------------------------------------------------
# C2SP signed-note, tlog-cosignature, tlog-checkpoint
# --------------------------------------------------------------------------------------------

class NoteError(ValueError):
    """A malformed key, note or checkpoint, or a note that does not verify."""


ALG_ED25519 = 0x01
ALG_COSIGNATURE_V1 = 0x04
EM_DASH = "\u2014"
MAX_SIGNATURES = 100  # C2SP requires at least 16; 100 is the Go reference limit.


def key_id(name: str, key_type: int, public_key: bytes) -> bytes:
    """C2SP signed-note: SHA-256(name || 0x0A || type || public key)[:4]."""
    return hashlib.sha256(name.encode("utf-8") + b"\n" + bytes([key_type]) + public_key).digest()[:4]


def _valid_key_name(name: str) -> bool:
    return bool(name) and not any(ch in "+" or ch.isspace() or ord(ch) < 0x20 for ch in name)


def _b64decode(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise NoteError(f"{what} is not standard base64") from None


@dataclass(frozen=True)
class Verifier:
    """A verifier key: `name+hexid+base64(type || key)`."""
    name: str
    key_id: bytes
    key_type: int
    public_key: bytes

    @property
    def vkey(self) -> str:
        return f"{self.name}+{self.key_id.hex()}+{base64.b64encode(bytes([self.key_type]) + self.public_key).decode()}"

    def _ed25519(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.public_key)

    def verify(self, text: bytes, payload: bytes) -> int | None:
        """Check one signature payload (key id already matched). Returns the cosignature
        timestamp for type 0x04, None for type 0x01; raises NoteError if it does not verify."""
        try:
            if self.key_type == ALG_ED25519:
                if len(payload) != 4 + 64:
                    raise NoteError(f"invalid signature for key {self.name}+{self.key_id.hex()}: "
                                    f"{len(payload)} bytes, an Ed25519 note signature is 68")
                self._ed25519().verify(payload[4:], text)
                return None
            try:
                _, timestamp, signature = parse_cosignature(payload)
            except NoteError as error:
                raise NoteError(f"invalid signature for key {self.name}+{self.key_id.hex()}: {error}") from None
            self._ed25519().verify(signature, cosignature_message(timestamp, text))
            return timestamp
        except InvalidSignature:
            raise NoteError(f"invalid signature for key {self.name}+{self.key_id.hex()}") from None


def parse_vkey(vkey: str) -> Verifier:
    """C2SP signed-note verifier key. Splits on the first two '+' only: base64 may hold '+'."""
    parts = vkey.split("+", 2)
    if len(parts) != 3:
        raise NoteError(f"verifier key {vkey!r} is not name+keyid+key")
    name, hex_id, encoded = parts
    if not _valid_key_name(name):
        raise NoteError(f"verifier key name {name!r} is empty or holds a space or '+'")
    if not re.fullmatch(r"[0-9a-f]{8}", hex_id):
        raise NoteError(f"verifier key id {hex_id!r} is not 8 lowercase hex digits")
    raw = _b64decode(encoded, "verifier key")
    if not raw:
        raise NoteError("verifier key is empty")
    key_type, public_key = raw[0], raw[1:]
    if key_type not in (ALG_ED25519, ALG_COSIGNATURE_V1):
        raise NoteError(f"verifier key type 0x{key_type:02x} is not supported (0x01 Ed25519, 0x04 cosignature/v1)")
    if len(public_key) != 32:
        raise NoteError(f"Ed25519 public key is {len(public_key)} bytes, not 32")
    if key_id(name, key_type, public_key) != bytes.fromhex(hex_id):
        raise NoteError(f"verifier key id {hex_id} does not match its name, type and key")
    return Verifier(name, bytes.fromhex(hex_id), key_type, public_key)


def verifier_from_seed(name: str, seed: bytes, key_type: int = ALG_ED25519) -> Verifier:
    public = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return Verifier(name, key_id(name, key_type, public), key_type, public)


def cosignature_message(timestamp: int, checkpoint_text: bytes) -> bytes:
    """C2SP tlog-cosignature: the signed message of cosignature/v1."""
    return b"cosignature/v1\ntime " + str(timestamp).encode() + b"\n" + checkpoint_text


def parse_cosignature(payload: bytes) -> tuple[bytes, int, bytes]:
    """keyid(4) || timestamp u64 big-endian (8) || Ed25519 signature (64)."""
    if len(payload) != 4 + 8 + 64:
        raise NoteError(f"cosignature is {len(payload)} bytes, a cosignature/v1 is 76")
    (timestamp,) = struct.unpack(">Q", payload[4:12])
    return payload[:4], timestamp, payload[12:]


def sign_note_line(text: bytes, name: str, seed: bytes, key_type: int = ALG_ED25519, timestamp: int = 0) -> str:
    """A signature line (with newline) over note text, for tests and fixtures."""
    private = Ed25519PrivateKey.from_private_bytes(seed)
    verifier = verifier_from_seed(name, seed, key_type)
    if key_type == ALG_ED25519:
        payload = verifier.key_id + private.sign(text)
    else:
        payload = verifier.key_id + struct.pack(">Q", timestamp) + private.sign(cosignature_message(timestamp, text))
    return f"{EM_DASH} {name} {base64.b64encode(payload).decode()}\n"


@dataclass
class Signature:
    name: str
    key_id: bytes
    payload: bytes

    @property
    def cosignature_timestamp(self) -> int | None:
        return struct.unpack(">Q", self.payload[4:12])[0] if len(self.payload) == 76 else None


@dataclass
class Note:
    text: bytes
    signatures: list[Signature]
    verified: list[Verifier] = field(default_factory=list)
    timestamps: dict[str, int] = field(default_factory=dict)  # cosigner name -> time
    unverified: list[Signature] = field(default_factory=list)


def parse_note(data: bytes) -> Note:
    """Split a signed note into text and signature lines without checking any signature."""
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NoteError(f"malformed note: not UTF-8 at byte {error.start}") from None
    for offset, ch in enumerate(decoded):
        if ord(ch) < 0x20 and ch != "\n":
            raise NoteError(f"malformed note: control character U+{ord(ch):04X} at character {offset}")
    if not decoded.endswith("\n"):
        raise NoteError("malformed note: does not end with a newline")
    split = decoded.rfind("\n\n")  # the text ends at the LAST blank line
    if split < 0:
        raise NoteError("malformed note: no blank line before the signatures")
    text = decoded[: split + 1]
    lines = decoded[split + 2 : -1].split("\n")
    if lines == [""]:
        raise NoteError("malformed note: no signature lines")
    if len(lines) > MAX_SIGNATURES:
        raise NoteError(f"malformed note: {len(lines)} signature lines, more than {MAX_SIGNATURES}")
    signatures = [parse_signature_line(line) for line in lines]
    return Note(text.encode("utf-8"), signatures)


def parse_signature_line(line: str) -> Signature:
    """`— <name> <base64(keyid || signature)>` (without the newline)."""
    prefix = EM_DASH + " "
    if not line.startswith(prefix):
        raise NoteError(f"malformed note: line {line[:40]!r} is not a signature line")
    rest = line[len(prefix):]
    name, space, encoded = rest.partition(" ")
    if not space or not _valid_key_name(name) or " " in encoded:
        raise NoteError(f"malformed note: signature line {line[:60]!r} is not '— name signature'")
    payload = _b64decode(encoded, f"signature by {name}")
    if len(payload) < 5:
        raise NoteError(f"malformed note: signature by {name} is too short")
    return Signature(name, payload[:4], payload)


def open_note(data: bytes, verifiers: Iterable[Verifier]) -> Note:
    """Parse and verify a note: every signature by a known (name, key id) must verify; at least one
    must come from a known key. Signatures by unknown keys are kept in `unverified`."""
    note = parse_note(data)
    known = {(v.name, v.key_id): v for v in verifiers}
    for sig in note.signatures:
        verifier = known.get((sig.name, sig.key_id))
        if verifier is None:
            note.unverified.append(sig)
            continue
        timestamp = verifier.verify(note.text, sig.payload)
        if verifier not in note.verified:
            note.verified.append(verifier)
        if timestamp is not None:
            note.timestamps[verifier.name] = timestamp
    if not note.verified:
        raise NoteError("note has no verifiable signatures")
    return note


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = ()


def parse_checkpoint(text: bytes | str) -> Checkpoint:
    """C2SP tlog-checkpoint body, strict for an RFC 9162 SHA-256 log."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise NoteError("checkpoint is not UTF-8") from None
    if not text.endswith("\n"):
        raise NoteError("checkpoint does not end with a newline")
    lines = text[:-1].split("\n")
    if len(lines) < 3:
        raise NoteError("checkpoint has fewer than three lines")
    origin, size_text, root_text, *extensions = lines
    if not origin:
        raise NoteError("checkpoint origin is empty")
    if not re.fullmatch(r"0|[1-9][0-9]*", size_text) or int(size_text) > UINT64_MAX:
        raise NoteError(f"checkpoint size {size_text!r} is not a decimal uint64 without leading zeros")
    root = _b64decode(root_text, "checkpoint root")
    if len(root) != HASH_SIZE or base64.b64encode(root).decode() != root_text:
        raise NoteError(f"checkpoint root is {len(root)} bytes, not a canonical base64 32-byte hash")
    if any(not line for line in extensions):
        raise NoteError("checkpoint has an empty extension line")
    return Checkpoint(origin, int(size_text), root, tuple(extensions))


def format_checkpoint(origin: str, size: int, root: bytes) -> bytes:
    return f"{origin}\n{size}\n{base64.b64encode(root).decode()}\n".encode("utf-8")


# --------------------------------------------------------------------------------------------
# The audit
# --------------------------------------------------------------------------------------------

class AuditFailure(Exception):
    """The record does not verify. `index` names the first failing entry when one is known."""

    def __init__(self, reason: str, index: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.index = index

    def __str__(self) -> str:
        return f"entry {self.index}: {self.reason}" if self.index is not None else self.reason


class SourceError(Exception):
    """The record could not be fetched or read (network, HTTP status, file, usage)."""


ENTRIES_PER_CALL = 1000


class HttpSource:
    """Parley's log API (bearer token)."""

    def __init__(self, base_url: str, token: str | None, mechanism: str, private: bool, timeout: float = 30) -> None:
        self.base = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        log = "private-log" if private else "log"
        self.prefix = f"/api/v1/mechanisms/{urllib.parse.quote(mechanism, safe='')}/{log}"
        self.describe = f"{self.base}{self.prefix}"

    def _get(self, path: str) -> bytes:
        request = urllib.request.Request(self.base + path)
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            raise SourceError(f"GET {path}: HTTP {error.code} {error.reason}") from None
        except (urllib.error.URLError, OSError) as error:
            raise SourceError(f"GET {path}: {getattr(error, 'reason', error)}") from None

    def _json(self, path: str) -> Any:
        body = self._get(path)
        try:
            return json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise SourceError(f"GET {path}: the answer is not JSON") from None

    def server_key(self) -> str:
        return self._get("/api/v1/log/key").decode("utf-8", "replace").strip()

    def checkpoint(self) -> bytes:
        return self._get(self.prefix + "/checkpoint")

    def entries(self, start: int, end: int) -> list[tuple[int, Any]]:
        answer = self._json(f"{self.prefix}/entries?start={start}&end={end}")
        if not isinstance(answer, list):
            raise SourceError("entries: the answer is not a JSON array")
        items = []
        for item in answer:
            if not isinstance(item, dict) or "index" not in item or "entry" not in item:
                raise SourceError("entries: an item is not {\"index\", \"entry\"}")
            items.append((item["index"], item["entry"]))
        return items

    def consistency(self, size1: int, size2: int) -> list[bytes] | None:
        answer = self._json(f"{self.prefix}/proof/consistency?from={size1}&to={size2}")
        hashes = answer.get("hashes") if isinstance(answer, dict) else None
        if not isinstance(hashes, list) or not all(isinstance(h, str) for h in hashes):
            raise SourceError("consistency proof: the answer is not {\"hashes\": [base64…]}")
        try:
            return [base64.b64decode(h, validate=True) for h in hashes]
        except (binascii.Error, ValueError):
            raise AuditFailure(f"consistency proof {size1}→{size2} holds a hash that is not base64") from None


class ExportSource:
    """A local export file (see README.md): {"server_key", "logs": [{"log", "checkpoint", "entries"}]}."""

    def __init__(self, path: str, mechanism: str, private: bool) -> None:
        try:
            with open(path, "rb") as handle:
                document = json.load(handle)
        except (OSError, ValueError) as error:
            raise SourceError(f"cannot read export {path}: {error}") from None
        if not isinstance(document, dict) or not isinstance(document.get("logs"), list):
            raise SourceError(f"{path} is not a Parley export (no \"logs\" list)")
        self.key = document.get("server_key") or document.get("key") or ""
        shared = f"mechanism/{mechanism}"
        def wanted(log_id: Any) -> bool:
            if not isinstance(log_id, str):
                return False
            if private:
                return log_id.startswith(shared + "/party/")
            return log_id == shared
        chosen = [log for log in document["logs"] if isinstance(log, dict) and wanted(log.get("log"))]
        if len(chosen) != 1:
            raise SourceError(f"{path} holds {len(chosen)} logs for {'a private log of ' if private else ''}{shared}; need exactly one")
        self.log = chosen[0]
        self.describe = f"{path} ({self.log['log']})"

    def server_key(self) -> str:
        return str(self.key).strip()

    def checkpoint(self) -> bytes:
        text = self.log.get("checkpoint")
        if not isinstance(text, str):
            raise SourceError("export: the log has no checkpoint text")
        return text.encode("utf-8")

    def entries(self, start: int, end: int) -> list[tuple[int, Any]]:
        raw = self.log.get("entries")
        if not isinstance(raw, list):
            raise SourceError("export: the log has no entries list")
        items = []
        for position in range(start, min(end, len(raw))):
            item = raw[position]
            if isinstance(item, dict):
                items.append((item.get("index"), item.get("entry")))
            else:
                items.append((position, item))
        return items

    def consistency(self, size1: int, size2: int) -> list[bytes] | None:
        return None  # every entry is at hand: the old root is recomputed instead


@dataclass
class AuditReport:
    origin: str = ""
    log_id: str = ""
    size: int = 0
    root: bytes = b""
    previous_size: int | None = None
    cosigners: list[str] = field(default_factory=list)
    unverified: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


def load_state(path: str | None) -> dict[str, Any]:
    if not path or not os.path.exists(path):
        return {"version": 1, "server_key": None, "checkpoints": {}}
    try:
        with open(path, "r", encoding="utf-8") as handle:
            state = json.load(handle)
    except (OSError, ValueError) as error:
        raise SourceError(f"cannot read state file {path}: {error}") from None
    if not isinstance(state, dict) or not isinstance(state.get("checkpoints", {}), dict):
        raise SourceError(f"{path} is not a verifier state file")
    state.setdefault("checkpoints", {})
    state.setdefault("server_key", None)
    return state


def save_state(path: str, state: dict[str, Any]) -> None:
    directory = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(prefix=".parley-state-", dir=directory)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(state, handle, indent=2, sort_keys=True)
        handle.write("\n")
    os.replace(temporary, path)


def _check_entry(position: int, index_field: Any, text: Any, log_id: str) -> bytes:
    if type(index_field) is not int or index_field != position:
        raise AuditFailure(f"served at position {position} but labelled index {index_field!r}", position)
    if not isinstance(text, str):
        raise AuditFailure("entry is not a JSON text string", position)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        raise AuditFailure("entry holds a lone surrogate, so it has no UTF-8 bytes", position) from None
    if not is_canonical(data):
        raise AuditFailure("entry bytes are not canonical JSON (RFC 8785)", position)
    entry = parse_json(data)
    if not isinstance(entry, dict):
        raise AuditFailure("entry is not a JSON object", position)
    if type(entry.get("v")) is not int or entry["v"] != 1:
        raise AuditFailure(f"entry format version \"v\" is {entry.get('v')!r}, not 1", position)
    if type(entry.get("index")) is not int or entry["index"] != position:
        raise AuditFailure(f"entry's \"index\" is {entry.get('index')!r}, not its position {position}", position)
    if entry.get("log") != log_id:
        raise AuditFailure(f"entry's \"log\" is {entry.get('log')!r}, not {log_id!r}", position)
    return data


def _first_mismatch(source: Any, leaves: list[bytes], size: int, root: bytes) -> int | None:
    """Binary-search the smallest prefix our entries disagree with the signed tree on, using the
    server's consistency proofs from that prefix to the checkpoint (RFC 9162 §2.1.4)."""
    def agrees(m: int) -> bool:
        if m == size:
            return root_from_leaf_hashes(leaves) == root
        proof = source.consistency(m, size)
        if proof is None:
            raise SourceError("no proofs")
        try:
            verify_consistency(m, size, proof, root_from_leaf_hashes(leaves[:m]), root)
            return True
        except ProofError:
            return False
    low, high = 1, size  # invariant: prefix `high` disagrees
    try:
        while low < high:
            middle = (low + high) // 2
            if agrees(middle):
                low = middle + 1
            else:
                high = middle
    except (SourceError, AuditFailure):
        return None
    return high - 1


def _same_key(served: str, pinned: Verifier) -> bool:
    try:
        return parse_vkey(served) == pinned
    except NoteError:
        return False


def audit(source: Any, server_key: str | None, state: dict[str, Any], private: bool, mechanism: str,
          log: Callable[[str], None] = lambda line: None, cosigners: Sequence[Verifier] = ()) -> AuditReport:
    """Verify one log. Raises AuditFailure (the record is wrong) or SourceError (cannot read it).
    Updates `state` in memory on success only; the caller saves it. Cosignatures by `cosigners`
    on the checkpoint must verify when present; a missing one is a warning."""
    report = AuditReport()

    served_key = source.server_key()
    if server_key:
        pinned = parse_vkey(server_key)
        if served_key and not _same_key(served_key, pinned):
            raise AuditFailure(f"the server presents key {served_key!r}, not the pinned {pinned.vkey!r}")
    elif state.get("server_key"):
        try:
            pinned = parse_vkey(state["server_key"])
        except NoteError as error:
            raise SourceError(f"the state file's server key is not valid: {error}") from None
        if served_key and not _same_key(served_key, pinned):
            raise AuditFailure(f"the server presents key {served_key!r}, not {pinned.vkey!r} recorded in the state file")
    else:
        try:
            pinned = parse_vkey(served_key)
        except NoteError as error:
            raise AuditFailure(f"the server's key is not a valid verifier key: {error}") from None
        report.warnings.append(f"server key not pinned: trusting {pinned.vkey} on first use (pin it with --server-key)")
    log(f"server key   {pinned.vkey}")

    note_bytes = source.checkpoint()
    try:
        note = open_note(note_bytes, [pinned, *cosigners])
        checkpoint = parse_checkpoint(note.text)
    except NoteError as error:
        raise AuditFailure(f"checkpoint: {error}") from None
    if pinned not in note.verified:
        raise AuditFailure(f"checkpoint: no signature by the server key {pinned.vkey}")
    for cosigner in cosigners:
        if cosigner in note.verified:
            when = note.timestamps.get(cosigner.name)
            report.cosigners.append(cosigner.name)
            log(f"cosignature  {cosigner.name}" + (f" at time {when}" if when is not None else ""))
        else:
            report.warnings.append(f"the checkpoint carries no signature by {cosigner.name}")
    report.unverified = [f"{sig.name} ({sig.key_id.hex()})" for sig in note.unverified]
    prefix = pinned.name + "/"
    if not checkpoint.origin.startswith(prefix):
        raise AuditFailure(f"checkpoint origin {checkpoint.origin!r} does not start with the key name {prefix!r}")
    log_id = checkpoint.origin[len(prefix):]
    shared = f"mechanism/{mechanism}"
    if private:
        party = log_id[len(shared + "/party/"):] if log_id.startswith(shared + "/party/") else ""
        if not party or "/" in party:
            raise AuditFailure(f"checkpoint is for log {log_id!r}, not a private log of {shared}")
    elif log_id != shared:
        raise AuditFailure(f"checkpoint is for log {log_id!r}, not {shared!r}")
    report.origin, report.log_id, report.size, report.root = checkpoint.origin, log_id, checkpoint.size, checkpoint.root
    log(f"checkpoint   {checkpoint.origin} size {checkpoint.size} root {base64.b64encode(checkpoint.root).decode()}")

    previous = state["checkpoints"].get(checkpoint.origin)
    old_size = old_root = None
    if previous is not None:
        try:
            old_size = int(previous["size"])
            old_root = base64.b64decode(previous["root"], validate=True)
        except (KeyError, TypeError, ValueError, binascii.Error):
            raise SourceError(f"the state file's checkpoint of {checkpoint.origin} is unreadable") from None
        report.previous_size = old_size
        if old_size > checkpoint.size:
            raise AuditFailure(f"log truncated: a checkpoint seen before has size {old_size}, the server now signs size {checkpoint.size}")
        if old_size == checkpoint.size and old_root != checkpoint.root:
            raise AuditFailure(f"fork: a checkpoint seen before has size {old_size} and root "
                               f"{previous['root']}; the server now signs the same size with root "
                               f"{base64.b64encode(checkpoint.root).decode()}")

    tree = CompactRange()
    leaves: list[bytes] = []
    recomputed_old_root = EMPTY_ROOT if old_size == 0 else None
    position = 0
    while position < checkpoint.size:
        end = min(position + ENTRIES_PER_CALL, checkpoint.size)
        batch = source.entries(position, end)
        if not batch:
            raise AuditFailure(f"log truncated: the checkpoint signs {checkpoint.size} entries but only {position} are served", position)
        if len(batch) > end - position:
            raise AuditFailure(f"asked for entries {position}..<{end}, got {len(batch)}", position)
        for index_field, text in batch:
            data = _check_entry(position, index_field, text, log_id)
            leaf = leaf_hash(data)
            tree.append(leaf)
            leaves.append(leaf)
            position += 1
            if position == old_size:
                recomputed_old_root = tree.root()
    log(f"entries      {position} canonical, indexed and in log {log_id}")

    if tree.root() != checkpoint.root:
        first = _first_mismatch(source, leaves, checkpoint.size, checkpoint.root)
        if first is not None:
            raise AuditFailure("entry bytes differ from the ones the signed tree holds "
                               "(the consistency proof from the tree before it to the checkpoint fails)", first)
        raise AuditFailure(f"the root recomputed from the entries, {base64.b64encode(tree.root()).decode()}, "
                           f"differs from the checkpoint's root")
    log("root         recomputed root equals the checkpoint root")

    if old_size is not None and old_root is not None:
        if recomputed_old_root != old_root:
            raise AuditFailure(f"fork or rewrite: the entries below {old_size} no longer give the root of the checkpoint seen before")
        if 0 < old_size < checkpoint.size:
            proof = source.consistency(old_size, checkpoint.size)
            if proof is not None:
                try:
                    verify_consistency(old_size, checkpoint.size, proof, old_root, checkpoint.root)
                except ProofError as error:
                    raise AuditFailure(f"fork or rewrite: consistency proof {old_size}→{checkpoint.size} fails: {error}") from None
                log(f"consistency  proof {old_size}→{checkpoint.size} verifies against both roots")
            else:
                log(f"consistency  entries 0..<{old_size} still give the root seen before")
        else:
            log(f"consistency  same size {old_size} and same root as seen before")

    if not state.get("server_key") or state["server_key"] != pinned.vkey:
        state["server_key"] = pinned.vkey
    state["checkpoints"][checkpoint.origin] = {
        "size": checkpoint.size,
        "root": base64.b64encode(checkpoint.root).decode(),
        "note": note_bytes.decode("utf-8"),
    }
    return report


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------

def _read_key_argument(value: str | None) -> str | None:
    if value and value.startswith("@"):
        with open(value[1:], "r", encoding="utf-8") as handle:
            return handle.read().strip()
    return value.strip() if value else value


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parley_verify.py",
        description="Independent verifier of a Parley record (RFC 8785, RFC 9162, C2SP signed notes).",
        epilog="exit status: 0 all good, 1 the record does not verify, 2 usage, network or file error")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    audit_parser = commands.add_parser(
        "audit", help="verify one log of a mechanism from a server or an export file",
        description="Fetch the server key, the signed checkpoint and every entry; check the signature, that "
                    "every entry is canonical JSON with the right index and log, that the recomputed root "
                    "equals the checkpoint root, and that the log is consistent with checkpoints seen before.")
    source = audit_parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--server", metavar="URL", help="Parley server base URL, e.g. https://parley.example.org")
    source.add_argument("--export", metavar="FILE", help="a local export file instead of a server")
    audit_parser.add_argument("--token", metavar="TOKEN", default=os.environ.get("PARLEY_TOKEN"),
                              help="bearer token for the API (default: $PARLEY_TOKEN)")
    audit_parser.add_argument("--mechanism", metavar="ID", required=True, help="the mechanism id")
    audit_parser.add_argument("--private", action="store_true", help="verify the caller's party's private log")
    audit_parser.add_argument("--server-key", metavar="VKEY", default=os.environ.get("PARLEY_SERVER_KEY"),
                              help="pinned server verifier key name+keyid+base64, or @FILE (default: "
                                   "$PARLEY_SERVER_KEY; without it the key is trusted on first use)")
    audit_parser.add_argument("--cosigner-key", metavar="VKEY", action="append", default=[],
                              help="a party's cosigner verifier key (type 0x04, repeatable): its cosignature "
                                   "on the checkpoint must verify; a missing one is a warning")
    audit_parser.add_argument("--state", metavar="FILE",
                              help="JSON file of checkpoints seen before; updated only after success")
    audit_parser.add_argument("--quiet", action="store_true", help="print only the verdict")

    commands.add_parser("canon", help="print the RFC 8785 canonical form of the JSON on standard input")
    note_parser = commands.add_parser("note", help="verify a signed note on standard input")
    note_parser.add_argument("--key", metavar="VKEY", action="append", required=True, help="verifier key (repeatable)")
    return parser


def _run_audit(args: argparse.Namespace, out: Any, err: Any) -> int:
    try:
        server_key = _read_key_argument(args.server_key)
        if server_key:
            parse_vkey(server_key)
        cosigners = [parse_vkey(_read_key_argument(k) or "") for k in args.cosigner_key]
    except (OSError, NoteError) as error:
        print(f"usage: --server-key / --cosigner-key: {error}", file=err)
        return 2
    try:
        state = load_state(args.state)
        if args.server:
            source: Any = HttpSource(args.server, args.token, args.mechanism, args.private)
        else:
            source = ExportSource(args.export, args.mechanism, args.private)
    except SourceError as error:
        print(f"error: {error}", file=err)
        return 2
    say = (lambda line: None) if args.quiet else (lambda line: print(line, file=out))
    say(f"auditing     {source.describe}")
    try:
        report = audit(source, server_key, state, args.private, args.mechanism, say, cosigners)
    except SourceError as error:
        print(f"error: {error}", file=err)
        return 2
    except AuditFailure as failure:
        where = f"first failing entry: {failure.index}\n" if failure.index is not None else ""
        print(f"FAILED: {failure}\n{where}", end="", file=out)
        return 1
    for warning in report.warnings:
        print(f"warning: {warning}", file=err)
    for name in report.unverified:
        say(f"note         signature by {name} not checked (no key given)")
    if args.state:
        try:
            save_state(args.state, state)
        except OSError as error:
            print(f"error: cannot write state file {args.state}: {error}", file=err)
            return 2
    print(f"OK: {report.log_id} verified at size {report.size}", file=out)
    return 0


def main(argv: Sequence[str] | None = None, out: Any = None, err: Any = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    if args.command == "audit":
        return _run_audit(args, out, err)
    if args.command == "canon":
        try:
            out.write(canonicalize(parse_json(sys.stdin.buffer.read())).decode("utf-8"))
            return 0
        except CanonicalJSONError as error:
            print(f"error: {error}", file=err)
            return 1
    if args.command == "note":
        try:
            note = open_note(sys.stdin.buffer.read(), [parse_vkey(k) for k in args.key])
        except NoteError as error:
            print(f"FAILED: {error}", file=out)
            return 1
        print("OK: verified by " + ", ".join(v.name for v in note.verified), file=out)
        return 0
    parser.print_help(out)
    return 2


if __name__ == "__main__":
    sys.exit(main())
