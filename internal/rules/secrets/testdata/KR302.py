"""Connections to the services the worker talks to."""
import ftplib
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
gh = Github(login_or_token="x", token="ghp_16C7e42F292c6912E7710c838347Ae178B4a")  # want `as token= to Github`
oauth = OAuth2Session(client_id="billing", client_secret="9a8b7c6d5e4f")  # want `as client_secret=`

server = smtplib.SMTP("smtp.example.com", 587)
server.login("alerts@example.com", "m@ilP4ss")  # want `as the password argument to server.login`
ftp = ftplib.FTP("ftp.example.com")
ftp.login("anonymous", "guest-pass-1")  # want `to ftp.login`


class Tests:
    def test_admin(self):
        self.client.login(username="admin", password="admin-pass")  # want `as password= to self.client.login`


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
