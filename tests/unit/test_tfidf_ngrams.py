"""The TF-IDF n-gram featurizer and the tuned intent classifier, run as Rasa's graph runs them."""

from __future__ import annotations

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from rasa_components.intent_classifier import TunedLogisticRegressionClassifier
from rasa_components.tfidf_ngrams import TfidfNgramFeaturizer, fold_latin_accents

EXAMPLES = {
    "greet": ["hello", "hi there", "dzień dobry", "cześć"],
    "goodbye": ["bye", "see you later", "do widzenia", "na razie"],
    "thank": ["thanks a lot", "thank you", "dziękuję bardzo", "dzięki"],
}


def _context(name: str) -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), node_name=name)


@pytest.fixture
def storage(tmp_path) -> LocalModelStorage:
    return LocalModelStorage(tmp_path)


@pytest.fixture
def tokenizer(storage) -> WhitespaceTokenizer:
    return WhitespaceTokenizer.create(
        WhitespaceTokenizer.get_default_config(), storage, Resource("t"), _context("t")
    )


@pytest.fixture
def data(tokenizer) -> TrainingData:
    messages = [
        Message(data={TEXT: text, "intent": intent})
        for intent, texts in EXAMPLES.items()
        for text in texts
    ]
    training = TrainingData(messages)
    tokenizer.process_training_data(training)
    return training


@pytest.fixture
def featurizer(storage, data) -> TfidfNgramFeaturizer:
    config = {**TfidfNgramFeaturizer.get_default_config(), "alias": "tfidf_ngrams"}
    resource = Resource("tfidf_ngrams")
    TfidfNgramFeaturizer.create(config, storage, resource, _context("tf")).train(data)
    loaded = TfidfNgramFeaturizer.load(config, storage, resource, _context("tf"))
    loaded.process_training_data(data)
    return loaded


def _featurized(text: str, tokenizer, featurizer) -> Message:
    message = Message(data={TEXT: text})
    tokenizer.process([message])
    featurizer.process([message])
    return message


def _sentence(message: Message) -> np.ndarray:
    _, sentence = message.get_sparse_features(TEXT, ["tfidf_ngrams"])
    assert sentence is not None
    return sentence.features.toarray()[0]


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Dziękuję ŻÓŁW", "dziekuje zołw"),
        ("Ce înseamnă", "ce inseamna"),
        ("¿Qué es?", "¿que es?"),
    ],
)
def test_latin_letters_lose_their_accents(typed: str, folded: str) -> None:
    # ł is a letter of its own, not l with a combining mark, so it stays.
    assert fold_latin_accents(typed) == folded


@pytest.mark.parametrize("word", ["ਬੋਲਣਾ", "শোনা", "બોલવું", "بولنا", "يتكلّم"])
def test_other_scripts_keep_their_vowel_signs(word: str) -> None:
    assert fold_latin_accents(word) == word.lower()


def test_each_block_of_ngrams_is_unit_length(tokenizer, featurizer) -> None:
    # Two blocks (words and characters), each scaled to length 1: a long message does not
    # outweigh a short one.
    for text in ("hello", "hello hello hello there, thank you so much"):
        assert np.linalg.norm(_sentence(_featurized(text, tokenizer, featurizer))) == pytest.approx(
            np.sqrt(2), rel=1e-4
        )


def test_typing_without_diacritics_gives_the_same_features(tokenizer, featurizer) -> None:
    with_marks = _sentence(_featurized("dziękuję bardzo", tokenizer, featurizer))
    without = _sentence(_featurized("dziekuje bardzo", tokenizer, featurizer))
    assert np.allclose(with_marks, without)


def test_sequence_features_match_the_tokens(tokenizer, featurizer) -> None:
    message = _featurized("see you later then", tokenizer, featurizer)
    sequence, sentence = message.get_sparse_features(TEXT, ["tfidf_ngrams"])
    assert sequence is not None and sentence is not None
    assert sequence.features.shape == (4, sentence.features.shape[1])


def test_unseen_words_give_empty_features_not_an_error(tokenizer, featurizer) -> None:
    assert not _sentence(_featurized("zzqx", tokenizer, featurizer)).any()


def test_untrained_featurizer_adds_nothing(storage, tokenizer) -> None:
    config = {**TfidfNgramFeaturizer.get_default_config(), "alias": "tfidf_ngrams"}
    empty = TfidfNgramFeaturizer.load(config, storage, Resource("none"), _context("tf"))
    message = Message(data={TEXT: "hello"})
    tokenizer.process([message])
    empty.process([message])
    assert message.get_sparse_features(TEXT) == (None, None)


def test_tuned_classifier_uses_its_c_and_survives_saving(storage, data, featurizer) -> None:
    config = {**TunedLogisticRegressionClassifier.get_default_config(), "C": 30}
    resource = Resource("intents")
    trained = TunedLogisticRegressionClassifier.create(config, storage, resource, _context("lr"))
    assert trained.clf.C == 30
    trained.train(data)
    loaded = TunedLogisticRegressionClassifier.load(config, storage, resource, _context("lr"))
    for text, intent in (("hi", "greet"), ("dzieki wielkie", "thank"), ("bye bye", "goodbye")):
        message = Message(data={TEXT: text})
        WhitespaceTokenizer.create(
            WhitespaceTokenizer.get_default_config(), storage, Resource("t2"), _context("t2")
        ).process([message])
        featurizer.process([message])
        loaded.process([message])
        assert message.get("intent")["name"] == intent, text


def test_tuned_classifier_refuses_a_non_positive_c() -> None:
    with pytest.raises(ValueError, match="C must be positive"):
        TunedLogisticRegressionClassifier.validate_config({"C": 0})
