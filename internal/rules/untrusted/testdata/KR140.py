"""Feed import endpoints."""
import xml.dom.minidom
import xml.etree.ElementTree as ET
import xml.sax
from xml.dom import pulldom
from xml.dom.minidom import parseString
from xml.etree import cElementTree

import defusedxml.ElementTree as SafeET
from flask import Flask, request

app = Flask(__name__)


@app.route("/feed", methods=["POST"])
def import_feed():
    root = ET.fromstring(request.data)  # want "xml.etree.ElementTree.fromstring parses request data .* use defusedxml.ElementTree.fromstring"
    doc = parseString(request.get_data())  # want "xml.dom.minidom.parseString parses request data"
    return str(len(root)) + doc.toxml()


def parse_upload(stream):
    tree = ET.parse(stream)  # want "xml.etree.ElementTree.parse parses data that may be untrusted"
    for event, node in pulldom.parse(stream):  # want "xml.dom.pulldom.parse parses data that may be untrusted"
        print(event, node)
    xml.sax.parseString(stream.read(), handler=None)  # want "xml.sax.parseString parses data that may be untrusted"
    legacy = cElementTree.fromstring(stream.read())  # want "xml.etree.cElementTree.fromstring .*defusedxml.ElementTree.fromstring"
    return tree, legacy


def iter_records(body):
    text = "<records>" + body + "</records>"
    for _event, elem in ET.iterparse(text):  # want "xml.etree.ElementTree.iterparse parses a string built at run time"
        yield elem


def parsers():
    p = ET.XMLParser()  # want "xml.etree.ElementTree.XMLParser creates a standard library XML parser"
    s = xml.sax.make_parser()  # want "xml.sax.make_parser creates a standard library XML parser"
    return p, s


def local_files():
    cfg = ET.parse("config/settings.xml")  # want "parses the file config/settings.xml"
    dom = xml.dom.minidom.parse(open("config/layout.xml"))  # want "parses a file at a fixed path"
    return cfg, dom


def safe_variants(payload):
    a = SafeET.fromstring(payload)
    b = ET.fromstring("<config><debug>false</debug></config>")
    c = ET.tostring(ET.Element("root"))
    d = ET.SubElement(ET.Element("root"), "child")
    return a, b, c, d


class Doc:
    def parse(self, data):
        return data


def unrelated(doc, data):
    doc.parse(data)

    def fromstring(x):
        return x

    return fromstring(data)
