from builtins import eval as run_expr


def handler(request):
    return eval(request.args["q"])


def other(data):
    x = run_expr(data)
    y = eval(  # nosec B307
        data,
    )
    return x, y
