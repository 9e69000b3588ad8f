"""Persistence helpers."""
from __future__ import annotations

import json
import pickle  # want "import of pickle: it runs arbitrary code when it loads untrusted data"
import os, shelve  # want "import of shelve"
import dill as dl  # want "import of dill"
from typing import TYPE_CHECKING

from cloudpickle import loads  # want "import of cloudpickle.loads"
from jsonpickle import decode as jp_decode  # want "import of jsonpickle.decode"
from pickle import dumps, HIGHEST_PROTOCOL

if TYPE_CHECKING:
    import _pickle

try:
    import cPickle  # want "import of cPickle"
except ImportError:
    cPickle = None

import pickletools
import picklescan


def save(obj, path):
    with open(path, "wb") as fh:
        fh.write(dumps(obj, HIGHEST_PROTOCOL))
    return json.dumps({"path": os.fspath(path)})
