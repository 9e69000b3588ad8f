"""API authentication with JSON web tokens."""
import jwt
from jose import jwt as jose_jwt

NO_VERIFY = {"verify_signature": False}


def current_user(request):
    token = request.headers["Authorization"].split()[1]
    claims = jwt.decode(token, options={"verify_signature": False})  # want "jwt.decode called with verify_signature disabled"
    return claims["sub"]


def legacy_user(token, key):
    return jwt.decode(token, key, verify=False)  # want "jwt.decode called with verify=False"


def shared_options(token):
    return jwt.decode(token, options=NO_VERIFY)  # want "verify_signature disabled"


def dict_options(token, key):
    return jose_jwt.decode(token, key, options=dict(verify_signature=False))  # want "jose.jwt.decode called with verify_signature disabled"


def any_algorithm(token, key):
    return jwt.decode(token, key, algorithms=["HS256", "none"])  # want "allows the \"none\" algorithm"


# Safe: verified decodes, other options, unrelated decode methods.
def verified(token, key):
    a = jwt.decode(token, key, algorithms=["RS256"], audience="api")
    b = jwt.decode(token, key, algorithms=["HS256"], options={"verify_exp": True, "verify_signature": True})
    c = jose_jwt.decode(token, key, algorithms=["RS256"])
    d = jwt.decode(token, key, algorithms=["HS256"], verify=True)
    return a, b, c, d


def header_only(token):
    return jwt.get_unverified_header(token)["kid"]


def text(data):
    return data.decode("utf-8", options={"verify_signature": False})


def old_tutorial(token, public_key):
    return jwt.decode(token, public_key)  # want "called without algorithms: the token chooses its own algorithm"


def old_jose(token, secret):
    return jose_jwt.decode(token, secret)  # want "jose.jwt.decode called without algorithms"
