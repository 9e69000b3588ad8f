import os

import dj_database_url

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = os.getenv("DEBUG", "false") == "true"

DATABASES = {"default": dj_database_url.parse("postgres://shop:{A:16}@db.prod.internal/shop")}
CELERY_BROKER_URL = "amqp://guest:guest@localhost:5672//"
CACHE_URL = "redis://localhost:6379/0"
STRIPE_API_KEY = os.getenv("STRIPE_API_KEY", "")
SLACK_WEBHOOK_URL = "https://hooks.slack.com/services/T{u:8}/B{u:10}/{A:24}"
SENTRY_DSN = "https://examplePublicKey@o0.ingest.sentry.io/0"
GITHUB_TOKEN = "{gh:ghp}"
OPENAI_API_KEY = "sk-proj-{w:74}T3BlbkFJ{w:74}"
ANTHROPIC_API_KEY = "sk-ant-api03-{w:93}AA"
STATIC_BUNDLE_HASH = "5f4dcc3b5aa765d61d8327deb882cf99"
DEFAULT_TENANT = "6f1c2a4e-7b3d-4e8f-9a0b-1c2d3e4f5a6b"
DOCS_URL = "https://docs.djangoproject.com/en/5.0/ref/settings/"
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
