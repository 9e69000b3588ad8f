"""Serving a Keras model."""
import keras
import tensorflow as tf
from keras.models import load_model


def load_legacy(path):
    return keras.models.load_model(path, safe_mode=False)  # want "keras.models.load_model called with safe_mode=False"


def load_tf(path):
    return tf.keras.models.load_model(path, compile=False, safe_mode=False)  # want "tensorflow.keras.models.load_model called with safe_mode=False"


def allow_lambdas():
    keras.config.enable_unsafe_deserialization()  # want "turns off safe mode for every model load"


def safe_variants(path):
    a = load_model(path)
    b = keras.models.load_model(path, safe_mode=True)
    c = keras.saving.load_model(path, compile=False)
    return a, b, c
