"""Japanese numerals in dates: Arabic, full-width and kanji digits (二〇二三, 十二, 元)."""

from __future__ import annotations

#: A regex character class body of every character a number in a date may use.
DIGITS = "0-9０-９〇○零一二三四五六七八九十百千"
NUMBER = f"[{DIGITS}]+"

_KANJI_DIGIT = {
    "〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_KANJI_UNIT = {"十": 10, "百": 100, "千": 1000}
_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")


def to_int(text: str) -> int | None:
    """The value of a number written in Arabic, full-width or kanji digits; None if malformed.

    ``"2023"``, ``"２０２３"`` and ``"二〇二三"`` are 2023; ``"十二"`` is 12; ``"元"`` is 1.
    """
    text = text.translate(_WIDE)
    if not text:
        return None
    if text == "元":
        return 1
    if text.isdigit():
        return int(text)
    if any(c in _KANJI_UNIT for c in text):
        total, current = 0, 0
        for c in text:
            if c in _KANJI_DIGIT:
                current = current * 10 + _KANJI_DIGIT[c]
            elif c in _KANJI_UNIT:
                total += (current or 1) * _KANJI_UNIT[c]
                current = 0
            elif c.isdigit():
                current = current * 10 + int(c)
            else:
                return None
        return total + current
    digits = []
    for c in text:
        if c.isdigit():
            digits.append(int(c))
        elif c in _KANJI_DIGIT:
            digits.append(_KANJI_DIGIT[c])
        else:
            return None
    value = 0
    for d in digits:
        value = value * 10 + d
    return value
