"""Checkpoint loading for a training script."""
import torch
from torch import load as torch_load

TRUSTED = True


def resume(path):
    state = torch.load(path, map_location="cpu", weights_only=False)  # want "torch.load called with weights_only=False"
    return state


def legacy(path):
    return torch_load(path)  # want "torch.load called without weights_only=True: before PyTorch 2.6"


def safe_variants(path, **kwargs):
    a = torch.load(path, weights_only=True)
    b = torch.load(path, map_location="cpu", weights_only=TRUSTED)
    c = torch.jit.load(path)
    d = torch.load(path, **kwargs)
    torch.save(a, path)
    return a, b, c, d


class Loader:
    def load(self, path):
        return path


def unrelated(loader, path):
    return loader.load(path)
