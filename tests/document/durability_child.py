"""Child process of the durability test: applies seeded operations, acknowledging each."""

import random
import sys

from PySide6.QtCore import QCoreApplication

from app.document import Document
from tests.document.random_ops import apply_random_op, seeded_ids


def main() -> None:
    path, seed, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    QCoreApplication([])
    rng = random.Random(seed)
    doc = Document.open(path)
    with seeded_ids(seed + 1):
        for i in range(count):
            apply_random_op(doc, rng)
            # Printed only after the command's transaction committed.
            print(f"ack {i}", flush=True)
    doc.close()


if __name__ == "__main__":
    main()
