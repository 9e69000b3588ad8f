"""Imports and attribute lookups with hidden names."""
import base64
import importlib

m = __import__("o" + "s")  # want "builtins.__import__ takes the module name 'os' concatenated from pieces"
getattr(m, "metsys"[::-1])("id")  # want "builtins.getattr takes the attribute name 'system' reversed"
sp = importlib.import_module("".join(chr(c) for c in [115, 117, 98, 112, 114, 111, 99, 101, 115, 115]))  # want "importlib.import_module takes a module name built from chr"
getattr(sp, base64.b64decode("UG9wZW4=").decode())  # want "builtins.getattr takes an attribute name decoded with base64.b64decode"
fn = getattr(__builtins__, "".join(["ex", "ec"]))  # want "builtins.getattr takes the attribute name 'exec' joined from pieces"


# Negatives: plugin loading by name, plain attribute access.
def load_plugin(name):
    return importlib.import_module("myapp.plugins." + name)


def handler_for(obj, event):
    return getattr(obj, "on_" + event, None)


json = __import__("json")
dumps = getattr(json, "dumps")
