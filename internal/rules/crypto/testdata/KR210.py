"""Encryption and key derivation for stored secrets."""
import hashlib
import os

import bcrypt
from Crypto.Cipher import AES
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

IV = b"0123456789abcdef"
SALT = b"static-salt"


def encrypt(key, data):
    cipher = Cipher(algorithms.AES(key), modes.CBC(IV))  # want "modes.CBC gets a hard-coded IV"
    return cipher.encryptor().update(data)


def zero_iv(key):
    a = Cipher(algorithms.AES(key), modes.CBC(b"\x00" * 16))  # want "hard-coded IV"
    b = Cipher(algorithms.AES(key), modes.CTR(bytes(16)))  # want "modes.CTR gets a hard-coded nonce"
    return a, b


def aead(key, data):
    gcm = AESGCM(key)
    return gcm.encrypt(b"fixednonce12", data, None)  # want "AESGCM.encrypt gets a hard-coded nonce"


def pycryptodome(key, data):
    a = AES.new(key, AES.MODE_CBC, "1234567890123456".encode())  # want "Crypto.Cipher.AES.new gets a hard-coded IV or nonce"
    b = AES.new(key, AES.MODE_GCM, nonce=b"abcdefghijkl")  # want "gets a hard-coded nonce"
    return a, b


def derive(password):
    a = hashlib.pbkdf2_hmac("sha256", password, SALT, 600_000)  # want "hashlib.pbkdf2_hmac gets a hard-coded salt"
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=b"salt", iterations=600_000)  # want "PBKDF2HMAC gets a hard-coded salt"
    b = bcrypt.hashpw(password, b"$2b$12$abcdefghijklmnopqrstuv")  # want "bcrypt.hashpw gets a hard-coded salt"
    return a, kdf.derive(password), b


# Safe: random IVs, nonces and salts, and look-alike calls.
def safe(key, password, data):
    iv = os.urandom(16)
    salt = os.urandom(16)
    a = Cipher(algorithms.AES(key), modes.CBC(iv))
    b = AESGCM(key).encrypt(os.urandom(12), data, None)
    c = hashlib.pbkdf2_hmac("sha256", password, salt, 600_000)
    d = bcrypt.hashpw(password, bcrypt.gensalt())
    e = AES.new(key, AES.MODE_GCM)
    f = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=600_000)
    g = Cipher(algorithms.AES(key), modes.ECB())
    return a, b, c, d, e, f, g


def other_encrypt(box, data):
    return box.encrypt(b"constant", data)
