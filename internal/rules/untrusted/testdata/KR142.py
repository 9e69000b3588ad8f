"""Report import and export."""
from typing import TYPE_CHECKING

import xml.etree.ElementTree as ET  # want "import of xml.etree.ElementTree, whose parser is open .* use defusedxml.ElementTree"
import xml.sax  # want "import of xml.sax"
from xml.dom import minidom  # want "import of xml.dom.minidom.*defusedxml.minidom"
from xml.dom.pulldom import parse, START_ELEMENT  # want "import of xml.dom.pulldom"
from xml.dom.expatbuilder import parseString  # want "import of xml.dom.expatbuilder"
from xml.etree import cElementTree  # want "import of xml.etree.cElementTree"
from lxml import etree  # want "import of lxml.etree.*resolve_entities=False"
import lxml.objectify  # want "import of lxml.objectify"

from lxml import html
from xml.etree.ElementTree import Element, SubElement, tostring
from xml.sax.saxutils import escape, quoteattr
from xml.dom.minidom import getDOMImplementation
import xml.parsers.expat

if TYPE_CHECKING:
    from xml.dom.minidom import Document


def build():
    root = Element("report")
    SubElement(root, "title").text = escape("Q3 & Q4")
    impl = getDOMImplementation()
    return tostring(root), impl, html, quoteattr, xml.parsers.expat
