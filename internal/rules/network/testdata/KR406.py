"""Configuration push to legacy switches."""
import telnetlib
from telnetlib import Telnet as T

import paramiko


def push(host, user, password, config):
    tn = telnetlib.Telnet(host, 23, timeout=10)  # want "telnetlib.Telnet connection: Telnet sends credentials"
    tn.read_until(b"login: ")
    tn.write(user.encode() + b"\n")
    tn.write(password.encode() + b"\n")
    tn.write(config.encode())
    return tn.read_all()


def aliased(host):
    return T(host)  # want "telnetlib.Telnet connection"


class SwitchSession(telnetlib.Telnet):  # want "class SwitchSession derives from telnetlib.Telnet"
    pass


# Safe: SSH, and a local class called Telnet.
def push_ssh(host, user, key_path):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.connect(host, username=user, key_filename=key_path)
    return client


def fake():
    class Telnet:
        pass

    return Telnet()
