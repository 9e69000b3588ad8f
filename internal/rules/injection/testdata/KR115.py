"""Runtime-reconfigurable logging."""
import logging.config
from logging import config as logconf


def start_listener():
    t = logging.config.listen(9999)  # want "logging.config.listen applies logging configurations received over a socket without verification"
    t.start()


def start_default():
    logconf.listen()  # want "without verification; they can run code"


def start_verified(check):
    logging.config.listen(9999, verify=check)  # want "check that verify authenticates them"


# Negatives: other listen calls and verify=None handled above.
def negatives(sock, server):
    sock.listen(5)
    server.listen()
