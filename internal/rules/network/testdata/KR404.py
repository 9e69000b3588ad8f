"""A raw TLS client for the telemetry collector."""
import socket
import ssl
from ssl import wrap_socket


def connect(host, port):
    sock = socket.create_connection((host, port))
    return ssl.wrap_socket(sock)  # want "ssl.wrap_socket called without cert_reqs"


def connect_client_cert(host, port, cert, key):
    sock = socket.create_connection((host, port))
    return wrap_socket(sock, keyfile=key, certfile=cert, server_side=False)  # want "without cert_reqs"


# Safe: explicit verification, the server side, SSLContext.wrap_socket.
def verified(sock, ca):
    return ssl.wrap_socket(sock, cert_reqs=ssl.CERT_REQUIRED, ca_certs=ca)


def server(sock, cert, key):
    return ssl.wrap_socket(sock, keyfile=key, certfile=cert, server_side=True)


def modern(sock, host):
    ctx = ssl.create_default_context()
    return ctx.wrap_socket(sock, server_hostname=host)


def forwarded(sock, **options):
    return ssl.wrap_socket(sock, **options)
