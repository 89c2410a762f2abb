"""An outlet quoting a speaker: "…,” Reuters quoted X as saying" and "Reuters quoted X, who said …".

The outlet is the relay; the speaker is the quoted person or body. A quotation before the
attribution, or one after "as saying", is the speaker's own words (direct); a clause after
"as saying" or "who said" reaches the article second-hand (reported).

Example:
    >>> t = '“We are ready,” the agency quoted the minister as saying.'
    >>> [(t[o[0]:o[1]], t[c[0]:c[1]]) for o, c, _r in find_quoted_as(t, t, (0, len(t)))]
    [('the minister', '“We are ready,”')]
"""

from __future__ import annotations

from .lexicon import QUOTED_AS_WORDS, QUOTING_VERBS, RELATIVE_SPEECH_WORDS, VERB_GROUP_ADVERBS
from .names import name_tokens
from .types import CharSpan


def find_quoted_as(text: str, masked: str, unit: CharSpan) -> list[tuple[CharSpan, CharSpan, CharSpan]]:
    """``(speaker phrase, content, relay phrase)`` spans of "quoted X as saying" shapes in a unit."""
    toks = name_tokens(masked[unit[0] : unit[1]])
    base = unit[0]
    out: list[tuple[CharSpan, CharSpan, CharSpan]] = []
    for i, tok in enumerate(toks):
        if tok.low not in QUOTING_VERBS:
            continue
        for j in range(i + 2, min(len(toks) - 1, i + 14)):
            pair = f"{toks[j].low} {toks[j + 1].low.rstrip('.,;:')}"
            if pair in QUOTED_AS_WORDS or pair in RELATIVE_SPEECH_WORDS:
                break
        else:
            continue
        obj_end = toks[j - 1].end if toks[j - 1].text != "," else toks[j - 2].end
        speaker = (base + toks[i + 1].start, base + obj_end)
        relay_start = next((k for k in range(i - 1, -1, -1) if toks[k].text in (",", "”", '"')), -1) + 1
        if relay_start >= i:
            continue
        last = i - 1
        while last > relay_start and toks[last].low in VERB_GROUP_ADVERBS:
            last -= 1  # "Reuters also quoted": the adverb is not the outlet
        relay = (base + toks[relay_start].start, base + toks[last].end)
        after = base + toks[j + 1].end
        after = min(after, base + toks[j + 1].start + len(toks[j + 1].text.rstrip(".,;:")))
        rest = text[after : unit[1]].strip(" ,:")
        if rest.lower().startswith("that "):
            after = text.index(rest, after) + 5
            rest = rest[5:]
        if rest.strip(" .,;:"):
            s = text.index(rest, after)
            if text[s] == ":":
                s += 1
            e = s + len(rest.rstrip())
            while e > s and text[e - 1] in ".,;:" and masked[e - 1] == text[e - 1]:
                e -= 1
            out.append((speaker, (s, e), relay))
        elif pair in QUOTED_AS_WORDS:
            # The quotation before the outlet: “…,” Reuters quoted X as saying.
            lead = masked[unit[0] : relay[0]].rstrip(" ,")
            q_end = unit[0] + len(lead)
            q_start = unit[0] + len(lead) - len(lead.lstrip())
            if lead and lead[-1] in '”"' and lead.lstrip()[:1] in '“"':
                out.append((speaker, (q_start, q_end), relay))
    return out
