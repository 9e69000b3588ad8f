"""File storage helpers: checksums, signatures and legacy password support."""
import hashlib
import hashlib as hl
from hashlib import md5, sha1 as SHA1
from hashlib import sha256

import crypt
from Crypto.Hash import MD5, SHA256
from Cryptodome.Hash import SHA as LegacySHA
from cryptography.hazmat.primitives import hashes


def file_signature(data):
    return hashlib.md5(data).hexdigest()  # want "hashlib.md5 uses the broken hash MD5"


def content_id(data):
    return hl.sha1(data).hexdigest()  # want "hashlib.sha1 uses the broken hash SHA1"


def legacy_login(user, password):
    digest = md5(password.encode()).hexdigest()  # want `hashlib.md5 \(MD5\) used to hash a password`
    return digest == user.password_hash


def api_signature(payload):
    h = SHA1()  # want "hashlib.sha1 uses the broken hash"
    h.update(payload)
    return h.hexdigest()


def by_name(data, request):
    a = hashlib.new("md5", data)  # want "hashlib.new uses the broken hash MD5"
    b = hashlib.new("SHA1")  # want "hashlib.new uses the broken hash SHA1"
    c = hashlib.new(name="ripemd160", data=data)  # want "RIPEMD160"
    d = hashlib.new("md5", request.form["password"].encode())  # want "used to hash a password"
    return a, b, c, d


def pycryptodome_hashes(data):
    h1 = MD5.new(data)  # want "Crypto.Hash.MD5.new uses the broken hash MD5"
    h2 = LegacySHA.new(data)  # want "Cryptodome.Hash.SHA.new uses the broken hash SHA"
    return h1, h2


def cryptography_hashes():
    return hashes.Hash(hashes.SHA1())  # want "cryptography.hazmat.primitives.hashes.SHA1 uses the broken hash"


def old_unix_password(word):
    return crypt.crypt(word, crypt.METHOD_MD5)  # want "crypt.crypt with crypt.METHOD_MD5"


def old_salt():
    return crypt.mksalt(crypt.METHOD_CRYPT)  # want "crypt.mksalt with crypt.METHOD_CRYPT"


# Safe: not used for security, strong algorithms, and look-alikes.
def etag(body):
    return hashlib.md5(body, usedforsecurity=False).hexdigest()


def cache_key(url):
    return hashlib.new("sha1", url.encode(), usedforsecurity=False).hexdigest()


def strong(data, password, salt):
    a = hashlib.sha256(data).hexdigest()
    b = hashlib.new("sha512", data)
    c = SHA256.new(data)
    d = hashes.Hash(hashes.SHA256())
    e = sha256(data)
    f = hashlib.blake2b(data)
    g = crypt.crypt(password, crypt.METHOD_SHA512)
    h = crypt.crypt(password)
    k = hashlib.pbkdf2_hmac("sha256", password, salt, 600_000)
    return a, b, c, d, e, f, g, h, k


def algorithm_from_config(data, algo):
    return hashlib.new(algo, data)


class Checksums:
    def md5(self, data):
        return len(data)

    def run(self, data):
        return self.md5(data)


def shadowed(data):
    md5 = lambda x: x  # noqa: E731
    return md5(data)
