"""Clients for the partner APIs."""
import aiohttp
import httpx
import requests
from requests import Session

INSECURE = False


def fetch_invoice(url, token):
    r = requests.get(url, headers={"Authorization": token}, verify=False, timeout=10)  # want "requests.get called with verify=False"
    return r.json()


def upload(url, data):
    return requests.request("POST", url, data=data, verify=INSECURE, timeout=5)  # want "requests.request called with verify=False"


def with_session(url):
    s = Session()
    s.verify = False  # want "session.verify set to False"
    return s.post(url, verify=False, timeout=5)  # want "session.post called with verify=False"


class PartnerClient:
    def __init__(self):
        self.session = requests.Session()
        self.session.verify = False  # want "session.verify set to False"

    def status(self, url):
        return self.session.get(url, verify=False, timeout=3)  # want "session.get called with verify=False"


def httpx_calls(url):
    a = httpx.get(url, verify=False)  # want "httpx.get called with verify=False"
    client = httpx.Client(verify=False)  # want "httpx.Client called with verify=False"
    transport = httpx.AsyncHTTPTransport(verify=False, retries=2)  # want "httpx.AsyncHTTPTransport"
    return a, client, transport


async def aio(url):
    conn = aiohttp.TCPConnector(ssl=False)  # want "aiohttp.TCPConnector called with ssl=False"
    async with aiohttp.ClientSession(connector=conn) as session:
        async with session.get(url, ssl=False) as resp:  # want "session.get called with ssl=False"
            return await resp.text()


async def aio_legacy(url):
    async with aiohttp.request("GET", url, verify_ssl=False) as resp:  # want "aiohttp.request called with verify_ssl=False"
        return await resp.read()


# Safe: verification on, a CA bundle, a setting read at run time, and other verify arguments.
def safe(url, settings, form, signature):
    a = requests.get(url, timeout=5)
    b = requests.get(url, verify="/etc/ssl/certs/internal-ca.pem", timeout=5)
    c = requests.get(url, verify=settings.VERIFY_TLS, timeout=5)
    d = httpx.get(url, verify=True)
    e = requests.get(url, verify=None, timeout=5)
    f = form.validate(verify=False)
    g = signature.check(data=url, verify=False)
    h = aiohttp.ClientSession(raise_for_status=True)
    return a, b, c, d, e, f, g, h


def not_a_session(config):
    config.verify = False
    return config


def other_clients(url):
    import httplib2
    import pycurl
    from tornado.httpclient import AsyncHTTPClient, HTTPRequest

    h = httplib2.Http(disable_ssl_certificate_validation=True)  # want "httplib2.Http called with disable_ssl_certificate_validation set"
    req = HTTPRequest(url, validate_cert=False)  # want "tornado.httpclient.HTTPRequest called with validate_cert set"
    c = pycurl.Curl()
    c.setopt(pycurl.SSL_VERIFYPEER, 0)  # want `setopt\(pycurl.SSL_VERIFYPEER, 0\)`
    c.setopt(pycurl.SSL_VERIFYHOST, False)  # want "SSL_VERIFYHOST"
    c.setopt(pycurl.URL, url)
    c.setopt(pycurl.SSL_VERIFYPEER, 1)
    safe = httplib2.Http(disable_ssl_certificate_validation=False)
    ok = HTTPRequest(url, validate_cert=True)
    return h, req, c, safe, ok, AsyncHTTPClient().fetch(req)
