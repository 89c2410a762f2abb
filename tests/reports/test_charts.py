"""Timeline charts: deterministic SVG, markers per cell kind, ids unique per chart, no metadata."""

from __future__ import annotations

import re

from rhetoric.reports.charts import COLOURS, timeline_svg
from rhetoric.shifts.timeline import timeline
from tests.shifts.conftest import analysed


def _zelensky(seed_data):
    return seed_data.actors[0].timeline


def test_same_timeline_same_bytes(seed_data) -> None:
    tl = _zelensky(seed_data)
    assert timeline_svg(tl, id_prefix="z") == timeline_svg(tl, id_prefix="z")


def test_svg_has_no_date_no_prolog_and_text_as_text(seed_data) -> None:
    svg = timeline_svg(_zelensky(seed_data), id_prefix="z", title="Zelensky")
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "<?xml" not in svg and "<metadata>" not in svg and "dc:date" not in svg
    assert '<title id="z-title">Zelensky</title>' in svg
    assert ">nato_membership<" in svg  # labels stay searchable text
    assert ">softened<" in svg  # verdict written between the statements


def test_marker_colours_for_each_kind_present(seed_data) -> None:
    svg = timeline_svg(_zelensky(seed_data), id_prefix="z").lower()
    # Zelensky rules out negotiations until Russia withdraws (opposed, as coders read it).
    for kind in ("condition", "outcome", "support", "oppose"):
        assert COLOURS[kind] in svg, kind


def test_ids_are_prefixed_and_references_follow(seed_data) -> None:
    svg = timeline_svg(_zelensky(seed_data), id_prefix="chart-z")
    ids = re.findall(r'id="([^"]+)"', svg)
    assert ids and all(i.startswith("chart-z-") for i in ids)
    refs = re.findall(r'aria-labelledby="([^"]+)"', svg)
    assert refs and set(refs) <= set(ids)


def test_two_charts_share_no_id(seed_data) -> None:
    a = set(re.findall(r'id="([^"]+)"', timeline_svg(_zelensky(seed_data), id_prefix="a")))
    b = set(re.findall(r'id="([^"]+)"', timeline_svg(_zelensky(seed_data), id_prefix="b")))
    assert a and b and not a & b


def test_a_statement_without_tags_still_gets_a_chart() -> None:
    tl = timeline([analysed("putin", "2024", "Nothing to see here.", [])])
    svg = timeline_svg(tl, id_prefix="p")
    assert "no codebook tag mentioned" in svg


def test_oppose_marker_drawn() -> None:
    tl = timeline(
        [
            analysed(
                "putin",
                "2024",
                "We firmly oppose NATO membership for Ukraine.",
                [("nato_membership", "NATO membership")],
            )
        ]
    )
    assert COLOURS["oppose"] in timeline_svg(tl, id_prefix="p").lower()


def test_long_timeline_thins_labels_and_drops_verdict_words() -> None:
    texts = [
        (
            "Talks are only possible if Kyiv recognises the new territorial realities.",
            [("negotiations", "Talks"), ("territorial_concession", "new territorial realities")],
        ),
        ("We are ready for negotiations without any preconditions.", [("negotiations", "negotiations")]),
    ]
    analyses = [analysed("putin", f"{2000 + i // 12}-{i % 12 + 1:02d}", *texts[i % 2]) for i in range(30)]
    svg = timeline_svg(timeline(analyses), id_prefix="long")
    labels = re.findall(r">#(\d+)<", svg)
    assert 1 < len(labels) <= 12 and labels[0] == "1"
    assert ">softened<" not in svg and ">hardened<" not in svg


def test_many_statements_are_drawn_by_period_at_a_bounded_size() -> None:
    texts = [
        ("Talks are only possible if Kyiv recognises the new territorial realities.",
         [("negotiations", "Talks"), ("territorial_concession", "new territorial realities")]),
        ("We are ready for negotiations without any preconditions.", [("negotiations", "negotiations")]),
    ]
    small = timeline_svg(timeline([analysed("putin", "2020-01", *texts[0])]), id_prefix="s")
    sizes = []
    for n in (200, 2000):
        analyses = [analysed("putin", f"{2000 + i % 3}-{i % 12 + 1:02d}", *texts[i % 2]) for i in range(n)]
        svg = timeline_svg(timeline(analyses), id_prefix="many")
        assert ">2000-01<" in svg and ">n=" in svg  # one column per month, with its count
        sizes.append(len(svg))
    assert abs(sizes[0] - sizes[1]) < 100 and sizes[1] < 40 * len(small)


def test_statement_marks_agree_with_the_matrix(seed_data) -> None:
    from rhetoric.reports.charts import timeline_columns

    for actor in seed_data.actors:
        tl = actor.timeline
        columns, by_period = timeline_columns(tl)
        assert not by_period
        for tag, row in tl.matrix().items():
            for cell, column in zip(row, columns, strict=True):
                marks = column.cells.get(tag, ())
                assert (cell == "absent") == (not marks)
                if cell != "absent":
                    assert cell in marks or (cell == "mentioned" and marks == ("mentioned",)), (tag, cell, marks)
