"""Rendering e-mails and pages with Jinja2."""
import jinja2
from flask import Flask
from jinja2 import Environment, FileSystemLoader, PackageLoader, Template, select_autoescape
from jinja2.sandbox import SandboxedEnvironment

app = Flask(__name__)
app.jinja_env.autoescape = False  # want "Jinja2 autoescaping turned off"

pages = Environment(loader=FileSystemLoader("templates"))  # want "jinja2.Environment created without autoescape, which defaults to False"
raw = jinja2.Environment(loader=PackageLoader("shop"), autoescape=False)  # want "jinja2.Environment created with autoescape=False"
sandbox = SandboxedEnvironment()  # want "jinja2.sandbox.SandboxedEnvironment created without autoescape"

card = Template("<div class='card'>{{ user.name }}</div>")  # want "jinja2.Template renders an HTML template without autoescape"
plain = Template("<p>{{ body }}</p>", autoescape=False)  # want "jinja2.Template created with autoescape=False"

ESCAPE = True
safe_pages = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape(["html", "xml"]))
safe_flag = Environment(autoescape=True)
safe_const = Environment(autoescape=ESCAPE)
safe_callable = Environment(autoescape=lambda name: name.endswith(".html"))
subject = Template("Your order {{ order_id }} has shipped")
explicit = Template("<p>{{ body }}</p>", autoescape=True)


def build_env(**options):
    return Environment(**options)


class Settings:
    autoescape = True


settings = Settings()
settings.autoescape = False
