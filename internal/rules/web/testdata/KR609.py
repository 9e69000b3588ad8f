"""Login views that set cookies."""
from django.http import HttpResponse
from fastapi import Response
from flask import Flask, make_response

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    resp = make_response("ok")
    resp.set_cookie("session_id", new_session())  # want `resp.set_cookie sets cookie "session_id" without secure=True and without httponly=True`
    resp.set_cookie("auth_token", issue_token(), secure=True)  # want `sets cookie "auth_token" without httponly=True`
    resp.set_cookie("remember_me", "1", httponly=True, secure=False)  # want `sets cookie "remember_me" with secure=False`
    resp.set_cookie("theme", "dark", max_age=3600)  # want `sets cookie "theme" without secure=True and without httponly=True`
    resp.set_cookie("sid", "x", 3600, None, "/", None, True, False)  # want `with httponly=False`
    return resp


def django_login(request):
    response = HttpResponse("welcome")
    response.set_signed_cookie("user", request.user.pk, salt="login")  # want `response.set_signed_cookie sets cookie "user" without secure=True and without httponly=True`
    return response


async def fastapi_login(response: Response):
    response.set_cookie(key="access_token", value="Bearer x", httponly=True)  # want `sets cookie "access_token" without secure=True`


# Safe: both flags set, options passed through, test clients.
def good(resp, options):
    resp.set_cookie("session_id", "x", secure=True, httponly=True, samesite="Lax")
    resp.set_cookie("sid", "x", 3600, None, "/", None, True, True)
    resp.set_cookie("session_id", "x", **options)
    resp.set_cookie("session_id", "x", secure=app.config["SESSION_COOKIE_SECURE"], httponly=True)
    client.set_cookie("localhost", "session", "x")
    self.test_client.set_cookie("session", "x")
    resp.delete_cookie("session_id")
    jar.set_cookie(cookie)
