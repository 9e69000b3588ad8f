"""SOAP and sitemap handling with lxml."""
from lxml import etree
from lxml import objectify
from lxml.etree import XMLParser, fromstring

from flask import request


def soap_endpoint():
    parser = etree.XMLParser(resolve_entities=True)  # want "lxml.etree.XMLParser created with resolve_entities=True"
    return etree.fromstring(request.data, parser)


def remote_dtd():
    parser = XMLParser(load_dtd=True, no_network=False)  # want "lxml.etree.XMLParser created with no_network=False"
    return parser


def big_documents():
    return etree.XMLParser(huge_tree=True)  # want "huge_tree=True"


def default_parser():
    doc = fromstring(request.get_data())  # want "lxml.etree.fromstring parses request data with lxml's default parser"
    return doc


def parse_file(path):
    tree = etree.parse(path)  # want "lxml.etree.parse parses data that may be untrusted with lxml's default parser"
    obj = objectify.fromstring(open(path).read())  # want "lxml.objectify.fromstring parses data that may be untrusted"
    return tree, obj


def stream_events(source):
    for _ev, el in etree.iterparse(source, events=("end",)):  # want "lxml.etree.iterparse parses"
        yield el
    for _ev, el in etree.iterparse(source, resolve_entities=True):  # want "lxml.etree.iterparse created with resolve_entities=True"
        yield el


def safe_variants(payload, path):
    hardened = etree.XMLParser(resolve_entities=False, no_network=True)
    internal = etree.XMLParser(resolve_entities="internal")
    a = etree.fromstring(payload, hardened)
    b = etree.parse(path, parser=internal)
    c = etree.fromstring("<a/>")
    d = etree.parse("static/sitemap.xml")
    e = list(etree.iterparse(path, resolve_entities=False))
    f = etree.tostring(etree.Element("root"))
    return a, b, c, d, e, f


class Sitemap:
    def parse(self, data):
        return data


def unrelated(sitemap, data):
    return sitemap.parse(data)
