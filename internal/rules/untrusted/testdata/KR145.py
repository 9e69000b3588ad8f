"""Fetching remote resources for user profiles."""
import urllib.request
from urllib.request import Request, urlopen, urlretrieve
from urllib import request as ureq

from flask import Flask, request

app = Flask(__name__)
API = "https://api.example.com"


@app.route("/proxy")
def proxy():
    target = request.args["url"]
    return urlopen(target).read()  # want "urllib.request.urlopen opens a URL from request data without a fixed scheme"


def fetch_avatar(url):
    return urllib.request.urlopen(url, timeout=5).read()  # want "urllib.request.urlopen opens a URL from data that may be untrusted"


def download(url, dest):
    urlretrieve(url, dest)  # want "urllib.request.urlretrieve opens a URL"


def build_request(url):
    req = Request(url, headers={"User-Agent": "bot"})  # want "urllib.request.Request opens a URL"
    return urlopen(req)


def by_host(host):
    return ureq.urlopen(f"http://{host}/status")  # want "fetches a URL whose host comes from a string built at run time.*SSRF"


def by_host_concat(host):
    return urlopen("https://" + host + "/health")  # want "SSRF"


def local_path(name):
    return urlopen("file:///srv/data/" + name)  # want "opens a file: URL built from a string built at run time"


def legacy(url):
    opener = urllib.request.build_opener()
    return opener.open(url)  # want "urllib.request.build_opener\\(\\).open opens a URL"


def safe_variants(user_id, query):
    a = urlopen("https://example.com/robots.txt")
    b = urlopen(f"https://api.example.com/users/{user_id}")
    c = urlopen(API + "/search?q=" + query)
    d = urlopen(Request("https://example.com/feed.xml"))
    e = urlopen("{}/users/{}".format(API, user_id))
    f = urlopen("https://api.example.com/v1/items?page=%d" % user_id)
    g = urlopen("%s/users/%s" % (API, user_id))
    return a, b, c, d, e, f, g


class Client:
    def urlopen(self, url):
        return url


def unrelated(client, url):
    with open(url) as fh:
        fh.read()
    return client.urlopen(url)
