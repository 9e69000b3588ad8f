"""Django settings for the shop project."""
import os
from pathlib import Path

import environ

env = environ.Env()

BASE_DIR = Path(__file__).resolve().parent.parent

# SECURITY WARNING: don't run with debug turned on in production!
DEBUG = True  # want `DEBUG = True in Django settings shows tracebacks`
DEBUG = os.environ.get("DJANGO_DEBUG", True)  # want `DEBUG in Django settings defaults to True when the environment does not set it`
DEBUG = env.bool("DJANGO_DEBUG", default=True)  # want `defaults to True`
DEBUG = os.getenv("DJANGO_DEBUG", "True") == "True"  # want `defaults to True`
DEBUG: bool = os.getenv("DJANGO_DEBUG", "True").lower() == "true"  # want `defaults to True`

# Safe: off, or on only when the environment says so.
DEBUG = False
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
DEBUG = os.getenv("DJANGO_DEBUG", "False") == "True"
DEBUG = env.bool("DJANGO_DEBUG", default=False)
TEMPLATE_DEBUG = DEBUG
DEBUG_TOOLBAR = True

ALLOWED_HOSTS = ["shop.example.com"]
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "shop",
]
ROOT_URLCONF = "shop.urls"


class LocalOverrides:
    DEBUG = True


def enable_debug(settings):
    DEBUG = True
    settings.DEBUG = True
    return DEBUG
