"""Application setup with its signing keys."""
import os

from flask import Flask
from starlette.applications import Starlette
from starlette.middleware.sessions import SessionMiddleware

# Django
SECRET_KEY = "django-insecure-7c$v!x@0h3l2q^5m9w#e"  # want `secret key "SECRET_KEY" is hard-coded: "djan…"`
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-secret-key-123")  # want `falls back to a hard-coded value`

# Flask
app = Flask(__name__)
app.secret_key = "super secret"  # want `secret key "secret_key" is hard-coded`
app.config["SECRET_KEY"] = b"\xf3\x91\x0c\x1a\x8b\x7f"  # want `secret key "SECRET_KEY" is hard-coded`
app.config.update(SECRET_KEY="dev", DEBUG=False)  # want `secret key "SECRET_KEY" is hard-coded: "d…"`
app.config["JWT_SECRET_KEY"] = "jwt-signing-secret"  # want `"JWT_SECRET_KEY" is hard-coded`
app.config.from_mapping({"SECRET_KEY": "0b1c9e7f2a"})  # want `is hard-coded`


class Config:
    SECRET_KEY = "you-will-never-guess"  # want `"SECRET_KEY" is hard-coded`


# Starlette
starlette_app = Starlette()
starlette_app.add_middleware(SessionMiddleware, secret_key="s3ss10n-k3y")  # want `"secret_key" is hard-coded`

# Safe: keys from the environment or generated, placeholders, other names.
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
app.secret_key = os.urandom(32)
app.config["SECRET_KEY"] = os.environ.get("FLASK_SECRET_KEY")
app.config.update(SECRET_KEY=load_secret("flask"))
SECRET_KEY = "<generate-with-django-admin>"
SECRET_KEY = ""
SECRET_KEY_FILE = "/run/secrets/django_key"
secret_key_name = "prod/django/secret-key"
app.config["SESSION_COOKIE_NAME"] = "session"
