"""A whole screening through /api/chat in every other catalog language, typed as a parent would
type it there (the start, the child's age, a delay, the confirmation; buttons elsewhere), reaching
the outcome and a summary PDF set in the script's own font. None of these sentences is in the
training data."""

from __future__ import annotations

import pytest

from bot.i18n import Translator
from bot.languages import supported_languages
from bot.screening.result import headline
from tests.integration.conftest import Stack
from tests.integration.test_screening_chat import answer_every_question
from tests.pdf_tools import pdf_fonts
from tests.unit.test_summary_scripts import SCRIPT_FONTS

pytestmark = [pytest.mark.servers, pytest.mark.model]

# Hampshire: 2½ years, thinking and learning about 10 months behind (typed), communication a
# year (button). Coventry: 2 years, communication 9 and getting on with people 12 months (buttons).
HAMPSHIRE = {"delay_communication": "12"}
COVENTRY = {"delay_communication": "9", "delay_personal_social": "12"}
# language: (service, start, age, delay in thinking and learning or None, confirmation)
PARENTS = {
    "ro": (
        "hampshire",
        "pot să verific dacă Portage i s-ar potrivi fetiței mele?",
        "2 ani și jumătate",
        "cam 10 luni",
        "da, e bine",
    ),
    "pt": (
        "coventry",
        "gostava de saber se o Portage serve para o meu filho",
        "tem 2 anos",
        None,
        "sim, está tudo certo",
    ),
    "es": (
        "hampshire",
        "¿puedo comprobar si Portage le vendría bien a mi niña?",
        "dos años y medio",
        "unos 10 meses",
        "sí, todo correcto",
    ),
    "ar": ("coventry", "أريد أن أتحقق إذا كان Portage مناسب لابني", "24 شهر", None, "نعم صحيح"),
    "ur": (
        "hampshire",
        "kya portage mere bete ke liye sahi rahega? check karna hai",
        "ڈھائی سال",
        "taqreeban 10 mahine",
        "جی ہاں، سب ٹھیک ہے",
    ),
    "bn": (
        "coventry",
        "আমার ছেলের জন্য Portage ঠিক হবে কিনা দেখতে চাই",
        "2 বছর",
        None,
        "হ্যাঁ, সব ঠিক আছে",
    ),
    "gu": (
        "hampshire",
        "મારા બાળક માટે Portage બરાબર છે કે નહીં તે ચકાસવું છે",
        "અઢી વર્ષ",
        "લગભગ 10 મહિના",
        "હા, બરાબર છે",
    ),
    "pa": (
        "coventry",
        "ਮੇਰੇ ਬੱਚੇ ਲਈ Portage ਠੀਕ ਹੈ ਜਾਂ ਨਹੀਂ, ਪਤਾ ਕਰਨਾ ਹੈ",
        "2 ਸਾਲ",
        None,
        "ਹਾਂ ਜੀ, ਸਭ ਠੀਕ ਹੈ",
    ),
    "so": (
        "hampshire",
        "ma hubin karaa in Portage ay ku habboon tahay gabadhayda?",
        "2 sano iyo bar",
        "ilaa 10 bilood",
        "haa, waa sax",
    ),
}
OTHER_LANGUAGES = [code for code in supported_languages() if code not in ("en", "pl")]


def test_every_catalog_language_has_a_parent_here() -> None:
    assert set(OTHER_LANGUAGES) <= set(PARENTS)


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_a_whole_screening_in_the_familys_language(stack: Stack, language: str) -> None:
    service, start, age, delay, confirmation = PARENTS[language]
    plan: dict = {"child_age_months": {language: age}}
    plan.update(HAMPSHIRE if service == "hampshire" else COVENTRY)
    if delay:
        plan["delay_problem_solving"] = {language: delay}
    sender = f"languages-{language}-0001"
    review = answer_every_question(stack, sender, service, language, plan, start)
    assert review["language"] == language
    assert review["messages"][-1]["buttons"][0]["payload"] == "/show_screening_result", review
    result = stack.chat(sender, confirmation, service=service, language=language).json()
    t = Translator(language)
    assert result["messages"][0]["text"] == headline("likely", t), result["messages"]
    pdf = stack.http.get(result["summary"]["pdf"])
    assert pdf.status_code == 200
    fonts = {name.split("+")[-1] for name, _ in pdf_fonts(pdf.content)}
    assert SCRIPT_FONTS.get(language, "Noto-Sans") in fonts
