"""Report export service with scratch files."""
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pandas as pd
from flask import Flask, send_file

app = Flask(__name__)
app.config["UPLOAD_FOLDER"] = "/tmp/uploads"  # want `"/tmp/uploads" assigned to app.config\["UPLOAD_FOLDER"\]`
log = logging.getLogger(__name__)

CACHE_DIR = "/tmp/report-cache"  # want `hard-coded temporary path "/tmp/report-cache" assigned to CACHE_DIR`
LOCK_FILE: str = "/var/tmp/exporter.lock"  # want `"/var/tmp/exporter.lock" assigned to LOCK_FILE`
SCRATCH = os.getenv("SCRATCH_DIR", "/dev/shm/scratch")  # want `as the fallback of os.getenv`

LOGGING = {
    "version": 1,
    "handlers": {
        "file": {
            "class": "logging.FileHandler",
            "filename": "/tmp/exporter.log",  # want `as the dict key "filename"`
        },
    },
}


def export(rows, name):
    with open("/tmp/export.csv", "w") as f:  # want `"/tmp/export.csv" passed to builtins.open`
        f.write(rows)
    out = os.path.join("/tmp", name)  # want `"/tmp" passed to os.path.join`
    pd.DataFrame(rows).to_csv(f"/tmp/{name}.csv")  # want `f"/tmp/{name}.csv" passed to to_csv`
    shutil.copy(out, "/tmp/latest/" + name)  # want `"/tmp/latest/" \+ name passed to shutil.copy`
    subprocess.run(["gzip", "-k", "/tmp/export.csv"], check=True)  # want `passed to subprocess.run`
    Path("/var/tmp/exports").mkdir(exist_ok=True)  # want `passed to pathlib.Path`
    return "/tmp/report-%s.pdf" % name  # want `"/tmp/report-%s.pdf" % name returned`


def archive(name, dest="/tmp/archive"):  # want `as a parameter default`
    logging.basicConfig(filename="/tmp/archive.log")  # want `passed to logging.basicConfig`
    return "/tmp/{}.zip".format(name)  # want `"/tmp/\{\}.zip".format\(name\) returned`


# Safe: tempfile picks the names, paths are only compared or mentioned, URL routes.
@app.route("/tmp/<name>")
def download(name):
    with tempfile.NamedTemporaryFile(dir="/tmp", suffix=".csv") as f:
        return send_file(f.name)


def is_scratch(path):
    log.info("/tmp is cleaned at boot")
    if path.startswith("/tmp/"):
        return True
    if path == "/var/tmp":
        return True
    return os.path.commonpath([path, "/dev/shm"]) == "/dev/shm"


def workdir():
    fd, path = tempfile.mkstemp(dir="/var/tmp")
    os.close(fd)
    print("/tmp/ is shared")
    message = "files are written to /tmp"
    tmpl = "/tmpl/index.html"
    return tempfile.mkdtemp(prefix="export-", dir="/tmp"), path, message, tmpl
