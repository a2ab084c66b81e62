"""Urgent concerns are recognised by simple rules in every catalog language, at any turn."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from bot.languages import supported_languages
from bot.urgent import _KEYWORDS_FILE, is_urgent, urgent_rule_languages

NLU_DIR = Path(__file__).resolve().parents[2] / "data" / "nlu"


@pytest.mark.parametrize(
    "text",
    [
        "my baby isnt breathing",
        "HELP he has stopped breathing",
        "she's having a seizure and it won't stop",
        "my toddler swallowed some tablets",
        "he fell and won't wake up",
        "my partner hits our son",
        "I think my daughter is being abused",
        "my child is in danger",
        "Mój syn przestał oddychać!",
        "corka nie oddycha",
        "dziecko jest nieprzytomne",
        "mąż bije nasze dziecko",
        "połknęła tabletki",
        "socorro meu filho não está respirando",
        "o bebé não respira!!",
        "ela esta a ter uma convulsao e nao para",
        "meu filho engoliu uns comprimidos",
        "a minha filha engoliu uma pilha",
        "o bebe ficou roxo",
        "ele caiu e nao acorda",
        "o meu companheiro bate no nosso filho",
        "acho que a minha filha está a ser abusada",
        "chamem uma ambulância",
        "mi bebé no respira",
        "AYUDA mi hijo no puede respirar",
        "está convulsionando y no para",
        "se ha tomado unas pastillas",
        "mi hija se tragó una pila de botón",
        "se cayó y no se despierta",
        "mi hijo se esta ahogando",
        "se está poniendo morado",
        "el bebé está todo morado y no respira bien",
        "mi hija está azulada",
        "mi pareja le pega a nuestro hijo",
        "llamen a una ambulancia",
        "copilul meu nu respiră",
        "ajutor, bebelusul nu mai respira",
        "are o criză și nu se oprește",
        "a înghițit niște pastile",
        "fetița mea a inghitit o baterie",
        "a căzut și nu se trezește",
        "băiatul meu e inconștient",
        "partenerul meu îl lovește pe băiatul nostru",
        "sunați la 112",
        # Arabic and Arabizi
        "ابني مش عم يتنفس",
        "البنت وقعت وما عم تصحى",
        "ابني بلع بطارية صغيرة",
        "الولد صار لونه أزرق",
        "اطلبوا الإسعاف بسرعة",
        "زوجي يضرب ابني كل يوم",
        "بنتي عم تتشنج",
        "ibni bala3 7bob",
        "otlobo el es3af",
        # Urdu and Roman Urdu
        "میری بیٹی سانس نہیں لے رہی",
        "بچے نے بلیچ پی لیا ہے",
        "میرا بیٹا بے ہوش ہو گیا ہے",
        "جلدی ایمبولینس بلائیں",
        "وہ گر گئی اور ہوش میں نہیں آ رہی",
        "bachi neeli par gayi hai",
        "mere bache ko koi marta hai",
        "usko daura par raha hai",
        # Bengali and Latin Bengali
        "আমার মেয়ে শ্বাস নিতে পারছে না",
        "বাচ্চাটা অজ্ঞান হয়ে গেছে",
        "ছেলে ব্যাটারি গিলে ফেলেছে",
        "এখনই অ্যাম্বুলেন্স ডাকুন",
        "ওর খিঁচুনি হচ্ছে আর থামছে না",
        "baccha nil hoye jacche",
        "amar meye shash nite parche na",
        "onek rokto porche, thamche na",
        # Gujarati and Latin Gujarati
        "મારો દીકરો શ્વાસ નથી લેતો",
        "બાળક બેભાન થઈ ગયું છે",
        "દીકરીએ બેટરી ગળી લીધી છે",
        "જલદી એમ્બ્યુલન્સ બોલાવો",
        "એના હોઠ ભૂરા પડી ગયા છે",
        "bahu lohi nikle che",
        "baby shwas nathi leti",
        # Panjabi (Gurmukhi) and Latin Panjabi
        "ਮੇਰੀ ਧੀ ਸਾਹ ਨਹੀਂ ਲੈ ਰਹੀ",
        "ਬੱਚਾ ਬੇਹੋਸ਼ ਹੋ ਗਿਆ",
        "ਉਸ ਨੇ ਗੋਲੀਆਂ ਨਿਗਲ ਲਈਆਂ",
        "ਛੇਤੀ ਐਂਬੂਲੈਂਸ ਬੁਲਾਓ",
        "ਬੱਚਾ ਨੀਲਾ ਪੈ ਗਿਆ",
        "bacha saah nahi le reha",
        "ohnu dora pai reha",
        "munde ne battery nigal lai",
        # Somali
        "ilmahaygu ma neefsanayo",
        "CAAWIMAAD gabadhaydu ma neefsaneyso!",
        "ilmaha buluug ayuu noqday",
        "wiilkaygu wuu miyir beelay",
        "way dhacday mana soo kacayso",
        "wiilkaygu wuu ceshanayaa, cunto ayaa ku dhegtay",
        "qalal ayaa haya hadda mana joogsanayo",
        "gabadhaydu batari ayay liqday",
        "kiniinadaydii ayuu liqay",
        "ilmahaygu bleach ayuu cabbay",
        "dhiig badan ayaa ka imanaya, ma joogsanayo",
        "ambalas ii soo wac dhaqso",
        "ninkaygu wuxuu garaacaa wiilkayaga",
        "waxaan u malaynayaa in ilmahayga lala xadgudbayo",
        "ilmahaygu khatar ayuu ku jiraa",
    ],
)
def test_emergencies_are_recognised(text: str) -> None:
    assert is_urgent(text)


@pytest.mark.parametrize(
    "text",
    [
        "is portage free",
        "is my child safe with the portage worker, are they dbs checked",
        "my son has epilepsy, can he still get portage",
        "do you support children in danger of falling behind",
        "he hits his head when he is frustrated, is that something portage helps with",
        "czy portage jest bezpłatne",
        "czy pracownik ma sprawdzenie DBS",
        "córka ma 3 latka, nie mówi i nie reaguje na imię",
        "o portage é gratuito?",
        "o meu filho tem epilepsia, pode ter portage na mesma?",
        "os funcionários têm verificação DBS?",
        "as crianças que estão em perigo de ficar para trás têm apoio?",
        "ele bate com a cabeça quando fica frustrado, o portage ajuda?",
        "o meu filho não reage quando chamo o nome dele",
        "ele fica roxo quando chora muito, é normal?",
        "¿portage es gratis?",
        "mi hijo tiene epilepsia, ¿puede tener portage igual?",
        "¿el personal tiene el DBS?",
        "¿ayudan a niños que están en peligro de quedarse atrás?",
        "se pega en la cabeza cuando se frustra, ¿portage ayuda con eso?",
        "mi hijo pega a los niños en la guardería",
        "se pone morado cuando llora, es normal?",
        "cobrem esta morada?",  # Portuguese: "do you cover this address?"
        "portage e gratuit?",
        "fiul meu are epilepsie, mai poate primi portage?",
        "personalul are verificare DBS?",
        "ajutați copiii care sunt în pericol de a rămâne în urmă?",
        "se lovește cu capul când e frustrat, vă ocupați de asta?",
        "fetița nu reacționează când o strig pe nume",
        "copilul meu bate alți copii la grădiniță",
        "هل بورتاج مجاني؟",
        "ابني عنده صرع، هل يقدر يحصل على بورتاج؟",
        "ابني يضرب الأطفال في الحضانة",
        "ابني ما بيتنفس من أنفه منيح",
        "هل تساعدون الأطفال المعرضين لخطر التأخر؟",
        "بنتي ما بتصحى قبل الساعة تسعة",
        "کیا Portage مفت ہے؟",
        "میرے بیٹے کو مرگی ہے، کیا اسے Portage مل سکتا ہے؟",
        "میرا بیٹا دوسرے بچوں کو مارتا ہے",
        "کیا portage والے گھر کا دورہ کرتے ہیں؟",
        "kya aap un bachon ki madad karte hain jo peeche reh jane ke khatre mein hain",
        "পোর্টেজ কি বিনামূল্যে?",
        "আমার ছেলের মৃগী রোগ আছে, সে কি পোর্টেজ পাবে?",
        "আমার ছেলে নাম ধরে ডাকলে সাড়া দেয় না",
        "আমার মেয়ে অন্য বাচ্চাদের মারে",
        "ও কাঁদলে নীল হয়ে যায়, এটা কি স্বাভাবিক?",
        "શું પોર્ટેજ મફત છે?",
        "મારા દીકરાને ખેંચ આવે છે, શું પોર્ટેજ મદદ કરે?",
        "મારો દીકરો બીજા બાળકોને મારે છે",
        "શું તમે પાછળ રહી જવાના જોખમમાં હોય એવા બાળકોને મદદ કરો છો?",
        "ਕੀ Portage ਮੁਫ਼ਤ ਹੈ?",
        "ਮੇਰੇ ਮੁੰਡੇ ਨੂੰ ਮਿਰਗੀ ਹੈ, ਕੀ ਉਹਨੂੰ Portage ਮਿਲ ਸਕਦਾ?",
        "ਮੇਰਾ ਮੁੰਡਾ ਦੂਜੇ ਬੱਚਿਆਂ ਨੂੰ ਮਾਰਦਾ ਹੈ",
        "ਕੀ ਤੁਸੀਂ ਪਿੱਛੇ ਰਹਿ ਜਾਣ ਦੇ ਖ਼ਤਰੇ ਵਿੱਚ ਬੱਚਿਆਂ ਦੀ ਮਦਦ ਕਰਦੇ ਹੋ?",
        "mera munda dujean bacheyan nu marda hai",
        "portage ma bilaash baa",
        "wiilkaygu wuxuu qabaa suuxdin, portage ma heli karaa?",
        "wiilkaygu wuxuu garaacaa carruurta kale ee xannaanada",
        "madaxa ayuu dhulka ku garaacaa marka uu xanaaqo, portage ma ka caawiyaa?",
        "ma caawisaan carruurta khatarta ugu jira inay dib u dhacaan?",
        "wiilkaygu ma jawaabo marka magaciisa loo yeero",
        "wuu buluug noqdaa marka uu ooyo, caadi ma tahay?",
        "habeenkii ma toosayo",
    ],
)
def test_ordinary_questions_are_not_emergencies(text: str) -> None:
    assert not is_urgent(text)


def test_every_catalog_language_has_rules() -> None:
    assert set(supported_languages()) <= set(urgent_rule_languages())


def test_rules_are_written_as_fold_leaves_text() -> None:
    # fold() decomposes "য়", "ড়", "ਖ਼", "ਜ਼": a rule with the composed letter would never match.
    raw = yaml.safe_load(_KEYWORDS_FILE.read_text(encoding="utf-8"))
    for patterns in raw.values():
        for pattern in patterns:
            assert unicodedata.normalize("NFC", unicodedata.normalize("NFKD", pattern)) == pattern


def _examples(path: Path) -> list[tuple[str, str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found = []
    for item in data.get("nlu") or []:
        for line in (item.get("examples") or "").splitlines():
            text = line.strip().removeprefix("- ")
            text = re.sub(r"\[([^\]]*)\](\([^)]*\)|\{[^}]*\})", r"\1", text)
            if "intent" in item and text:
                found.append((item["intent"], text))
    return found


def test_no_ordinary_training_example_is_an_emergency() -> None:
    ordinary = [
        text
        for path in sorted(NLU_DIR.glob("*/*.yml"))
        for intent, text in _examples(path)
        if intent != "urgent_concern"
    ]
    assert ordinary
    assert [text for text in ordinary if is_urgent(text)] == []
