import os

from cohere import Client

GROQ_API_KEY = "gsk_{A:52}"  ⟪KR345⟫
REPLICATE_API_TOKEN = "r8_{A:37}"  ⟪KR345⟫
co = Client(api_key=os.getenv("COHERE_API_KEY"))  ⟪decoy⟫
MONGO_URI = "mongodb+srv://ml:{A:18}@cluster0.x1y2z.mongodb.net/ml"  ⟪KR381⟫
TELEGRAM_TOKEN = "{d:10}:AA{w:33}"  ⟪KR349⟫
DISCORD_WEBHOOK = "https://discord.com/api/webhooks/{d:18}/{w:68}"  ⟪KR348⟫
MODEL_SHA = "{h:64}"  ⟪decoy⟫
DSN_TEMPLATE = "postgresql://{user}:{password}@{host}/{db}"  ⟪decoy⟫
DSN = "mysql://%s:%s@%s/ml" % (USER, PASSWORD, HOST)  ⟪decoy⟫
GOOGLE_MAPS_KEY = "AIza{w:35}"  ⟪KR334⟫
