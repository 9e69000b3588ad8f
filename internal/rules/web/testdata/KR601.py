"""Entry points of the inventory service."""
import argparse
import asyncio
import os
import socket
import socketserver
from http.server import HTTPServer, SimpleHTTPRequestHandler
from wsgiref.simple_server import make_server

import uvicorn
from aiohttp import web
from flask import Flask

app = Flask(__name__)

HOST = "0.0.0.0"  # want `"HOST" is set to listen on all network interfaces \("0.0.0.0"\)`
bind = "0.0.0.0:8000"  # want `"bind" is set to listen`
LISTEN_ADDRESS: str = "::"  # want `"LISTEN_ADDRESS" is set to listen`
SERVER_ADDR = "0.0.0.0"  # want `"SERVER_ADDR"`


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="0.0.0.0")  # want `the default listening address is all network interfaces`
    host = os.environ.get("APP_HOST", "0.0.0.0")  # want `the default listening address`
    app.run(host="0.0.0.0", port=5000)  # want `app.run listens on all network interfaces \(host="0.0.0.0"\)`
    uvicorn.run("inventory.api:app", host="0.0.0.0", port=8000)  # want `uvicorn.run listens on all network interfaces`
    web.run_app(make_aiohttp_app(), host="::")  # want `aiohttp.web.run_app listens`
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("0.0.0.0", 9000))  # want `sock.bind listens on all network interfaces \(address "0.0.0.0"\)`
    sock.bind(("", 9001))  # want `sock.bind listens on all network interfaces \(address ""\)`
    httpd = HTTPServer(("", 8080), SimpleHTTPRequestHandler)  # want `http.server.HTTPServer listens`
    srv = socketserver.TCPServer(("0.0.0.0", 8081), Handler)  # want `socketserver.TCPServer listens`
    wsgi = make_server("0.0.0.0", 8082, app)  # want `wsgiref.simple_server.make_server listens`
    asyncio.run(asyncio.start_server(handle, "0.0.0.0", 8083))  # want `asyncio.start_server listens`
    return parser, host, httpd, srv, wsgi


# Safe: loopback, configurable, or the string used for something else.
LOCAL_HOST = "127.0.0.1"
EMAIL_ADDRESS = "0.0.0.0"
app.run(host="127.0.0.1", port=5000)
app.run(host=os.environ.get("APP_HOST", "127.0.0.1"))
uvicorn.run(app, host=HOST_FROM_CONFIG)
sock.bind(("127.0.0.1", 9000))
sock.connect(("0.0.0.0", 9000))
is_any = peer == "0.0.0.0"
network = ipaddress.ip_network("0.0.0.0/0")
addr = socket.inet_aton("0.0.0.0")
parser.add_argument("--port", default="0.0.0.0")
parser.add_argument("--host", default="localhost")
requests.get("http://0.0.0.0:8000/health")
