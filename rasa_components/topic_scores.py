"""FAQ-topic scores as dense features: a linear model over the sparse n-grams, stacked under the
ResponseSelector.

On our data a linear SVM over TF-IDF word and character n-grams separates the 24 FAQ topics at
least as well as the ResponseSelector's network does on the same sparse features (cross-validated
macro F1 on English and Polish 0.89 stacked, against 0.88 for the network on raw counts), and the
network's cost grows with the n-gram vocabulary of every language added.
So this component learns the topics linearly and hands the ResponseSelector one score per topic;
the ResponseSelector still chooses the retrieval intent `faq/<topic>`. Its training examples get
out-of-fold scores, so it learns how far the scores can be trusted on sentences the linear model
has not seen.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse
from rasa.engine.graph import GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.nlu.featurizers.featurizer import Featurizer
from rasa.shared.nlu.constants import INTENT_RESPONSE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC

from rasa_components.persisted import PersistedModel


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class TopicScoreFeaturizer(PersistedModel, DenseFeaturizer, GraphComponent):
    model_file = "topic_scores.joblib"

    @classmethod
    def required_components(cls) -> list[type]:
        return [Featurizer]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **DenseFeaturizer.get_default_config(),
            "retrieval_intent": "faq",
            "C": 1.0,
            "folds": 5,
            "random_state": 42,
        }

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if config["folds"] < 2:
            raise ValueError("TopicScoreFeaturizer: folds must be at least 2")

    def _new_model(self) -> LinearSVC:
        return LinearSVC(C=self._config["C"], random_state=self._config["random_state"])

    def _topic_examples(self, messages: list[Message]) -> tuple[list[Message], list[str]]:
        prefix = f"{self._config['retrieval_intent']}/"
        chosen = [
            m
            for m in messages
            if m.get(TEXT) and str(m.get(INTENT_RESPONSE_KEY) or "").startswith(prefix)
        ]
        return chosen, [str(m.get(INTENT_RESPONSE_KEY)) for m in chosen]

    def train(self, training_data: TrainingData) -> Resource:
        messages, topics = self._topic_examples(training_data.training_examples)
        if len(set(topics)) < 2:
            return self._resource
        model = self._new_model().fit(_sparse_matrix(messages), topics)
        return self._save(model)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Out-of-fold scores for the topic examples; the full model's for everything else."""
        if self._model is None:
            return training_data
        examples = [m for m in training_data.training_examples if m.get(TEXT)]
        topical, topics = self._topic_examples(examples)
        scores = self._out_of_fold(topical, topics)
        for message, row in zip(topical, scores, strict=True):
            self._add(message, row)
        scored = {id(m) for m in topical}
        others = [m for m in examples if id(m) not in scored]
        self.process(others)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        with_text = [m for m in messages if m.get(TEXT)]
        if self._model is None or not with_text:
            return messages
        for message, row in zip(with_text, self._scores(self._model, with_text), strict=True):
            self._add(message, row)
        return messages

    def _out_of_fold(self, messages: list[Message], topics: list[str]) -> np.ndarray:
        assert self._model is not None
        matrix = _sparse_matrix(messages)
        labels = np.array(topics)
        scores = np.zeros((len(messages), len(self._model.classes_)), dtype=np.float32)
        smallest = min(np.unique(labels, return_counts=True)[1])
        folds = StratifiedKFold(
            n_splits=max(2, min(self._config["folds"], smallest)),
            shuffle=True,
            random_state=self._config["random_state"],
        )
        for train_rows, held_out in folds.split(matrix, labels):
            model = self._new_model().fit(matrix[train_rows], labels[train_rows])
            fold_scores = model.decision_function(matrix[held_out])
            # Columns in the full model's order, so every example speaks the same language.
            columns = [list(model.classes_).index(c) for c in self._model.classes_]
            scores[held_out] = fold_scores[:, columns]
        return scores

    @staticmethod
    def _scores(model: LinearSVC, messages: list[Message]) -> np.ndarray:
        return model.decision_function(_sparse_matrix(messages)).astype(np.float32)

    def _add(self, message: Message, row: np.ndarray) -> None:
        tokens = message.get(TOKENS_NAMES[TEXT]) or []
        sequence = np.zeros((max(1, len(tokens)), row.shape[0]), dtype=np.float32)
        self.add_features_to_message(sequence, row.reshape(1, -1), TEXT, message)


def _sparse_matrix(messages: list[Message]) -> scipy.sparse.csr_matrix:
    """Each message's sparse sentence features (every sparse featurizer, concatenated)."""
    rows = []
    for message in messages:
        _, sentence = message.get_sparse_features(TEXT)
        if sentence is None:
            raise ValueError("TopicScoreFeaturizer needs sparse featurizers before it")
        rows.append(scipy.sparse.csr_matrix(sentence.features))
    return scipy.sparse.vstack(rows).tocsr()
