"""An ordinary package __init__: version from metadata, logging, lazy and
optional imports."""
import importlib
import logging
import os
import sys
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("lib")
except PackageNotFoundError:
    __version__ = "0.0.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

try:
    import ujson as json
except ImportError:
    import json

if sys.platform == "win32":
    os.environ.setdefault("LIB_BACKEND", "winapi")

DEBUG = os.environ.get("LIB_DEBUG", "") == "1"
_submodules = {"io", "net", "plot"}


def __getattr__(name):
    if name in _submodules:
        return importlib.import_module("." + name, __name__)
    raise AttributeError(name)


def dumps(obj):
    return json.dumps(obj)


def _selftest():
    import subprocess
    return subprocess.run(["sh", "-c", "echo ok"], check=True)


if __name__ == "__main__":
    _selftest()
