"""Batch jobs (made up for the corpus test)."""
import hashlib
import hmac
import os
import uuid

import jwt
from cryptography.fernet import Fernet

WEBHOOK_SIGNING_SECRET = "whs_3c7e1a9f5b2d8c4e6a0f"  # planted
ARTIFACT_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"  # decoy
BUILD_CHECKSUM = "5d41402abc4b2a76b9719d911017c592"  # decoy
COMMIT_SHA = "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3"  # decoy
JOB_ID = "7d444840-9dc0-11d1-b245-5ffdce74fad2"  # decoy
SERVICE_ACCOUNT_TOKEN_FILE = "/var/run/secrets/kubernetes.io/serviceaccount/token"  # decoy
API_VERSION = "2.14.1"  # decoy
PASSWORD_PATTERN = r"^(?=.*\d)(?=.*[a-z]).{12,}$"  # decoy
TOKEN_REGEX = r"[A-Za-z0-9_\-]{32,}"  # decoy


def sign(payload: bytes) -> str:
    return hmac.new(b"Hm4c-Signing-K3y-2024", payload, hashlib.sha256).hexdigest()  # planted


def sign_env(payload: bytes) -> str:
    return hmac.new(os.environ["SIGNING_KEY"].encode(), payload, hashlib.sha256).hexdigest()  # decoy


def issue(user_id):
    return jwt.encode({"sub": user_id}, "jwt-S1gning-Key!77", algorithm="HS256")  # planted


def issue_env(user_id):
    return jwt.encode({"sub": user_id}, os.environ["JWT_KEY"], algorithm="HS256")  # decoy


def cipher():
    return Fernet(b"tR3aEw6yZ1xK9mN4qP7sV2uB5cH8jL0dF3gA6iO9kE4=")  # planted


def new_request_token():
    return str(uuid.uuid4())  # decoy


def lexer(tokens):
    for token in tokens:
        if token == "def":  # decoy
            yield token


def reset_flow(form):
    new_password = form["password"]  # decoy
    password_confirm = form.get("password_confirm")  # decoy
    if new_password != password_confirm:  # decoy
        return "Passwords do not match"
    return None


MESSAGES = {
    "password": "Please enter your password.",  # decoy
    "token": "Your session token has expired, log in again.",  # decoy
    "api_key": "API key",  # decoy
}

SECRET_NAMES = {"db_password": "prod/billing/db-password"}  # decoy
TEMPLATE = {"password": "{{ vault_db_password }}", "token": "%(token)s"}  # decoy
