"""Django settings for the billing project (made up for the corpus test)."""
import os
from pathlib import Path

import environ

env = environ.Env()
BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = ["billing.internal"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "billing",
        "USER": "billing_app",
        "PASSWORD": "Vq7#pLm2@xR9tK",  # planted
        "HOST": "db.internal",
        "PORT": "5432",
    },
    "replica": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "billing",
        "USER": "readonly",
        "PASSWORD": env("REPLICA_DB_PASSWORD"),  # decoy
        "HOST": "replica.internal",
    },
    "analytics": {
        "PASSWORD": os.environ.get("ANALYTICS_DB_PASSWORD", ""),  # decoy
    },
}

EMAIL_HOST = "smtp.mailprovider.net"
EMAIL_HOST_USER = "billing@corp.internal"
EMAIL_HOST_PASSWORD = "m4il-Relay-2023!"  # planted
EMAIL_PASSWORD_RESET_TIMEOUT = 3600  # decoy
PASSWORD_RESET_TIMEOUT = 259200  # decoy
AUTH_PASSWORD_VALIDATORS = [  # decoy
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},  # decoy
]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]  # decoy

REDIS_PASSWORD = "r3dis_Cache_88x"  # planted
REDIS_URL = "redis://cache.internal:6379/0"  # decoy
CELERY_BROKER_PASSWORD = env("CELERY_BROKER_PASSWORD", default="")  # decoy

STRIPE_WEBHOOK_SECRET_NAME = "billing/stripe-webhook"  # decoy
PAYMENT_GATEWAY_API_KEY = "pgk_8f3a9c2e71b64d05a9e3"  # planted
PAYMENT_GATEWAY_API_KEY_HEADER = "X-Gateway-Key"  # decoy
PAYMENT_GATEWAY_URL = "https://pay.gateway.example/v2"  # decoy

SENTRY_TOKEN = "${SENTRY_AUTH_TOKEN}"  # decoy
MAPS_API_KEY = "<your-maps-api-key>"  # decoy
LEGACY_API_TOKEN = "changeme"  # decoy
SESSION_COOKIE_NAME = "billing_session"  # decoy
CSRF_COOKIE_NAME = "billing_csrftoken"  # decoy
TOKEN_EXPIRY_SECONDS = 900  # decoy
JWT_ALGORITHM = "HS256"  # decoy
JWT_AUTH_HEADER_PREFIX = "Bearer"  # decoy
LDAP_BIND_PASSWORD = "Ldap!Bind#4471"  # planted
LDAP_BIND_DN = "cn=svc-billing,ou=services,dc=corp,dc=internal"  # decoy
VAULT_TOKEN_PATH = "/var/run/secrets/vault-token"  # decoy
SFTP_PRIVATE_KEY = "/etc/billing/keys/sftp_ed25519"  # decoy
