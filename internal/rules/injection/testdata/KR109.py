"""A calculator service and a settings loader."""
import ast
from flask import request

DEFAULT = "1 + 1"


def calculate():
    expr = request.args.get("expr", "")
    return str(eval(expr))  # want "builtins.eval evaluates code taken from request data"


def calculate_fmt(a, b, op):
    return eval(f"{a} {op} {b}")  # want "builtins.eval evaluates code built from an f-string"


def field(obj, name):
    return eval("obj." + name)  # want "builtins.eval evaluates code built by string concatenation"


def compiled(src):
    code = compile(src, "<user>", "eval")
    return eval(code, {"__builtins__": {}})  # want "builtins.eval evaluates code taken from a variable"


def sandboxed(request_form):
    return eval(request_form["formula"], {"__builtins__": None}, {})  # want "builtins.eval evaluates code taken from a non-constant value"


def default():
    return eval(DEFAULT)  # want "builtins.eval evaluates code that is constant"


def scaled(n):
    return eval("%d * 2" % n)  # want "builtins.eval evaluates code whose dynamic parts are numeric"


# Negatives: ast.literal_eval, a method named eval, a local eval, and a
# model's eval() (PyTorch) with no argument.
class Model:
    def eval(self, text=None):
        return self


def negatives(text, model):
    ast.literal_eval(text)
    model.eval()
    Model().eval(text)
    return text


def shadowed(text):
    def eval(s):
        return s

    return eval(text)
