"""Third-party integrations (made up for the corpus test)."""
import ftplib
import getpass
import os
import secrets

import keyring

from .sdk import AnalyticsClient, CrmClient, Settings

settings = Settings()
settings.CRM_API_TOKEN = "crm_tok_Q8w2E4r6T8y0U2i4"  # planted
config = {}
config["search_api_key"] = "srch-7a1f4c9e2b8d5a3f6c0e"  # planted
config["search_index"] = "products"  # decoy
os.environ.setdefault("ANALYTICS_SECRET", "An4lytics-S3cret-K")  # planted
os.environ.setdefault("ANALYTICS_REGION", "eu-west-1")  # decoy

analytics = AnalyticsClient(api_secret="a7c3e9f1b5d2468ace0f", region="eu-west-1")  # planted
crm = CrmClient(**dict(password="Crm-Sync-Pw-55", user="sync"))  # planted
svc_user, svc_pwd = "svc-sync", "Svc-Sync-Pw-2024"  # planted
smtp_pass = "Smtp#Relay#773"  # planted
ADMIN_PWD = "Adm-Pwd-9921x"  # planted
db_passwd = "pg_Passwd_4412"  # planted
access_token: str = "at_6d2f9b4e1c8a7e3f5b0d"  # planted
TWILIO_AUTH_TOKEN = "7e4a9c2f1b8d6e3a5c0f9b2d4e6a8c1f"  # planted
AWS_SECRET_ACCESS_KEY = "Zk9/qL3pM+x8Tq2vR7sN0wYbC4dE6fGhJ1kL5mN9"  # planted
CONN_STR = "Server=tcp:sql.corp.internal,1433;Database=crm;User ID=crm;Password=Crm$qlPa55;"  # planted
credentials = {"username": "reporting", "password": "Rep0rting-Pw!"}  # planted
keyring.set_password("crm", "sync", "Kr-Crm-Sync-31")  # planted
ftp = ftplib.FTP("ftp.partner.example")
ftp.login("partner", "Ftp-Partner-08")  # planted


class Exporter:
    api_key = "exp_3b8e1d6a9c4f2e7b5a0d"  # planted
    api_key_env = "EXPORTER_API_KEY"  # decoy
    api_key_param = "api_key"  # decoy

    def __init__(self):
        self.password = getpass.getpass()  # decoy
        self.secret = secrets.token_hex(32)  # decoy
        self.pwd = os.getcwd()  # decoy
        self.token = None  # decoy


api_key = None  # decoy
token = ""  # decoy
TOKEN = "TOKEN"  # decoy
DB_PASSWORD = "db_password"  # decoy
password_field = "password"  # decoy
sort_key = "created_at"  # decoy
secret_key_name = "SECRET_KEY"  # decoy
api_key_placeholder = "REPLACE_ME"  # decoy
masked_token = "********"  # decoy
auth_token = "{token}"  # decoy
mail_password = "N/A"  # decoy
client_secret = "<client-secret>"  # decoy
refresh_token = "your_refresh_token_here"  # decoy
webhook_secret = "${WEBHOOK_SECRET}"  # decoy
service_password = "{{ service_password }}"  # decoy
vault_token = "$VAULT_TOKEN"  # decoy
example_api_key = "AKIAIOSFODNN7EXAMPLE"  # decoy
api_secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"  # decoy
app_password = "12345678"  # decoy
root_password = "aaaaaaaaaa"  # decoy
guest_password = "qwerty"  # decoy
device_token = "550e8400-e29b-41d4-a716-446655440000"  # decoy
token_hash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"  # decoy
password_digest = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5Y4DMHg5hLcf3hDJ4XoK4W1Z7e7nKTO"  # decoy
key_version = "1.4.2"  # decoy
secret_ref = "settings.CRM_SECRET"  # decoy
token_getter = "get_token()"  # decoy
password_help = "Use at least twelve characters."  # decoy
TOKEN_HEADER = "Authorization"  # decoy
PASSWORD_MIN_LENGTH = 12  # decoy
import base64

PARTNER_BASIC_AUTH = ("partner-sync", "P4rtner-Sync-Pw")  # planted
REPORTS_TOKEN = base64.b64decode("cmVwb3J0cy10b2tlbi0zMzQx").decode()  # planted
MAILER_PASSWORD = "M4iler-Relay-Pw".encode("utf-8")  # planted
ADMIN_USER = ("admin", "operator")  # decoy
