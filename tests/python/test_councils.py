import csv
import re
from collections import Counter
from datetime import date, timedelta

import pytest

from csc.config import PROJECT_DIR
from csc.councils import (
    CouncilRef,
    UnknownCouncil,
    by_dfe_code,
    by_la_code,
    councils,
    resolve_council,
    statistical_neighbours,
)

REGIONS = {
    "North East",
    "North West",
    "Yorkshire and the Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
}


def _real() -> list[CouncilRef]:
    return [c for c in councils() if not c.la_code.startswith("E99")]


def _current() -> list[CouncilRef]:
    return [c for c in _real() if c.is_current]


@pytest.mark.parametrize(
    ("code", "la_code", "la_name", "region"),
    [
        ("926", "E10000020", "Norfolk", "East of England"),
        ("E10000020", "E10000020", "Norfolk", "East of England"),
        (" e10000020 ", "E10000020", "Norfolk", "East of England"),
        ("372", "E08000018", "Rotherham", "Yorkshire and the Humber"),
        ("E08000018", "E08000018", "Rotherham", "Yorkshire and the Humber"),
        ("372\n", "E08000018", "Rotherham", "Yorkshire and the Humber"),
    ],
)
def test_resolves_either_code(code, la_code, la_name, region):
    council = resolve_council(code)
    assert (council.la_code, council.la_name, council.region) == (la_code, la_name, region)
    assert council.dfe_code == {"E10000020": "926", "E08000018": "372"}[la_code]
    assert council.is_current


@pytest.mark.parametrize("code", ["999", "E10000099", "Norfolk", "", "9260", "X10000020", "E1000002"])
def test_unknown_code_raises_naming_the_code_and_the_accepted_forms(code):
    with pytest.raises(UnknownCouncil) as raised:
        resolve_council(code)
    assert isinstance(raised.value, ValueError)
    assert str(raised.value) == (
        f"unknown council {code.strip()!r}: give the DfE 3-digit code (e.g. 926) or the ONS code (e.g. E10000020) "
        "of an English council (seeds/councils.csv)"
    )


def test_unknown_message_example():
    with pytest.raises(UnknownCouncil, match=r"^unknown council '999': give the DfE 3-digit code \(e\.g\. 926\)"):
        resolve_council("999")


@pytest.mark.parametrize(
    ("dfe_code", "current", "former", "changed"),
    [
        ("815", "E06000065", "E10000023", date(2023, 4, 1)),  # North Yorkshire
        ("933", "E06000066", "E10000027", date(2023, 4, 1)),  # Somerset
        ("825", "E06000060", "E10000002", date(2020, 4, 1)),  # Buckinghamshire
        ("370", "E08000038", "E08000016", date(2025, 4, 1)),  # Barnsley
        ("373", "E08000039", "E08000019", date(2025, 4, 1)),  # Sheffield
    ],
)
def test_a_shared_dfe_code_resolves_to_the_current_row(dfe_code, current, former, changed):
    now = resolve_council(dfe_code)
    assert (now.la_code, now.valid_from, now.valid_to) == (current, changed, None)
    old = resolve_council(former)
    assert (old.dfe_code, old.la_name, old.valid_to) == (dfe_code, now.la_name, changed - timedelta(days=1))
    assert by_dfe_code(dfe_code) == now and by_la_code(former) == old


@pytest.mark.parametrize(
    ("code", "la_code", "la_name", "valid_to"),
    [
        ("909", "E10000006", "Cumbria", date(2023, 3, 31)),
        ("928", "E10000021", "Northamptonshire", date(2021, 3, 31)),
        ("835", "E10000009", "Dorset", date(2019, 3, 31)),
        ("836", "E06000029", "Poole", date(2019, 3, 31)),
        ("837", "E06000028", "Bournemouth", date(2019, 3, 31)),
    ],
)
def test_councils_replaced_by_reorganisation_still_resolve(code, la_code, la_name, valid_to):
    council = resolve_council(code)
    assert (council.la_code, council.la_name, council.valid_to, council.is_current) == (
        la_code,
        la_name,
        valid_to,
        False,
    )
    assert resolve_council(la_code) == council


