"""Greeting pages and e-mail previews."""
import jinja2
from django.template import Template as DjangoTemplate
from django.template import engines
from flask import Flask, render_template_string, request
from jinja2 import Environment
from jinja2.sandbox import SandboxedEnvironment
from mako.template import Template as MakoTemplate

app = Flask(__name__)
env = Environment(autoescape=True)
sandbox = SandboxedEnvironment()


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    return render_template_string(f"<h1>Hello {name}</h1>")  # want "flask.render_template_string compiles a template from request data.*SSTI"


@app.route("/page")
def page():
    template = "<p>%s</p>" % request.args["body"]
    return render_template_string(template)  # want "compiles a template from request data"


@app.route("/raw", methods=["POST"])
def raw():
    return render_template_string(request.form["tpl"])  # want "compiles a template from request data"


def preview(subject):
    body = "<h2>" + subject + "</h2>{{ content }}"
    return env.from_string(body).render(content="...")  # want "jinja2.Environment\\(\\).from_string compiles a template from a string built at run time"


def flask_env(snippet):
    return app.jinja_env.from_string("<div>" + snippet + "</div>")  # want "jinja_env.from_string compiles a template"


def compile_user_template(source):
    return jinja2.Template(source)  # want "jinja2.Template compiles a template whose source is not constant"


def mako_preview(name):
    return MakoTemplate("<p>Hi " + name + "</p>").render()  # want "mako.template.Template compiles a template from a string built"


def django_preview(request):
    tpl = DjangoTemplate("<p>" + request.GET["msg"] + "</p>")  # want "django.template.Template compiles a template from request data"
    other = engines["django"].from_string(request.GET["t"])  # want "django.template.engines\\[...\\].from_string compiles"
    return tpl, other


def safe_variants(name, path):
    a = render_template_string("<h1>Hello {{ name }}</h1>", name=name)
    b = env.from_string("<p>{{ body }}</p>").render(body=name)
    c = sandbox.from_string("<p>" + name + "</p>")
    with open(path) as fh:
        d = jinja2.Template(fh.read())
    e = MakoTemplate(filename="templates/mail.html")
    f = DjangoTemplate("<p>{{ msg }}</p>")
    return a, b, c, d, e, f


class Formatter:
    def from_string(self, text):
        return text


def unrelated(fmt, text):
    return fmt.from_string(text)
