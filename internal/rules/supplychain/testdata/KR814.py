"""Decoded data executed, anywhere in a project."""
import base64
import codecs
import marshal
import zlib
from base64 import b64decode as d

exec(zlib.decompress(base64.b64decode("eJzLSM3JyVcozy/KSQEAGgQEXQ==")))  # want "builtins.exec runs data decoded with zlib.decompress"


def stage():
    blob = d("cHJpbnQoJ2hpJyk=")
    code = blob.decode("utf-8")
    exec(code)  # want "builtins.exec runs data decoded with base64.b64decode"


def rot():
    eval(codecs.decode("cevag('uv')", "rot13"))  # want "builtins.eval runs data decoded with codecs.decode"


def frozen(data):
    exec(marshal.loads(data))  # want "builtins.exec runs data decoded with marshal.loads"


def hexed():
    exec(compile(bytes.fromhex("7072696e74282768692729"), "<x>", "exec"))  # want "builtins.exec runs data decoded with builtins.bytes.fromhex"


def imports():
    return __import__(base64.b64decode("b3M=").decode())  # want "builtins.__import__ runs data decoded with base64.b64decode"


# Negatives: decoding data that is not run, running code that is not decoded.
def negatives(source, token):
    raw = base64.b64decode(token)
    text = raw.decode("utf-8")
    exec(source)
    eval("1 + 1")
    return zlib.decompress(raw), text
