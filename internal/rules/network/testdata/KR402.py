"""Fetching feeds from a server with a self-signed certificate."""
import socket
import ssl
import urllib.request

import urllib3
from OpenSSL import SSL

ssl._create_default_https_context = ssl._create_unverified_context  # want "every HTTPS connection in the process skips verification"


def fetch(url):
    ctx = ssl._create_unverified_context()  # want "ssl._create_unverified_context makes a context that checks neither"
    return urllib.request.urlopen(url, context=ctx, timeout=10).read()


def manual_context(host):
    ctx = ssl.create_default_context()
    ctx.check_hostname = False  # want "check_hostname set to False"
    ctx.verify_mode = ssl.CERT_NONE  # want "verify_mode set to CERT_NONE"
    return ctx.wrap_socket(socket.create_connection((host, 443)), server_hostname=host)


def pool():
    a = urllib3.PoolManager(cert_reqs="CERT_NONE")  # want "urllib3.PoolManager called with cert_reqs=CERT_NONE"
    b = urllib3.HTTPSConnectionPool("api.partner.com", cert_reqs=ssl.CERT_NONE)  # want "HTTPSConnectionPool called with cert_reqs=CERT_NONE"
    return a, b


def openssl_context():
    ctx = SSL.Context(SSL.TLS_METHOD)
    ctx.set_verify(SSL.VERIFY_NONE, lambda *args: True)  # want `set_verify\(VERIFY_NONE\)`
    return ctx


# Safe: verified contexts and settings.
def safe(host, cafile, options):
    ctx = ssl.create_default_context(cafile=cafile)
    ctx.check_hostname = True
    ctx.verify_mode = ssl.CERT_REQUIRED
    pool = urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs=cafile)
    octx = SSL.Context(SSL.TLS_METHOD)
    octx.set_verify(SSL.VERIFY_PEER, None)
    options.check_hostname = options.strict
    return ctx, pool, octx


def websocket_feed(url):
    import websocket

    ws = websocket.create_connection(url, sslopt={"cert_reqs": ssl.CERT_NONE, "check_hostname": False})  # want "cert_reqs to CERT_NONE" "check_hostname to False"
    pool = urllib3.PoolManager(assert_hostname=False)  # want "called with assert_hostname=False"
    fine = websocket.create_connection(url, sslopt={"cert_reqs": ssl.CERT_REQUIRED})
    return ws, pool, fine, {"check_hostname": True}
