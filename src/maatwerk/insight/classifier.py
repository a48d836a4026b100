"""The insight classifier: themes (several may apply) and sentiment for short Dutch client texts.

Interface::

    model = fit(texts, themes, sentiments)   # themes: a list of codes per text;
                                             # sentiments: a label per text, or "" for none
    model.predict(texts) -> [Label(themes=[...], sentiment="...", language="nl"), ...]

Every method is a set of linear models (one logistic regression per theme, one multinomial
regression for sentiment) on one of three feature sets:

- ``tfidf``: TF-IDF of words (1–2) and of character n-grams (2–5, within words), which copes with
  Dutch compounds and spelling mistakes;
- ``embeddings``: multilingual sentence embeddings (``embeddings.py``);
- ``tfidf+embeddings``: both side by side.

``fit`` picks the method by grouped cross-validation when the data allow it (docs/adr/0042).
A model is plain numbers (vocabularies, IDF weights, coefficients): ``store.py`` writes it as
JSON and ``.npz`` and never pickles.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from . import text as text_module
from .errors import InsightError

TFIDF = "tfidf"
EMBEDDINGS = "embeddings"
BOTH = "tfidf+embeddings"
METHODS = (TFIDF, EMBEDDINGS, BOTH)
DEFAULT_METHOD = BOTH

WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (2, 5)
# Regularisation of the logistic regressions (inverse strength), per method: chosen on the
# dutch_reviews benchmark (bench/insight_quality.py).
C_BY_METHOD = {TFIDF: 10.0, EMBEDDINGS: 4.0, BOTH: 4.0}
THRESHOLD = 0.5
CODE_PATTERN = re.compile(r"[\w-]{1,40}")

# Cross-validated choice needs a few examples of every label in every fold.
MIN_ROWS_FOR_CHOICE = 100
MIN_EXAMPLES_FOR_CHOICE = 10
FOLDS = 5


@dataclass(frozen=True)
class Label:
    themes: list[str]
    sentiment: str  # "" when the text is empty or in another language
    language: str  # text.DUTCH, text.OTHER_LANGUAGE or text.EMPTY


@dataclass
class Features:
    """Turns prepared texts into the model's feature matrix."""

    method: str
    word_vocabulary: list[str] = field(default_factory=list)
    word_idf: np.ndarray | None = None
    char_vocabulary: list[str] = field(default_factory=list)
    char_idf: np.ndarray | None = None
    _vectorizers: dict = field(default_factory=dict, repr=False)

    @classmethod
    def fit(cls, method: str, texts: list[str]) -> "Features":
        features = cls(method)
        if method != EMBEDDINGS:
            word = _vectorizer("word").fit(texts)
            char = _vectorizer("char").fit(texts)
            features.word_vocabulary = word.get_feature_names_out().tolist()
            features.word_idf = word.idf_.astype(np.float64)
            features.char_vocabulary = char.get_feature_names_out().tolist()
            features.char_idf = char.idf_.astype(np.float64)
        return features

    def transform(self, texts: list[str], embedded: np.ndarray | None = None):
        from scipy import sparse

        parts = []
        if self.method != EMBEDDINGS:
            parts.append(self._vectorizer("word").transform(texts))
            parts.append(self._vectorizer("char").transform(texts))
        if self.method != TFIDF:
            if embedded is None:
                from .embeddings import embed

                embedded = embed(texts)
            parts.append(sparse.csr_matrix(embedded))
        return sparse.hstack(parts, format="csr", dtype=np.float64)

    def _vectorizer(self, kind: str):
        """A fitted TfidfVectorizer rebuilt from the stored vocabulary and IDF weights."""
        if kind not in self._vectorizers:
            vocabulary, idf = (
                (self.word_vocabulary, self.word_idf)
                if kind == "word"
                else (self.char_vocabulary, self.char_idf)
            )
            vectorizer = _vectorizer(kind, vocabulary)
            vectorizer.idf_ = idf
            self._vectorizers[kind] = vectorizer
        return self._vectorizers[kind]


