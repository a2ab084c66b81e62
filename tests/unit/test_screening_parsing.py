"""Typed answers to the screening questions, in every catalog language."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.languages import supported_languages
from bot.screening.parsing import parse_answer

TODAY = dt.date(2026, 11, 23)

AGES = {
    "en": [
        ("18 months", 18),
        ("2 years 3 months", 27),
        ("2 and a half", 30),
        ("two and a half years", 30),
        ("he's 2", 24),
        ("26", 26),
        ("18m", 18),
        ("a year and a half", 18),
        ("1.5 years", 18),
        ("20 month old", 20),
        ("2 yrs", 24),
        ("14/03/2024", 32.3),
        ("born 3 March 2024", 32.7),
        ("born 3rd March 2024", 32.7),
        ("thirty-two months", 32),
        ("2024-03-14", 32.3),
    ],
    "pl": [
        ("18 miesięcy", 18),
        ("18 miesiecy", 18),
        ("2 lata i 3 miesiące", 27),
        ("półtora roku", 18),
        ("poltora roku", 18),
        ("1,5 roku", 18),
        ("dwa i pół roku", 30),
        ("roczek", 12),
        ("ma 2 latka", 24),
        ("urodzony 3 marca 2024", 32.7),
        ("14.03.2024", 32.3),
        ("synek ma 26 miesięcy", 26),
        ("dwadzieścia dwa miesiące", 22),
    ],
    "pt": [
        ("18 meses", 18),
        ("2 anos e 3 meses", 27),
        ("dois anos e meio", 30),
        ("dois e meio", 30),
        ("ano e meio", 18),
        ("um ano e meio", 18),
        ("1,5 anos", 18),
        ("um ano e seis meses", 18),
        ("tem 2 aninhos", 24),
        ("um aninho", 12),
        ("vinte e seis meses", 26),
        ("o meu filho tem 20 meses", 20),
        ("14/03/2024", 32.3),
        ("nasceu a 3 de março de 2024", 32.7),
        ("3 de marco de 2024", 32.7),
        ("1º de março de 2024", 32.8),
        ("nasceu em maio de 2024", 30.8),
    ],
    "es": [
        ("18 meses", 18),
        ("2 años y 3 meses", 27),
        ("1 año y 8 meses", 20),
        ("dos años y medio", 30),
        ("año y medio", 18),
        ("un año y medio", 18),
        ("1,5 años", 18),
        ("tiene 2 añitos", 24),
        ("un añito", 12),
        ("tiene 2", 24),
        ("veintiséis meses", 26),
        ("treinta y dos meses", 32),
        ("mi hijo tiene 20 meses", 20),
        ("14/03/2024", 32.3),
        ("nació el 3 de marzo de 2024", 32.7),
        ("3 de marzo del 2024", 32.7),
        ("15 de agosto de 2023", 39.3),
    ],
    "ro": [
        ("18 luni", 18),
        ("20 de luni", 20),
        ("2 ani și 3 luni", 27),
        ("2 ani si 3 luni", 27),
        ("un an și 6 luni", 18),
        ("doi ani și jumătate", 30),
        ("un an și jumătate", 18),
        ("un an si jumatate", 18),
        ("1,5 ani", 18),
        ("douăzeci și șase de luni", 26),
        ("are 2 anișori", 24),
        ("un anișor", 12),
        ("are doi ani", 24),
        ("14.03.2024", 32.3),
        ("născut pe 3 martie 2024", 32.7),
        ("născută pe 1 mai 2025", 18.8),
    ],
    "ar": [
        ("18 شهر", 18),
        ("عمره ١٨ شهر", 18),
        ("سنتين", 24),
        ("سنتين و3 شهور", 27),
        ("سنتان ونصف", 30),
        ("سنتين ونص", 30),
        ("سنة ونص", 18),
        ("سنة و6 شهور", 18),
        ("٣ سنوات", 36),
        ("ثلاث سنوات", 36),
        ("١٤/٠٣/٢٠٢٤", 32.3),
        ("ولد في 3 مارس 2024", 32.7),
        ("3omro santen w nos", 30),
        ("18 shahr", 18),
        ("ibni 3omro 2", 24),
    ],
    "ur": [
        ("18 مہینے", 18),
        ("۱۸ مہینے", 18),
        ("دو سال", 24),
        ("۲ سال", 24),
        ("2 سال 3 مہینے", 27),
        ("ایک سال اور 6 مہینے", 18),
        ("ڈھائی سال", 30),
        ("ڈیڑھ سال", 18),
        ("ساڑھے تین سال", 42),
        ("میرا بیٹا 20 مہینے کا ہے", 20),
        ("3 مارچ 2024 کو پیدا ہوا", 32.7),
        ("2 saal", 24),
        ("18 mahine", 18),
        ("dedh saal", 18),
        ("dhai saal", 30),
    ],
    "bn": [
        ("১৮ মাস", 18),
        ("18 মাস", 18),
        ("২ বছর ৬ মাস", 30),
        ("দুই বছর তিন মাস", 27),
        ("আড়াই বছর", 30),
        ("দেড় বছর", 18),
        ("সাড়ে তিন বছর", 42),
        ("ওর বয়স ২০ মাস", 20),
        ("১৪/০৩/২০২৪", 32.3),
        ("৩ মার্চ ২০২৪", 32.7),
        ("2 bochor", 24),
        ("18 mash", 18),
        ("dedh bochor", 18),
    ],
    "gu": [
        ("૧૮ મહિના", 18),
        ("18 મહિના", 18),
        ("બે વર્ષ", 24),
        ("૨ વર્ષ ૩ મહિના", 27),
        ("અઢી વર્ષ", 30),
        ("દોઢ વર્ષ", 18),
        ("સાડા ત્રણ વર્ષ", 42),
        ("મારો દીકરો 20 મહિનાનો છે", 20),
        ("૧૪/૦૩/૨૦૨૪", 32.3),
        ("3 માર્ચ 2024", 32.7),
        ("2 varas", 24),
        ("18 mahina", 18),
        ("dodh varas", 18),
    ],
    "pa": [
        ("੧੮ ਮਹੀਨੇ", 18),
        ("18 ਮਹੀਨੇ", 18),
        ("ਦੋ ਸਾਲ", 24),
        ("੨ ਸਾਲ ੩ ਮਹੀਨੇ", 27),
        ("ਢਾਈ ਸਾਲ", 30),
        ("ਡੇਢ ਸਾਲ", 18),
        ("ਸਾਢੇ ਤਿੰਨ ਸਾਲ", 42),
        ("ਮੇਰਾ ਮੁੰਡਾ 20 ਮਹੀਨਿਆਂ ਦਾ ਹੈ", 20),
        ("੧੪/੦੩/੨੦੨੪", 32.3),
        ("3 ਮਾਰਚ 2024", 32.7),
        ("2 saal", 24),
        ("18 mahine", 18),
        ("dedh saal", 18),
    ],
    "so": [
        ("18 bilood", 18),
        ("18 bilod", 18),
        ("11 bil", 11),
        ("2 sano", 24),
        ("labo sano", 24),
        ("2 sano iyo 3 bilood", 27),
        ("2 sano 3 bilood", 27),
        ("laba sano iyo saddex bilood", 27),
        ("laba sano iyo badh", 30),
        ("2 sano iyo nus", 30),
        ("sano iyo badh", 18),
        ("hal sano iyo lix bilood", 18),
        ("hal sano", 12),
        ("3 jir", 36),
        ("wuxuu jiraa 20 bilood", 20),
        ("26 bilood ayuu jiraa", 26),
        ("labaatan iyo lix bilood", 26),
        ("14/03/2024", 32.3),
        ("wuxuu dhashay 3da Maarso 2024", 32.7),
        ("3 da Maarso 2024", 32.7),
    ],
}


def test_every_catalog_language_has_age_cases() -> None:
    assert set(supported_languages()) <= set(AGES)


@pytest.mark.parametrize(
    ("language", "text", "months"),
    [(language, text, months) for language, cases in AGES.items() for text, months in cases],
)
def test_ages(language: str, text: str, months: float) -> None:
    assert parse_answer("age", text, language, TODAY) == pytest.approx(months, abs=0.1)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "not sure"),
        ("en", "I don't know"),
        ("pl", "nie wiem"),
        ("pl", "nie jestem pewna"),
        ("pt", "não sei"),
        ("pt", "nao tenho a certeza"),
        ("es", "no sé"),
        ("es", "no estoy segura"),
        ("ro", "nu știu"),
        ("ro", "nu sunt sigură"),
        ("ar", "مش متأكد"),
        ("ar", "mesh 3aref"),
        ("ur", "پتہ نہیں"),
        ("ur", "pata nahi"),
        ("bn", "জানি না"),
        ("bn", "jani na"),
        ("gu", "ખબર નથી"),
        ("gu", "khabar nathi"),
        ("pa", "ਪਤਾ ਨਹੀਂ"),
        ("pa", "pata nahi"),
        ("so", "ma hubo"),
        ("so", "runtii ma aqaan"),
    ],
)
def test_not_sure_is_always_an_answer(language: str, text: str) -> None:
    assert parse_answer("age", text, language, TODAY) == "not_sure"
    assert parse_answer("delay", text, language, TODAY) == "not_sure"
    assert parse_answer("yes_no", text, language, TODAY) == "not_sure"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "she's a toddler"),
        ("en", "blue"),
        ("en", "31/02/2024"),
        ("pl", "nie rozumiem pytania?"),
        # A birthday without its year is asked again, not read as "3 years".
        ("en", "born 3 March"),
        ("es", "nació el 3 de marzo"),
        ("pt", "é uma menina"),
        ("pt", "não percebi a pergunta"),
        ("es", "es una niña"),
        ("ro", "o fetiță"),
        ("ro", "nu înțeleg întrebarea"),
        ("so", "waa gabadh"),
        ("so", "wuxuu dhashay 3 da Maarso"),
        ("so", "wuxuu ku dhow yahay 3 sano"),
    ],
)
def test_unclear_ages_are_not_guessed(language: str, text: str) -> None:
    assert parse_answer("age", text, language, TODAY) is None


def test_a_future_or_absurd_date_of_birth_is_refused() -> None:
    assert parse_answer("age", "01/01/2030", "en", TODAY) is None
    assert parse_answer("age", "01/01/1990", "en", TODAY) is None


@pytest.mark.parametrize(
    ("language", "text", "weeks"),
    [
        ("en", "born at 32 weeks", 8),
        ("en", "6 weeks early", 6),
        ("en", "no, on time", 0),
        ("en", "2 months early", 8.7),
        ("pl", "urodził się w 32 tygodniu", 8),
        ("pl", "8 tygodni za wcześnie", 8),
        ("pl", "nie, w terminie", 0),
        ("en", "thirty two weeks", 8),
        ("pt", "nasceu com 32 semanas", 8),
        ("pt", "trinta e duas semanas", 8),
        ("pt", "6 semanas antes do tempo", 6),
        ("pt", "não, nasceu no tempo certo", 0),
        ("es", "nació de 32 semanas", 8),
        ("es", "treinta y dos semanas", 8),
        ("es", "6 semanas antes", 6),
        ("es", "dos meses antes", 8.7),
        ("es", "no, a término", 0),
        ("ro", "s-a născut la 32 de săptămâni", 8),
        ("ro", "treizeci și două de săptămâni", 8),
        ("ro", "cu 6 săptămâni mai devreme", 6),
        ("ro", "nu, la termen", 0),
        ("ar", "ولد في الأسبوع 32", 8),
        ("ar", "أسبوعين بدري", 2),
        ("ur", "32 ہفتے", 8),
        ("bn", "৩২ সপ্তাহে জন্ম", 8),
        ("gu", "32 અઠવાડિયે", 8),
        ("pa", "32 ਹਫ਼ਤੇ", 8),
        ("so", "wuxuu ku dhashay 32 toddobaad", 8),
        ("so", "6 toddobaad ka hor", 6),
        ("so", "maya, waqtigiisii", 0),
    ],
)
def test_weeks_born_early(language: str, text: str, weeks: float) -> None:
    assert parse_answer("premature", text, language, TODAY) == pytest.approx(weeks, abs=0.1)


@pytest.mark.parametrize(
    ("language", "text", "months"),
    [
        ("en", "about 6 months", 6),
        ("en", "a year", 12),
        ("en", "half a year", 6),
        ("en", "no", 0),
        ("en", "no concerns", 0),
        ("pl", "pół roku", 6),
        ("pl", "około 4 miesięcy", 4),
        ("pl", "rok", 12),
        ("pl", "nie", 0),
        ("pt", "uns 6 meses", 6),
        ("pt", "meio ano", 6),
        ("pt", "mais ou menos um ano e meio", 18),
        ("pt", "não", 0),
        ("es", "unos 6 meses", 6),
        ("es", "como medio año", 6),
        ("es", "un año", 12),
        ("es", "no", 0),
        ("ro", "cam 6 luni", 6),
        ("ro", "jumătate de an", 6),
        ("ro", "un an", 12),
        ("ro", "nu", 0),
        ("ar", "حوالي 6 شهور", 6),
        ("ar", "شهرين", 2),
        ("ar", "la2", 0),
        ("ur", "تقریباً 6 مہینے", 6),
        ("ur", "نہیں", 0),
        ("bn", "প্রায় ৬ মাস", 6),
        ("bn", "না", 0),
        ("gu", "લગભગ 6 મહિના", 6),
        ("gu", "ના", 0),
        ("pa", "ਲਗਭਗ 6 ਮਹੀਨੇ", 6),
        ("pa", "ਨਹੀਂ", 0),
        ("so", "qiyaastii 6 bilood", 6),
        ("so", "maya", 0),
    ],
)
def test_delays(language: str, text: str, months: float) -> None:
    assert parse_answer("delay", text, language, TODAY) == pytest.approx(months)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "yes he does", "yes"),
        ("en", "nope", "no"),
        ("en", "prefer not to say", "prefer_not_to_say"),
        ("pl", "tak", "yes"),
        ("pl", "nie chodzi", "no"),
        ("pl", "wolę nie mówić", "prefer_not_to_say"),
        ("pl", "no tak", "yes"),
        ("pt", "sim", "yes"),
        ("pt", "não", "no"),
        ("pt", "nao tem", "no"),
        ("pt", "prefiro não dizer", "prefer_not_to_say"),
        ("es", "sí, claro", "yes"),
        ("es", "no", "no"),
        ("es", "no tiene", "no"),
        ("es", "prefiero no decirlo", "prefer_not_to_say"),
        ("ro", "da", "yes"),
        ("ro", "nu", "no"),
        ("ro", "nu are", "no"),
        ("ro", "prefer să nu spun", "prefer_not_to_say"),
        ("ar", "نعم", "yes"),
        ("ar", "لا", "no"),
        ("ar", "la2", "no"),
        ("ar", "aywa", "yes"),
        ("ur", "جی ہاں", "yes"),
        ("ur", "نہیں", "no"),
        ("ur", "nahi", "no"),
        ("bn", "হ্যাঁ", "yes"),
        ("bn", "না", "no"),
        ("bn", "na", "no"),
        ("gu", "હા", "yes"),
        ("gu", "ના", "no"),
        ("gu", "nathi", "no"),
        ("pa", "ਹਾਂ ਜੀ", "yes"),
        ("pa", "ਨਹੀਂ", "no"),
        ("pa", "nahi", "no"),
        ("so", "haa", "yes"),
        ("so", "maya", "no"),
        ("so", "ma aado", "no"),
        ("so", "ma rabo inaan sheego", "prefer_not_to_say"),
    ],
)
def test_yes_no(language: str, text: str, expected: str) -> None:
    assert parse_answer("yes_no", text, language, TODAY) == expected


def test_other_kinds() -> None:
    assert parse_answer("diagnosis", "yes, Down syndrome", "en", TODAY) == "Down syndrome"
    assert parse_answer("diagnosis", "no", "en", TODAY) == "none"
    assert parse_answer("diagnosis", "zespół Downa", "pl", TODAY) == "zespół Downa"
    assert parse_answer("asq_areas", "communication and thinking", "en", TODAY) == [
        "communication",
        "problem_solving",
    ]
    assert parse_answer("asq_areas", "mowa i motoryka mała", "pl", TODAY) == [
        "communication",
        "fine_motor",
    ]
    assert parse_answer("sensory", "he is deaf and blind", "en", TODAY) == "both"
    assert parse_answer("sensory", "niedosłyszy", "pl", TODAY) == "hearing"
    assert parse_answer("consent", "nie teraz", "pl", TODAY) == "no"


def test_english_words_work_in_a_polish_conversation() -> None:
    assert parse_answer("age", "2 years", "pl", TODAY) == 24
    assert parse_answer("yes_no", "yes", "pl", TODAY) == "yes"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # "না" / "ના" (no) sits inside these words after a vowel sign: whole tokens only.
        ("bn", "শোনা"),
        ("gu", "મહિના"),
        ("gu", "સાંભળવાના"),
    ],
)
def test_words_match_only_as_whole_tokens(language: str, text: str) -> None:
    assert parse_answer("yes_no", text, language, TODAY) is None


def test_arabizi_digits_inside_words_are_not_numbers() -> None:
    # "3aref" (know) and "la2" (no) hold the letters ع and ء written as digits.
    assert parse_answer("delay", "3aref", "ar", TODAY) is None
    assert parse_answer("delay", "la2", "ar", TODAY) == 0
    assert parse_answer("age", "la2 ma ba3ref", "ar", TODAY) == "not_sure"
    # Digits joined to a unit are still numbers.
    assert parse_answer("age", "2y3m", "en", TODAY) == 27
    assert parse_answer("premature", "32weeks", "en", TODAY) == 8


def test_a_stem_still_matches_after_a_vowel_sign() -> None:
    assert parse_answer("sensory", "સાંભળવામાં તકલીફ", "gu", TODAY) == "hearing"
    assert parse_answer("sensory", "শোনা নিয়ে সমস্যা", "bn", TODAY) == "hearing"
