"""Legacy encryption helpers written for PyCrypto."""
from typing import TYPE_CHECKING

from Crypto.Cipher import AES  # want "Crypto imported: if PyCrypto provides it"
from Crypto.Util.Padding import pad
import Cryptodome.Cipher
from cryptography.fernet import Fernet

if TYPE_CHECKING:
    from Crypto.PublicKey import RSA


def encrypt(key, iv, data):
    return AES.new(key, AES.MODE_CBC, iv).encrypt(pad(data, 16))


def modern(key, data):
    return Fernet(key).encrypt(data), Cryptodome.Cipher


def later():
    from .Crypto import helpers
    return helpers
