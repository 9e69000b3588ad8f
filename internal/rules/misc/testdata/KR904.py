"""Thumbnail worker that needs scratch files."""
import os
import tempfile
from tempfile import mktemp as make_name

import tempfile as tf


def render(image):
    path = tempfile.mktemp(suffix=".png")  # want "tempfile.mktemp returns a file name without creating the file"
    image.save(path)
    other = make_name()  # want "tempfile.mktemp returns"
    third = tf.mktemp(dir="/var/cache/thumbs")  # want "tempfile.mktemp returns"
    return path, other, third


def legacy():
    return os.tempnam("/var/tmp"), os.tmpnam()  # want "os.tempnam returns a file name" "os.tmpnam returns a file name"


# Safe: tempfile creates the file, and other mktemp functions are not tempfile's.
def safe(image, shell):
    fd, path = tempfile.mkstemp(suffix=".png")
    os.close(fd)
    with tempfile.NamedTemporaryFile(suffix=".png") as f:
        image.save(f)
    workdir = tempfile.mkdtemp()
    shell.mktemp("-d")
    return path, workdir, mktemp()


def mktemp():
    return tempfile.mkstemp()[1]
