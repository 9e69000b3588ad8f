"""Parsing goes through defusedxml; building uses ElementTree."""
import xml.etree.ElementTree as ET

import defusedxml.ElementTree as SafeET
from defusedxml.minidom import parseString


def roundtrip(payload):
    tree = SafeET.fromstring(payload)
    dom = parseString(payload)
    return ET.tostring(tree), dom
