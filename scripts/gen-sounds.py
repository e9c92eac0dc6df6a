#!/usr/bin/env python3
"""Writes the coach's short cue sounds to assets/sounds/*.wav.

Plain sine tones with a soft attack and release (no clicks), 16-bit mono
22050 Hz, quiet enough for a bedroom. Only the standard library is used, so
the files can be regenerated anywhere:  python3 scripts/gen-sounds.py
The output is deterministic: running it again gives the same bytes.
"""

import math
import struct
import wave
from pathlib import Path

RATE = 22050
VOLUME = 0.35  # of full scale
FADE_S = 0.012

# name -> list of (frequency Hz, seconds); 0 Hz is silence.
SOUNDS = {
    # A hold begins: one clear mid tone.
    "start": [(880, 0.18)],
    # One of the last seconds: a short, lower blip.
    "tick": [(660, 0.07)],
    # Change sides: two tones going up.
    "switch": [(660, 0.12), (0, 0.05), (990, 0.16)],
    # A step or the routine is done: three tones going down, gentle.
    "end": [(990, 0.14), (0, 0.04), (784, 0.14), (0, 0.04), (660, 0.26)],
}


def tone(freq, seconds):
    n = int(RATE * seconds)
    fade = int(RATE * FADE_S)
    out = []
    for i in range(n):
        env = min(1.0, i / fade, (n - 1 - i) / fade) if fade else 1.0
        v = VOLUME * env * math.sin(2 * math.pi * freq * i / RATE) if freq else 0.0
        out.append(int(round(v * 32767)))
    return out


def main():
    folder = Path(__file__).resolve().parent.parent / "assets" / "sounds"
    folder.mkdir(parents=True, exist_ok=True)
    for name, parts in SOUNDS.items():
        samples = [s for f, d in parts for s in tone(f, d)]
        with wave.open(str(folder / f"{name}.wav"), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(RATE)
            w.writeframes(struct.pack(f"<{len(samples)}h", *samples))
        print(f"assets/sounds/{name}.wav: {len(samples) / RATE:.2f} s")


if __name__ == "__main__":
    main()
