"""Deletes a conversation from Rasa's tracker store when a family asks ("delete my data")."""

from __future__ import annotations

import sqlalchemy as sa


class ConversationStore:
    def __init__(self, tracker_url: str) -> None:
        self._engine = sa.create_engine(tracker_url) if tracker_url else None

    def delete(self, sender: str) -> int:
        """Removes every stored event of this conversation; returns how many were removed."""
        if self._engine is None:
            return 0
        with self._engine.begin() as connection:
            if not sa.inspect(connection).has_table("events"):
                return 0
            result = connection.execute(
                sa.text("DELETE FROM events WHERE sender_id = :sender"), {"sender": sender}
            )
            return result.rowcount or 0
