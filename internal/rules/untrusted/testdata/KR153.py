"""Flask views that build HTML fragments."""
import flask
from flask import request
from markupsafe import Markup, escape
from markupsafe import Markup as M


def bio(user):
    return Markup(f"<div class='note'>{user.bio}</div>")  # want "markupsafe.Markup on a string built from a value that is not escaped"


def search():
    q = request.args.get("q", "")
    return M("<p>Results for " + q + "</p>")  # want "markupsafe.Markup on request data"


def legacy(name):
    return flask.Markup("<b>%s</b>" % name)  # want "flask.Markup on a string built"


def passthrough(html):
    return Markup(html)  # want "markupsafe.Markup on a value krait cannot prove is escaped"


def safe_variants(user, items):
    a = Markup("<hr>")
    b = Markup("<b>{}</b>").format(user.name)
    c = Markup(escape(user.name))
    d = Markup(f"<i>{escape(user.name)}</i>")
    e = Markup("<br>").join(items)
    f = Markup("<em>%s</em>") % user.name
    return a, b, c, d, e, f


class Markdown:
    def Markup(self, text):
        return text


def unrelated(md, text):
    return md.Markup(text)
