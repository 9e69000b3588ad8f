"""Configuration and login helpers for the billing service."""
import os
from dataclasses import dataclass

from decouple import config

# Credentials written into the code.
DB_PASSWORD = "s3cr3t-Passw0rd"  # want `hard-coded secret assigned to "DB_PASSWORD": "s3cr…"`
dbPassword = "hunter2hunter2"  # want `assigned to "dbPassword"`
ADMIN_PASS = "admin123"  # want `assigned to "ADMIN_PASS"`
api_key = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"  # want `assigned to "api_key": "sk_l…"`
apiKey: str = "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"  # want `assigned to "apiKey"`
CLIENT_SECRET = "changeme"  # want `assigned to "CLIENT_SECRET"`
GITHUB_TOKEN = b"ghp_16C7e42F292c6912E7710c838347Ae178B4a"  # want `assigned to "GITHUB_TOKEN"`
smtp_user, smtp_password = "mailer", "Tr0ub4dor&3"  # want `assigned to "smtp_password"`
os.environ["SERVICE_TOKEN"] = "tok_93jd0a9sd8f7"  # want `assigned to "SERVICE_TOKEN"`
REDIS_PASSWORD = os.environ.get("REDIS_PASSWORD", "redis-dev-pw")  # want `"REDIS_PASSWORD" falls back to a hard-coded value`
MAIL_PASSWORD = config("MAIL_PASSWORD", default="mail-pass-123")  # want `falls back`

HEADERS = {
    "Content-Type": "application/json",
    "X-API-Key": "a9f8e7d6c5b4a3f2e1d0",  # want `stored under the key "X-API-Key"`
    "Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc",  # want `stored under the key "Authorization": "Bear…"`
}


class Settings:
    password = "class-level-secret"  # want `assigned to "password"`
    token_type = "bearer"
    PASSWORD_MIN_LENGTH = "12"
    password_field_name = "passwd"


@dataclass
class SmtpConfig:
    host: str = "smtp.example.com"
    passphrase: str = "correct horse"  # want `assigned to "passphrase"`


def login(form):
    if form["password"] == "letmein":  # want `secret "password" compared with a hard-coded string: "let…"`
        return True
    if "opensesame" == form.get("password"):  # want `compared with a hard-coded string`
        return True
    if form["password"] == DB_PASSWORD:
        return True
    return False


class Client:
    def __init__(self):
        self.access_token = "ya29.a0AfH6SMBx3e2Zs"  # want `assigned to "access_token"`
        self.token_url = "https://auth.example.com/oauth/token"
        self.password_reset_url = "/accounts/reset/"


# Not credentials: names about a credential, placeholders and lookups.
password = os.environ["DB_PASSWORD"]
token = os.getenv("API_TOKEN")
secret = config("APP_SECRET")
NextToken = "eyJ2IjoxfQ=="
csrf_token_name = "csrfmiddlewaretoken"
API_KEY_HEADER = "X-API-Key"
TOKEN_URL = "https://auth.example.com/token"
password_reset_url = "/reset/"
secret_name = "prod/billing/db"
eos_token = "</s>"
PASSWORD = ""
PASSWORD = "password"
API_KEY = "<your-api-key>"
AUTH_TOKEN = "${AUTH_TOKEN}"
db_password = "{{ db_password }}"
client_secret = "xxxxxxxx"
SERVICE_TOKEN = "YOUR_TOKEN_HERE"
TOKEN_ENV = "SERVICE_TOKEN"
private_key = "/etc/ssl/private/server.key"
grant = {"grant_type": "password", "token": None}
LABELS = {"password": "Please enter your password"}
password_hash = "pbkdf2:sha256:260000$abc$def"
fallback = os.environ.get("DB_PASSWORD", "")
if password == "":
    password = None
if token != TOKEN_URL:
    pass


def parse(tokens):
    for token in tokens:
        if token == "lambda":
            return token
    token = "def"
    if token == "ghp_16C7e42F292c6912E7710c838347Ae178B4a":  # want `secret "token" compared with a hard-coded string`
        return None
    return token
