"""Connections to the services the worker talks to."""
import ftplib
import keyring
import os
import smtplib

import psycopg2
import pymysql
import requests
from requests.auth import HTTPBasicAuth as Basic

conn = psycopg2.connect(host="db", user="app", password="s3cr3t-Passw0rd")  # want `hard-coded secret passed as password= to psycopg2.connect: "s3cr…"`
legacy = pymysql.connect("db", "root", "toor1234", "shop")  # want `as the password argument to pymysql.connect`
resp = requests.get("https://api.example.com/v1/items", auth=("admin", "hunter2hunter2"))  # want `as the password of auth=\(user, password\) to requests.get`
resp = requests.get("https://api.example.com/v1/items", auth=Basic("admin", "Sup3rS3cret!"))  # want `to requests.auth.HTTPBasicAuth`
client = make_client(api_key="a9f8e7d6c5b4a3f2e1d0", timeout=5)  # want `as api_key= to make_client`
gh = Github(login_or_token="x", token="ghp_R7sN0wYbC4dE6fGhJ1kL5mN9qL3pMx8Tq2vZ")  # want `as token= to Github`
oauth = OAuth2Session(client_id="billing", client_secret="9a8b7c6d5e4f")  # want `as client_secret=`

server = smtplib.SMTP("smtp.example.com", 587)
server.login("alerts@example.com", "m@ilP4ss")  # want `as the password argument to server.login`
ftp = ftplib.FTP("ftp.example.com")
ftp.login("anonymous", "guest-pass-1")  # want `to ftp.login`


class Tests:
    def test_admin(self):
        self.client.login(username="admin", password="admin-pass-42")  # want `as password= to self.client.login`


keyring.set_password("billing", "admin", "kR!ng-P4ss-77")  # want `as the password argument to keyring.set_password`
api = Client(api_key=SecretStr("a9f8e7d6c5b4a3f2e1d0"))  # want `as api_key= to Client`
aws = boto3.client("s3", aws_access_key_id="AKIA" + "IOSFODNN7EXAMPLE", aws_secret_access_key="Zk9/qL3pM+x8Tq2vR7sN0wYbC4dE6fGhJ1kL5mN9")  # want `as aws_secret_access_key= to boto3.client`
docs = boto3.client("s3", aws_access_key_id="AKIA" + "IOSFODNN7EXAMPLE", aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCY" "EXAMPLEKEY")


# Safe: secrets from the environment, placeholders, names that are not credentials.
conn = psycopg2.connect(host="db", user="app", password=os.environ["DB_PASSWORD"])
conn = psycopg2.connect(host="db", user="app", password="")
resp = requests.get("https://api.example.com", auth=("admin", os.environ["ADMIN_PW"]))
resp = requests.post("https://auth.example.com/token", data={"grant_type": "password"})
session = OAuth2Session(client_id="billing", token_url="https://auth.example.com/token")
jwt_header = build_header(token_type="Bearer", password_field="pwd")
server.login(user, password)
server.login("alerts@example.com", os.environ["SMTP_PASSWORD"])
form = LoginForm(password="<password>")
tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased", eos_token="</s>", pad_token="[PAD]")
logger.info("login", extra={"user": "admin"})
settings.configure(**options)
conn = psycopg2.connect(host="db", user="app", password="changeme")
conn = psycopg2.connect(host="db", user="app", password="${DB_PASSWORD}")
conn = psycopg2.connect(host="db", user="app", password="{{ db_password }}")
client = make_client(api_key="YOUR_API_KEY_HERE")
client = make_client(api_key="xxxxxxxxxxxxxxxxxxxx")
client = make_client(api_key="550e8400-e29b-41d4-a716-446655440000")
client = make_client(token="12345678")
conn = psycopg2.connect(host="db", user="app", password=DB_PASSWORD)
DB_PASSWORD = "pg-Pr0d-2024"
conn = psycopg2.connect(host="db", user="app", password=DB_PASSWORD)
cnxn = pyodbc.connect("Driver={ODBC Driver 18};Server=db;UID=sa;PWD=Sq1-Pr0d-99;")  # want `hard-coded password in a connection string passed to pyodbc.connect: "Sq1-…"`
pg = psycopg2.connect(dsn="host=db user=app password=Pg-Pr0d-2024")  # want `passed as dsn= to psycopg2.connect`
pg = psycopg2.connect("host=db user=app password=%s" % os.environ["PW"])
pg = psycopg2.connect("host=db user=app")
os.environ.setdefault("ANALYTICS_SECRET", "An4lytics-S3cret-K")  # want `as the value of "ANALYTICS_SECRET" to os.environ.setdefault`
os.putenv("SERVICE_TOKEN", "svc_7a1f4c9e2b8d5a3f")  # want `to os.putenv`
os.environ.setdefault("ANALYTICS_REGION", "eu-west-1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
setattr(settings, "API_TOKEN", "tok_9a8b7c6d5e4f3a2b")  # want `as the value of "API_TOKEN" to builtins.setattr`
setattr(settings, "API_URL", "https://api.example.com")
