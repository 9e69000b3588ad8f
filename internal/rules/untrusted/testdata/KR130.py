"""Session, cache and model loading in a small Flask service."""
import base64
import pickle
import pickle as pkl
import shelve
from pickle import loads as unpickle

import dill
import joblib
import jsonpickle
import pandas as pd
from flask import Flask, request

app = Flask(__name__)


@app.route("/restore", methods=["POST"])
def restore():
    state = pickle.loads(base64.b64decode(request.cookies["state"]))  # want "pickle.loads deserializes request data"
    return str(state)


@app.route("/upload", methods=["POST"])
def upload():
    blob = request.files["model"].read()
    model = pkl.loads(blob)  # want "pickle.loads deserializes request data"
    return repr(model)


@app.route("/jp")
def jp():
    payload = request.args.get("obj")
    decoded = jsonpickle.decode(payload)  # want "jsonpickle.decode deserializes request data"
    return repr(decoded)


def load_cache(raw):
    return unpickle(raw)  # want "pickle.loads deserializes data that may be untrusted"


def read_stream(stream):
    return pickle.Unpickler(stream).load()  # want "pickle.Unpickler deserializes data that may be untrusted"


def read_file(path):
    with open(path, "rb") as fh:
        return pickle.load(fh)  # want "pickle.load deserializes data that may be untrusted"


def load_session(path):
    return dill.load(open(path, "rb"))  # want "dill.load deserializes data that may be untrusted"


def load_model():
    clf = joblib.load("models/classifier.joblib")  # want "joblib.load deserializes a file at a fixed path"
    frame = pd.read_pickle("data/frame.pkl")  # want "pandas.read_pickle deserializes a file at a fixed path"
    with_const = pickle.load(open("fixtures/state.pkl", "rb"))  # want "pickle.load deserializes a file at a fixed path"
    return clf, frame, with_const


def open_store(name):
    db = shelve.open(name)  # want "shelve.open deserializes data that may be untrusted"
    return db


SESSION_SERIALIZER = "django.contrib.sessions.serializers.PickleSerializer"  # want "SESSION_SERIALIZER is PickleSerializer"
CACHE_SERIALIZER = "django.contrib.sessions.serializers.PickleSerializer"


class ProductionSettings:
    SESSION_SERIALIZER = "django.contrib.sessions.serializers.JSONSerializer"


def safe_variants(obj):
    blob = pickle.dumps(obj)
    constant = pickle.loads(b"\x80\x04K\x01.")
    text = jsonpickle.encode(obj)
    return blob, constant, text


class Cache:
    def loads(self, data):
        return data

    def load(self, path):
        return path


def unrelated(cache, data, loads):
    cache.loads(data)
    cache.load("x.pkl")
    loads(data)
    return joblib.dump(data, "out.joblib")
