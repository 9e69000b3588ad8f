"""Configuration loading with PyYAML and ruamel.yaml."""
import yaml
import yaml as y
from ruamel.yaml import YAML
from yaml import CLoader, CSafeLoader, FullLoader, SafeLoader
from yaml import load as yload

from flask import request


class StrictLoader(yaml.SafeLoader):
    pass


class LegacyLoader(yaml.Loader):
    pass


def load_settings(path):
    with open(path) as fh:
        return yaml.load(fh)  # want "yaml.load called without a Loader"


def load_payload():
    doc = yaml.load(request.data, Loader=yaml.Loader)  # want "yaml.load called with the unsafe Loader yaml.Loader"
    docs = list(y.load_all(request.data, Loader=y.UnsafeLoader))  # want "yaml.load_all called with the unsafe Loader yaml.UnsafeLoader"
    fast = yload(request.data, CLoader)  # want "unsafe Loader yaml.CLoader"
    legacy = yaml.load(request.data, Loader=LegacyLoader)  # want "unsafe Loader"
    return doc, docs, fast, legacy


def load_unsafe(text):
    return yaml.unsafe_load(text)  # want "yaml.unsafe_load constructs arbitrary Python objects"


def load_full(text):
    a = yaml.full_load(text)  # want "yaml.full_load uses FullLoader"
    b = yaml.load(text, Loader=FullLoader)  # want "yaml.load called with FullLoader"
    return a, b


def load_ruamel(stream):
    loader = YAML(typ="unsafe")  # want "ruamel.yaml.YAML\\(typ=\"unsafe\"\\) constructs arbitrary Python objects"
    return loader.load(stream)


def safe_variants(text, stream):
    a = yaml.safe_load(text)
    b = yaml.load(text, Loader=yaml.SafeLoader)
    c = yaml.load(text, Loader=CSafeLoader)
    d = yaml.load(text, SafeLoader)
    e = yaml.load(text, Loader=StrictLoader)
    f = yaml.load(text, Loader=yaml.BaseLoader)
    g = list(yaml.safe_load_all(stream))
    h = YAML().load(stream)
    i = YAML(typ="safe").load(stream)
    j = yaml.dump({"a": 1})
    return a, b, c, d, e, f, g, h, i, j


def unknown_loader(text, loader_cls, **opts):
    a = yaml.load(text, Loader=loader_cls)
    b = yaml.load(text, **opts)
    return a, b


class Config:
    def load(self, text):
        return text


def shadowed(config, text):
    config.load(text)

    def load(x):
        return x

    return load(text)
