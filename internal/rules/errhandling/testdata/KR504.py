"""A small Flask service."""
import os

from flask import Flask
from flask_socketio import SocketIO
from werkzeug.debug import DebuggedApplication
from werkzeug.serving import run_simple

app = Flask(__name__)
socketio = SocketIO(app)

app.debug = True  # want `app.debug = True turns on Flask debug mode`
app.config["DEBUG"] = True  # want `app.config\["DEBUG"\] = True`
app.config.update(DEBUG=True, TESTING=False)  # want `app.config.update\(DEBUG=True\)`
os.environ["FLASK_DEBUG"] = "1"  # want `FLASK_DEBUG`
wrapped = DebuggedApplication(app, evalex=True)  # want `DebuggedApplication with evalex=True`


def create_app():
    application = make_app()
    application.config.from_mapping(DEBUG=True)  # want `from_mapping\(DEBUG=True\)`
    return application


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=True)  # want `app.run runs the app with the Werkzeug debugger enabled`
    socketio.run(app, debug=True)  # want `socketio.run runs the app`
    server.run(debug=True)  # want `server.run runs the app`
    run_simple("localhost", 5000, app, use_reloader=True, use_debugger=True)  # want `run_simple called with use_debugger=True`

# Safe: debug off, from the environment, or not a Flask app.
app.run(debug=False)
app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
app.debug = False
app.config["DEBUG"] = os.environ.get("DEBUG", False)
app.config["TESTING"] = True
wrapped = DebuggedApplication(app)
run_simple("localhost", 5000, app, use_reloader=True)
parser_debug = {"debug": True}
app.run(debug=0)
