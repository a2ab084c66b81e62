"""Which service and language a conversation is in, from what the web app sends each turn."""

from __future__ import annotations

from bot.languages import SOURCE_LANGUAGE, is_supported, supported_languages
from bot.profiles import default_service_id, get_profile


class UnsupportedLanguage(LookupError):
    def __init__(self, code: object) -> None:
        super().__init__(
            f"unsupported language {code!r}; supported: {', '.join(supported_languages())}"
        )
        self.code = code


def choose_service(requested: object, current: object) -> str:
    """The message's service if it names one, else the conversation's, else PORTAGE_SERVICE.

    An unknown id raises UnknownService: a conversation never silently gets another service.
    """
    if requested:
        return get_profile(requested).id
    if current:
        return get_profile(current).id
    return default_service_id()


def choose_language(requested: object, last_requested: object, current: object) -> str:
    """A language newly picked in the widget wins; otherwise the conversation keeps its own.

    The conversation's language can change in the chat ("po polsku"); a web app that keeps sending
    the language it sent before must not undo that, but picking another language must.
    """
    if requested is not None and not (isinstance(requested, str) and is_supported(requested)):
        raise UnsupportedLanguage(requested)
    if requested and requested != last_requested:
        return requested
    if isinstance(current, str) and is_supported(current):
        return current
    return requested or SOURCE_LANGUAGE
