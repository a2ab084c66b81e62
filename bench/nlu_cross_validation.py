"""5-fold cross-validation of the NLU (intents and FAQ topics), and the time a full training takes.

Run with `make bench` (or .venv/bin/python bench/nlu_cross_validation.py [--folds N]). Prints:
intent macro F1, FAQ-topic (ResponseSelector) macro F1, per-language macro F1 on the
held-out folds, and the wall-clock time of a full `rasa train --force`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RASA = str(Path(sys.executable).with_name("rasa"))


def timed_training(config: str, out_dir: Path) -> float:
    started = time.monotonic()
    subprocess.run(
        [
            RASA,
            "train",
            "--force",
            "--domain",
            "bot/domain",
            "--data",
            "data",
            "--config",
            config,
            "--out",
            str(out_dir),
        ],
        cwd=REPO,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.monotonic() - started


def nlu_data(languages: list[str] | None, work: Path) -> str:
    """All of data/, or a copy holding only some languages' examples (and the shared files)."""
    if not languages:
        return "data"
    copy = work / "data"
    shutil.copytree(REPO / "data", copy)
    for folder in (copy / "nlu").iterdir():
        if folder.is_dir() and folder.name not in languages:
            shutil.rmtree(folder)
    return str(copy)


def cross_validate(config: str, folds: int, out_dir: Path, data: str = "data") -> dict[str, float]:
    subprocess.run(
        [
            RASA,
            "test",
            "nlu",
            "--nlu",
            data,
            "--config",
            config,
            "--cross-validation",
            "--folds",
            str(folds),
            "--out",
            str(out_dir),
            "--no-plot",
            "--successes",
        ],
        cwd=REPO,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    intents = json.loads((out_dir / "intent_report.json").read_text())
    responses = json.loads((out_dir / "response_selection_report.json").read_text())
    return {
        "intent_macro_f1": intents["macro avg"]["f1-score"],
        "intent_weighted_f1": intents["weighted avg"]["f1-score"],
        "faq_topic_macro_f1": responses["macro avg"]["f1-score"],
        "faq_topic_accuracy": responses.get("accuracy", float("nan")),
    }


def _language_of_examples() -> dict[str, str]:
    import yaml

    languages_of: dict[str, set[str]] = {}
    for path in (REPO / "data" / "nlu").glob("*/*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in block.get("examples", "").splitlines():
                text = line.strip()[2:].strip()
                if text:
                    languages_of.setdefault(text, set()).add(path.parent.name)
    # A text written the same in several languages ("ok", "portage") counts for none of them.
    return {
        text: next(iter(found)) if len(found) == 1 else "shared"
        for text, found in languages_of.items()
    }


def per_language_macro_f1(out_dir: Path, kind: str) -> dict[str, float]:
    """Held-out macro F1 per language for `intent` or `response_selection`, from the successes
    and errors Rasa writes, each text matched to the language folder it came from."""
    from sklearn.metrics import f1_score

    target_key, predicted_key = (
        ("intent", "intent_prediction")
        if kind == "intent"
        else ("intent_response_key_target", "intent_response_key_prediction")
    )
    language_of = _language_of_examples()
    pairs: dict[str, tuple[list[str], list[str]]] = {}
    for name in (f"{kind}_successes.json", f"{kind}_errors.json"):
        path = out_dir / name
        for item in json.loads(path.read_text()) if path.exists() else []:
            language = language_of.get(item["text"], "?")
            targets, predictions = pairs.setdefault(language, ([], []))
            targets.append(item[target_key])
            predictions.append((item[predicted_key] or {}).get("name") or "")
    return {
        language: f1_score(targets, predictions, average="macro", labels=sorted(set(targets)))
        for language, (targets, predictions) in sorted(pairs.items())
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--config", default="config.yml", help="Rasa config to measure")
    parser.add_argument("--skip-training-time", action="store_true")
    parser.add_argument(
        "--languages", nargs="+", help="only these languages' examples, e.g. --languages en pl"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        if not args.skip_training_time:
            seconds = timed_training(args.config, tmp_path / "models")
            print(f"full training (rasa train --force): {seconds:.0f} s")
        started = time.monotonic()
        data = nlu_data(args.languages, tmp_path)
        scores = cross_validate(args.config, args.folds, tmp_path / "cv", data)
        print(f"{args.folds}-fold cross-validation took {time.monotonic() - started:.0f} s")
        for name, value in scores.items():
            print(f"{name}: {value:.3f}")
        for kind in ("intent", "response_selection"):
            for language, f1 in per_language_macro_f1(tmp_path / "cv", kind).items():
                print(f"{kind} macro F1 [{language}]: {f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
