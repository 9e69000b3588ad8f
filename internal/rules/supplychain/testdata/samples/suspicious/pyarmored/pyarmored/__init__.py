# A package whose code is packed with PyArmor.
from .pyarmor_runtime_000000 import __pyarmor__  # want "imports the PyArmor runtime"

__pyarmor__(__name__, __file__, b"PY000000\x00\x03\x0b\x00\xa7\r\r\n\x80\x00\x00\x00")  # want "calls the PyArmor hook __pyarmor__"
