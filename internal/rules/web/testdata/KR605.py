"""Production settings."""
from flask import Flask
from flask_talisman import Talisman

SECURE_SSL_REDIRECT = False  # want `SECURE_SSL_REDIRECT = False serves pages over plain HTTP`

app = Flask(__name__)
Talisman(app, force_https=False)  # want `Talisman created with force_https=False`


class Production:
    SECURE_SSL_REDIRECT = False  # want `SECURE_SSL_REDIRECT = False`


class LocalDevelopment:
    SECURE_SSL_REDIRECT = False


# Safe: redirect on, or left to the environment.
SECURE_SSL_REDIRECT = True
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
Talisman(app)
Talisman(app, force_https=True, content_security_policy=None)


def override():
    SECURE_SSL_REDIRECT = False
    return SECURE_SSL_REDIRECT
