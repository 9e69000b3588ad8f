"""ElementTree builds the document, defusedxml parses input: nothing to report."""
import xml.etree.ElementTree as ET

import defusedxml.ElementTree as SafeET


def roundtrip(payload):
    tree = SafeET.fromstring(payload)
    return ET.tostring(tree)
