"""PyArmor runtimes and obfuscator output."""
from pytransform import pyarmor_runtime  # want "imports the PyArmor runtime pytransform"

import zlib

pyarmor_runtime()
__pyarmor__(__name__, __file__, b"PYARMOR\x00\x00\x03\x0b\x00")  # want "calls the PyArmor hook __pyarmor__"
_ = lambda __: __import__("zlib").decompress(__[::-1])  # want "obfuscator signature: a lambda that imports zlib inline"
exec(__import__("base64").b64decode(b"cHJpbnQoMSk="))  # want `one-line unpacker: executes what an inline __import__\('base64'\) decodes`

# Negatives: ordinary lambdas and imports.
key = lambda item: item[1]
squash = lambda data: zlib.compress(data)
