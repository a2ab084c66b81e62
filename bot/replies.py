"""What the assistant says in one turn: messages, then optional buttons under the last one."""

from __future__ import annotations

from dataclasses import dataclass, field

# Key of the hidden message that carries control values from the actions to the web app.
CONTROL_KEY = "portage"


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass
class Reply:
    messages: list[str]
    buttons: list[Button] = field(default_factory=list)
    # Instructions for the web app that are not shown, e.g. {"language": "pl"} after a switch.
    control: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.messages = [message for message in self.messages if message]
