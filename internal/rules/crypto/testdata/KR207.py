"""Key generation for signing service tokens and SSH deploy keys."""
import paramiko
from Crypto.PublicKey import DSA, RSA
from cryptography.hazmat.primitives.asymmetric import dh, dsa, ec, rsa
from OpenSSL import crypto

LEGACY_BITS = 1024


def signing_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=1024)  # want "makes a 1024-bit key"


def tiny_key():
    return rsa.generate_private_key(65537, 512)  # want "makes a 512-bit key"


def dsa_keys():
    a = dsa.generate_private_key(key_size=LEGACY_BITS)  # want "dsa.generate_private_key makes a 1024-bit key"
    b = dh.generate_parameters(generator=2, key_size=1536)  # want "dh.generate_parameters makes a 1536-bit key"
    return a, b


def curves():
    a = ec.generate_private_key(ec.SECP192R1())  # want "with SECP192R1 makes a 192-bit EC key"
    b = ec.generate_private_key(curve=ec.SECT163K1)  # want "SECT163K1 makes a 163-bit EC key"
    return a, b


def pycrypto_keys():
    a = RSA.generate(1024)  # want "Crypto.PublicKey.RSA.generate makes a 1024-bit key"
    b = DSA.generate(bits=1024)  # want "DSA.generate makes a 1024-bit key"
    return a, b


def ssh_keys():
    a = paramiko.RSAKey.generate(bits=1024)  # want "paramiko.RSAKey.generate makes a 1024-bit key"
    b = paramiko.DSSKey.generate()  # want "paramiko.DSSKey.generate makes a 1024-bit DSA key"
    return a, b


def openssl_key():
    key = crypto.PKey()
    key.generate_key(crypto.TYPE_RSA, 1024)  # want `generate_key\(TYPE_RSA\) makes a 1024-bit key`
    return key


# Safe: adequate sizes, curves, sizes from configuration.
def good_keys(bits, curve):
    a = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    b = rsa.generate_private_key(65537, 2048)
    c = ec.generate_private_key(ec.SECP256R1())
    d = ec.generate_private_key(curve)
    e = RSA.generate(bits)
    f = paramiko.RSAKey.generate(4096)
    g = dsa.generate_private_key(key_size=2048)
    return a, b, c, d, e, f, g


def other_generate(model):
    return model.generate(256)
