"""The FAQ-topic score featurizer, run the way Rasa's graph runs it: train, load, featurize."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from rasa_components.topic_scores import TopicScoreFeaturizer

TOPICS = {
    "faq/cost": ["is it free", "how much does it cost", "do we have to pay", "any fees to pay"],
    "faq/waiting_list": ["is there a waiting list", "how long is the wait", "waiting times"],
    "faq/groups": ["are there any groups", "is there a play group", "group sessions for parents"],
}


def _context(name: str) -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), node_name=name)


@dataclass
class Pipeline:
    tokenizer: WhitespaceTokenizer
    ngrams: CountVectorsFeaturizer
    topics: TopicScoreFeaturizer
    data: TrainingData

    def run(self, text: str) -> Message:
        """A new message through the trained pipeline, as at run time."""
        message = Message(data={TEXT: text})
        for component in (self.tokenizer, self.ngrams, self.topics):
            component.process([message])
        return message


@pytest.fixture
def pipeline(tmp_path) -> Pipeline:
    storage = LocalModelStorage(tmp_path)
    messages = [
        Message(data={TEXT: text, "intent": "faq", "intent_response_key": topic})
        for topic, texts in TOPICS.items()
        for text in texts
    ] + [Message(data={TEXT: "hello there", "intent": "greet"})]
    data = TrainingData(messages)
    tokenizer = WhitespaceTokenizer.create(
        WhitespaceTokenizer.get_default_config(), storage, Resource("t"), _context("t")
    )
    tokenizer.process_training_data(data)
    config = {**CountVectorsFeaturizer.get_default_config(), "analyzer": "char_wb", "max_ngram": 4}
    ngrams = CountVectorsFeaturizer.create(config, storage, Resource("cv"), _context("cv"))
    ngrams.train(data)
    ngrams.process_training_data(data)
    settings = {**TopicScoreFeaturizer.get_default_config(), "alias": "topic_scores", "folds": 3}
    resource = Resource("topic_scores")
    TopicScoreFeaturizer.create(settings, storage, resource, _context("ts")).train(data)
    topics = TopicScoreFeaturizer.load(settings, storage, resource, _context("ts"))
    topics.process_training_data(data)
    return Pipeline(tokenizer, ngrams, topics, data)


def _scores(message: Message) -> np.ndarray:
    _, sentence = message.get_dense_features(TEXT, ["topic_scores"])
    assert sentence is not None
    return sentence.features[0]


def test_every_example_gets_one_score_per_topic(pipeline: Pipeline) -> None:
    for message in pipeline.data.training_examples:
        assert _scores(message).shape == (len(TOPICS),)
        sequence, _ = message.get_dense_features(TEXT, ["topic_scores"])
        assert sequence is not None and sequence.features.shape[1] == len(TOPICS)


def test_training_examples_are_scored_by_models_that_did_not_see_them(pipeline: Pipeline) -> None:
    # Out of fold the sentence is new, so its score is less sure than the full model's, which
    # was trained on it: the ResponseSelector learns from scores like those of real questions.
    trained = next(m for m in pipeline.data.training_examples if m.get(TEXT) == "is it free")
    assert _scores(pipeline.run("is it free")).max() > _scores(trained).max()


def test_a_new_question_scores_highest_for_its_topic(pipeline: Pipeline) -> None:
    classes = list(pipeline.topics._model.classes_)
    for text, topic in (
        ("how long is the waiting list", "faq/waiting_list"),
        ("do i have to pay anything", "faq/cost"),
        ("any parent groups", "faq/groups"),
    ):
        assert classes[int(np.argmax(_scores(pipeline.run(text))))] == topic, text


def test_without_sparse_features_it_says_what_is_missing(pipeline: Pipeline) -> None:
    message = Message(data={TEXT: "no features here"})
    with pytest.raises(ValueError, match="sparse featurizers"):
        pipeline.topics.process([message])
