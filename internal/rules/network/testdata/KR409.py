"""Polling network devices over SNMP."""
from pysnmp.hlapi import CommunityData, UdpTransportTarget, UsmUserData
from pysnmp.hlapi.v3arch import asyncio as snmp


def poll_v1(host):
    auth = CommunityData("public", mpModel=0)  # want "CommunityData selects SNMPv1"
    return auth, UdpTransportTarget((host, 161))


def poll_v2(host):
    return CommunityData("monitoring")  # want "CommunityData selects SNMPv2c"


def poll_async():
    return snmp.CommunityData("public", mpModel=1)  # want "SNMPv2c"


# Safe: SNMPv3, and a local class with the same name.
def poll_v3(auth_key, priv_key):
    return UsmUserData("monitor", auth_key, priv_key)


def local():
    class CommunityData:
        def __init__(self, name):
            self.name = name

    return CommunityData("x")
