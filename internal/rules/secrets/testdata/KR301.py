"""Configuration and login helpers for the billing service."""
import os
from dataclasses import dataclass

from decouple import config
from pydantic import BaseSettings, Field, SecretStr

# Credentials written into the code.
DB_PASSWORD = "s3cr3t-Passw0rd"  # want `hard-coded secret assigned to "DB_PASSWORD": "s3cr…"`
dbPassword = "hunter2hunter2"  # want `assigned to "dbPassword"`
ADMIN_PASS = "admin123"  # want `assigned to "ADMIN_PASS"`
api_key = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"  # want `assigned to "api_key": "sk_l…"`
apiKey: str = "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"  # want `assigned to "apiKey"`
GITHUB_TOKEN = b"ghp_R7sN0wYbC4dE6fGhJ1kL5mN9qL3pMx8Tq2vZ"  # want `assigned to "GITHUB_TOKEN"`
smtp_user, smtp_password = "mailer", "Tr0ub4dor&3"  # want `assigned to "smtp_password"`
os.environ["SERVICE_TOKEN"] = "tok_93jd0a9sd8f7"  # want `assigned to "SERVICE_TOKEN"`
REDIS_PASSWORD = os.environ.get("REDIS_PASSWORD", "redis-dev-pw")  # want `"REDIS_PASSWORD" falls back to a hard-coded value`
MAIL_PASSWORD = config("MAIL_PASSWORD", default="mail-pass-123")  # want `falls back`

primary_token = backup_token = "tok_4f9a8b7c6d5e"  # want `assigned to "primary_token"`
WEBHOOK_SECRET = os.getenv("WEBHOOK_SECRET") or "whk-2f8d9c7b6a"  # want `"WEBHOOK_SECRET" falls back`
basic_auth = "Basic YWRtaW46czNjcjN0UGFzcw=="  # want `assigned to "basic_auth"`
DATABASES = {"default": {"ENGINE": "postgresql", "USER": "app", "PASSWORD": "pg-Pr0d-2024"}}  # want `stored under the key "PASSWORD"`
HEROKU_API_KEY = "01234567-89ab-4cde-8f01-23456789abcd"  # want `assigned to "HEROKU_API_KEY"`
SECRET_KEY = "django-insecure-q8z)r3lw#p0s&kd7yb=n2mvc(xe5t@9f"  # want `assigned to "SECRET_KEY"`
FALLBACK_SECRET_KEY = get_random_secret_key()
DEV_SECRET_KEY = "change-me"
config_map = {}
config_map["api_key"] = "k3y-9f8e7d6c5b4a"  # want `assigned to "api_key"`


class AppSettings(BaseSettings):
    stripe_api_key: SecretStr = SecretStr("rk_prod_51HqLyjWDarjtT1zd")  # want `assigned to "stripe_api_key": "rk_p…"`
    db_password: str = Field("pg-Pr0d-2024", env="DB_PASSWORD")  # want `assigned to "db_password"`
    sentry_token: str = Field(default=None, env="SENTRY_TOKEN")


HEADERS = {
    "Content-Type": "application/json",
    "X-API-Key": "a9f8e7d6c5b4a3f2e1d0",  # want `stored under the key "X-API-Key"`
    "Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc",  # want `stored under the key "Authorization": "Bear…"`
}


class Settings:
    password = "class-level-s3cret"  # want `assigned to "password"`
    token_type = "bearer"
    PASSWORD_MIN_LENGTH = "12"
    password_field_name = "passwd"


@dataclass
class SmtpConfig:
    host: str = "smtp.example.com"
    passphrase: str = "correct horse"  # want `assigned to "passphrase"`


def login(form):
    if form["password"] == "letmein":  # want `secret "password" compared with a hard-coded string: "…"`
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
GITHUB_TOKEN = "ghp_16C7e42F292c6912E7710c838347Ae178B4a"
CLIENT_SECRET = "changeme"
ADMIN_PASSWORD = "change-me"
ROOT_PASSWORD = "12345678"
USER_PASSWORD = "qwerty123"
PIN_PASSWORD = "aaaaaaaa"
SESSION_TOKEN = "550e8400-e29b-41d4-a716-446655440000"
api_token = "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"
mail_password = "your-mail-password"
password_sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
user_password = "$2b$12$KIXQJ9h1rG6x8w9u1R3b0eZ7l2m3n4o5p6q7r8s9t0u1v2w3x4y5z"
db_password = settings.DB_PASSWORD
db_password = "settings.DB_PASSWORD"
TOKEN = "1.2.3"
token_secret = "%(token)s"
PASSWORD = "Please enter your password."
PASSWORD_PROMPT = "Password: "
AUTH_TOKEN = "dummy-token-value"
API_KEY = "<API_KEY>"
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
    if token == "ghp_R7sN0wYbC4dE6fGhJ1kL5mN9qL3pMx8Tq2vZ":  # want `secret "token" compared with a hard-coded string`
        return None
    return token


DSN = "host=db user=app password=Pg-Pr0d-2024 dbname=shop"  # want `hard-coded password in the connection string assigned to "DSN": "Pg-P…"`
ODBC = {"conn": "Driver={ODBC Driver 18};Server=db;UID=sa;PWD=Sq1-Pr0d-99;"}  # want `in the connection string stored under the key "conn"`
DSN_TEMPLATE = "host=db user=app password={password} dbname=shop"
DSN_ENV = "host=db user=app password=${DB_PASSWORD} dbname=shop"
STRIPE_KEY = "sk_test_" "51HqLyjWDarjtT1zdp7dcXyZ"
paging = {"input_token": "Marker", "ClientRequestToken": "b3f1c2d4-idem"}
import base64
from dataclasses import dataclass, field

BASIC_AUTH = ("admin", "Adm1n-Basic-Pw!")  # want `assigned to "BASIC_AUTH": "Adm1…"`
SMTP_PASSWORD = "Smtp-Pw-8812".encode()  # want `assigned to "SMTP_PASSWORD"`
LEGACY_TOKEN = base64.b64decode("bGVnYWN5LXRva2VuLTk5MjE=").decode()  # want `assigned to "LEGACY_TOKEN"`
LABEL_PAIR = ("admin", "Adm1n-Basic-Pw!")
AUTH_PAIR = ("admin", os.environ["ADMIN_PW"])


@dataclass
class Deploy:
    deploy_token: str = field(default="dpl_7f3a9c2e71b64d05")  # want `assigned to "deploy_token"`
    region: str = field(default="eu-west-1")
