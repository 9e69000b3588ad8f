"""Cookie settings for the shop."""
from flask import Flask

SESSION_COOKIE_SECURE = False  # want `SESSION_COOKIE_SECURE = False lets the browser send the cookie over plain HTTP`
CSRF_COOKIE_SECURE = 0  # want `CSRF_COOKIE_SECURE = False`
SESSION_COOKIE_HTTPONLY = False  # want `SESSION_COOKIE_HTTPONLY = False lets scripts on the page read the cookie`

app = Flask(__name__)
app.config["SESSION_COOKIE_SECURE"] = False  # want `SESSION_COOKIE_SECURE = False`
app.config.update(
    SESSION_COOKIE_HTTPONLY=False,  # want `SESSION_COOKIE_HTTPONLY = False`
    REMEMBER_COOKIE_SECURE=False,  # want `REMEMBER_COOKIE_SECURE = False`
)
JWT_SETTINGS = {"JWT_COOKIE_SECURE": False}  # want `JWT_COOKIE_SECURE = False`


class ProductionConfig:
    SESSION_COOKIE_SECURE = False  # want `SESSION_COOKIE_SECURE = False`


class DevelopmentConfig:
    SESSION_COOKIE_SECURE = False  # want `SESSION_COOKIE_SECURE = False`


# Safe: secure values, the defaults, values from the environment.
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = False
SESSION_COOKIE_SAMESITE = "Lax"
app.config["SESSION_COOKIE_SECURE"] = env_flag("SESSION_COOKIE_SECURE")
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True)


def configure(settings):
    SESSION_COOKIE_SECURE = False
    return SESSION_COOKIE_SECURE