@pytest.mark.parametrize(
    ("code", "la_code", "la_name", "valid_from"),
    [
        ("940", "E06000061", "North Northamptonshire", date(2021, 4, 1)),
        ("941", "E06000062", "West Northamptonshire", date(2021, 4, 1)),
        ("942", "E06000063", "Cumberland", date(2023, 4, 1)),
        ("943", "E06000064", "Westmorland and Furness", date(2023, 4, 1)),
        ("838", "E06000059", "Dorset", date(2019, 4, 1)),
        ("839", "E06000058", "Bournemouth, Christchurch and Poole", date(2019, 4, 1)),
    ],
)
def test_successor_councils(code, la_code, la_name, valid_from):
    council = resolve_council(code)
    assert (council.la_code, council.la_name, council.valid_from, council.valid_to) == (
        la_code,
        la_name,
        valid_from,
        None,
    )


def test_every_council_of_the_population_seed_resolves_with_its_name():
    with (PROJECT_DIR / "seeds" / "population_0_17.csv").open(newline="") as f:
        names = {row["la_code"]: row["la_name"] for row in csv.DictReader(f)}
    assert len(names) > 100
    for la_code, la_name in names.items():
        assert resolve_council(la_code).la_name == la_name, la_code


def test_seed_header_and_code_formats():
    with (PROJECT_DIR / "seeds" / "councils.csv").open(newline="") as f:
        assert next(csv.reader(f)) == ["dfe_code", "la_code", "la_name", "region", "valid_from", "valid_to"]
    for c in councils():
        assert re.fullmatch(r"E\d{8}", c.la_code), c
        assert c.la_name, c
        if c.la_code.startswith("E99"):  # synthetic councils: no DfE code, no region
            assert (c.dfe_code, c.region) == ("", ""), c
        else:
            assert re.fullmatch(r"\d{3}", c.dfe_code), c
            assert c.region in REGIONS, c
        if c.valid_from and c.valid_to:
            assert c.valid_from <= c.valid_to, c


def test_no_two_current_rows_share_a_code():
    current = _current()
    assert len(current) == 153  # English councils with children's services since 2023-04-01
    assert not [code for code, n in Counter(c.dfe_code for c in current).items() if n > 1]
    assert not [code for code, n in Counter(c.la_code for c in councils()).items() if n > 1]
    assert Counter(c.region for c in current) == {
        "North East": 12,
        "North West": 24,
        "Yorkshire and the Humber": 15,
        "East Midlands": 10,
        "West Midlands": 14,
        "East of England": 11,
        "London": 33,
        "South East": 19,
        "South West": 15,
    }


def test_every_former_council_has_a_current_row_or_a_successor_from_the_next_day():
    current_from = {c.valid_from for c in _current() if c.valid_from}
    for c in _real():
        if c.valid_to:
            assert c.valid_to + timedelta(days=1) in current_from, c


def test_neighbours_resolve_to_known_councils_and_none_is_its_own():
    with (PROJECT_DIR / "seeds" / "statistical_neighbours.csv").open(newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["la_code", "neighbour_rank", "neighbour_la_code"]
    ranks: dict[str, list[int]] = {}
    for row in rows:
        assert row["la_code"] != row["neighbour_la_code"], row
        assert by_la_code(row["la_code"]) is not None, row
        neighbour = by_la_code(row["neighbour_la_code"])
        assert neighbour is not None and neighbour.is_current, row
        ranks.setdefault(row["la_code"], []).append(int(row["neighbour_rank"]))
    assert {code: sorted(r) for code, r in ranks.items()} == {c.la_code: list(range(1, 11)) for c in _current()}
    for c in _current():
        neighbours = statistical_neighbours(c.la_code)
        assert len({n.la_code for n in neighbours}) == 10 and c not in neighbours, c


def test_neighbours_are_ranked_as_published():
    # DfE children's services statistical neighbours, 2025 model
    assert [n.la_name for n in statistical_neighbours("926")[:3]] == ["Suffolk", "Cornwall", "Devon"]
    assert [n.la_name for n in statistical_neighbours("E08000018")[:3]] == ["Barnsley", "Tameside", "Doncaster"]


def test_neighbours_of_former_and_synthetic_councils():
    # a recode keeps the council's neighbours; a split council and a synthetic council have none
    assert statistical_neighbours("E10000023") == statistical_neighbours("815")
    assert statistical_neighbours("E10000006") == []
    assert statistical_neighbours("E99000013") == []
    with pytest.raises(UnknownCouncil):
        statistical_neighbours("E10000099")
