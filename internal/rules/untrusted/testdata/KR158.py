"""Model and dataset downloads for an inference service."""
from datasets import load_dataset
from huggingface_hub import hf_hub_download, snapshot_download
from sentence_transformers import SentenceTransformer
from transformers import AutoModelForSequenceClassification, AutoTokenizer, pipeline

MODEL = "acme/sentiment"
COMMIT = "4f6c2b1e0d9a8c7b6a5f4e3d2c1b0a9f8e7d6c5b"

tokenizer = AutoTokenizer.from_pretrained(MODEL)  # want "transformers.AutoTokenizer.from_pretrained downloads from the Hugging Face Hub without a pinned revision"
model = AutoModelForSequenceClassification.from_pretrained("acme/sentiment", revision="main")  # want "pins revision=\"main\", a branch or tag"
weights = hf_hub_download("acme/sentiment", "model.safetensors")  # want "huggingface_hub.hf_hub_download downloads"
snapshot = snapshot_download(repo_id="acme/sentiment", revision="v1.2")  # want "a branch or tag that can move"
reviews = load_dataset("acme/reviews")  # want "datasets.load_dataset downloads"
encoder = SentenceTransformer("all-MiniLM-L6-v2")  # want "sentence_transformers.SentenceTransformer downloads"
clf = pipeline("text-classification", model="acme/sentiment")  # want "transformers.pipeline downloads"


def load(model_dir):
    return AutoTokenizer.from_pretrained(model_dir)  # want "without a pinned revision"


pinned = AutoTokenizer.from_pretrained(MODEL, revision=COMMIT)
short = AutoModelForSequenceClassification.from_pretrained(MODEL, revision="4f6c2b1")
local = AutoTokenizer.from_pretrained("./models/sentiment")
nested = AutoTokenizer.from_pretrained("/opt/models/acme/sentiment")
offline = AutoTokenizer.from_pretrained(MODEL, local_files_only=True)
csv = load_dataset("csv", data_files="reviews.csv")
config_rev = AutoTokenizer.from_pretrained(MODEL, revision=COMMIT[:12])


class Registry:
    def from_pretrained(self, name):
        return name


def unrelated(registry):
    return registry.from_pretrained("acme/sentiment")
