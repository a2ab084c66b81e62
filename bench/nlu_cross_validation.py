"""5-fold cross-validation of the NLU (intents and FAQ topics), and the time a full training takes.

Run with `make bench` (or .venv/bin/python bench/nlu_cross_validation.py [--folds N]). Prints:
intent macro F1, FAQ-topic (ResponseSelector) macro F1, per-language intent accuracy on the
held-out folds, and the wall-clock time of a full `rasa train --force`.
"""

from __future__ import annotations

import argparse
import json
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


def cross_validate(config: str, folds: int, out_dir: Path) -> dict[str, float]:
    subprocess.run(
        [
            RASA,
            "test",
            "nlu",
            "--nlu",
            "data",
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


def per_language_accuracy(out_dir: Path) -> dict[str, float]:
    """Held-out intent accuracy per language, matching each predicted text to its language file."""
    import yaml

    language_of: dict[str, str] = {}
    for path in (REPO / "data" / "nlu").glob("*/*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in block.get("examples", "").splitlines():
                text = line.strip()[2:].strip()
                if text:
                    language_of[text] = path.parent.name
    counts: dict[str, list[int]] = {}
    for name, correct in (("intent_successes.json", 1), ("intent_errors.json", 0)):
        path = out_dir / name
        for item in json.loads(path.read_text()) if path.exists() else []:
            language = language_of.get(item["text"], "?")
            counts.setdefault(language, [0, 0])
            counts[language][0] += correct
            counts[language][1] += 1
    return {language: right / total for language, (right, total) in sorted(counts.items())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--config", default="config.yml", help="Rasa config to measure")
    parser.add_argument("--skip-training-time", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        if not args.skip_training_time:
            seconds = timed_training(args.config, tmp_path / "models")
            print(f"full training (rasa train --force): {seconds:.0f} s")
        started = time.monotonic()
        scores = cross_validate(args.config, args.folds, tmp_path / "cv")
        print(f"{args.folds}-fold cross-validation took {time.monotonic() - started:.0f} s")
        for name, value in scores.items():
            print(f"{name}: {value:.3f}")
        for language, accuracy in per_language_accuracy(tmp_path / "cv").items():
            print(f"intent accuracy [{language}]: {accuracy:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
