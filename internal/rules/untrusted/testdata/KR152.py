"""Template helpers for a Django blog."""
from django import template
from django.utils.html import conditional_escape, escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils import safestring
from django.template.loader import render_to_string

register = template.Library()


def greeting(request):
    return mark_safe("<b>Hello %s</b>" % request.GET["name"])  # want "django.utils.safestring.mark_safe on request data that is not escaped"


@register.filter
def badge(user):
    html = f"<span class='badge'>{user.username}</span>"
    return mark_safe(html)  # want "django.utils.safestring.mark_safe on a string built from a value that is not escaped"


@register.simple_tag
def link(url, label):
    return safestring.mark_safe('<a href="' + url + '">' + escape(label) + "</a>")  # want "mark_safe on a string built"


def comment_body(request):
    return SafeString(request.POST.get("body"))  # want "django.utils.safestring.SafeString on request data"


def rendered(value):
    return mark_safe(value)  # want "mark_safe on a value krait cannot prove is escaped"


def preformatted(name):
    return format_html("<i>{}</i>".format(name))  # want "format_html called with a string formatted beforehand"


def safe_variants(user, items, count):
    a = mark_safe("<hr>")
    b = mark_safe(f"<span>{escape(user.username)}</span>")
    c = mark_safe("<b>%s</b>" % conditional_escape(user.bio))
    d = format_html("<i>{}</i>", user.username)
    e = mark_safe("<ul>" + format_html_join("", "<li>{}</li>", ((i,) for i in items)) + "</ul>")
    f = mark_safe(f"<span class='count'>{int(count)}</span>")
    g = mark_safe("".join(escape(i) for i in items))
    h = mark_safe(escape(user.bio))
    label = escape(user.name)
    i = mark_safe(f"<em>{label}</em>")
    j = mark_safe(render_to_string("widgets/card.html", {"user": user}))
    return a, b, c, d, e, f, g, h, i, j


def mark_safe_local(value):
    def mark_safe(v):
        return v

    return mark_safe(value)
