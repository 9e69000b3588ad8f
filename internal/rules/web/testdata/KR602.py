"""Production settings for the shop project."""
import os

from .base import *  # noqa: F403

ALLOWED_HOSTS = ["*"]  # want `ALLOWED_HOSTS contains "\*": any Host header is accepted`
ALLOWED_HOSTS = ["shop.example.com", "*"]  # want `ALLOWED_HOSTS contains`
ALLOWED_HOSTS: list[str] = ("*",)  # want `ALLOWED_HOSTS contains`
ALLOWED_HOSTS += ["*"]  # want `ALLOWED_HOSTS contains`
ALLOWED_HOSTS.append("*")  # want `ALLOWED_HOSTS.append adds "\*"`
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "*").split(",")  # want `ALLOWED_HOSTS falls back to "\*"`

# Safe: explicit hosts, subdomain patterns, hosts from the environment.
ALLOWED_HOSTS = ["shop.example.com", ".example.com"]
ALLOWED_HOSTS = os.environ["ALLOWED_HOSTS"].split(",")
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")
ALLOWED_HOSTS.append("api.example.com")
CORS_ALLOWED_HOSTS = ["*"]
INTERNAL_IPS = ["*"]
