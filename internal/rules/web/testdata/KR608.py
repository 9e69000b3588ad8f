"""Configuration with CSRF switched off."""
from flask import Flask
from flask_wtf import FlaskForm
from wtforms import StringField

WTF_CSRF_ENABLED = False  # want `WTF_CSRF_ENABLED = False turns off Flask-WTF's CSRF protection`

app = Flask(__name__)
app.config["WTF_CSRF_ENABLED"] = False  # want `WTF_CSRF_ENABLED = False`
app.config.update(WTF_CSRF_CHECK_DEFAULT=False)  # want `WTF_CSRF_CHECK_DEFAULT = False`

MIDDLEWARE = [  # want `MIDDLEWARE does not include django.middleware.csrf.CsrfViewMiddleware`
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]


class ProductionConfig:
    WTF_CSRF_ENABLED = False  # want `WTF_CSRF_ENABLED = False`


class TransferForm(FlaskForm):
    amount = StringField("amount")

    class Meta:
        csrf = False  # want `form Meta sets csrf = False`


form = TransferForm(meta={"csrf": False})  # want `TransferForm created with meta=\{"csrf": False\}`


# Safe: enabled, test configurations, other Meta options.
WTF_CSRF_ENABLED = True
app.config["WTF_CSRF_TIME_LIMIT"] = None
MIDDLEWARE_CLASSES = (
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
)


class TestingConfig:
    WTF_CSRF_ENABLED = False


class SearchForm(FlaskForm):
    class Meta:
        csrf = True
        locales = ["en_US"]


def make_form():
    csrf = False
    return TransferForm(meta={"locales": ["de"]}), csrf
