"""The same bridge, hardened with defusedxml's patch: nothing to report."""
from defusedxml.xmlrpc import monkey_patch
from xmlrpc.server import SimpleXMLRPCServer

monkey_patch()
server = SimpleXMLRPCServer(("127.0.0.1", 8000))
