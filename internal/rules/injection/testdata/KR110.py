"""Plugin hooks and dynamic configuration."""
from flask import request

BOOTSTRAP = "import sys; sys.path.insert(0, '/srv/app')"


class Config:
    timeout = 10


config = Config()


def run_hook(hook_source, context):
    exec(hook_source, {"ctx": context})  # want "builtins.exec executes code taken from a variable"


def set_option(name, value):
    exec(f"config.{name} = {value!r}")  # want "builtins.exec executes code built from an f-string"


def upload():
    source = request.files["script"].read().decode()
    exec(compile(source, "upload.py", "exec"))  # want "builtins.exec executes code taken from request data"


def template(name):
    exec("def handler_%s(): pass" % name)  # want "builtins.exec executes code built with % formatting"


def bootstrap():
    exec(BOOTSTRAP)  # want "builtins.exec executes code that is constant"


# Negatives: cursor.execute and other exec methods, a local exec.
def negatives(cursor, dialog, name):
    cursor.execute("SELECT 1")
    dialog.exec()
    dialog.exec_(name)


def local(code):
    exec = print
    exec(code)
