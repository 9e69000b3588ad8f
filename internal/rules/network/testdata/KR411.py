"""Integrations with external services."""
import urllib.request

import aiohttp
import httpx
import requests

PARTNER_API = "http://api.partner-payments.com/v2"


def charge(card, amount):
    return requests.post("http://api.partner-payments.com/v2/charge", json={"card": card, "amount": amount}, timeout=10)  # want "plain http:// URL of api.partner-payments.com"


def refund(charge_id):
    return requests.post(PARTNER_API + "/refund/" + charge_id, timeout=10)  # want "api.partner-payments.com"


def weather(city):
    return httpx.get(f"http://api.weather-service.net/v1/{city}")  # want "api.weather-service.net"


def legacy(host):
    return urllib.request.urlopen("http://203.0.113.7:8080/status", timeout=5)  # want "203.0.113.7"


def session_calls(user):
    s = requests.Session()
    return s.get("http://profiles.socialsite.com/users/%s" % user, timeout=5)  # want "profiles.socialsite.com"


async def aio():
    async with aiohttp.ClientSession("http://feeds.news-site.org") as session:  # want "feeds.news-site.org"
        async with session.get("/latest") as resp:
            return await resp.text()


def client():
    return httpx.Client(base_url="http://internal-gw.partner.io")  # want "internal-gw.partner.io"


# Safe: HTTPS, local and private hosts, service names, documentation domains, run-time hosts.
def safe(host, port, user_url):
    a = requests.get("https://api.partner-payments.com/v2/status", timeout=5)
    b = requests.get("http://localhost:8000/health", timeout=5)
    c = requests.get("http://127.0.0.1:5000/", timeout=5)
    d = requests.get("http://[::1]:8080/", timeout=5)
    e = requests.get("http://redis-commander:8081/", timeout=5)
    f = requests.get("http://192.168.1.20/api", timeout=5)
    g = requests.get("http://10.0.0.5/api", timeout=5)
    h = requests.get("http://172.20.0.3/api", timeout=5)
    i = requests.get("http://www.example.com/", timeout=5)
    j = requests.get("http://metadata.google.internal/computeMetadata/v1/", timeout=5)
    k = requests.get(f"http://{host}:{port}/api", timeout=5)
    m = requests.get(user_url, timeout=5)
    n = requests.get("http://169.254.169.254/latest/meta-data/", timeout=5)
    o = requests.get("http://printer.local/status", timeout=5)
    return a, b, c, d, e, f, g, h, i, j, k, m, n, o


def not_http(d, xml):
    a = d.get("http://schemas.xmlsoap.org/soap/envelope/")
    b = xml.find("{http://www.w3.org/2005/Atom}entry")
    return a, b


def templated(item_id):
    return requests.get(f"{PARTNER_API}/items/{item_id}", timeout=5)  # want "api.partner-payments.com"
