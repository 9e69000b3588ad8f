import marshal
from marshal import loads as mloads

from flask import request


def load_code(blob):
    code = marshal.loads(blob)  # want "marshal.loads deserializes data that may be untrusted"
    exec(code)


def from_request():
    return mloads(request.get_data())  # want "marshal.loads deserializes request data"


def from_file(fh):
    return marshal.load(fh)  # want "marshal.load deserializes data that may be untrusted"


def constant_and_dump(obj):
    data = marshal.dumps(obj)
    fixed = marshal.loads(b"\xe9\x01\x00\x00\x00")
    return data, fixed


class Codec:
    def loads(self, data):
        return data


def other(codec, data):
    return codec.loads(data)
