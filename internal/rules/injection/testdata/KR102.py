"""Media conversion worker: programs started without a shell."""
import shlex
import shutil
import subprocess
import sys
from subprocess import run as run_process

from flask import request

CONVERT = "/usr/bin/convert"
DEFAULT_ARGS = ["--quiet", "--strip"]


def thumbnail():
    src = request.args["src"]
    size = request.args["size"]
    subprocess.run([CONVERT, src, "-resize", size, "out.png"])  # want `passes arguments taken from request data to "/usr/bin/convert"`


def fetch(url):
    subprocess.check_call(["curl", "-sS", f"--url={url}"])  # want `passes arguments built from an f-string to "curl"`


def run_tool(tool, target):
    subprocess.Popen([tool, target])  # want "subprocess.Popen starts a program taken from a variable; check that users cannot choose it"


def run_line(line):
    run_process(shlex.split(f"nmap -sV {line}"))  # want "subprocess.run runs an argument list split from a string built from an f-string"


def run_argv(argv):
    return subprocess.check_output(argv)  # want "subprocess.check_output runs an argument list taken from a variable"


def custom_exe(exe):
    subprocess.call(["worker", "--once"], executable=exe)  # want "subprocess.call starts a program taken from a variable"


# Negatives: constant argument lists (directly or through a variable), the
# running interpreter, shutil.which, numeric arguments, shell=True (KR101)
# and explicit shells (KR117), and unrelated run methods.
def safe(count, loop):
    subprocess.run(["ls", "-la", "/srv"], check=True)
    cmd = ["git", "status", "--porcelain"]
    subprocess.check_output(cmd)
    subprocess.run([sys.executable, "-m", "pip", "--version"])
    subprocess.run([shutil.which("git"), "fetch"])
    subprocess.run(["head", "-n", str(int(count)), "/var/log/syslog"])
    subprocess.run(["ls"] + DEFAULT_ARGS)
    subprocess.run("uptime")
    subprocess.run(f"echo {count}", shell=True)
    subprocess.run(["sh", "-c", f"echo {count}"])
    loop.run([count])


def run_module(module):
    subprocess.run([sys.executable, "-m", module])  # want "subprocess.run passes arguments taken from a variable to sys.executable"
