"""Encryption of stored documents, including a legacy format."""
from Crypto.Cipher import AES, ARC4, Blowfish, DES, DES3
from Cryptodome.Cipher import ARC2 as RC2
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.decrepit.ciphers import algorithms as decrepit
import pyDes


def legacy_encrypt(key, iv, data):
    cipher = DES.new(key, DES.MODE_CBC, iv)  # want "Crypto.Cipher.DES.new uses a broken or retired cipher"
    return cipher.encrypt(data)


def stream(key, data):
    return ARC4.new(key).encrypt(data)  # want "Crypto.Cipher.ARC4.new"


def old_formats(key, iv, data):
    a = Blowfish.new(key, Blowfish.MODE_CBC, iv)  # want "Blowfish.new"
    b = DES3.new(key, DES3.MODE_CBC, iv)  # want "Crypto.Cipher.DES3.new"
    c = RC2.new(key, RC2.MODE_CBC, iv)  # want "Cryptodome.Cipher.ARC2.new"
    return a, b, c


def hazmat(key, iv):
    rc4 = Cipher(algorithms.ARC4(key), mode=None)  # want "algorithms.ARC4 uses a broken"
    tdes = Cipher(algorithms.TripleDES(key), modes.CBC(iv))  # want "algorithms.TripleDES"
    bf = Cipher(decrepit.Blowfish(key), modes.CBC(iv))  # want "decrepit.ciphers.algorithms.Blowfish"
    idea = Cipher(
        algorithms.IDEA(key),  # want "algorithms.IDEA"
        modes.CBC(iv),
    )
    return rc4, tdes, bf, idea


def pure_python(key):
    return pyDes.des(key)  # want "pyDes.des uses a broken"


# Safe: modern ciphers and unrelated names.
def modern(key, nonce, data):
    a = AES.new(key, AES.MODE_GCM, nonce=nonce)
    b = Cipher(algorithms.AES(key), modes.GCM(nonce))
    c = Cipher(algorithms.ChaCha20(key, nonce), mode=None)
    return a, b, c


def local_shadow(key):
    class DES:
        @staticmethod
        def new(k):
            return k

    return DES.new(key)


def other_new(factory, key):
    return factory.ARC4.new(key)
