"""User registration with home-made password storage."""
import hashlib
import os
from hashlib import sha512


def register(db, username, password):
    salt = os.urandom(16).hex()
    digest = hashlib.sha256((salt + password).encode()).hexdigest()  # want "hashlib.sha256 hashes a password with a fast digest"
    db.insert(username, salt, digest)


def check(user, request):
    h = sha512(request.form["password"].encode()).hexdigest()  # want "hashlib.sha512 hashes a password"
    return h == user.password_hash


def check_new(user, form):
    h = hashlib.new("sha3_256", form.get("passwd").encode())  # want `hashlib.new\("sha3_256"\) hashes a password`
    return h.hexdigest() == user.password_hash


def incremental(user, pwd):
    h = hashlib.blake2b()
    h.update(pwd.encode())  # want `hashlib.blake2b\(...\).update hashes a password`
    return h.hexdigest()


# Safe: password hashes, tokens, plain data.
def good(password, salt, reset_token, body):
    a = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)
    b = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    c = hashlib.sha256(reset_token.encode()).hexdigest()
    d = hashlib.sha256(body).hexdigest()
    e = hashlib.sha256(password_hash_from_db()).hexdigest()
    return a, b, c, d, e


def password_hash_from_db():
    return b""


def other_update(cache, password):
    cache.update(password)


def frameworks(password):
    from django.contrib.auth.hashers import make_password
    from werkzeug.security import generate_password_hash

    a = generate_password_hash(password, method="sha256")  # want `generate_password_hash with method="sha256" hashes the password with one fast round`
    b = generate_password_hash(password, "plain")  # want "stores the password in clear text"
    c = make_password(password, hasher="unsalted_md5")  # want `make_password with hasher="unsalted_md5"`
    d = generate_password_hash(password)
    e = generate_password_hash(password, method="pbkdf2:sha256:600000")
    f = generate_password_hash(password, method="scrypt")
    g = make_password(password)
    h = make_password(password, None, "argon2")
    return a, b, c, d, e, f, g, h
