"""A fixture for the harness itself: the fake rule flags every call of builtins.eval."""
import builtins
from builtins import eval as evaluate


def handler(request):
    data = request.args["q"]
    eval(data)  # want "builtins.eval called"
    evaluate(data)  # want `builtins\.eval called`
    builtins.eval(data)  # want "eval"
    x = (eval(data), eval("1"))  # want "eval" "eval"
    return eval(  # want "eval"
        data,
    )


def shadowed(eval):
    return eval("1 + 1")


eval(a)  # nosec
eval(a)  # nosec B307
eval(a)  # noqa: S307
eval(a)  # krait: ignore[KR990]
eval(a)  # krait: ignore
eval(a)  # noqa: E501  # want "eval"
print(
    eval(a),
)  # nosec
