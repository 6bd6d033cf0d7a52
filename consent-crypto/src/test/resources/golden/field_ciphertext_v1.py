#!/usr/bin/env python3
"""Derives field-ciphertext-v1.json: ConsentKit's field ciphertext format, version 1, written from its
specification (FieldCiphertext, Aad, KeyCommitment javadoc) with pyca/cryptography, independently of
the Java code. GoldenVectorsTest checks that the Java code produces and opens exactly these bytes.

Version 1 as pinned here derives the AEAD key and the key commitment once per data key and suite
(HKDF, no salt). It replaced, before any release, a per-value commitment (HKDF salted with the nonce,
then HMAC over header and AAD, AEAD under the data key itself); see docs/design.md.

pyca/cryptography has no XChaCha20-Poly1305, so HChaCha20 is written out here from
draft-irtf-cfrg-xchacha-03 and checked against the draft's own test vector before use.

Usage: python3 field_ciphertext_v1.py > field-ciphertext-v1.json
"""
import base64
import json
import struct

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SUITES = {"AES_256_GCM": (0x01, 12), "XCHACHA20_POLY1305": (0x03, 24)}
FLAGS = 0x02


def rotl(v, n):
    return ((v << n) & 0xFFFFFFFF) | (v >> (32 - n))


def quarter(s, a, b, c, d):
    s[a] = (s[a] + s[b]) & 0xFFFFFFFF; s[d] = rotl(s[d] ^ s[a], 16)
    s[c] = (s[c] + s[d]) & 0xFFFFFFFF; s[b] = rotl(s[b] ^ s[c], 12)
    s[a] = (s[a] + s[b]) & 0xFFFFFFFF; s[d] = rotl(s[d] ^ s[a], 8)
    s[c] = (s[c] + s[d]) & 0xFFFFFFFF; s[b] = rotl(s[b] ^ s[c], 7)


def hchacha20(key, nonce16):
    s = [0x61707865, 0x3320646E, 0x79622D32, 0x6B206574]
    s += list(struct.unpack("<8I", key)) + list(struct.unpack("<4I", nonce16))
    for _ in range(10):
        quarter(s, 0, 4, 8, 12); quarter(s, 1, 5, 9, 13); quarter(s, 2, 6, 10, 14); quarter(s, 3, 7, 11, 15)
        quarter(s, 0, 5, 10, 15); quarter(s, 1, 6, 11, 12); quarter(s, 2, 7, 8, 13); quarter(s, 3, 4, 9, 14)
    return struct.pack("<8I", *(s[0:4] + s[12:16]))


# draft-irtf-cfrg-xchacha-03, section 2.2.1
assert hchacha20(bytes(range(32)), bytes.fromhex("000000090000004a0000000031415927")) == bytes.fromhex(
    "82413b4227b27bfed30e42508a877d73a0f9e4d58a74a853c12ec41326d3ecdc")


def xchacha_seal(key, nonce, aad, plaintext):
    return ChaCha20Poly1305(hchacha20(key, nonce[:16])).encrypt(b"\0" * 4 + nonce[16:], plaintext, aad)


def lp(s):
    b = s.encode("utf-8")
    return struct.pack(">I", len(b)) + b


def vector(name, suite, dek, key_id, nonce, context, plaintext):
    code, nonce_len = SUITES[suite]
    assert len(dek) == 32 and len(nonce) == nonce_len
    header = bytes([0x01, code, FLAGS]) + struct.pack(">I", key_id)
    aad = (b"ck/v1" + lp(context["table"]) + lp(context["column"]) + lp(context["rowKey"])
           + lp(context["subjectRef"]) + header)
    # Key separation and commitment: both derived from the data key and suite only (no salt).
    enc_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                   info=b"ck/v1/enc" + bytes([code])).derive(dek)
    commitment = HKDF(algorithm=hashes.SHA256(), length=16, salt=None,
                      info=b"ck/v1/commit" + bytes([code])).derive(dek)
    if suite == "AES_256_GCM":
        sealed = AESGCM(enc_key).encrypt(nonce, plaintext, aad)
    else:
        sealed = xchacha_seal(enc_key, nonce, aad, plaintext)
    encoded = header + nonce + commitment + sealed
    return {
        "name": name,
        "suite": suite,
        "dek": dek.hex(),
        "keyId": key_id,
        "nonce": nonce.hex(),
        "context": context,
        "plaintext": plaintext.hex(),
        "aad": aad.hex(),
        "encryptionKey": enc_key.hex(),
        "commitment": commitment.hex(),
        "ciphertext": encoded.hex(),
        "text": "ck1." + base64.urlsafe_b64encode(encoded).decode("ascii").rstrip("="),
    }


DEK = bytes.fromhex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
DEK2 = bytes.fromhex("c0ffee00" * 8)
CLIENTS = {"table": "clients", "column": "email", "rowKey": "42", "subjectRef": "sr_7f3a9c"}
UNICODE = {"table": "заказы", "column": "адрес", "rowKey": "8c1e5a4e-0d2b-4f7a-9a61-3f0e6b1d2c77",
           "subjectRef": "sr_\U0001F600"}
EMAIL = "anna.petrova@example.ru".encode("utf-8")
ADDRESS = "Москва, ул. Тверская 1 \U0001F3E0".encode("utf-8")

vectors = [
    vector("AES-256-GCM, ASCII e-mail", "AES_256_GCM", DEK, 0x12345678,
           bytes.fromhex("a0a1a2a3a4a5a6a7a8a9aaab"), CLIENTS, EMAIL),
    vector("AES-256-GCM, empty value, key id with the high bit set, non-ASCII context", "AES_256_GCM", DEK2,
           0xFEDCBA98, bytes.fromhex("000000000000000000000001"), UNICODE, b""),
    vector("XChaCha20-Poly1305, ASCII e-mail", "XCHACHA20_POLY1305", DEK, 0x12345678,
           bytes.fromhex("b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7"), CLIENTS, EMAIL),
    vector("XChaCha20-Poly1305, non-BMP value and context", "XCHACHA20_POLY1305", DEK2, 0xFEDCBA98,
           bytes.fromhex("ffffffffffffffffffffffffffffffffffffffffffffffff"), UNICODE, ADDRESS),
]

print(json.dumps({
    "format": "ConsentKit field ciphertext, version 1",
    "generatedBy": "field_ciphertext_v1.py (pyca/cryptography, independent of the Java code)",
    "vectors": vectors,
}, ensure_ascii=False, indent=2))
