"""Token helpers for the API."""
import hmac
import os
from hashlib import sha256

import jwt
from cryptography.fernet import Fernet
from Crypto.Cipher import AES
from itsdangerous import URLSafeTimedSerializer

SIGNING = "s1gn1ng-k3y"
JWT_SECRET = "jwt-secret-value"


def issue(user):
    token = jwt.encode({"sub": user.id}, "secret", algorithm="HS256")  # want `jwt.encode uses a hard-coded key: "…"`
    claims = jwt.decode(token, key=b"0123456789abcdef", algorithms=["HS256"])  # want `jwt.decode uses a hard-coded key`
    mac = hmac.new(b"webhook-shared-key", user.body, sha256).hexdigest()  # want `hmac.new uses a hard-coded key`
    signer = URLSafeTimedSerializer("reset-password-salt-key")  # want `itsdangerous.URLSafeTimedSerializer uses a hard-coded key`
    box = Fernet(b"ZmDfcTF7_60GrrY167zsiPd67pEvs0aGOv2oasOM1Pg=")  # want `cryptography.fernet.Fernet uses a hard-coded key`
    cipher = AES.new(b"aaaaaaaaaaaaaaaa", AES.MODE_GCM)  # want `Crypto.Cipher.AES.new uses a hard-coded key`
    relay = jwt.encode({"sub": user.id}, SIGNING, algorithm="HS256")  # want `jwt.encode uses a hard-coded key`
    return token, claims, mac, signer, box, cipher, relay


# Safe: keys from the environment or from files, and secret-named constants
# (KR301 reports JWT_SECRET where it is assigned).
def verify(token, body):
    key = os.environ["JWT_SIGNING_KEY"]
    claims = jwt.decode(token, key, algorithms=["HS256"])
    same = jwt.encode(claims, JWT_SECRET, algorithm="HS256")
    mac = hmac.new(load_key(), body, sha256)
    box = Fernet(Fernet.generate_key())
    data = jwt.decode(token, options={"verify_signature": False})
    text = body.decode("utf-8")
    return claims, same, mac, box, data, text
