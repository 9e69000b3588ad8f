"""Authentication views with careless logging."""
import logging
import os

import structlog
from flask import Flask, current_app, request
from loguru import logger as log

app = Flask(__name__)
logger = logging.getLogger(__name__)
audit = structlog.get_logger()


def login(username, password):
    logger.info("login attempt user=%s password=%s", username, password)  # want `logger.info writes the secret "password" to the log`
    logging.debug("password=" + password)  # want `logging.debug writes the secret "password"`
    current_app.logger.warning(f"bad login for {username} with {password!r}")  # want `current_app.logger.warning writes the secret "password"`
    app.logger.error("form: %s", request.form["password"])  # want `writes the secret "password"`
    log.debug("token {}", request.headers.get("Authorization"))  # want `loguru.logger.debug writes the secret "Authorization"`
    audit.info("issued", extra={"user": username, "api_key": issue_key(username)})  # want `audit.info writes the secret "api_key"`
    logger.debug("config {}".format(app.config["SECRET_KEY"]))  # want `writes the secret "SECRET_KEY"`
    logger.log(logging.INFO, "auth %s", str(user_token(username)))
    print(f"Your new API token is {new_token}")  # want `print writes the secret "new_token" to standard output`
    return True


class Client:
    def __init__(self, api_key):
        self.api_key = api_key
        self.log = logging.getLogger("client")

    def call(self):
        self.log.debug("calling with key %s", self.api_key)  # want `self.log.debug writes the secret "api_key"`


# Safe: derived values, names that are not secrets, constants, non-loggers.
def audit_login(username, password, token):
    logger.info("login attempt user=%s", username)
    logger.info("password length %d", len(password))
    logger.debug("token prefix %s", token[:4])
    logger.info("password reset requested for %s", username)
    logger.info("token type %s", token_type)
    logger.info("next page %s", next_token)
    logger.info("password field is %s", PASSWORD_FIELD)
    logger.info("has password: %s", bool(password))
    logger.info("using token %s", mask(token))
    logger.exception("login failed", exc_info=True)
    print("token is %s" % "redacted")
    catalog.info(password)
    response.error(password)
    report.log(password)


def quiet(password, print=None):
    print(password)


def tokenize(source):
    for token in source.split():
        print("token %r" % token)
        logger.debug("unexpected token %s", token)  # want `writes the secret "token"`
