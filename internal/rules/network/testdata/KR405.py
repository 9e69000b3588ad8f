"""Webhook delivery and status checks."""
import httpx
import requests
from requests import post as send

TIMEOUT = None


def deliver(url, payload):
    return requests.post(url, json=payload)  # want "requests.post called without a timeout"


def check(url):
    r = requests.get(url)  # want "requests.get called without a timeout"
    r2 = requests.request("HEAD", url)  # want "requests.request called without a timeout"
    r3 = send(url, data=b"ping")  # want "requests.post called without a timeout"
    return r, r2, r3


def session_calls(url):
    s = requests.Session()
    a = s.get(url)  # want "session.get called without a timeout"
    b = s.put(url, timeout=None)  # want "session.put called with timeout=None"
    return a, b


def explicit_none(url):
    a = requests.delete(url, timeout=TIMEOUT)  # want "requests.delete called with timeout=None"
    b = httpx.get(url, timeout=None)  # want "httpx.get called with timeout=None"
    c = httpx.Client(timeout=None)  # want "httpx.Client created with timeout=None"
    return a, b, c


# Safe: timeouts given, httpx's default timeout, **kwargs that may carry one.
def safe(url, cfg, **kwargs):
    a = requests.get(url, timeout=10)
    b = requests.post(url, json={}, timeout=(3.05, 27))
    c = requests.get(url, timeout=cfg.timeout)
    d = httpx.get(url)
    e = httpx.Client(base_url=url)
    f = requests.get(url, **kwargs)
    g = cfg.get(url)
    return a, b, c, d, e, f, g


def other_clients(client, url, params):
    return client.get(url), params.get("url")


def with_block(url, path):
    with requests.Session() as s:
        r = s.get(url)  # want "session.get called without a timeout"
    with open(path) as fh:
        data = fh.read()
    return r, data
