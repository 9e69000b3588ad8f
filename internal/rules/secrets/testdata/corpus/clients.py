"""Service clients (made up for the corpus test)."""
import os
import smtplib

import psycopg2
import pymysql
import redis
import requests
from pydantic import BaseSettings, Field, SecretStr
from requests.auth import HTTPBasicAuth


class WarehouseSettings(BaseSettings):
    api_key: SecretStr = SecretStr("wh_live_7Yq2Lm9Px4Rt8Kc3")  # planted
    password: str = Field("Wareh0use!Sync", env="WAREHOUSE_PASSWORD")  # planted
    token: str = Field(default=None, env="WAREHOUSE_TOKEN")  # decoy
    api_key_header: str = "X-Api-Key"  # decoy


def db():
    return psycopg2.connect(host="db.internal", user="etl", password="Etl#Load3r2024")  # planted


def db_from_env():
    return psycopg2.connect(host="db.internal", user="etl", password=os.environ["ETL_DB_PASSWORD"])  # decoy


def legacy_db():
    return pymysql.connect("mysql.internal", "root", "Myr00t-Legacy")  # planted


def odbc():
    import pyodbc
    return pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=mssql.internal;UID=sa;PWD=Sa-Adm1n-2022;")  # planted


def odbc_template(password):
    return "Driver={ODBC Driver 18};Server=mssql.internal;UID=sa;PWD={password};".format(password=password)  # decoy


def cache():
    return redis.Redis(host="cache.internal", password="C4che-Redis-Pw")  # planted


def cache_from_env():
    return redis.Redis(host="cache.internal", password=os.getenv("REDIS_PASSWORD"))  # decoy


def fetch_report():
    return requests.get("https://reports.corp.internal/daily", auth=("reporter", "R3port!Daily"))  # planted


def fetch_status():
    return requests.get("https://status.corp.internal", auth=HTTPBasicAuth("monitor", "M0nitor#Status"))  # planted


def fetch_public():
    return requests.get("https://api.public.example/items", headers={"Accept": "application/json"})  # decoy


def call_partner():
    headers = {
        "Authorization": "Bearer pt_4f8a2c9e1b7d3f6a5c0e8b2d",  # planted
        "X-Request-Id": "0b7c2f4e-3a1d-4c9b-8e2f-6a5d4c3b2a19",  # decoy
    }
    return requests.post("https://partner.example/v1/orders", headers=headers)


def call_partner_env():
    headers = {"Authorization": f"Bearer {os.environ['PARTNER_TOKEN']}"}  # decoy
    return requests.post("https://partner.example/v1/orders", headers=headers)


def send_alert(msg):
    with smtplib.SMTP("smtp.corp.internal", 587) as s:
        s.login("alerts@corp.internal", "Alert$Sender9")  # planted
        s.sendmail("alerts@corp.internal", ["ops@corp.internal"], msg)


def send_alert_env(msg):
    with smtplib.SMTP("smtp.corp.internal", 587) as s:
        s.login("alerts@corp.internal", os.environ["SMTP_PASSWORD"])  # decoy


class GitClient:
    def __init__(self, token="gt_2b9e7c4a1f8d6e3b5a0c"):  # planted
        self.token = token
        self.api_token = "gat_5e1c9a7f3b2d8e4a6c0f"  # planted
        self.token_header = "PRIVATE-TOKEN"  # decoy
        self.next_token = None  # decoy

    def authorize(self, password):
        if password == "0verride-Adm1n!":  # planted
            return True
        if password == "":  # decoy
            return False
        return False


def connect(host, user="etl", password="Default-Etl-99"):  # planted
    return host, user, password


def connect_safe(host, user="etl", password=None, token=""):  # decoy
    return host, user, password, token


def paginate(client, page_token=None, next_token="", token_type="Bearer"):  # decoy
    return client, page_token, next_token, token_type
