"""Flask configuration classes (made up for the corpus test)."""
import os


class BaseConfig:
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    MAIL_SERVER = "smtp.corp.internal"
    MAIL_USERNAME = "alerts"
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")  # decoy
    API_TOKEN_TTL = 3600  # decoy
    TOKEN_TYPE = "bearer"  # decoy


class ProductionConfig(BaseConfig):
    MAIL_PASSWORD = "Al3rts-Mail-Prod"  # planted
    ADMIN_API_TOKEN = "adm_9c41e7f2b8d35a60"  # planted
    OAUTH_CLIENT_SECRET = "0c8b1f2e9d7a6c5b4e3f2a1d"  # planted
    OAUTH_CLIENT_ID = "billing-web"  # decoy
    OAUTH_TOKEN_URL = "https://sso.corp.internal/oauth2/token"  # decoy
    ENCRYPTION_KEY = b"Qm9vbTpTZWNyZXRLZXkxMjM0NTY3ODkw"  # planted


class DevelopmentConfig(BaseConfig):
    MAIL_PASSWORD = "dev-password"  # decoy
    ADMIN_API_TOKEN = "dev-token"  # decoy
    OAUTH_CLIENT_SECRET = "xxxxxxxxxxxxxxxxxxxxxxxx"  # decoy
    ENCRYPTION_KEY = b"0000000000000000"  # decoy


class TestingConfig(BaseConfig):
    MAIL_PASSWORD = "test"  # decoy
    ADMIN_API_TOKEN = "test-token-123"  # decoy
    OAUTH_CLIENT_SECRET = "fake-client-secret"  # decoy


config = {
    "production": ProductionConfig,
    "development": DevelopmentConfig,
    "testing": TestingConfig,
}
