"""Loading models that ship their own modelling code."""
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer

REMOTE = True
COMMIT = "4f6c2b1e0d9a8c7b6a5f4e3d2c1b0a9f8e7d6c5b"

model = AutoModelForCausalLM.from_pretrained("acme/chat-7b", trust_remote_code=True)  # want "transformers.AutoModelForCausalLM.from_pretrained called with trust_remote_code=True: it downloads and runs"
tok = AutoTokenizer.from_pretrained("acme/chat-7b", trust_remote_code=REMOTE, revision="main")  # want "downloads and runs Python code"
pinned = AutoModelForCausalLM.from_pretrained("acme/chat-7b", trust_remote_code=True, revision=COMMIT)  # want "pinned to commit 4f6c2b1e"
data = load_dataset("acme/logs", trust_remote_code=True)  # want "datasets.load_dataset called with trust_remote_code=True"


def serve(engine_cls, name):
    return engine_cls(model=name, trust_remote_code=True)  # want "engine_cls called with trust_remote_code=True"


safe = AutoModelForCausalLM.from_pretrained("acme/chat-7b", trust_remote_code=False)
default = AutoTokenizer.from_pretrained("acme/chat-7b")
local = AutoModelForCausalLM.from_pretrained("./checkpoints/chat", trust_remote_code=True)