def _vectorizer(kind: str, vocabulary=None):
    from sklearn.feature_extraction.text import TfidfVectorizer

    if kind == "word":
        return TfidfVectorizer(
            ngram_range=WORD_NGRAMS, sublinear_tf=True, min_df=1, vocabulary=vocabulary
        )
    return TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=CHAR_NGRAMS,
        sublinear_tf=True,
        min_df=2,
        vocabulary=vocabulary,
    )


@dataclass
class Model:
    themes: list[str]
    sentiments: list[str]
    features: Features
    theme_coef: np.ndarray  # (themes, features)
    theme_intercept: np.ndarray  # (themes,)
    sentiment_coef: np.ndarray  # (sentiments, features); one row per class
    sentiment_intercept: np.ndarray
    threshold: float = THRESHOLD
    card: dict = field(default_factory=dict)
    version: str = ""  # set by store.load: the model's identity, recorded on every label

    @property
    def method(self) -> str:
        return self.features.method

    def scores(self, texts: list[str], embedded=None) -> tuple[np.ndarray, np.ndarray]:
        """Theme probabilities and sentiment probabilities for prepared texts."""
        matrix = self.features.transform(texts, embedded)
        theme_logits = matrix @ self.theme_coef.T + self.theme_intercept
        theme_probability = 1.0 / (1.0 + np.exp(-np.asarray(theme_logits)))
        sentiment_logits = np.asarray(matrix @ self.sentiment_coef.T + self.sentiment_intercept)
        sentiment_logits -= sentiment_logits.max(axis=1, keepdims=True)
        sentiment_probability = np.exp(sentiment_logits)
        sentiment_probability /= sentiment_probability.sum(axis=1, keepdims=True)
        return theme_probability, sentiment_probability

    def predict(self, texts: Sequence) -> list[Label]:
        prepared = [text_module.prepare(t) for t in texts]
        dutch = [i for i, p in enumerate(prepared) if p.language == text_module.DUTCH]
        labels = [Label([], "", p.language) for p in prepared]
        if dutch:
            theme_p, sentiment_p = self.scores([prepared[i].text for i in dutch])
            for row, i in enumerate(dutch):
                themes = [
                    c for c, p in zip(self.themes, theme_p[row], strict=True) if p >= self.threshold
                ]
                sentiment = self.sentiments[int(sentiment_p[row].argmax())]
                labels[i] = Label(themes, sentiment, text_module.DUTCH)
        return labels


def _binary_weights(model, n_features: int) -> tuple[np.ndarray, float]:
    return model.coef_.reshape(n_features), float(model.intercept_[0])


def _train(method: str, texts: list[str], theme_matrix, sentiment_rows, sentiments, embedded=None):
    """Fit the linear models on prepared texts; ``theme_matrix`` is (texts, themes) of 0/1."""
    from sklearn.linear_model import LogisticRegression

    features = Features.fit(method, texts)
    matrix = features.transform(texts, embedded)
    n_features = matrix.shape[1]
    c = C_BY_METHOD[method]
    coef = np.zeros((theme_matrix.shape[1], n_features))
    intercept = np.zeros(theme_matrix.shape[1])
    for j in range(theme_matrix.shape[1]):
        column = theme_matrix[:, j]
        regression = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
        regression.fit(matrix, column)
        coef[j], intercept[j] = _binary_weights(regression, n_features)
    labelled = np.flatnonzero(sentiment_rows)
    regression = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
    y = np.array([sentiments[i] for i in labelled])
    regression.fit(matrix[labelled], y)
    classes = list(regression.classes_)
    if len(classes) == 2:  # sklearn keeps one row for two classes: spell out both for softmax
        s_coef = np.vstack([-regression.coef_[0] / 2, regression.coef_[0] / 2])
        s_intercept = np.array([-regression.intercept_[0] / 2, regression.intercept_[0] / 2])
    else:
        s_coef, s_intercept = regression.coef_, regression.intercept_
    return features, coef, intercept, classes, s_coef, s_intercept


