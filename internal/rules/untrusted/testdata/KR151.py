"""Mako-rendered admin pages."""
from mako import template as mako_template
from mako.lookup import TemplateLookup
from mako.template import Template

lookup = TemplateLookup(directories=["templates"])  # want "mako.lookup.TemplateLookup renders .* without HTML escaping"
page = Template("<p>Hello ${name}</p>")  # want "mako.template.Template renders"
report = mako_template.Template(filename="report.html", default_filters=["str"])  # want "mako.template.Template renders"

FILTERS = ["h", "trim"]
safe_lookup = TemplateLookup(directories=["templates"], default_filters=["h"])
safe_page = Template("<p>Hello ${name}</p>", default_filters=FILTERS)
escaped = Template("<p>${name}</p>", default_filters=["html_escape"], imports=["from markupsafe import escape as html_escape"])


def configured(filters):
    return Template("<p>${name}</p>", default_filters=filters)


class Template2:
    def __init__(self, text):
        self.text = text


other = Template2("<p>${name}</p>")
