"""Token encryption for the session store."""
from Crypto.Cipher import AES
from Cryptodome.Cipher import AES as AESX, DES3
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.modes import ECB

MODE = AES.MODE_ECB


def encrypt_session(key, data):
    cipher = Cipher(algorithms.AES(key), modes.ECB())  # want "modes.ECB selects ECB mode"
    enc = cipher.encryptor()
    return enc.update(data) + enc.finalize()


def imported_mode(key):
    return Cipher(algorithms.AES(key), ECB())  # want "ECB"


def pycryptodome(key, data):
    a = AES.new(key, AES.MODE_ECB)  # want "Crypto.Cipher.AES.new with MODE_ECB"
    b = AESX.new(key, mode=AESX.MODE_ECB)  # want "Cryptodome.Cipher.AES.new with MODE_ECB"
    c = DES3.new(key, DES3.MODE_ECB)  # want "DES3.new with MODE_ECB"
    d = AES.new(key, MODE)  # want "with MODE_ECB"
    return a, b, c, d


def pycrypto_default(key, data):
    return AES.new(key).encrypt(data)  # want "called without a mode: PyCrypto then uses ECB"


# Safe: authenticated and chained modes; Cryptodome refuses a missing mode anyway.
def safe(key, nonce, iv, args):
    a = Cipher(algorithms.AES(key), modes.GCM(nonce))
    b = AES.new(key, AES.MODE_GCM, nonce=nonce)
    c = AESX.new(key, AESX.MODE_CBC, iv)
    d = AES.new(*args)
    e = AES.new(key, **args)
    return a, b, c, d, e


def named_mode(key, mode):
    return AES.new(key, mode)
