"""Network diagnostics endpoints that shell out."""
import asyncio
import os

import anyio
import shlex
import subprocess
from os import popen as run_pipe
from os import system as s

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host", "127.0.0.1")
    return str(os.system("ping -c 1 " + host))  # want "os.system runs a shell command built by string concatenation"


@app.route("/lookup")
def lookup():
    domain = request.form["domain"]
    out = run_pipe(f"nslookup {domain}").read()  # want "os.popen runs a shell command built from an f-string"
    return out


def disk_usage(path):
    return subprocess.getoutput("du -sh %s" % path)  # want "subprocess.getoutput runs a shell command built with % formatting"


def status(unit):
    code, text = subprocess.getstatusoutput("systemctl status {}".format(unit))  # want "subprocess.getstatusoutput runs a shell command built with str.format"
    return text


def run_script(script):
    s(script)  # want "os.system runs a shell command taken from a variable"


async def trace(target):
    proc = await asyncio.create_subprocess_shell(f"traceroute {target}")  # want "asyncio.create_subprocess_shell runs a shell command built from an f-string"
    await proc.wait()


async def trace_loop(loop, factory, target):
    await loop.subprocess_shell(factory, "mtr -r " + target)  # want "loop.subprocess_shell runs a shell command built by string concatenation"


async def anyio_shell(host):
    await anyio.run_process(f"dig {host}")  # want "anyio.run_process runs a shell command built from an f-string"


def clear():
    os.system("clear")  # want "os.system runs a shell command that is constant"


def count_lines(path):
    return os.popen("wc -l " + shlex.quote(path)).read()  # want "os.popen runs a shell command whose dynamic parts are quoted"


# Negatives: a local function named system, methods called popen or system
# on unrelated objects, and an argument list without a shell.
def system(cmd):
    return cmd


def negatives(host, pool, platform_info):
    system(f"ping {host}")
    pool.popen(f"ping {host}")
    platform_info.system()
    subprocess.run(["ping", "-c", "1", host])


async def anyio_no_shell(host):
    await anyio.run_process(["dig", host])
