"""TLS settings for talking to an old appliance."""
import ssl
from ssl import PROTOCOL_TLSv1_1

from OpenSSL import SSL
from requests.adapters import HTTPAdapter


def legacy_context():
    return ssl.SSLContext(ssl.PROTOCOL_TLSv1)  # want "obsolete protocol TLSv1 passed"


def legacy_socket(sock):
    return ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_SSLv3, cert_reqs=ssl.CERT_REQUIRED)  # want "obsolete protocol SSLv3 passed"


def imported_constant():
    return ssl.SSLContext(PROTOCOL_TLSv1_1)  # want "obsolete protocol TLSv1_1 passed"


def pyopenssl():
    ctx = SSL.Context(SSL.SSLv3_METHOD)  # want "obsolete protocol SSLv3 passed"
    ctx.set_min_proto_version(SSL.TLS1_VERSION)  # want "obsolete protocol TLSv1 passed"
    return ctx


def minimum():
    ctx = ssl.create_default_context()
    ctx.minimum_version = ssl.TLSVersion.TLSv1  # want "obsolete protocol TLSv1 assigned"
    return ctx


class LegacyAdapter(HTTPAdapter):
    ssl_version = ssl.PROTOCOL_TLSv1  # want "obsolete protocol TLSv1 assigned"


def connect(host, version=ssl.PROTOCOL_SSLv2):  # want "obsolete protocol SSLv2 used as a parameter default"
    return host, version


# Safe: modern versions, option flags that disable old versions, comparisons.
def modern(ctx_in):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.options |= ssl.OP_NO_TLSv1 | ssl.OP_NO_TLSv1_1
    octx = SSL.Context(SSL.TLS_METHOD)
    if ctx_in.protocol == ssl.PROTOCOL_TLSv1:
        raise ValueError("TLS 1.0 is not allowed")
    return ctx, octx


def local_names(TLSv1):
    return TLSv1