@dataclass(frozen=True)
class Training:
    """Checked training data: prepared texts, a 0/1 theme matrix and the sentiment labels."""

    texts: list[str]
    themes: list[str]
    theme_matrix: np.ndarray
    sentiments: list[str]  # "" where a row has no sentiment label

    @property
    def has_sentiment(self) -> np.ndarray:
        return np.array([bool(s) for s in self.sentiments])


def training_data(texts, themes, sentiments, codebook=None) -> Training:
    """Check the examples; every problem is an InsightError in Dutch."""
    if not (len(texts) == len(themes) == len(sentiments)):
        raise InsightError("Teksten, thema's en sentimenten hebben niet evenveel rijen.")
    prepared = [text_module.clean(t) for t in texts]
    keep = [i for i, t in enumerate(prepared) if t]
    if not keep:
        raise InsightError("Er is geen enkele tekst om van te leren.")
    theme_lists = [sorted({c.strip() for c in themes[i] if c and c.strip()}) for i in keep]
    seen = sorted({c for codes in theme_lists for c in codes})
    malformed = [c for c in seen if not CODE_PATTERN.fullmatch(c)]
    if malformed:
        raise InsightError(
            "Ongeldige code(s) in de thema's (alleen letters, cijfers, - en _): "
            + ", ".join(repr(c) for c in malformed)
            + "."
        )
    codes = list(codebook) if codebook is not None else seen
    if not codes:
        raise InsightError("Geen enkele rij heeft een thema: er is niets om van te leren.")
    unknown = [c for c in seen if c not in codes]
    if unknown:
        raise InsightError("Onbekende code(s) in de thema's: " + ", ".join(unknown) + ".")
    counts = {c: sum(c in t for t in theme_lists) for c in codes}
    missing = [c for c, n in counts.items() if n == 0]
    if missing:
        raise InsightError("Code(s) zonder voorbeelden: " + ", ".join(missing) + ".")
    everywhere = [c for c, n in counts.items() if n == len(keep)]
    if everywhere:
        raise InsightError(
            "Code(s) op elke rij, dus zonder tegenvoorbeeld: " + ", ".join(everywhere) + "."
        )
    kept_sentiments = [str(sentiments[i] or "").strip() for i in keep]
    if len({s for s in kept_sentiments if s}) < 2:
        raise InsightError(
            "Voor het sentiment zijn voorbeelden van minstens twee soorten nodig "
            "(bijvoorbeeld positief en negatief)."
        )
    matrix = np.array([[int(c in t) for c in codes] for t in theme_lists], dtype=np.int8)
    return Training([prepared[i] for i in keep], codes, matrix, kept_sentiments)


def train(training: Training, method: str, embedded=None, card=None) -> Model:
    features, coef, intercept, classes, s_coef, s_intercept = _train(
        method,
        training.texts,
        training.theme_matrix,
        training.has_sentiment,
        training.sentiments,
        embedded,
    )
    return Model(
        themes=list(training.themes),
        sentiments=classes,
        features=features,
        theme_coef=coef,
        theme_intercept=intercept,
        sentiment_coef=np.asarray(s_coef, dtype=np.float64),
        sentiment_intercept=np.asarray(s_intercept, dtype=np.float64),
        card=card or {},
    )


