"""CORS set-ups for the API."""
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from flask import Flask
from flask_cors import CORS, cross_origin
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware as StarletteCORS

# django-cors-headers
CORS_ALLOW_ALL_ORIGINS = True  # want `CORS_ALLOW_ALL_ORIGINS with CORS_ALLOW_CREDENTIALS = True lets any site make credentialed requests`
CORS_ORIGIN_ALLOW_ALL = True  # want `CORS_ORIGIN_ALLOW_ALL with CORS_ALLOW_CREDENTIALS`
CORS_ALLOWED_ORIGIN_REGEXES = [r".*"]  # want `CORS_ALLOWED_ORIGIN_REGEXES with CORS_ALLOW_CREDENTIALS`
CORS_ALLOW_CREDENTIALS = True

# Flask-CORS
app = Flask(__name__)
CORS(app, supports_credentials=True)  # want `flask_cors.CORS with supports_credentials=True allows every origin`
CORS(app, origins="*", supports_credentials=True)  # want `flask_cors.CORS with supports_credentials=True`
CORS(app, resources={r"/api/*": {"origins": "*", "supports_credentials": True}})  # want `flask_cors.CORS with supports_credentials=True`


@app.route("/me")
@cross_origin(supports_credentials=True)  # want `flask_cors.cross_origin with supports_credentials=True`
def me():
    return {}


# FastAPI and Starlette
api = FastAPI()
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"])  # want `CORSMiddleware with allow_origins=\["\*"\] and allow_credentials=True`
ORIGINS = ["*"]
api.add_middleware(CORSMiddleware, allow_origins=ORIGINS, allow_credentials=True)  # want `CORSMiddleware with allow_origins`
api.add_middleware(CORSMiddleware, allow_origin_regex=".*", allow_credentials=True)  # want `match-all allow_origin_regex`
middleware = [Middleware(StarletteCORS, allow_origins=["*"], allow_credentials=True)]  # want `CORSMiddleware with allow_origins`

# Safe: specific origins, or a wildcard without credentials.
CORS(app)
CORS(app, origins=["https://app.example.com"], supports_credentials=True)
CORS(app, resources={r"/api/*": {"origins": ["https://app.example.com"]}}, supports_credentials=True)
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=False)
api.add_middleware(CORSMiddleware, allow_origins=["*"])
api.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)
starlette_app = Starlette(middleware=[Middleware(StarletteCORS, allow_origins=["https://a.example.com"], allow_credentials=True)])
api.add_middleware(GZipMiddleware, minimum_size=1000)
