"""The feedback sounds as small WAV files, written with the standard library's ``wave``.

``python -m ui.sound_files [DIR]`` writes them (default: resources/sounds); the station also
writes any that are missing on start. Each severity has its own shape, so an operator who is
not looking still knows what happened: one short high beep (ok), two middle beeps (attention),
a long low buzz rising and falling (error).
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22_050
SOUNDS_DIR = Path(__file__).resolve().parent.parent / "resources" / "sounds"

# name -> [(frequency Hz, seconds), ...]; frequency 0 is silence.
SHAPES: dict[str, list[tuple[float, float]]] = {
    "ok": [(1760.0, 0.09)],
    "attention": [(880.0, 0.12), (0.0, 0.06), (880.0, 0.12)],
    "error": [(220.0, 0.18), (196.0, 0.18), (220.0, 0.18), (196.0, 0.18)],
}


def _tone(frequency: float, seconds: float, volume: float = 0.6) -> bytes:
    count = int(RATE * seconds)
    fade = max(1, int(RATE * 0.005))  # 5 ms ramps: no click at either end
    frames = bytearray()
    for i in range(count):
        envelope = min(1.0, i / fade, (count - i) / fade)
        value = 0.0
        if frequency:
            # A square-ish tone (fundamental + third harmonic) cuts through warehouse noise.
            phase = 2 * math.pi * frequency * i / RATE
            value = math.sin(phase) + 0.3 * math.sin(3 * phase)
        frames += struct.pack("<h", int(32767 * volume * envelope * value / 1.3))
    return bytes(frames)


def write_sound(path: Path, shape: list[tuple[float, float]]) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(_tone(f, s) for f, s in shape))


def ensure_sound_files(directory: Path = SOUNDS_DIR) -> dict[str, Path]:
    """Write the sounds that are missing; returns name -> path."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, shape in SHAPES.items():
        path = directory / f"{name}.wav"
        if not path.exists():
            write_sound(path, shape)
        paths[name] = path
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else SOUNDS_DIR
    for name, path in ensure_sound_files(target).items():
        print(f"{name}: {path}")