def cross_validate(training: Training, method: str, folds, embedded=None) -> dict:
    """Figures of one method over the given (train, test) index pairs."""
    from sklearn.metrics import accuracy_score, f1_score

    predicted = np.zeros_like(training.theme_matrix)
    sentiment = np.array([""] * len(training.texts), dtype=object)
    for train_rows, test_rows in folds:
        part = Training(
            [training.texts[i] for i in train_rows],
            training.themes,
            training.theme_matrix[train_rows],
            [training.sentiments[i] for i in train_rows],
        )
        model = train(part, method, None if embedded is None else embedded[train_rows])
        test_texts = [training.texts[i] for i in test_rows]
        theme_p, sentiment_p = model.scores(
            test_texts, None if embedded is None else embedded[test_rows]
        )
        predicted[test_rows] = (theme_p >= model.threshold).astype(np.int8)
        sentiment[test_rows] = [model.sentiments[k] for k in sentiment_p.argmax(axis=1)]
    labelled = training.has_sentiment
    truth = np.array(training.sentiments, dtype=object)[labelled]
    guess = sentiment[labelled]
    return {
        "theme_micro_f1": float(f1_score(training.theme_matrix, predicted, average="micro")),
        "theme_macro_f1": float(
            f1_score(training.theme_matrix, predicted, average="macro", zero_division=0)
        ),
        "sentiment_accuracy": float(accuracy_score(truth, guess)),
        "sentiment_macro_f1": float(f1_score(truth, guess, average="macro", zero_division=0)),
    }


def combined_score(figures: dict) -> float:
    """One number to choose by: themes and sentiment weigh the same, macro so rare codes count."""
    return (figures["theme_macro_f1"] + figures["sentiment_macro_f1"]) / 2


def grouped_folds(n_rows: int, groups=None, n_splits: int = FOLDS):
    from sklearn.model_selection import GroupKFold, KFold

    rows = np.arange(n_rows)
    if groups is None:
        return list(KFold(n_splits, shuffle=True, random_state=0).split(rows))
    return list(GroupKFold(n_splits).split(rows, groups=groups))


def can_choose(training: Training) -> bool:
    if len(training.texts) < MIN_ROWS_FOR_CHOICE:
        return False
    counts = training.theme_matrix.sum(axis=0)
    labelled = [s for s in training.sentiments if s]
    sentiment_counts = [labelled.count(s) for s in set(labelled)]
    return counts.min() >= MIN_EXAMPLES_FOR_CHOICE and min(sentiment_counts) >= FOLDS


def fit(texts, themes, sentiments, *, codebook=None, method=None, groups=None, source=None):
    """Train on labelled examples and return a Model.

    ``method`` None: choose by cross-validation among METHODS when there are enough examples,
    else DEFAULT_METHOD (the benchmark's winner). ``groups`` keeps related texts (sentences of
    one review, answers of one response) in one fold.
    """
    import datetime

    from .embeddings import embed

    training = training_data(texts, themes, sentiments, codebook)
    choosing = method is None and can_choose(training)
    embedded = embed(training.texts) if choosing or (method or DEFAULT_METHOD) != TFIDF else None
    comparison = {}
    if choosing:
        kept_groups = None
        if groups is not None:
            kept = [g for t, g in zip(texts, groups, strict=True) if text_module.clean(t)]
            kept_groups = kept
        folds = grouped_folds(len(training.texts), kept_groups)
        for candidate in METHODS:
            comparison[candidate] = cross_validate(training, candidate, folds, embedded)
        method = max(METHODS, key=lambda m: combined_score(comparison[m]))
        chosen_by = "kruisvalidatie"
    else:
        chosen_by = "opgegeven" if method else "standaard (te weinig voorbeelden om te kiezen)"
        method = method or DEFAULT_METHOD
    if method not in METHODS:
        raise InsightError(f"Onbekende methode {method!r}; kies uit {', '.join(METHODS)}.")
    counts = training.theme_matrix.sum(axis=0)
    card = {
        "method": method,
        "chosen_by": chosen_by,
        "cross_validation": comparison,
        "rows": len(training.texts),
        "examples_per_theme": {c: int(n) for c, n in zip(training.themes, counts, strict=True)},
        "sentiment_examples": {s: training.sentiments.count(s) for s in set(training.sentiments)},
        "trained_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "source": source or {},
    }
    card["sentiment_examples"].pop("", None)
    return train(training, method, embedded, card)
