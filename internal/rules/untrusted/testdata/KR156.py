"""Feature caches stored as .npy files."""
import numpy as np
from flask import request
from numpy import load as npload

ALLOW = True


def read_features(path):
    return np.load(path, allow_pickle=True)  # want "numpy.load called with allow_pickle=True"


def read_upload():
    return npload(request.files["features"], allow_pickle=ALLOW)  # want "numpy.load called with allow_pickle=True"


def read_bundled():
    return np.load("data/embeddings.npy", allow_pickle=True)  # want "numpy.load called with allow_pickle=True"


def safe_variants(path):
    a = np.load(path)
    b = np.load(path, allow_pickle=False)
    c = np.loadtxt(path)
    np.save(path, a)
    return a, b, c
