"""Importing documents that reference shared entity files."""
import xml.sax
from xml.dom import pulldom
from xml.sax import handler
from xml.sax.handler import feature_external_ges, feature_external_pes, feature_namespaces

EXTERNAL_GENERAL = "http://xml.org/sax/features/external-general-entities"


def make_reader():
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)  # want "setFeature enables external general entities"
    parser.setFeature(handler.feature_external_pes, 1)  # want "setFeature enables external parameter entities"
    parser.setFeature(EXTERNAL_GENERAL, True)  # want "external general entities"
    parser.setFeature(feature_namespaces, True)
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    return parser


def pulldom_reader(stream):
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)  # want "external general entities"
    return pulldom.parse(stream, parser=parser)


class Options:
    def setFeature(self, name, value):
        return name, value


def unrelated(opts, enabled):
    opts.setFeature("dark-mode", True)
    opts.setFeature(feature_external_ges, enabled)
