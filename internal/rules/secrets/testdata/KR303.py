"""Database and API helpers."""
import os


def connect(host, user="app", password="s3cr3t-Passw0rd"):  # want `parameter "password" of connect defaults to a hard-coded secret: "s3cr…"`
    return (host, user, password)


async def fetch(url, *, api_key="a9f8e7d6c5b4a3f2e1d0", timeout=10):  # want `parameter "api_key" of fetch`
    return url, api_key, timeout


def login(user, pwd="admin123", /):  # want `parameter "pwd" of login`
    return user, pwd


class Mailer:
    def __init__(self, host="smtp.example.com", smtpPassword="m@ilP4ss", port=587):  # want `parameter "smtpPassword" of __init__`
        self.host, self.password, self.port = host, smtpPassword, port


sign = lambda payload, secret="hmac-s1gning-secret": (payload, secret)  # want `parameter "secret" of lambda`


# Safe defaults and parameters that are not credentials.
def connect_env(host, password=None, token=""):
    return host, password or os.environ["DB_PASSWORD"], token


def paginate(client, next_token="", token_type="Bearer", password_field="password"):
    return client, next_token, token_type, password_field


def render(template="<password>", api_key="YOUR_API_KEY"):
    return template, api_key


def retry(times=3, key="default"):
    return times, key


def defaults(password="changeme", token="${TOKEN}", secret="xxxxxxxx", api_key="abcdef123456"):
    return password, token, secret, api_key


DEFAULT_TOKEN = "tok_4f9a8b7c6d5e"


def with_named_default(token=DEFAULT_TOKEN):
    return token


def with_secret_type(api_key=SecretStr("k3y-9f8e7d6c5b4a")):  # want `parameter "api_key" of with_secret_type`
    return api_key
