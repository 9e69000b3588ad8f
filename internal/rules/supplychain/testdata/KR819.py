"""Data posted to Discord webhooks and Telegram bots."""
import urllib.request

import requests

HOOK = "https://discord.com/api/webhooks/112233445566778899/AbCdEfGhIjKlMnOpQrStUvWxYz"
TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
CHAT = "-100123456"


def send(text, path):
    requests.post(HOOK, json={"content": text})  # want "sends data to a Discord webhook"
    with open(path, "rb") as f:
        requests.post(f"https://api.telegram.org/bot{TOKEN}/sendDocument", data={"chat_id": CHAT}, files={"document": f})  # want `sends data to a Telegram bot \(senddocument\)`
    req = urllib.request.Request("https://discordapp.com/api/webhooks/1/x", data=text.encode())  # want "Discord webhook"
    return urllib.request.urlopen(req)


# Negatives: ordinary APIs, a Discord API call that is not a webhook.
def fetch():
    requests.get("https://discord.com/api/v10/gateway")
    return requests.post("https://api.example.com/v1/events", json={"ok": True})
