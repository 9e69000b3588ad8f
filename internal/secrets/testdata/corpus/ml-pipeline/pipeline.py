import os

from cohere import Client

GROQ_API_KEY = "gsk_{A:52}"
REPLICATE_API_TOKEN = "r8_{A:37}"
co = Client(api_key=os.getenv("COHERE_API_KEY"))
MONGO_URI = "mongodb+srv://ml:{A:18}@cluster0.x1y2z.mongodb.net/ml"
TELEGRAM_TOKEN = "{d:10}:AA{w:33}"
DISCORD_WEBHOOK = "https://discord.com/api/webhooks/{d:18}/{w:68}"
MODEL_SHA = "{h:64}"
DSN_TEMPLATE = "postgresql://{user}:{password}@{host}/{db}"
DSN = "mysql://%s:%s@%s/ml" % (USER, PASSWORD, HOST)
GOOGLE_MAPS_KEY = "AIza{w:35}"
