"""Accounts kept in an XML file."""
import xml.etree.ElementTree as ET

from lxml import etree

TREE = etree.parse("users.xml")


def check(user, password):
    return TREE.xpath(f"//user[name='{user}' and password='{password}']")  # want "TREE.xpath evaluates an XPath expression built from an f-string; pass values as XPath variables"


def by_role(role):
    find = etree.XPath("//user[@role='" + role + "']")  # want "lxml.etree.XPath evaluates an XPath expression built by string concatenation"
    return find(TREE)


def et_lookup(name):
    root = ET.parse("users.xml").getroot()
    return root.find(".//user[@name='%s']" % name)  # want "root.find evaluates an XPath expression built with % formatting; check the values"


# Negatives: XPath variables, constant paths, str.find and simple paths.
def negatives(user, password, text, tag, root):
    TREE.xpath("//user[name=$u and password=$p]", u=user, p=password)
    TREE.xpath("//user")
    text.find(f"{user}:")
    root.findall(f"./{tag}")
