"""SNMPv3 users for the monitoring system."""
from pysnmp.hlapi import (
    UsmUserData,
    usm3DESEDEPrivProtocol,
    usmAesCfb128Protocol,
    usmHMAC192SHA256AuthProtocol,
    usmHMACMD5AuthProtocol,
)


def users(auth_key, priv_key):
    a = UsmUserData("reader")  # want "noAuthNoPriv"
    b = UsmUserData("writer", auth_key)  # want "authNoPriv"
    c = UsmUserData("ops", auth_key, priv_key)  # want "defaults to HMAC-MD5"
    d = UsmUserData("ops", auth_key, priv_key, authProtocol=usmHMAC192SHA256AuthProtocol)  # want "defaults to DES"
    e = UsmUserData(  # want "usmHMACMD5AuthProtocol"
        "legacy",
        authKey=auth_key,
        privKey=priv_key,
        authProtocol=usmHMACMD5AuthProtocol,
        privProtocol=usmAesCfb128Protocol,
    )
    f = UsmUserData("old", auth_key, priv_key, usmHMAC192SHA256AuthProtocol, usm3DESEDEPrivProtocol)  # want "usm3DESEDEPrivProtocol"
    legacy_auth = usmHMACMD5AuthProtocol
    g = UsmUserData("old", auth_key, priv_key, authProtocol=legacy_auth, privProtocol=usmAesCfb128Protocol)  # want "with usmHMACMD5AuthProtocol"
    return a, b, c, d, e, f, g


# Safe: SHA-2 and AES chosen explicitly, or settings passed through.
def good(auth_key, priv_key, **settings):
    a = UsmUserData(
        "monitor",
        auth_key,
        priv_key,
        authProtocol=usmHMAC192SHA256AuthProtocol,
        privProtocol=usmAesCfb128Protocol,
    )
    b = UsmUserData("monitor", **settings)
    return a, b
