"""A package that reads a boolean setting from the environment at import time,
evaluating it only once it is known to be one of two literals (as sympy does
with SYMPY_DEBUG)."""


def _debug_setting():
    import os

    value = os.getenv("DEBUG_FLAG_DEBUG", "False")
    if value in ("True", "False"):
        return eval(value)
    raise RuntimeError("unrecognized value for DEBUG_FLAG_DEBUG: %s" % value)


DEBUG = _debug_setting()


def _level():
    import os

    level = os.getenv("DEBUG_FLAG_LEVEL", "0")
    if level == "1":
        return eval(level)
    return 0


LEVEL = _level()
