"""A small XML-RPC bridge."""
import xmlrpc.client  # want "import of xmlrpc.client: the XML-RPC client parses untrusted XML"
from xmlrpc.server import SimpleXMLRPCServer  # want "import of xmlrpc.server: the XML-RPC server"
from xmlrpc import server as rpcserver  # want "import of xmlrpc.server"
import SimpleXMLRPCServer as Legacy  # want "import of SimpleXMLRPCServer"

import json
import xmlrpc


def serve():
    srv = SimpleXMLRPCServer(("127.0.0.1", 8000))
    srv.register_function(json.dumps)
    proxy = xmlrpc.client.ServerProxy("http://127.0.0.1:8000")
    return srv, proxy, rpcserver, Legacy
