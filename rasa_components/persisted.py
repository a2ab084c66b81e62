"""One trained scikit-learn object per component, kept in Rasa's model storage."""

from __future__ import annotations

import logging
from typing import Any, ClassVar, TypeVar

import joblib
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

logger = logging.getLogger(__name__)
Self = TypeVar("Self", bound="PersistedModel")


class PersistedModel:
    """Mixed in before a featurizer base: its model is saved after training and loaded with the
    trained pipeline; a component that was never trained loads with no model and adds nothing."""

    model_file: ClassVar[str]

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        model: Any = None,
    ) -> None:
        super().__init__(execution_context.node_name, config)  # type: ignore[call-arg]
        self._model_storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(
        cls: type[Self],
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> Self:
        return cls(config, model_storage, resource, execution_context)

    @classmethod
    def load(
        cls: type[Self],
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> Self:
        model = None
        try:
            with model_storage.read_from(resource) as directory:
                model = joblib.load(directory / cls.model_file)
        except (ValueError, FileNotFoundError):
            logger.debug("%s: not trained; it adds no features", cls.__name__)
        return cls(config, model_storage, resource, execution_context, model)

    def _save(self, model: Any) -> Resource:
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump(model, directory / self.model_file)
        return self._resource
